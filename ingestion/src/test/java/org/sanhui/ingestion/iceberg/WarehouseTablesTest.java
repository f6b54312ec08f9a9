package org.sanhui.ingestion.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.ingestion.iceberg.Fixtures.organisation;
import static org.sanhui.ingestion.iceberg.Fixtures.post;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

class WarehouseTablesTest {

    @TempDir
    Path dir;

    private static BatchWriter writer(WarehouseTables tables, WriterLock lock) {
        return BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withHook(CrashPoints.NONE));
    }

    private static List<DataFile> files(Table t) throws Exception {
        List<DataFile> out = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = t.newScan().includeColumnStats().planFiles()) {
            tasks.forEach(task -> out.add(task.file()));
        }
        return out;
    }

    @Test
    void everyDatasetIsAFormatV2TableWithIdsInDeclaredOrderAndTheLayout() {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            assertThat(tables.tables().keySet()).containsExactly("organisations", "posts", "activities", "evaluations",
                    "rejects", "submissions");
            for (DatasetSchema ds : Datasets.ALL) {
                Table t = tables.table(ds.name());
                assertThat(((org.apache.iceberg.HasTableOperations) t).operations().current().formatVersion())
                        .isEqualTo(2);
                List<Types.NestedField> cols = t.schema().columns();
                assertThat(cols.stream().map(Types.NestedField::name).toList()).isEqualTo(ds.names());
                for (int i = 0; i < cols.size(); i++) {
                    assertThat(cols.get(i).fieldId()).isEqualTo(i + 1);
                }
                List<PartitionField> fields = t.spec().fields();
                assertThat(fields).extracting(PartitionField::name).containsExactly("period", "province");
                assertThat(fields.get(1).transform().toString()).isEqualTo("truncate[2]");
                assertThat(t.sortOrder().fields()).singleElement()
                        .satisfies(f -> assertThat(t.schema().findColumnName(f.sourceId())).isEqualTo("county_code"));
                assertThat(t.properties()).containsEntry("write.target-file-size-bytes", "67108864");
                // every table starts with an empty snapshot a consistent set can name
                assertThat(t.currentSnapshot()).isNotNull();
            }
            assertThat(tables.table("submissions").currentSnapshot().summary())
                    .containsKeys("sanhui.snapshot.activities", "sanhui.snapshot.rejects");
        }
        assertThat(BatchSnapshots.lastComplete(catalog)).hasValueSatisfying(b -> {
            assertThat(b.batchId()).isEqualTo("created");
            assertThat(b.snapshotIds()).hasSize(6);
        });
        // opening again changes nothing
        try (WriterLock lock = Fixtures.lock(dir)) {
            Table t = WarehouseTables.openForWrite(catalog).table("activities");
            assertThat(t.schema().columns()).hasSize(Datasets.ACTIVITIES.names().size());
            assertThat(t.history()).hasSize(1);
        }
    }

    @Test
    void addingAColumnKeepsOldIdsAndOldFilesReadable() {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            Batch b = writer(tables, lock).begin("b1");
            b.replace(Datasets.ORGANISATIONS, "640104", "2024Q4")
                    .add(organisation("640104", "2024Q4", 4, "K1", "学会一", "王小芳"));
            b.commit();
        }
        List<Column> cols = new ArrayList<>(Datasets.ORGANISATIONS.columns());
        cols.add(new Column("website", ColumnType.STRING, false, false, true, List.of("网址")));
        DatasetSchema evolved = new DatasetSchema("organisations", Datasets.ORGANISATIONS.sheets(), cols);
        List<DatasetSchema> all = new ArrayList<>(Datasets.ALL);
        all.set(0, evolved);
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog, all);
            Table t = tables.table("organisations");
            int n = Datasets.ORGANISATIONS.names().size();
            assertThat(t.schema().findField("website").fieldId()).isEqualTo(n + 1);
            assertThat(t.schema().findField("org_name").fieldId()).isEqualTo(
                    Datasets.ORGANISATIONS.names().indexOf("org_name") + 1);
            Batch b = writer(tables, lock).begin("b2");
            Map<String, Object> row = organisation("640105", "2024Q4", 4, "K1", "学会乙", "李四");
            row.put("website", "https://kx.example");
            b.replace(evolved, "640105", "2024Q4").add(row);
            BatchSnapshots s = b.commit();
            List<Map<String, Object>> rows = TableRows.read(t, s.snapshotId(t, "organisations"), Expressions.alwaysTrue());
            assertThat(rows).hasSize(2);
            for (Map<String, Object> r : rows) {
                if (r.get(Datasets.COUNTY_CODE).equals("640104")) { // written before the column existed
                    assertThat(r).doesNotContainKey("website").containsEntry(Datasets.ORG_NAME, "学会一");
                } else {
                    assertThat(r).containsEntry("website", "https://kx.example");
                }
            }
        }
    }

    @Test
    void aRemovedOrRetypedColumnIsRefused() {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables.openForWrite(catalog);
        }
        List<Column> dropped = new ArrayList<>(Datasets.ORGANISATIONS.columns());
        dropped.removeIf(c -> c.name().equals(Datasets.HOST_UNIT));
        DatasetSchema withoutHost = new DatasetSchema("organisations", List.of(), dropped);
        assertThatThrownBy(() -> WarehouseTables.openForWrite(catalog, List.of(withoutHost)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has column host_unit").hasMessageContaining("no longer declares");

        List<Column> retyped = new ArrayList<>();
        for (Column c : Datasets.ORGANISATIONS.columns()) {
            retyped.add(c.name().equals(Datasets.MEMBERS)
                    ? new Column(c.name(), ColumnType.LONG, c.required(), c.personal(), c.stored(), c.headers()) : c);
        }
        assertThatThrownBy(() -> WarehouseTables.openForWrite(catalog,
                List.of(new DatasetSchema("organisations", List.of(), retyped))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("members of type int").hasMessageContaining("declares it as long");
    }

    @Test
    void noPersonalNameBecomesAManifestBound() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            Batch b = writer(tables, lock).begin("b1");
            Slice o = b.replace(Datasets.ORGANISATIONS, "640104", "2024Q4");
            o.add(organisation("640104", "2024Q4", 4, "K1", "学会一", "王小芳"));
            o.add(organisation("640104", "2024Q4", 5, "K2", "学会二", "张三丰"));
            Slice p = b.replace(Datasets.POSTS, "640104", "2024Q4");
            p.add(post("640104", "2024Q4", 4, "李时珍"));
            p.add(post("640104", "2024Q4", 5, "孙思邈"));
            b.commit();
            List<String> names = List.of("王小芳", "张三丰", "李时珍", "孙思邈");
            for (String table : List.of("organisations", "posts")) {
                Table t = tables.table(table);
                t.refresh();
                List<DataFile> files = files(t);
                assertThat(files).isNotEmpty();
                String personal = table.equals("posts") ? Datasets.PERSON_NAME : Datasets.LEADER_NAME;
                int personalId = t.schema().findField(personal).fieldId();
                for (DataFile f : files) {
                    assertThat(f.lowerBounds()).doesNotContainKey(personalId).isNotEmpty();
                    assertThat(f.upperBounds()).doesNotContainKey(personalId);
                    assertThat(f.valueCounts()).doesNotContainKey(personalId);
                    List<String> bounds = new ArrayList<>();
                    for (Map<Integer, ByteBuffer> m : List.of(f.lowerBounds(), f.upperBounds())) {
                        m.forEach((fid, buf) -> {
                            Types.NestedField field = t.schema().findField(fid);
                            bounds.add(String.valueOf((Object) Conversions.fromByteBuffer(field.type(), buf)));
                        });
                    }
                    // the other string columns do have bounds (the org name, say), but no name appears in any
                    assertThat(String.join("|", bounds)).contains("640104");
                    for (String name : names) {
                        assertThat(String.join("|", bounds)).doesNotContain(name);
                    }
                }
            }
        }
    }

    @Test
    void pageChecksumsAreWrittenAndVerifiedOnRead() throws Exception {
        WarehouseCatalog catalog = Fixtures.catalog(dir);
        Table t;
        long id;
        try (WriterLock lock = Fixtures.lock(dir)) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            Batch b = writer(tables, lock).begin("b1");
            Slice s = b.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
            for (int i = 0; i < 50; i++) {
                s.add(Fixtures.activity("640104", "2024Q4", 5 + i, "健康义诊进社区第" + i + "场", 100 + i));
            }
            id = b.commit().snapshotIds().get("activities");
            t = tables.table("activities");
        }
        DataFile f = files(t).get(0);
        Path file = Path.of(java.net.URI.create(f.location()));
        // every data page carries a CRC
        ColumnChunkMetaData participants;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            BlockMetaData block = r.getFooter().getBlocks().get(0);
            participants = block.getColumns().stream()
                    .filter(c -> c.getPath().toDotString().equals(Datasets.PARTICIPANTS)).findFirst().orElseThrow();
            PageReadStore rg = r.readNextRowGroup();
            for (ColumnDescriptor col : r.getFooter().getFileMetaData().getSchema().getColumns()) {
                DataPage page = rg.getPageReader(col).readPage();
                assertThat(page.getCrc()).as("CRC of %s", col).isPresent();
            }
        }
        assertThat(TableRows.read(t, id, Expressions.alwaysTrue())).hasSize(50);
        // flip a byte inside the participants column's page data (its last byte), and drop the local file system's
        // .crc sidecar, as on a file system without one
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long pos = participants.getStartingPos() + participants.getTotalSize() - 1;
            raf.seek(pos);
            int b = raf.read();
            raf.seek(pos);
            raf.write(b ^ 0x5a);
        }
        Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        assertThatThrownBy(() -> TableRows.read(t, id, Expressions.alwaysTrue()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("cannot read data file " + f.location())
                .hasMessageContaining("CRC checksum verification failed");
    }
}
