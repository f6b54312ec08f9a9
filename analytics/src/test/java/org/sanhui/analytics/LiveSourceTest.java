package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.warehouse.LiveFile;

/** The live-file source: what it reads back, how it shares files out, and what it refuses. */
class LiveSourceTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    private static final StructType ALL_TYPES = new StructType().add("s", DataTypes.StringType)
            .add("i", DataTypes.IntegerType).add("l", DataTypes.LongType).add("x", DataTypes.DoubleType)
            .add("b", DataTypes.BooleanType).add("d", DataTypes.DateType).add("t", DataTypes.TimestampType);

    private static LiveFile write(Path wh, String name, List<Object[]> rows) {
        return write(wh, name, rows, false);
    }

    /** Writes a file with parquet's defaults (dictionaries, statistics) or as ingestion writes (plain). */
    private static LiveFile write(Path wh, String name, List<Object[]> rows, boolean asIngested) {
        String rel = "data/activities/period=2024Q3/county=640104/" + name + ".parquet";
        ParquetTables.write(wh.resolve(rel), ALL_TYPES, rows, asIngested);
        return new LiveFile("activities", "2024Q3", "640104", rel, rows.size(), FixtureWarehouse.sha256(wh.resolve(rel)));
    }

    private static Object[] row(int n) {
        return new Object[] {"行" + n, n, 10_000_000_000L + n, n / 4.0, n % 2 == 0, LocalDate.of(2024, 7, 1).plusDays(n % 90),
            Instant.ofEpochSecond(1_720_000_000L + n, 123_000)};
    }

    @Test
    void readsEveryTypeAndNullAcrossFilesAndBatches(@TempDir Path wh) {
        List<Object[]> small = List.of(row(0), new Object[7], row(2));
        List<Object[]> big = new ArrayList<>();
        for (int n = 0; n < 5000; n++) { // more than one 4 096-row batch
            big.add(row(n));
        }
        List<LiveFile> files = List.of(write(wh, "a", small), write(wh, "empty", List.of()), write(wh, "c", big, true));

        List<Row> rows = collect(LiveSource.read(SPARK.session(), wh, files, ALL_TYPES));

        assertThat(rows).hasSize(5003);
        Row first = rows.get(0);
        assertThat(first.getString(0)).isEqualTo("行0");
        assertThat(first.getInt(1)).isZero();
        assertThat(first.getLong(2)).isEqualTo(10_000_000_000L);
        assertThat(first.getDouble(3)).isZero();
        assertThat(first.getBoolean(4)).isTrue();
        assertThat(first.get(5)).isEqualTo(java.sql.Date.valueOf("2024-07-01"));
        assertThat(((Timestamp) first.get(6)).toInstant()).isEqualTo(Instant.ofEpochSecond(1_720_000_000L, 123_000));
        for (int c = 0; c < 7; c++) {
            assertThat(rows.get(1).isNullAt(c)).as("column " + c + " of the all-null row").isTrue();
        }
        Row last = rows.get(5002); // row 4999 of the big file, in the second batch
        assertThat(last.getString(0)).isEqualTo("行4999");
        assertThat(last.getLong(2)).isEqualTo(10_000_004_999L);
        assertThat(last.getDouble(3)).isEqualTo(1249.75);
        assertThat(last.getBoolean(4)).isFalse();
        assertThat(last.get(5)).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2024, 7, 1).plusDays(4999 % 90)));
        // 0 + 2 from the small file, 0 + 1 + ... + 4999 from the big one
        long sum = 0;
        for (Row r : rows) {
            sum += r.isNullAt(1) ? 0 : r.getInt(1);
        }
        assertThat(sum).isEqualTo(2 + 4999L * 5000 / 2);
    }

    private static List<Row> collect(LiveSource.Read read) {
        List<Row> rows = read.rows().collectAsList();
        read.check();
        return rows;
    }

    @Test
    void thePlainReaderDecodesWhatParquetJavaDecodes(@TempDir Path wh) {
        // as ingestion writes (plain, no dictionary): several pages and row groups, nulls in runs and scattered
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            Object[] r = row(n);
            r[0] = "活动" + n + "x".repeat(n % 50);
            if (n % 7 == 3) {
                r[n % 7] = null;
            }
            if (n % 11 == 0) {
                r[4] = null;
                r[1] = null;
            }
            if (n >= 1000 && n < 1100) {
                r = new Object[7];
            }
            rows.add(r);
        }
        String rel = "data/activities/period=2024Q3/county=640104/many.parquet";
        ParquetTables.write(wh.resolve(rel), ALL_TYPES, rows, true, 64 * 1024, 512 * 1024);
        List<LiveFile> files = List.of(new LiveFile("activities", "2024Q3", "640104", rel, rows.size(),
                FixtureWarehouse.sha256(wh.resolve(rel))), write(wh, "dictionary", dictionaryRows(), false));

        long before = PlainParquet.FILES.get();
        List<Row> plain = collect(LiveSource.read(SPARK.session(), wh, files, ALL_TYPES));
        assertThat(PlainParquet.FILES.get() - before).as("files the plain reader took").isEqualTo(1);
        List<Row> java;
        PlainParquet.enabled = false;
        try {
            java = collect(LiveSource.read(SPARK.session(), wh, files, ALL_TYPES));
        } finally {
            PlainParquet.enabled = true;
        }
        assertThat(plain).hasSize(30_200).containsExactlyElementsOf(java);
        assertThat(plain.get(1050).anyNull()).isTrue();
        assertThat(plain.get(29_999).getString(0)).isEqualTo("活动29999" + "x".repeat(29_999 % 50));
        assertThat(plain.get(29_998).isNullAt(4)).isFalse();
        assertThat(plain.get(29_998).getBoolean(4)).isTrue();
        assertThat(plain.get(29_998).isNullAt(3)).isTrue();
    }

    /** Rows that repeat, so that parquet-java keeps its dictionaries (it drops one that does not pay). */
    private static List<Object[]> dictionaryRows() {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            rows.add(n == 100 ? new Object[7] : row(n % 3));
        }
        return rows;
    }

    @Test
    void readsOnlyTheColumnsAQueryUses(@TempDir Path wh) {
        List<LiveFile> files = List.of(write(wh, "a", List.of(row(1), row(2), row(3))));
        List<Row> rows = LiveSource.read(SPARK.session(), wh, files, ALL_TYPES).rows().where("i >= 2").select("s", "d")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(0)).containsExactly("行2", "行3");
        assertThat(rows.get(0).schema().fieldNames()).containsExactly("s", "d");
    }

    @Test
    void sharesFilesOutInOrderByRowsAndOpenings() {
        List<LiveSource.FileRef> files = new ArrayList<>();
        for (long rows : new long[] {100, 100, 100, 100}) {
            files.add(new LiveSource.FileRef("activities", "2024Q3", "640104", "f" + files.size(), rows, null, "/x", files.size()));
        }
        // weights 500 each (100 rows + 400 for the opening): two cores, two runs of two files
        List<List<LiveSource.FileRef>> runs = LiveScan.split(files, 2);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).extracting(LiveSource.FileRef::path).containsExactly("f0", "f1");
        assertThat(runs.get(1)).extracting(LiveSource.FileRef::path).containsExactly("f2", "f3");
        // one file cannot be split: one run
        assertThat(LiveScan.split(files.subList(0, 1), 2)).hasSize(1);
        // 2 500 000 rows in 5 files: 3 tasks by rows, rounded up to whole waves of 2 cores: 4 runs, in order
        List<LiveSource.FileRef> big = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            big.add(new LiveSource.FileRef("activities", "2024Q3", "640104", "g" + i, 500_000, null, "/x", i));
        }
        List<List<LiveSource.FileRef>> waves = LiveScan.split(big, 2);
        assertThat(waves).hasSize(4);
        assertThat(waves.stream().flatMap(List::stream).map(LiveSource.FileRef::path))
                .containsExactly("g0", "g1", "g2", "g3", "g4");
    }

    @Test
    void aFileAlteredAfterItWasListedFailsTheReadNamingIt(@TempDir Path wh) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            rows.add(row(n));
        }
        List<LiveFile> files = List.of(write(wh, "a", List.<Object[]>of(row(1))), write(wh, "b", rows));
        Path b = wh.resolve(files.get(1).path());
        try (RandomAccessFile raf = new RandomAccessFile(b.toFile(), "rw")) {
            long pos = Files.size(b) / 3;
            raf.seek(pos);
            int v = raf.read();
            raf.seek(pos);
            raf.write(v ^ 0x10);
        }
        LiveSource.Read read = LiveSource.read(SPARK.session(), wh, files, ALL_TYPES);
        read.rows().collectAsList(); // the task records the problem and ends; the action itself completes
        assertThatThrownBy(read::check).isInstanceOf(DataIntegrityException.class).hasMessageContaining(files.get(1).path())
                .hasMessageContaining("county 640104").hasMessageContaining("altered or damaged since it was written");
    }
}
