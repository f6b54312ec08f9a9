package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.DatePrecision;
import org.sanhui.model.value.DateValue;

/** How rows get into the writer and how they are encoded: value arrays, conversions, statistics, the encoder thread. */
class EncodingTest {

    @TempDir
    Path dir;

    private static final List<Column> STORED = Datasets.ACTIVITIES.storedColumns();

    private static void set(Object[] v, String column, Object value) {
        for (int i = 0; i < STORED.size(); i++) {
            if (STORED.get(i).name().equals(column)) {
                v[i] = value;
                return;
            }
        }
        throw new IllegalArgumentException(column);
    }

    /** An activity as the row check hands it over: an enum, a set of enums, a dated value, blanks, optionals. */
    private static Map<String, Object> checkedValues(int row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Datasets.SUBMISSION_ID, "s-" + row); // county and period left out: the slice's
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.ORG_KEY, "K1");
        m.put(Datasets.ORG_NAME, "  "); // blank: stored as null
        m.put(Datasets.TITLE, "健康义诊进社区");
        m.put(Datasets.TYPE, ActivityType.HEALTH_SERVICE);
        m.put(Datasets.ACTIVITY_DATE, new DateValue(LocalDate.of(2024, 11, 3), DatePrecision.DAY));
        m.put(Datasets.TARGET_GROUPS, EnumSet.of(TargetGroup.YOUTH, TargetGroup.FARMERS));
        m.put(Datasets.PARTICIPANTS, 45);
        m.put(Datasets.CO_HOST, Optional.empty());
        m.put(Datasets.FORM, Optional.of("OFFLINE"));
        m.put(Datasets.PLACE_DEFAULTED, Boolean.TRUE);
        return m;
    }

    private static Map<String, Object> stored(String county, int row) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, "s-" + row);
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, "2024Q4");
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.ORG_KEY, "K1");
        m.put(Datasets.TITLE, "健康义诊进社区");
        m.put(Datasets.TYPE, "HEALTH_SERVICE");
        m.put(Datasets.ACTIVITY_DATE, LocalDate.of(2024, 11, 3));
        m.put(Datasets.TARGET_GROUPS, "FARMERS;YOUTH"); // sorted names joined by ';', as the Parquet writer did
        m.put(Datasets.PARTICIPANTS, 45);
        m.put(Datasets.FORM, "OFFLINE");
        m.put(Datasets.PLACE_DEFAULTED, Boolean.TRUE);
        return m;
    }

    private BatchSnapshots commit(java.util.function.Consumer<Batch> rows) {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch b = w.begin("b1");
            rows.accept(b);
            return b.commit();
        }
    }

    private Table activities() {
        return WarehouseTables.openForRead(Fixtures.catalog(dir)).table("activities");
    }

    @Test
    void valueArraysInStoredColumnOrderAndMapsAreConvertedAlike() {
        Object[] values = new Object[STORED.size()];
        checkedValues(7).forEach((k, v) -> set(values, k, v));
        BatchSnapshots b = commit(batch -> {
            batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4").add(values);
            batch.replace(Datasets.ACTIVITIES, "640105", "2024Q4").add(checkedValues(8));
        });
        Table act = activities();
        List<Map<String, Object>> rows = TableRows.read(act, b.snapshotId(act, "activities"), Expressions.alwaysTrue());
        assertThat(rows).containsExactly(stored("640104", 7), stored("640105", 8));
        // the array is read, not changed
        assertThat(values[STORED.indexOf(Datasets.ACTIVITIES.column(Datasets.TYPE))]).isEqualTo(ActivityType.HEALTH_SERVICE);
    }

    @Test
    void aValueArrayOfTheWrongLengthOrTypeIsRefusedNamingTheColumn() {
        commit(batch -> {
            Slice s = batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            assertThatThrownBy(() -> s.add(new Object[3])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a row of activities has 3 values, expected " + STORED.size()
                            + ", one per stored column in order");
            Object[] v = new Object[STORED.size()];
            set(v, Datasets.PARTICIPANTS, "many");
            assertThatThrownBy(() -> s.add(v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("column participants expects int, got String many");
            Object[] other = new Object[STORED.size()];
            set(other, Datasets.COUNTY_CODE, "640105");
            assertThatThrownBy(() -> s.add(other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("has county_code = 640105, expected 640104");
            assertThat(s.rows()).isZero();
        });
    }

    @Test
    void onlyTextThatReadersFilterByGetsParquetStatistics() throws Exception {
        BatchSnapshots b = commit(batch -> {
            Slice s = batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            for (int i = 0; i < 50; i++) {
                s.add(Fixtures.activity("640104", "2024Q4", i + 4, i % 2 == 0 ? "健康义诊进社区" : "科普讲座", i));
            }
        });
        Table act = activities();
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = act.newScan().useSnapshot(b.snapshotId(act, "activities"))
                .includeColumnStats().planFiles()) {
            tasks.forEach(t -> files.add(t.file()));
        }
        assertThat(files).hasSize(1);
        DataFile f = files.get(0);
        int county = act.schema().findField(Datasets.COUNTY_CODE).fieldId();
        int title = act.schema().findField(Datasets.TITLE).fieldId();
        int participants = act.schema().findField(Datasets.PARTICIPANTS).fieldId();
        // Iceberg's bounds come from the Parquet statistics: kept for the county code (pruning) and numbers
        assertThat(f.lowerBounds()).containsKeys(county, participants).doesNotContainKey(title);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(Path.of(URI.create(f.location()))))) {
            Map<String, ColumnChunkMetaData> chunks = new HashMap<>();
            for (ColumnChunkMetaData c : r.getFooter().getBlocks().get(0).getColumns()) {
                chunks.put(c.getPath().toDotString(), c);
            }
            assertThat(chunks.get(Datasets.COUNTY_CODE).getStatistics().minAsString()).isEqualTo("640104");
            assertThat(chunks.get(Datasets.TITLE).getStatistics().isEmpty()).isTrue();
            assertThat(chunks.get(Datasets.ORG_KEY).getStatistics().isEmpty()).isTrue();
            // the dictionary stays where values repeat (two titles in fifty rows)
            assertThat(chunks.get(Datasets.TITLE).hasDictionaryPage()).isTrue();
        }
    }

    @Test
    void rowsAreEncodedOnTheEncoderThreadAndAFailedWriteThereFailsTheBatch() throws Exception {
        CatalogSettings settings = CatalogSettings.of(Map.of("io-impl", FailingFileIO.class.getName()));
        WarehouseCatalog catalog = WarehouseCatalog.open(WarehouseLocation.of(dir), settings);
        FailingFileIO.WRITERS.clear();
        BatchSnapshots first;
        try (WriterLock lock = Fixtures.lock(dir)) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE).withMemoryBudget(4096));
            Batch ok = w.begin("b1");
            Slice s = ok.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            for (int i = 0; i < 30; i++) {
                s.add(Fixtures.activity("640104", "2024Q4", i + 4, "t" + i, i));
            }
            first = ok.commit();
            // the spilled and merged activity files were written by the encoder, not by this thread
            assertThat(FailingFileIO.WRITERS).isNotEmpty().containsOnly("sanhui-iceberg-encoder");

            FailingFileIO.failing = true;
            try {
                Batch failing = w.begin("b2");
                assertThatThrownBy(() -> {
                    Slice t = failing.replace(Datasets.ACTIVITIES, "640105", "2024Q4");
                    for (int i = 0; i < 30; i++) {
                        t.add(Fixtures.activity("640105", "2024Q4", i + 4, "x" + i, i));
                    }
                    failing.commit();
                }).isInstanceOf(UncheckedIOException.class).hasStackTraceContaining("No space left on device (test)");
                failing.abort();
            } finally {
                FailingFileIO.failing = false;
            }
        }
        // nothing of the failed batch is visible
        assertThat(BatchSnapshots.lastComplete(catalog).orElseThrow().snapshotIds()).isEqualTo(first.snapshotIds());
        Table act = WarehouseTables.openForRead(catalog).table("activities");
        assertThat(TableRows.read(act, first.snapshotId(act, "activities"), Expressions.alwaysTrue()))
                .extracting(r -> r.get(Datasets.COUNTY_CODE)).containsOnly("640104").hasSize(30);
        // the encoder thread ends once idle: an abandoned batch leaves no thread behind
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (encoderAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(encoderAlive()).isFalse();
    }

    private static boolean encoderAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("sanhui-iceberg-encoder") && t.isAlive());
    }
}
