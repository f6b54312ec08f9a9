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
        try (ColumnRowWriter w = new ColumnRowWriter(ALL, f, 8 << 20)) {
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
        try (ColumnRowWriter w = new ColumnRowWriter(ALL, f, 64 << 10)) {
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

    private static byte[] levels(int... values) {
        ColumnRowWriter.Levels l = new ColumnRowWriter.Levels();
        for (int v : values) {
            l.write(v);
        }
        return java.util.Arrays.copyOf(l.finish(), l.size());
    }

    @Test
    void levelsAreEncodedAsParquetJavasHybridEncoderDoes() {
        // twenty 1s: one RLE run, header 20 << 1 = 40, then the value
        int[] ones = new int[20];
        java.util.Arrays.fill(ones, 1);
        assertThat(levels(ones)).containsExactly(0x28, 0x01);
        // 1,0 four times then 1,1: two bit-packed groups (0b01010101, then 0b00000011 padded), header (2 << 1) | 1
        assertThat(levels(1, 0, 1, 0, 1, 0, 1, 0, 1, 1)).containsExactly(0x05, 0x55, 0x03);
        // three 0s (counted from the encoder's initial 0) and ten 1s: fewer than 8 repeats before the first
        // group fills, so two bit-packed groups: 0b11111000 and 0b00011111
        assertThat(levels(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)).containsExactly(0x05, 0xF8, 0x1F);
        // 8 ones then 300 zeros: 1 != initial 0, seven more 1s make 8 repeats, the 0 ends the run (16 = 8 << 1);
        // 300 zeros: RLE run 600 = varint D8 04
        int[] mixed = new int[308];
        java.util.Arrays.fill(mixed, 0, 8, 1);
        assertThat(levels(mixed)).containsExactly(0x10, 0x01, 0xD8, 0x04, 0x00);
    }

    @Test
    void thriftCompactFieldsAreEncodedAsTheProtocolSays() {
        ColumnRowWriter.CompactWriter w = new ColumnRowWriter.CompactWriter(8);
        w.i32Field(1, 1); // delta 1, type 5; zigzag 1 = 2
        w.i64Field(3, 300); // delta 2, type 6; zigzag 300 = 600 = D8 04
        w.i16Field(20, 7); // delta 17: type 4 then zigzag 20 = 40; zigzag 7 = 14
        w.structField(21); // delta 1, type 12
        w.boolField(1, true); // delta 1, type 1 (true)
        w.endStruct();
        w.binaryField(22, "ab"); // delta 1 from 21, type 8; length 2
        w.endStruct();
        assertThat(java.util.Arrays.copyOf(w.bytes(), w.size())).containsExactly(0x15, 0x02, 0x26, 0xD8, 0x04, 0x04,
                0x28, 0x0E, 0x1C, 0x11, 0x00, 0x18, 0x02, 'a', 'b', 0x00);
    }

    @Test
    void duckdbReadsTheFileAsWritten(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("c.parquet");
        try (ColumnRowWriter w = new ColumnRowWriter(ALL, f, 64 << 10)) {
            for (int i = 0; i < 50_000; i++) {
                w.write(new Object[] {i % 7 == 0 ? null : "org" + (i % 50), i, (long) i * 3, i / 4.0, i % 3 == 0,
                    LocalDate.ofEpochDay(i % 92), i % 2 == 0 ? null : Instant.ofEpochSecond(i, 5000), "title " + i});
            }
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("select count(*), count(s), sum(i), sum(l), sum(d), "
                        + "count(*) filter (where b), max(day), count(\"at\"), epoch_us(max(\"at\")), count(distinct title), "
                        + "min(s), typeof(min(day)), typeof(max(\"at\")) from '" + f + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(50_000);
            assertThat(rs.getLong(2)).isEqualTo(50_000 - 7143); // multiples of 7 below 50000: 7143
            assertThat(rs.getLong(3)).isEqualTo(1_249_975_000L); // 49999 * 50000 / 2
            assertThat(rs.getLong(4)).isEqualTo(3_749_925_000L);
            assertThat(rs.getDouble(5)).isEqualTo(312_493_750.0); // 1249975000 / 4
            assertThat(rs.getLong(6)).isEqualTo(16_667); // multiples of 3 below 50000
            assertThat(rs.getString(7)).isEqualTo("1970-04-02"); // day 91
            assertThat(rs.getLong(8)).isEqualTo(25_000);
            assertThat(rs.getLong(9)).isEqualTo(49_999_000_005L); // 49999 s and 5 µs
            assertThat(rs.getLong(10)).isEqualTo(50_000);
            assertThat(rs.getString(11)).isEqualTo("org0"); // row 50 (not a multiple of 7)
            assertThat(rs.getString(12)).isEqualTo("DATE");
            assertThat(rs.getString(13)).isEqualTo("TIMESTAMP WITH TIME ZONE");
        }
    }
}
