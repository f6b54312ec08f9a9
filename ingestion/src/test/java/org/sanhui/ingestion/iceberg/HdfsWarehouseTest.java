package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.ingestion.iceberg.Fixtures.activity;
import static org.sanhui.ingestion.iceberg.Fixtures.submission;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.schema.Datasets;

/** The warehouse on HDFS (a NameNode and a DataNode in this JVM, on 127.0.0.1): catalog, writer and lease. */
class HdfsWarehouseTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReadsAWarehouseOnHdfsUnderALease() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            String uri = "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/sanhui/warehouse";
            WarehouseLocation location = WarehouseLocation.parse(uri);
            assertThat(location.isLocal()).isFalse();
            CatalogSettings settings = CatalogSettings.of(Map.of("hadoop.dfs.replication", "1"));
            WarehouseCatalog catalog = WarehouseCatalog.open(location, settings);
            BatchSnapshots b;
            try (WriterLock lock = WriterLock.acquire(location, catalog.conf(), Duration.ofSeconds(10))) {
                assertThat(lock).isInstanceOf(LeaseWriterLock.class);
                // a second writer is refused while the lease is held and renewed
                assertThatThrownBy(() -> LeaseWriterLock.acquire(location, catalog.conf(), Duration.ofMillis(500),
                        Duration.ofSeconds(60))).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("another writer");
                BatchWriter w = BatchWriter.open(WarehouseTables.openForWrite(catalog), lock,
                        BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
                Batch batch = w.begin("b1");
                Slice s = batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
                s.add(activity("640104", "2024Q4", 5, "义诊", 10));
                s.add(activity("640104", "2024Q4", 6, "讲座", 20));
                batch.append(Datasets.SUBMISSIONS, submission("s1", "640104", "2024Q4", "activities"));
                batch.commit();
                batch = w.begin("b2");
                batch.replace(Datasets.ACTIVITIES, "640104", "2024Q4").add(activity("640104", "2024Q4", 5, "义诊", 11));
                b = batch.commit();
            }
            FileSystem fs = new org.apache.hadoop.fs.Path(uri).getFileSystem(catalog.conf());
            assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/sanhui/activities/metadata"))).isTrue();
            assertThat(fs.exists(new org.apache.hadoop.fs.Path(uri + "/" + LeaseWriterLock.FILE_NAME))).isFalse();

            WarehouseCatalog reader = WarehouseCatalog.open(location, settings);
            assertThat(BatchSnapshots.lastComplete(reader).orElseThrow()).isEqualTo(b);
            Table act = WarehouseTables.openForRead(reader).table("activities");
            assertThat(act.location()).startsWith(uri);
            List<Map<String, Object>> rows = TableRows.read(act, b.snapshotId(act, "activities"), Expressions.alwaysTrue());
            assertThat(rows).extracting(r -> r.get(Datasets.PARTICIPANTS)).containsExactly(11);
        } finally {
            cluster.shutdown();
        }
    }
}
