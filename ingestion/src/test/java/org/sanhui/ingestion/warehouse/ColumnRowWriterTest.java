package org.sanhui.ingestion.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;

class ColumnRowWriterTest {

    private enum Colour { RED, GREEN }

    private static Column c(String name, ColumnType type) {
        return new Column(name, type, false, false, true, List.of());
    }

    private static final DatasetSchema ALL = new DatasetSchema("all_types", List.of(),
            List.of(c("s", ColumnType.STRING), c("i", ColumnType.INT), c("l", ColumnType.LONG), c("d", ColumnType.DOUBLE),
                    c("b", ColumnType.BOOLEAN), c("day", ColumnType.DATE), c("at", ColumnType.TIMESTAMP), c("title", ColumnType.STRING)));

    @Test
    void everyTypeAndNullsReadBackAsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.parquet");
        try (ColumnRowWriter w = new ColumnRowWriter(ALL, new LocalOutputFile(f), 8 << 20, CompressionCodecName.SNAPPY)) {
            w.write(new Object[] {"兴庆区", 7, 1L << 40, 2.5, true, LocalDate.of(2024, 7, 1),
                    Instant.ofEpochSecond(1_700_000_000L, 123_456_789), "科普活动第1场"});
            w.write(new Object[] {null, null, null, null, null, null, null, null});
            // an enum as its name, a collection as its sorted names joined by ';', the same string again
            w.write(new Object[] {Colour.GREEN, -3, 0L, -0.25, false, LocalDate.of(1970, 1, 1), null,
                    EnumSet.of(Colour.GREEN, Colour.RED)});
            w.write(new Object[] {"兴庆区", null, null, null, null, null, null, "x"});
        }
        List<Map<String, Object>> rows = ParquetRows.read(f, ALL);
        assertThat(rows).hasSize(4);
        // 1700000000 s and 123456789 ns are 1700000000123456 µs, read back to the microsecond
        assertThat(rows.get(0)).containsExactlyInAnyOrderEntriesOf(Map.of("s", "兴庆区", "i", 7, "l", 1_099_511_627_776L,
                "d", 2.5, "b", true, "day", LocalDate.of(2024, 7, 1), "at", Instant.ofEpochSecond(1_700_000_000L, 123_456_000),
                "title", "科普活动第1场"));
        assertThat(rows.get(1)).isEmpty();
        assertThat(rows.get(2)).containsExactlyInAnyOrderEntriesOf(Map.of("s", "GREEN", "i", -3, "l", 0L, "d", -0.25,
                "b", false, "day", LocalDate.of(1970, 1, 1), "title", "GREEN;RED"));
        assertThat(rows.get(3)).containsExactlyInAnyOrderEntriesOf(Map.of("s", "兴庆区", "title", "x"));
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
            ParquetMetadata m = r.getFooter();
            assertThat(m.getFileMetaData().getKeyValueMetaData()).containsEntry("writer.model.name", "sanhui-all_types");
            assertThat(m.getBlocks()).hasSize(1);
            assertThat(m.getBlocks().get(0).getRowCount()).isEqualTo(4);
            assertThat(m.getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
        }
    }

    @Test
    void manyRowsSplitIntoRowGroupsWithoutLosingAny(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.parquet");
        int n = 60_000;
        try (ColumnRowWriter w = new ColumnRowWriter(ALL, new LocalOutputFile(f), 64 << 10, CompressionCodecName.SNAPPY)) {
            for (int i = 0; i < n; i++) {
                w.write(new Object[] {"org" + (i % 50), i, (long) i * 3, i / 4.0, i % 3 == 0, LocalDate.ofEpochDay(i % 92),
                        null, "title " + i});
            }
        }
        long total = 0;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
            List<BlockMetaData> blocks = r.getFooter().getBlocks();
            // about 1.2 MB of values against 64 KB row groups
            assertThat(blocks.size()).isGreaterThan(5);
            for (BlockMetaData b : blocks) {
                total += b.getRowCount();
            }
        }
        assertThat(total).isEqualTo(n);
        int[] i = {0};
        ParquetRows.forEach(f, ALL, row -> {
            int k = i[0]++;
            assertThat(row).containsEntry("s", "org" + (k % 50)).containsEntry("i", k).containsEntry("l", (long) k * 3)
                    .containsEntry("d", k / 4.0).containsEntry("b", k % 3 == 0).containsEntry("day", LocalDate.ofEpochDay(k % 92))
                    .containsEntry("title", "title " + k).doesNotContainKey("at");
        });
        assertThat(i[0]).isEqualTo(n);
        assertThat(Files.size(f)).isPositive();
    }
}
