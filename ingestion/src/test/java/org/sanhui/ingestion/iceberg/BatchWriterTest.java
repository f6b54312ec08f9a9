package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.ingestion.iceberg.Fixtures.activity;
import static org.sanhui.ingestion.iceberg.Fixtures.evaluation;
import static org.sanhui.ingestion.iceberg.Fixtures.organisation;
import static org.sanhui.ingestion.iceberg.Fixtures.reject;
import static org.sanhui.ingestion.iceberg.Fixtures.submission;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.schema.Datasets;

class BatchWriterTest {

    @TempDir
    Path dir;

    private static List<DataFile> files(Table t, long snapshotId) throws Exception {
        List<DataFile> out = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = t.newScan().useSnapshot(snapshotId).includeColumnStats().planFiles()) {
            for (FileScanTask task : tasks) {
                out.add(task.file());
            }
        }
        return out;
    }

    private static Map<String, List<String>> titlesByCounty(Table t, long snapshotId) {
        Map<String, List<String>> m = new TreeMap<>();
        for (Map<String, Object> r : TableRows.read(t, snapshotId, Expressions.alwaysTrue())) {
            m.computeIfAbsent((String) r.get(Datasets.COUNTY_CODE), k -> new ArrayList<>()).add((String) r.get(Datasets.TITLE));
        }
        m.values().forEach(l -> l.sort(Comparator.naturalOrder()));
        return m;
    }

    @Test
    void firstBatchWritesOneSortedFilePerPeriodAndProvince() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        BatchSnapshots b;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch batch = w.begin("b1");
            // three Ningxia counties given out of order, one Gansu county
            for (String county : List.of("640181", "640104", "620102", "640105")) {
                Slice s = batch.replace(Datasets.ACTIVITIES, county, "2024Q4");
                s.add(activity(county, "2024Q4", 5, county + "-义诊", 10));
                s.add(activity(county, "2024Q4", 6, county + "-讲座", 20));
                batch.append(Datasets.SUBMISSIONS, submission(county + "-2024Q4-s", county, "2024Q4", "activities"));
            }
            b = batch.commit();
        }
        Table act = catalog.catalog().loadTable(org.apache.iceberg.catalog.TableIdentifier.of("sanhui", "activities"));
        long id = b.snapshotId(act, "activities");
        List<DataFile> files = files(act, id);
        // one file for 2024Q4/64, one for 2024Q4/62
        assertThat(files).hasSize(2);
        assertThat(files.stream().map(f -> act.spec().partitionToPath(f.partition())).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("period=2024Q4/province=64", "period=2024Q4/province=62");
        // the Ningxia file's rows come sorted by county
        List<String> counties = TableRows.read(act, id, Expressions.equal("county_code", "640104")).stream()
                .map(r -> (String) r.get(Datasets.COUNTY_CODE)).toList();
        assertThat(counties).containsExactly("640104", "640104");
        List<String> order = new ArrayList<>();
        for (Map<String, Object> r : TableRows.read(act, id, Expressions.startsWith("county_code", "64"))) {
            order.add((String) r.get(Datasets.COUNTY_CODE));
        }
        assertThat(order).containsExactly("640104", "640104", "640105", "640105", "640181", "640181");
        assertThat(act.snapshot(id).summary()).containsEntry(BatchSnapshots.BATCH_ID, "b1");
        Table subs = catalog.catalog().loadTable(org.apache.iceberg.catalog.TableIdentifier.of("sanhui", "submissions"));
        assertThat(subs.currentSnapshot().summary()).containsEntry(BatchSnapshots.SNAPSHOT_PREFIX + "activities",
                Long.toString(id));
        assertThat(TableRows.count(subs, b.snapshotIds().get("submissions"))).isEqualTo(4);
    }

    @Test
    void resubmissionRewritesOnlyItsProvincePeriodFileCopyOnWrite() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        BatchSnapshots b1;
        BatchSnapshots b2;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch batch = w.begin("b1");
            for (String county : List.of("640104", "640105", "620102")) {
                Slice s = batch.replace(Datasets.ACTIVITIES, county, "2024Q4");
                s.add(activity(county, "2024Q4", 5, "old-" + county, 10));
                s.add(activity(county, "2024Q4", 6, "old2-" + county, 10));
            }
            batch.replace(Datasets.ACTIVITIES, "640104", "2024Q3").add(activity("640104", "2024Q3", 5, "q3", 10));
            b1 = batch.commit();

            Batch again = w.begin("b2");
            Slice s = again.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            s.add(activity("640104", "2024Q4", 5, "new-640104", 99));
            again.append(Datasets.SUBMISSIONS, submission("640104-2024Q4-2", "640104", "2024Q4", "activities"));
            b2 = again.commit();
        }
        Table act = catalog.catalog().loadTable(org.apache.iceberg.catalog.TableIdentifier.of("sanhui", "activities"));
        long id1 = b1.snapshotIds().get("activities");
        long id2 = b2.snapshotIds().get("activities");
        assertThat(titlesByCounty(act, id2)).isEqualTo(Map.of(
                "640104", List.of("new-640104", "q3"),
                "640105", List.of("old-640105", "old2-640105"),
                "620102", List.of("old-620102", "old2-620102")));
        // the old snapshot still reads as it was
        assertThat(titlesByCounty(act, id1).get("640104")).containsExactly("old-640104", "old2-640104", "q3");

        Snapshot s2 = act.snapshot(id2);
        assertThat(s2.operation()).isEqualTo("overwrite");
        // only 2024Q4/64 was rewritten: one file deleted, one added; Gansu and 2024Q3 files untouched
        List<DataFile> removed = new ArrayList<>();
        org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(s2).build().removedDataFiles().forEach(removed::add);
        List<DataFile> added = new ArrayList<>();
        org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(s2).build().addedDataFiles().forEach(added::add);
        assertThat(removed).singleElement().satisfies(
                f -> assertThat(act.spec().partitionToPath(f.partition())).isEqualTo("period=2024Q4/province=64"));
        assertThat(added).singleElement().satisfies(f -> assertThat(f.recordCount()).isEqualTo(3));
        // no delete files, ever: every snapshot's data files hold exactly its rows
        assertThat(org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(s2).build().removedDeleteFiles()).isEmpty();
        assertThat(org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(s2).build().addedDeleteFiles()).isEmpty();
        long rowsInFiles = files(act, id2).stream().mapToLong(DataFile::recordCount).sum();
        assertThat(rowsInFiles).isEqualTo(6);
    }

    @Test
    void laterReplacementInTheSameBatchWinsAndAnEmptyReplacementRemovesRows() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        BatchSnapshots b2;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch batch = w.begin("b1");
            batch.replace(Datasets.ORGANISATIONS, "640104", "2024Q4")
                    .add(organisation("640104", "2024Q4", 4, "K1", "学会一", "王小芳"));
            batch.replace(Datasets.ORGANISATIONS, "640105", "2024Q4")
                    .add(organisation("640105", "2024Q4", 4, "K1", "学会甲", "李大明"));
            batch.replaceRejects("organisations", "640104", "2024Q4").add(reject("640104", "2024Q4", "organisations", "X1"));
            batch.replaceRejects("activities", "640104", "2024Q4").add(reject("640104", "2024Q4", "activities", "A1"));
            Slice first = batch.replace(Datasets.ORGANISATIONS, "640104", "2024Q4");
            first.add(organisation("640104", "2024Q4", 4, "K2", "学会二", "赵六"));
            Slice later = batch.replace(Datasets.ORGANISATIONS, "640104", "2024Q4"); // a later filing in the batch
            later.add(organisation("640104", "2024Q4", 4, "K3", "学会三", "孙七"));
            assertThatThrownBy(() -> first.add(organisation("640104", "2024Q4", 5, "K9", "x", "y")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("superseded");
            batch.commit();

            Batch again = w.begin("b2");
            again.replace(Datasets.ORGANISATIONS, "640105", "2024Q4"); // resubmitted with no organisation row
            again.replaceRejects("organisations", "640104", "2024Q4").add(reject("640104", "2024Q4", "organisations", "X2"));
            b2 = again.commit();
        }
        WarehouseTables read = WarehouseTables.openForRead(catalog);
        Table orgs = read.table("organisations");
        List<String> names = TableRows.read(orgs, b2.snapshotId(orgs, "organisations"), Expressions.alwaysTrue()).stream()
                .map(r -> (String) r.get(Datasets.ORG_NAME)).toList();
        assertThat(names).containsExactly("学会三");
        Table rejects = read.table("rejects");
        Set<String> codes = TableRows.read(rejects, b2.snapshotId(rejects, "rejects"), Expressions.alwaysTrue()).stream()
                .map(r -> r.get(Datasets.DATASET) + ":" + r.get(Datasets.CODE)).collect(Collectors.toSet());
        assertThat(codes).containsExactlyInAnyOrder("organisations:X2", "activities:A1");
    }

    @Test
    void evaluationsAreLastWinsByOrganisationAndYear() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        BatchSnapshots b2;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch batch = w.begin("b1");
            batch.upsert(Datasets.EVALUATIONS, evaluation("640104", "K1", 2024, "C"));
            batch.upsert(Datasets.EVALUATIONS, evaluation("640104", "K2", 2024, "B"));
            batch.upsert(Datasets.EVALUATIONS, evaluation("640104", "K1", 2023, "A"));
            batch.upsert(Datasets.EVALUATIONS, evaluation("640104", "K2", 2024, "A")); // same batch, later wins
            batch.commit();
            Batch again = w.begin("b2");
            again.upsert(Datasets.EVALUATIONS, evaluation("640104", "K1", 2024, "B")); // regraded
            b2 = again.commit();
        }
        Table ev = WarehouseTables.openForRead(catalog).table("evaluations");
        long id = b2.snapshotId(ev, "evaluations");
        Map<String, String> grades = new TreeMap<>();
        for (Map<String, Object> r : TableRows.read(ev, id, Expressions.alwaysTrue())) {
            grades.merge(r.get(Datasets.ORG_KEY) + "|" + r.get(Datasets.YEAR), (String) r.get(Datasets.GRADE),
                    (a, b) -> a + "+" + b);
        }
        assertThat(grades).isEqualTo(Map.of("640104/K1|2024", "B", "640104/K2|2024", "A", "640104/K1|2023", "A"));
        // the superseded grade is physically gone from the live snapshot's files
        long rows = files(ev, id).stream().mapToLong(DataFile::recordCount).sum();
        assertThat(rows).isEqualTo(3);
    }

    @Test
    void spilledBatchGivesTheSameRowsAsABufferedOne() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        BatchSnapshots b;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            // a 4 KB budget: every few rows spill to a sorted run
            BatchWriter w = BatchWriter.open(tables, lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE).withMemoryBudget(4096));
            Batch batch = w.begin("b1");
            Slice a = batch.replace(Datasets.ACTIVITIES, "640105", "2024Q4");
            Slice c = batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            for (int i = 0; i < 40; i++) { // interleaved, as a city's workbook splits rows into counties
                a.add(activity("640105", "2024Q4", i + 5, "a" + i, i));
                c.add(activity("640104", "2024Q4", i + 5, "c" + i, i));
            }
            Slice old = batch.replace(Datasets.ACTIVITIES, "640181", "2024Q4");
            for (int i = 0; i < 30; i++) {
                old.add(activity("640181", "2024Q4", i + 5, "stale" + i, i));
            }
            Slice fresh = batch.replace(Datasets.ACTIVITIES, "640181", "2024Q4"); // supersedes rows already spilled
            fresh.add(activity("640181", "2024Q4", 5, "fresh", 1));
            b = batch.commit();
        }
        Table act = WarehouseTables.openForRead(catalog).table("activities");
        long id = b.snapshotId(act, "activities");
        Map<String, List<String>> titles = titlesByCounty(act, id);
        assertThat(titles.get("640105")).hasSize(40);
        assertThat(titles.get("640104")).hasSize(40);
        assertThat(titles.get("640181")).containsExactly("fresh");
        List<DataFile> files = files(act, id);
        assertThat(files).hasSize(1); // small runs merged into one file
        List<String> order = TableRows.read(act, id, Expressions.alwaysTrue()).stream()
                .map(r -> (String) r.get(Datasets.COUNTY_CODE)).toList();
        assertThat(order).isSortedAccordingTo(Comparator.naturalOrder());
        // the runs that were merged away are deleted: only the committed file is left in the data folder
        try (var walk = java.nio.file.Files.walk(dir.resolve("sanhui/activities/data"))) {
            assertThat(walk.filter(p -> p.toString().endsWith(".parquet")).count()).isEqualTo(1);
        }
    }

    @Test
    void aBatchAfterAFailedCommitStartsFromTheLastCompleteBatch() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        boolean[] crash = {true};
        BatchSnapshots after;
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(p -> {
                        if (crash[0] && p.equals(CrashPoints.afterCommit("activities"))) {
                            throw new IllegalStateException("disk full");
                        }
                    }));
            Batch failing = w.begin("x");
            failing.replace(Datasets.ACTIVITIES, "640104", "2024Q4").add(activity("640104", "2024Q4", 5, "never", 1));
            failing.replace(Datasets.ORGANISATIONS, "640104", "2024Q4")
                    .add(organisation("640104", "2024Q4", 4, "K1", "学会一", "王芳"));
            assertThatThrownBy(failing::commit).hasMessage("disk full");
            crash[0] = false;
            Batch next = w.begin("y"); // touches organisations only
            next.replace(Datasets.ORGANISATIONS, "640105", "2024Q4")
                    .add(organisation("640105", "2024Q4", 4, "K1", "学会乙", "李四"));
            after = next.commit();
        }
        Table act = WarehouseTables.openForRead(catalog).table("activities");
        // the failed batch's activities commit was rolled back, not adopted by the next batch's marker
        assertThat(TableRows.read(act, after.snapshotId(act, "activities"), Expressions.alwaysTrue())).isEmpty();
        act.refresh();
        assertThat(act.currentSnapshot().snapshotId()).isEqualTo(after.snapshotId(act, "activities"));
        Table orgs = WarehouseTables.openForRead(catalog).table("organisations");
        assertThat(TableRows.read(orgs, after.snapshotId(orgs, "organisations"), Expressions.alwaysTrue()))
                .extracting(r -> r.get(Datasets.COUNTY_CODE)).containsExactly("640105");
    }
}
