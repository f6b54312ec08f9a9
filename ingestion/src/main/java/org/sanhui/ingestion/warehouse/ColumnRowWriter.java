package org.sanhui.ingestion.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.xerial.snappy.Snappy;

/**
 * Writes rows given as {@code Object[]} in a dataset's stored-column order to one Parquet file, in the one
 * layout the warehouse uses: a flat schema of optional columns, version 1 data pages, PLAIN values,
 * definition levels RLE/bit-packed hybrid encoded (as parquet-java's encoder does, length-prefixed), no
 * dictionary, no statistics, Snappy-compressed pages (snappy-java, as parquet-java compresses them), a
 * Thrift compact footer with the schema's logical types and the key {@code writer.model.name =
 * sanhui-<dataset>}. Written here rather than through parquet-java: its writer path loads some three
 * thousand classes (Hadoop configuration and codec pool, Jackson for the footer, the logging backend),
 * which cost more CPU than writing a benchmark file's pages.
 *
 * <p>A page ends when its values reach {@link #PAGE_BYTES} or {@link #PAGE_ROWS} rows (parquet-java's
 * defaults); a row group ends when its buffered bytes (compressed pages plus open pages) reach the row
 * group size. Accepted values: String, Number, Boolean, LocalDate (DATE), Instant (TIMESTAMP), an Enum
 * (its name), a Collection (sorted names joined by ';'). Not thread-safe.
 */
final class ColumnRowWriter implements Closeable {

    /** A page's value bytes before it is closed (parquet-java's default page size). */
    static final int PAGE_BYTES = 1 << 20;
    /** A page's rows before it is closed (parquet-java's default page row count limit). */
    static final int PAGE_ROWS = 20_000;
    /** What the footer says wrote the file (in parquet-java's "name version x (build y)" form). */
    static final String CREATED_BY = "sanhui version 0.1.0 (build ingestion)";
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    /** Rows between two checks of a row group's size. */
    private static final int SIZE_CHECK_ROWS = 64;

    // parquet.thrift enums
    static final int T_BOOLEAN = 0;
    static final int T_INT32 = 1;
    static final int T_INT64 = 2;
    static final int T_DOUBLE = 5;
    static final int T_BYTE_ARRAY = 6;
    private static final int ENC_PLAIN = 0;
    private static final int ENC_RLE = 3;
    private static final int ENC_BIT_PACKED = 4;
    private static final int CODEC_SNAPPY = 1;

    private final DatasetSchema dataset;
    private final OutputStream out;
    private final long rowGroupSize;
    private final Col[] cols;
    private final List<RowGroupMeta> groups = new ArrayList<>();
    private long position;
    private int groupRows;
    private long totalRows;
    private int sinceCheck;
    private boolean aborted;
    private boolean closed;
    private byte[] compressBuffer = new byte[0];

    /**
     * Creates the file and writes its magic.
     *
     * @param dataset the dataset, null not permitted
     * @param file the file to create (must not exist), null not permitted
     * @param rowGroupSize the row group size threshold in bytes
     * @throws IOException if the file cannot be created
     */
    ColumnRowWriter(DatasetSchema dataset, Path file, long rowGroupSize) throws IOException {
        this.dataset = dataset;
        this.rowGroupSize = rowGroupSize;
        List<Column> stored = dataset.storedColumns();
        this.cols = new Col[stored.size()];
        for (int i = 0; i < cols.length; i++) {
            Column c = stored.get(i);
            cols[i] = switch (c.type()) {
                case STRING -> new StringCol(c.name(), !c.name().equals(Datasets.TITLE));
                case INT -> new IntCol(c.name(), false);
                case LONG -> new LongCol(c.name(), false);
                case DOUBLE -> new DoubleCol(c.name());
                case BOOLEAN -> new BooleanCol(c.name());
                case DATE -> new IntCol(c.name(), true);
                case TIMESTAMP -> new LongCol(c.name(), true);
            };
        }
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 1 << 16);
        out.write(MAGIC);
        position = MAGIC.length;
    }

    /**
     * Writes one row.
     *
     * @param row one value per stored column, null where absent; null not permitted
     * @throws IOException if the file cannot be written
     */
    void write(Object[] row) throws IOException {
        if (aborted) {
            throw new IOException("the writer has failed before and takes no more rows");
        }
        try {
            Col[] cs = cols;
            for (int i = 0; i < cs.length; i++) {
                Object v = row[i];
                Col c = cs[i];
                if (v == null) {
                    c.levels.write(0);
                } else {
                    c.levels.write(1);
                    c.write(v);
                }
                if (++c.pageRows >= PAGE_ROWS || c.size >= PAGE_BYTES) {
                    closePage(c);
                }
            }
            groupRows++;
            totalRows++;
            if (++sinceCheck >= SIZE_CHECK_ROWS) {
                sinceCheck = 0;
                if (bufferedSize() >= rowGroupSize) {
                    flushRowGroup();
                }
            }
        } catch (RuntimeException | IOException | Error e) {
            aborted = true;
            throw e;
        }
    }

    private long bufferedSize() {
        long n = 0;
        for (Col c : cols) {
            n += c.chunk.size + c.size + c.levels.size();
        }
        return n;
    }

    /** Compresses a column's open page into its chunk buffer, with its header. */
    private void closePage(Col c) throws IOException {
        if (c.pageRows == 0) {
            return;
        }
        c.beforeClose();
        byte[] levels = c.levels.finish();
        int levelBytes = c.levels.size();
        int uncompressed = 4 + levelBytes + c.size;
        byte[] page = new byte[uncompressed];
        page[0] = (byte) levelBytes;
        page[1] = (byte) (levelBytes >>> 8);
        page[2] = (byte) (levelBytes >>> 16);
        page[3] = (byte) (levelBytes >>> 24);
        System.arraycopy(levels, 0, page, 4, levelBytes);
        System.arraycopy(c.buf, 0, page, 4 + levelBytes, c.size);
        int max = Snappy.maxCompressedLength(uncompressed);
        if (compressBuffer.length < max) {
            compressBuffer = new byte[max];
        }
        int compressed = Snappy.compress(page, 0, uncompressed, compressBuffer, 0);
        CompactWriter h = new CompactWriter(32);
        h.i32Field(1, 0); // DATA_PAGE
        h.i32Field(2, uncompressed);
        h.i32Field(3, compressed);
        h.structField(5);
        h.i32Field(1, c.pageRows);
        h.i32Field(2, ENC_PLAIN);
        h.i32Field(3, ENC_RLE);
        h.i32Field(4, ENC_BIT_PACKED);
        h.endStruct();
        h.endStruct();
        c.chunk.write(h.bytes(), 0, h.size());
        c.chunk.write(compressBuffer, 0, compressed);
        c.uncompressed += h.size() + uncompressed;
        c.chunkValues += c.pageRows;
        c.pageRows = 0;
        c.size = 0;
        c.levels.reset();
    }

    private void flushRowGroup() throws IOException {
        if (groupRows == 0) {
            return;
        }
        long start = position;
        long uncompressed = 0;
        long compressed = 0;
        List<ChunkMeta> chunks = new ArrayList<>(cols.length);
        for (Col c : cols) {
            closePage(c);
            long offset = position;
            out.write(c.chunk.buf, 0, c.chunk.size);
            position += c.chunk.size;
            chunks.add(new ChunkMeta(c.name, c.physical(), offset, c.chunkValues, c.uncompressed, c.chunk.size));
            uncompressed += c.uncompressed;
            compressed += c.chunk.size;
            c.chunk.size = 0;
            c.uncompressed = 0;
            c.chunkValues = 0;
        }
        groups.add(new RowGroupMeta(chunks, uncompressed, groupRows, start, compressed));
        groupRows = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!aborted) {
                flushRowGroup();
                byte[] footer = footer();
                out.write(footer);
                out.write(new byte[] {(byte) footer.length, (byte) (footer.length >>> 8), (byte) (footer.length >>> 16),
                    (byte) (footer.length >>> 24)});
                out.write(MAGIC);
            }
        } finally {
            out.close();
        }
    }

    /** The Thrift compact FileMetaData. */
    private byte[] footer() {
        CompactWriter w = new CompactWriter(4096);
        w.i32Field(1, 1); // version
        w.listField(2, CompactWriter.STRUCT, cols.length + 1);
        w.beginStruct(); // the root: name, num_children
        w.binaryField(4, dataset.name());
        w.i32Field(5, cols.length);
        w.endStruct();
        for (Col c : cols) {
            w.beginStruct();
            w.i32Field(1, c.physical());
            w.i32Field(3, 1); // OPTIONAL
            w.binaryField(4, c.name);
            c.logicalType(w);
            w.endStruct();
        }
        w.i64Field(3, totalRows);
        w.listField(4, CompactWriter.STRUCT, groups.size());
        for (int g = 0; g < groups.size(); g++) {
            RowGroupMeta rg = groups.get(g);
            w.beginStruct();
            w.listField(1, CompactWriter.STRUCT, rg.chunks.size());
            for (ChunkMeta ch : rg.chunks) {
                w.beginStruct();
                w.i64Field(2, ch.offset); // file_offset
                w.structField(3);
                w.i32Field(1, ch.type);
                w.listField(2, CompactWriter.I32, 3);
                w.listI32(ENC_PLAIN);
                w.listI32(ENC_RLE);
                w.listI32(ENC_BIT_PACKED);
                w.listField(3, CompactWriter.BINARY, 1);
                w.listBinary(ch.name);
                w.i32Field(4, CODEC_SNAPPY);
                w.i64Field(5, ch.values);
                w.i64Field(6, ch.uncompressed);
                w.i64Field(7, ch.compressed);
                w.i64Field(9, ch.offset); // data_page_offset
                w.endStruct();
                w.endStruct();
            }
            w.i64Field(2, rg.uncompressed);
            w.i64Field(3, rg.rows);
            w.i64Field(5, rg.start);
            w.i64Field(6, rg.compressed);
            w.i16Field(7, g);
            w.endStruct();
        }
        w.listField(5, CompactWriter.STRUCT, 1);
        w.beginStruct();
        w.binaryField(1, "writer.model.name");
        w.binaryField(2, "sanhui-" + dataset.name());
        w.endStruct();
        w.binaryField(6, CREATED_BY);
        w.listField(7, CompactWriter.STRUCT, cols.length);
        for (int i = 0; i < cols.length; i++) {
            w.beginStruct();
            w.structField(1); // TYPE_ORDER: TypeDefinedOrder
            w.endStruct();
            w.endStruct();
        }
        w.endStruct();
        return java.util.Arrays.copyOf(w.bytes(), w.size());
    }

    private record ChunkMeta(String name, int type, long offset, long values, long uncompressed, long compressed) {
    }

    private record RowGroupMeta(List<ChunkMeta> chunks, long uncompressed, long rows, long start, long compressed) {
    }

    static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> coll) {
            TreeSet<String> names = new TreeSet<>();
            for (Object o : coll) {
                names.add(o instanceof Enum<?> e ? e.name() : String.valueOf(o));
            }
            return String.join(";", names);
        }
        return String.valueOf(v);
    }

    /** A growable byte buffer. */
    static final class Bytes {
        byte[] buf;
        int size;

        Bytes(int capacity) {
            buf = new byte[capacity];
        }

        void ensure(int more) {
            if (size + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }
    }

    /** One column: its open page's values and levels, and its row group's finished pages. */
    abstract static class Col {
        final String name;
        final Levels levels = new Levels();
        final Bytes chunk = new Bytes(1 << 12);
        byte[] buf = new byte[1 << 12];
        int size;
        int pageRows;
        long chunkValues;
        long uncompressed;

        Col(String name) {
            this.name = name;
        }

        abstract void write(Object v);

        abstract int physical();

        void logicalType(CompactWriter w) {
            // none
        }

        /** Writes out what a value writer holds back (a boolean page's last bits). */
        void beforeClose() {
            // nothing held back
        }

        final void ensure(int more) {
            if (size + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        final void int32(int v) {
            ensure(4);
            byte[] b = buf;
            int p = size;
            b[p] = (byte) v;
            b[p + 1] = (byte) (v >>> 8);
            b[p + 2] = (byte) (v >>> 16);
            b[p + 3] = (byte) (v >>> 24);
            size = p + 4;
        }

        final void int64(long v) {
            ensure(8);
            byte[] b = buf;
            int p = size;
            for (int i = 0; i < 8; i++) {
                b[p + i] = (byte) (v >>> (8 * i));
            }
            size = p + 8;
        }
    }

    /** Strings: most string columns repeat a few values (ids, enum names, provenance), so each is encoded once. */
    static final class StringCol extends Col {
        private static final int MAX_CACHED = 4096;
        private boolean cache;
        private final Map<String, byte[]> encoded = new HashMap<>();
        private String last;
        private byte[] lastBytes;

        StringCol(String name, boolean cache) {
            super(name);
            this.cache = cache;
        }

        @Override
        void write(Object v) {
            byte[] b = utf8(v instanceof String s ? s : string(v));
            int n = b.length;
            int32(n);
            ensure(n);
            System.arraycopy(b, 0, buf, size, n);
            size += n;
        }

        byte[] utf8(String s) {
            if (s == last) {
                return lastBytes;
            }
            byte[] b;
            if (!cache || s.length() > 64) {
                b = s.getBytes(StandardCharsets.UTF_8);
            } else {
                b = encoded.get(s);
                if (b == null) {
                    b = s.getBytes(StandardCharsets.UTF_8);
                    if (encoded.size() < MAX_CACHED) {
                        encoded.put(s, b);
                    } else {
                        cache = false;
                    }
                }
            }
            last = s;
            lastBytes = b;
            return b;
        }

        @Override
        int physical() {
            return T_BYTE_ARRAY;
        }

        @Override
        void logicalType(CompactWriter w) {
            w.i32Field(6, 0); // converted_type UTF8
            w.structField(10); // logicalType: STRING
            w.structField(1);
            w.endStruct();
            w.endStruct();
        }
    }

    /** INT32 values: ints, or dates as days since 1970-01-01. */
    static final class IntCol extends Col {
        private final boolean date;

        IntCol(String name, boolean date) {
            super(name);
            this.date = date;
        }

        @Override
        void write(Object v) {
            int32(date ? (int) ((LocalDate) v).toEpochDay() : ((Number) v).intValue());
        }

        @Override
        int physical() {
            return T_INT32;
        }

        @Override
        void logicalType(CompactWriter w) {
            if (date) {
                w.i32Field(6, 6); // converted_type DATE
                w.structField(10); // logicalType: DATE
                w.structField(6);
                w.endStruct();
                w.endStruct();
            }
        }
    }

    /** INT64 values: longs, or instants as microseconds since the epoch (UTC). */
    static final class LongCol extends Col {
        private final boolean timestamp;

        LongCol(String name, boolean timestamp) {
            super(name);
            this.timestamp = timestamp;
        }

        @Override
        void write(Object v) {
            if (timestamp) {
                Instant t = (Instant) v;
                int64(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
            } else {
                int64(((Number) v).longValue());
            }
        }

        @Override
        int physical() {
            return T_INT64;
        }

        @Override
        void logicalType(CompactWriter w) {
            if (timestamp) {
                w.i32Field(6, 10); // converted_type TIMESTAMP_MICROS
                w.structField(10); // logicalType: TIMESTAMP(isAdjustedToUTC = true, MICROS)
                w.structField(8);
                w.boolField(1, true);
                w.structField(2);
                w.structField(2);
                w.endStruct();
                w.endStruct();
                w.endStruct();
                w.endStruct();
            }
        }
    }

    static final class DoubleCol extends Col {
        DoubleCol(String name) {
            super(name);
        }

        @Override
        void write(Object v) {
            int64(Double.doubleToLongBits(((Number) v).doubleValue()));
        }

        @Override
        int physical() {
            return T_DOUBLE;
        }
    }

    /** Booleans, bit-packed eight to a byte, first value in the lowest bit. */
    static final class BooleanCol extends Col {
        private int bits;
        private int count;

        BooleanCol(String name) {
            super(name);
        }

        @Override
        void write(Object v) {
            if ((Boolean) v) {
                bits |= 1 << count;
            }
            if (++count == 8) {
                ensure(1);
                buf[size++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }

        @Override
        int physical() {
            return T_BOOLEAN;
        }

        @Override
        void beforeClose() {
            if (count > 0) {
                ensure(1);
                buf[size++] = (byte) bits;
                bits = 0;
                count = 0;
            }
        }
    }

    /**
     * Definition levels of bit width 1, RLE/bit-packed hybrid encoded exactly as parquet-java's
     * RunLengthBitPackingHybridEncoder does: a value seen eight times in a row goes into an RLE run, others
     * are bit-packed in groups of eight, at most 63 groups to a run.
     */
    static final class Levels {
        private final Bytes out = new Bytes(256);
        private final int[] buffered = new int[8];
        private int numBuffered;
        private int previous;
        private int repeatCount;
        private int packedHeader = -1;
        private int packedGroups;

        void write(int value) {
            if (value == previous) {
                if (++repeatCount >= 8) {
                    return;
                }
            } else {
                if (repeatCount >= 8) {
                    rleRun();
                }
                repeatCount = 1;
                previous = value;
            }
            buffered[numBuffered++] = value;
            if (numBuffered == 8) {
                packedRun();
            }
        }

        private void packedRun() {
            if (packedGroups >= 63) {
                endPackedRun();
            }
            if (packedHeader == -1) {
                out.ensure(1);
                out.buf[out.size++] = 0;
                packedHeader = out.size - 1;
            }
            int b = 0;
            for (int i = 0; i < 8; i++) {
                b |= (buffered[i] & 1) << i;
            }
            out.ensure(1);
            out.buf[out.size++] = (byte) b;
            numBuffered = 0;
            repeatCount = 0;
            ++packedGroups;
        }

        private void endPackedRun() {
            if (packedHeader == -1) {
                return;
            }
            out.buf[packedHeader] = (byte) ((packedGroups << 1) | 1);
            packedHeader = -1;
            packedGroups = 0;
        }

        private void rleRun() {
            endPackedRun();
            int header = repeatCount << 1;
            out.ensure(6);
            while ((header & ~0x7F) != 0) {
                out.buf[out.size++] = (byte) ((header & 0x7F) | 0x80);
                header >>>= 7;
            }
            out.buf[out.size++] = (byte) header;
            out.buf[out.size++] = (byte) previous;
            repeatCount = 0;
            numBuffered = 0;
        }

        /** Ends the levels of a page; returns the buffer, whose first {@link #size()} bytes hold them. */
        byte[] finish() {
            if (repeatCount >= 8) {
                rleRun();
            } else if (numBuffered > 0) {
                for (int i = numBuffered; i < 8; i++) {
                    buffered[i] = 0;
                }
                packedRun();
                endPackedRun();
            } else {
                endPackedRun();
            }
            return out.buf;
        }

        int size() {
            return out.size;
        }

        void reset() {
            out.size = 0;
            numBuffered = 0;
            previous = 0;
            repeatCount = 0;
            packedHeader = -1;
            packedGroups = 0;
        }
    }

    /** Thrift compact protocol, the few forms the Parquet footer and page headers need. */
    static final class CompactWriter {
        static final int BOOLEAN_TRUE = 1;
        static final int BOOLEAN_FALSE = 2;
        static final int I16 = 4;
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final Bytes b;
        private final int[] lastIds = new int[16];
        private int depth;

        CompactWriter(int capacity) {
            b = new Bytes(capacity);
        }

        byte[] bytes() {
            return b.buf;
        }

        int size() {
            return b.size;
        }

        private void fieldHeader(int id, int type) {
            int delta = id - lastIds[depth];
            b.ensure(4);
            if (delta > 0 && delta <= 15) {
                b.buf[b.size++] = (byte) ((delta << 4) | type);
            } else {
                b.buf[b.size++] = (byte) type;
                varint(zigzag32(id));
            }
            lastIds[depth] = id;
        }

        private void varint(long v) {
            b.ensure(10);
            while ((v & ~0x7FL) != 0) {
                b.buf[b.size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            b.buf[b.size++] = (byte) v;
        }

        private static long zigzag32(int n) {
            return ((n << 1) ^ (n >> 31)) & 0xFFFFFFFFL;
        }

        private static long zigzag64(long n) {
            return (n << 1) ^ (n >> 63);
        }

        void i16Field(int id, int v) {
            fieldHeader(id, I16);
            varint(zigzag32(v));
        }

        void i32Field(int id, int v) {
            fieldHeader(id, I32);
            varint(zigzag32(v));
        }

        void i64Field(int id, long v) {
            fieldHeader(id, I64);
            varint(zigzag64(v));
        }

        void boolField(int id, boolean v) {
            fieldHeader(id, v ? BOOLEAN_TRUE : BOOLEAN_FALSE);
        }

        void binaryField(int id, String s) {
            fieldHeader(id, BINARY);
            listBinary(s);
        }

        /** Starts a struct-typed field; its fields follow, then {@link #endStruct()}. */
        void structField(int id) {
            fieldHeader(id, STRUCT);
            lastIds[++depth] = 0;
        }

        /** Starts a list field of n elements; a struct element is {@link #beginStruct()}, its fields, {@link #endStruct()}. */
        void listField(int id, int elementType, int n) {
            fieldHeader(id, LIST);
            b.ensure(1);
            if (n < 15) {
                b.buf[b.size++] = (byte) ((n << 4) | elementType);
            } else {
                b.buf[b.size++] = (byte) (0xF0 | elementType);
                varint(n);
            }
        }

        void listI32(int v) {
            varint(zigzag32(v));
        }

        void listBinary(String s) {
            byte[] u = s.getBytes(StandardCharsets.UTF_8);
            varint(u.length);
            b.write(u, 0, u.length);
        }

        /** Starts a struct (a list element); its fields follow, then {@link #endStruct()}. */
        void beginStruct() {
            lastIds[++depth] = 0;
        }

        /** Ends the innermost struct (the outermost one last): writes its stop byte. */
        void endStruct() {
            b.ensure(1);
            b.buf[b.size++] = 0;
            if (depth > 0) {
                depth--;
            }
        }
    }
}
