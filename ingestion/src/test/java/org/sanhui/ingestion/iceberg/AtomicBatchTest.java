package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.ingestion.iceberg.Fixtures.activity;
import static org.sanhui.ingestion.iceberg.Fixtures.evaluation;
import static org.sanhui.ingestion.iceberg.Fixtures.organisation;
import static org.sanhui.ingestion.iceberg.Fixtures.post;
import static org.sanhui.ingestion.iceberg.Fixtures.reject;
import static org.sanhui.ingestion.iceberg.Fixtures.submission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanhui.model.schema.Datasets;

/**
 * A batch that dies at any crash point leaves the tables, as a reader resolves them through the last complete batch,
 * as they were before it or as they are after it; the next writer rolls back the commits past that batch.
 */
class AtomicBatchTest {

    @TempDir
    Path dir;

    @TempDir
    static Path referenceDir;

    /** The expected state after both batches, from a clean run in another warehouse. */
    private static Map<String, List<String>> after;

    @BeforeAll
    static void reference() {
        WarehouseCatalog reference = Fixtures.catalog(referenceDir);
        try (WriterLock lock = Fixtures.lock(referenceDir)) {
            BatchWriter w = writer(reference, lock, CrashPoints.NONE);
            Batch b = w.begin("b1");
            batch1(b);
            b.commit();
            b = w.begin("b2");
            batch2(b);
            b.commit();
        }
        after = view(reference);
    }

    /** The crash points of a batch that changes every table, in the order the writer passes them. */
    static Stream<String> points() {
        List<String> p = new ArrayList<>();
        for (String t : List.of("organisations", "posts", "activities", "evaluations", "rejects", "submissions")) {
            p.add(CrashPoints.afterWrite(t));
            p.add(CrashPoints.afterCommit(t));
        }
        return p.stream();
    }

    private static final class Crash extends RuntimeException {
        Crash(String point) {
            super("simulated crash at " + point);
        }
    }

    static void batch1(Batch b) {
        b.replace(Datasets.ORGANISATIONS, "640104", "2024Q4").add(organisation("640104", "2024Q4", 4, "K1", "学会一", "王芳"));
        b.replace(Datasets.POSTS, "640104", "2024Q4").add(post("640104", "2024Q4", 4, "李四"));
        Slice a = b.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
        a.add(activity("640104", "2024Q4", 5, "义诊", 10));
        a.add(activity("640104", "2024Q4", 6, "讲座", 20));
        b.replace(Datasets.ACTIVITIES, "640105", "2024Q4").add(activity("640105", "2024Q4", 5, "培训", 30));
        b.upsert(Datasets.EVALUATIONS, evaluation("640104", "K1", 2024, "C"));
        b.replaceRejects("activities", "640104", "2024Q4").add(reject("640104", "2024Q4", "activities", "BAD_DATE"));
        b.append(Datasets.SUBMISSIONS, submission("s1", "640104", "2024Q4", "organisations,posts,activities"));
        b.append(Datasets.SUBMISSIONS, submission("s2", "640105", "2024Q4", "activities"));
    }

    /** A resubmission of 640104 that changes every table. */
    static void batch2(Batch b) {
        b.replace(Datasets.ORGANISATIONS, "640104", "2024Q4").add(organisation("640104", "2024Q4", 4, "K1", "学会一改", "王芳"));
        Slice p = b.replace(Datasets.POSTS, "640104", "2024Q4");
        p.add(post("640104", "2024Q4", 4, "李四"));
        p.add(post("640104", "2024Q4", 5, "张三"));
        b.replace(Datasets.ACTIVITIES, "640104", "2024Q4").add(activity("640104", "2024Q4", 5, "义诊(更正)", 11));
        b.upsert(Datasets.EVALUATIONS, evaluation("640104", "K1", 2024, "B"));
        b.replaceRejects("activities", "640104", "2024Q4"); // no rejects any more
        b.append(Datasets.SUBMISSIONS, submission("s3", "640104", "2024Q4", "organisations,posts,activities"));
    }

    /** Every table's rows as a reader sees them through the last complete batch, as sorted strings. */
    static Map<String, List<String>> view(WarehouseCatalog catalog) {
        BatchSnapshots b = BatchSnapshots.lastComplete(catalog).orElseThrow();
        WarehouseTables tables = WarehouseTables.openForRead(catalog);
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, Table> e : tables.tables().entrySet()) {
            Table t = e.getValue();
            t.refresh();
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> r : TableRows.read(t, b.snapshotId(t, e.getKey()), Expressions.alwaysTrue())) {
                r.remove(Datasets.INGESTED_AT);
                rows.add(new TreeMap<>(r).toString());
            }
            rows.sort(null);
            out.put(e.getKey(), rows);
        }
        return out;
    }

    private static BatchWriter writer(WarehouseCatalog catalog, WriterLock lock, CrashPoints.Hook hook) {
        return BatchWriter.open(WarehouseTables.openForWrite(catalog), lock, BatchWriter.Options.DEFAULTS.withHook(hook));
    }

    @ParameterizedTest
    @MethodSource("points")
    void readersSeeBeforeOrAfterAndTheNextWriterRollsBack(String point) {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        Map<String, List<String>> before;
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter w = writer(catalog, lock, CrashPoints.NONE);
            Batch b = w.begin("b1");
            batch1(b);
            b.commit();
            before = view(catalog);
            assertThat(before).isNotEqualTo(after);

            BatchWriter dying = writer(catalog, lock, p -> {
                if (p.equals(point)) {
                    throw new Crash(p);
                }
            });
            Batch b2 = dying.begin("b2");
            batch2(b2);
            assertThatThrownBy(b2::commit).isInstanceOf(Crash.class);
        }
        Map<String, List<String>> seen = view(catalog);
        boolean complete = point.equals(CrashPoints.afterCommit("submissions"));
        assertThat(seen).isEqualTo(complete ? after : before);

        // the next writer rolls the tables back to the last complete batch, then the batch can be run again
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter next = writer(catalog, lock, CrashPoints.NONE);
            boolean someTableCommitted = !point.equals(CrashPoints.afterWrite("organisations"))
                    && !complete;
            assertThat(next.rolledBack().isEmpty()).isEqualTo(!someTableCommitted);
            BatchSnapshots last = BatchSnapshots.lastComplete(catalog).orElseThrow();
            for (Map.Entry<String, Table> e : WarehouseTables.openForRead(catalog).tables().entrySet()) {
                e.getValue().refresh();
                assertThat(e.getValue().currentSnapshot().snapshotId()).as(e.getKey())
                        .isEqualTo(last.snapshotId(e.getValue(), e.getKey()));
            }
            assertThat(view(catalog)).isEqualTo(complete ? after : before);
            if (!complete) {
                Batch again = next.begin("b2-retry");
                batch2(again);
                again.commit();
            }
        }
        assertThat(view(catalog)).isEqualTo(after);
    }
}
