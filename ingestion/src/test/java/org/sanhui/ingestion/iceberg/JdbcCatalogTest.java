package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.iceberg.Fixtures.activity;
import static org.sanhui.ingestion.iceberg.Fixtures.submission;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.schema.Datasets;

/** Another catalog than the default, from a catalog properties file: Iceberg's JDBC catalog on SQLite. */
class JdbcCatalogTest {

    @TempDir
    Path dir;

    @Test
    void jdbcCatalogOnSqliteFromAPropertiesFile() throws Exception {
        Path db = dir.resolve("catalog.db");
        Path props = dir.resolve("catalog.properties");
        Files.writeString(props, String.join("\n",
                "# the warehouse's tables in a JDBC catalog",
                "type = jdbc",
                "uri = jdbc:sqlite:" + db,
                "name = provincial",
                "namespace = ningxia",
                "jdbc.schema-version = V1",
                ""), StandardCharsets.UTF_8);
        CatalogSettings settings = CatalogSettings.load(props);
        assertThat(settings.name()).isEqualTo("provincial");
        Path wh = dir.resolve("warehouse");
        WarehouseCatalog catalog = WarehouseCatalog.open(WarehouseLocation.of(wh), settings);
        assertThat(catalog.catalog()).isInstanceOf(JdbcCatalog.class);

        try (WriterLock lock = WriterLock.acquire(catalog.location(), catalog.conf(), java.time.Duration.ofSeconds(5))) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            Batch b = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE)).begin("b1");
            Slice s = b.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            s.add(activity("640104", "2024Q4", 5, "义诊", 10));
            s.add(activity("640104", "2024Q4", 6, "讲座", 20));
            b.append(Datasets.SUBMISSIONS, submission("s1", "640104", "2024Q4", "activities"));
            b.commit();
        }
        // the tables are registered in SQLite, their files under the warehouse location
        List<String> registered = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                ResultSet rs = c.createStatement().executeQuery(
                        "select table_namespace, table_name from iceberg_tables order by table_name")) {
            while (rs.next()) {
                registered.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        assertThat(registered).containsExactly("ningxia.activities", "ningxia.evaluations", "ningxia.organisations",
                "ningxia.posts", "ningxia.rejects", "ningxia.submissions");
        assertThat(wh.resolve("ningxia/activities/data")).isDirectory();

        // a reader opening the same settings sees the batch
        WarehouseCatalog reader = WarehouseCatalog.open(WarehouseLocation.of(wh), CatalogSettings.load(props));
        BatchSnapshots last = BatchSnapshots.lastComplete(reader).orElseThrow();
        assertThat(last.batchId()).isEqualTo("b1");
        Table act = WarehouseTables.openForRead(reader).table("activities");
        assertThat(TableRows.read(act, last.snapshotId(act, "activities"), Expressions.alwaysTrue()))
                .extracting(r -> r.get(Datasets.PARTICIPANTS)).containsExactlyInAnyOrder(10, 20);
    }
}
