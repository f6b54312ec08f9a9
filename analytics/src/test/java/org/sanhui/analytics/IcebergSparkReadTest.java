package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.iceberg.Batch;
import org.sanhui.ingestion.iceberg.BatchSnapshots;
import org.sanhui.ingestion.iceberg.BatchWriter;
import org.sanhui.ingestion.iceberg.CatalogSettings;
import org.sanhui.ingestion.iceberg.CrashPoints;
import org.sanhui.ingestion.iceberg.Slice;
import org.sanhui.ingestion.iceberg.WarehouseCatalog;
import org.sanhui.ingestion.iceberg.WarehouseLocation;
import org.sanhui.ingestion.iceberg.WarehouseTables;
import org.sanhui.ingestion.iceberg.WriterLock;
import org.sanhui.model.schema.Datasets;

/**
 * A warehouse written by ingestion's Iceberg writer, read by Spark's Iceberg source with plain Spark SQL (no sanhui
 * class reads it), in one JVM where iceberg-spark-runtime alone serves the writer's Iceberg classes.
 */
class IcebergSparkReadTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static WarehouseCatalog catalog;
    private static BatchSnapshots first;
    private static BatchSnapshots second;

    private static Map<String, Object> activity(String county, String period, int row, String title) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-" + period);
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.SOURCE_ROW, row);
        m.put(Datasets.ORG_KEY, county + "/K1");
        m.put(Datasets.TITLE, title);
        m.put(Datasets.TYPE, "POPULARISATION");
        m.put(Datasets.ACTIVITY_DATE, LocalDate.of(2024, 11, 1).plusDays(row));
        m.put(Datasets.PARTICIPANTS, 10 * row);
        return m;
    }

    private static Map<String, Object> submission(String id, String county, String period) {
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, id);
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, period);
        m.put(Datasets.INGESTED_AT, Instant.parse("2025-01-05T01:00:00Z"));
        m.put(Datasets.SOURCE_FILE, county + ".xlsx");
        m.put(Datasets.SHA256, "ab".repeat(32));
        m.put(Datasets.DATASETS, "activities");
        m.put(Datasets.ROWS_READ, 3L);
        m.put(Datasets.ROWS_ACCEPTED, 3L);
        m.put(Datasets.ROWS_REJECTED, 0L);
        m.put(Datasets.ROWS_SKIPPED, 0L);
        return m;
    }

    private static void county(Batch b, String county, int rows, String tag) {
        Slice s = b.replace(Datasets.ACTIVITIES, county, "2024Q4");
        for (int i = 1; i <= rows; i++) {
            s.add(activity(county, "2024Q4", i, tag + i));
        }
        b.append(Datasets.SUBMISSIONS, submission(county + "-" + tag, county, "2024Q4"));
    }

    @BeforeAll
    static void writeWarehouse() {
        WarehouseLocation location = WarehouseLocation.of(dir.resolve("warehouse"));
        catalog = WarehouseCatalog.open(location, CatalogSettings.DEFAULT);
        try (WriterLock lock = WriterLock.acquire(location, catalog.conf(), Duration.ofSeconds(10))) {
            BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
            Batch b = w.begin("b1");
            county(b, "640104", 3, "a");
            county(b, "640105", 2, "b");
            county(b, "620102", 4, "c");
            first = b.commit();
            b = w.begin("b2");
            county(b, "640104", 1, "r"); // 640104 resubmits: 1 activity instead of 3
            second = b.commit();

            // a third batch dies after its activities commit: that commit is past the last complete batch
            BatchWriter dying = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                    BatchWriter.Options.DEFAULTS.withHook(p -> {
                        if (p.equals(CrashPoints.afterCommit("activities"))) {
                            throw new IllegalStateException("simulated crash at " + p);
                        }
                    }));
            Batch b3 = dying.begin("b3");
            county(b3, "640105", 5, "x");
            assertThatThrownBy(b3::commit).hasMessageContaining("simulated crash");
        }
        spark = SparkSession.builder().master("local[2]").appName("IcebergSparkReadTest")
                .config("spark.sql.shuffle.partitions", "2").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.catalog.wh", "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog.wh.type", "hadoop")
                .config("spark.sql.catalog.wh.warehouse", location.toString())
                .config("spark.hadoop.parquet.page.verify-checksum.enabled", "true")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
            SparkSession.clearActiveSession();
            SparkSession.clearDefaultSession();
        }
    }

    private static Map<String, Long> countsByCounty(String sql) {
        Map<String, Long> m = new TreeMap<>();
        for (Row r : spark.sql(sql).collectAsList()) {
            m.put(r.getString(0), r.getLong(1));
        }
        return m;
    }

    @Test
    void theWriterRanOnTheSparkRuntimeJarAlone() throws Exception {
        String source = org.apache.iceberg.data.GenericRecord.class.getProtectionDomain().getCodeSource().getLocation()
                .toString();
        assertThat(source).contains("iceberg-spark-runtime-4.1_2.13-1.12.0.jar");
        assertThat(System.getProperty("java.class.path")).doesNotContain("iceberg-core").doesNotContain("iceberg-data-");
    }

    /** Every Iceberg class ingestion's writer names is served by the runtime jar (found by jdeps, loaded here). */
    @Test
    void everyIcebergClassTheWriterUsesIsInTheRuntimeJar() throws Exception {
        Path classes = Path.of(BatchWriter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        java.io.StringWriter out = new java.io.StringWriter();
        int rc = java.util.spi.ToolProvider.findFirst("jdeps").orElseThrow().run(new java.io.PrintWriter(out),
                new java.io.PrintWriter(new java.io.StringWriter()), "-verbose:class", "-e", "org\\.apache\\.iceberg\\..*",
                classes.toString());
        assertThat(rc).isZero();
        java.util.Set<String> used = new java.util.TreeSet<>();
        for (String line : out.toString().split("\n")) {
            String t = line.strip();
            if (t.startsWith("org.sanhui.ingestion.iceberg.") && t.contains("->")) {
                used.add(t.split("->")[1].strip().split("\\s+")[0]);
            }
        }
        assertThat(used).contains("org.apache.iceberg.data.GenericFileWriterFactory",
                "org.apache.iceberg.io.RollingDataWriter", "org.apache.iceberg.formats.FormatModelRegistry");
        for (String name : used) {
            Class<?> c = Class.forName(name, false, getClass().getClassLoader());
            assertThat(c.getProtectionDomain().getCodeSource().getLocation().toString()).as(name)
                    .contains("iceberg-spark-runtime");
        }
    }

    @Test
    void sparkSqlReadsTheTablesAndTheConsistentSetThroughTheSubmissionsSnapshot() {
        // the marker, read with plain Spark SQL from the submissions table's snapshots
        Row marker = spark.sql("SELECT snapshot_id, summary['sanhui.batch-id'], summary['sanhui.snapshot.activities']"
                + " FROM wh.sanhui.submissions.snapshots ORDER BY committed_at DESC LIMIT 1").first();
        assertThat(marker.getString(1)).isEqualTo("b2");
        long activitiesId = Long.parseLong(marker.getString(2));
        assertThat(activitiesId).isEqualTo(second.snapshotIds().get("activities"));
        assertThat(marker.getLong(0)).isEqualTo(second.snapshotIds().get("submissions"));

        // at the recorded snapshots: batch b2, and the submissions that made it
        assertThat(countsByCounty("SELECT county_code, count(*) FROM wh.sanhui.activities VERSION AS OF " + activitiesId
                + " GROUP BY county_code")).isEqualTo(Map.of("640104", 1L, "640105", 2L, "620102", 4L));
        assertThat(countsByCounty("SELECT county_code, count(*) FROM wh.sanhui.submissions VERSION AS OF "
                + marker.getLong(0) + " GROUP BY county_code")).isEqualTo(Map.of("640104", 2L, "640105", 1L, "620102", 1L));
        // the first batch stays readable at its own snapshot
        assertThat(countsByCounty("SELECT county_code, count(*) FROM wh.sanhui.activities VERSION AS OF "
                + first.snapshotIds().get("activities") + " GROUP BY county_code"))
                .isEqualTo(Map.of("640104", 3L, "640105", 2L, "620102", 4L));
        assertThat(spark.sql("SELECT sum(participants) FROM wh.sanhui.activities VERSION AS OF " + activitiesId
                + " WHERE county_code = '640105'").first().getLong(0)).isEqualTo(10 + 20);

        // the dead batch's activities commit is the table's current snapshot, which is why readers go through the
        // marker: read plainly, the table shows 640105's five rows of the batch that never completed
        assertThat(countsByCounty("SELECT county_code, count(*) FROM wh.sanhui.activities GROUP BY county_code"))
                .containsEntry("640105", 5L);
        // sanhui's helper names the same consistent set
        assertThat(BatchSnapshots.lastComplete(catalog).orElseThrow().snapshotIds()).isEqualTo(second.snapshotIds());
    }

    @Test
    void sparkSeesOneFilePerPeriodAndProvince() {
        Map<String, Long> files = new TreeMap<>();
        for (Row r : spark.sql("SELECT partition.period, partition.province, record_count FROM wh.sanhui.activities.files")
                .collectAsList()) {
            files.merge(r.getString(0) + "/" + r.getString(1), r.getLong(2), Long::sum);
        }
        // the current snapshot (the dead batch's): 640104's 1 row and 640105's 5 in one Ningxia file, Gansu's 4
        assertThat(files).isEqualTo(Map.of("2024Q4/64", 6L, "2024Q4/62", 4L));
        assertThat(spark.sql("SELECT count(*) FROM wh.sanhui.activities.files").first().getLong(0)).isEqualTo(2);
    }
}
