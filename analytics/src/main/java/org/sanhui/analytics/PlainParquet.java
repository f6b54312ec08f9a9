package org.sanhui.analytics;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.xerial.snappy.Snappy;

/**
 * Decodes the Parquet files sanhui writes, for the live-file source, without parquet-java's object model: the
 * footer is read straight from its Thrift compact encoding and the pages straight into Spark's column vectors.
 * The warehouse holds tens of thousands of small files (one per dataset, county and period), and parquet-java
 * spends most of a small file's time building footer and page-header objects (about 70 µs a file).
 *
 * <p>Only what ingestion writes is taken: a flat schema of required or optional columns, version 1 data pages
 * with PLAIN values and RLE definition levels, Snappy or no compression. Anything else (a dictionary page,
 * version 2 pages, another encoding or codec, a nested column) raises {@link Unsupported}, and the caller
 * reads that file with parquet-java instead. Malformed bytes raise {@link IllegalStateException} or an
 * index exception; callers report the file as damaged.
 */
final class PlainParquet {

    /** The file uses a Parquet feature this reader leaves to parquet-java. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what, null, false, false);
        }
    }

    // Thrift Type of parquet.thrift
    static final int BOOLEAN = 0;
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int DOUBLE = 5;
    static final int BYTE_ARRAY = 6;

    private static final String[] TYPE_NAMES = {"BOOLEAN", "INT32", "INT64", "INT96", "FLOAT", "DOUBLE", "BYTE_ARRAY",
        "FIXED_LEN_BYTE_ARRAY"};

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private PlainParquet() {
    }

    /**
     * A leaf column of the schema.
     *
     * @param name the column name
     * @param type the Thrift physical type
     * @param optional whether values may be null (definition level 1)
     * @param timestampMicros whether it is annotated as a timestamp in microseconds
     */
    record Column(String name, int type, boolean optional, boolean timestampMicros) {
        /** The physical type's name, for messages. */
        String typeName() {
            return type >= 0 && type < TYPE_NAMES.length ? TYPE_NAMES[type] : "type " + type;
        }
    }

    /** A column chunk: where its pages start and how many values they hold. */
    record Chunk(int type, int codec, long values, long start, long compressedSize) {
    }

    /** A row group's row count and chunks by column name. */
    record RowGroup(long rows, Map<String, Chunk> chunks) {
    }

    /** A file's footer: rows, columns in schema order, row groups. */
    record Footer(long rows, Map<String, Column> columns, List<RowGroup> rowGroups) {
    }

    /**
     * Reads a file's footer.
     *
     * @param file the whole file
     * @return the footer
     * @throws Unsupported if the file uses what this reader leaves to parquet-java
     * @throws IllegalStateException if the bytes are no Parquet footer
     */
    static Footer footer(byte[] file) throws Unsupported {
        int n = file.length;
        if (n < 12 || !magic(file, 0) || !magic(file, n - 4)) {
            throw new IllegalStateException("no PAR1 magic");
        }
        int len = (int) INT.get(file, n - 8);
        if (len <= 0 || len > n - 12) {
            throw new IllegalStateException("footer length " + len + " out of range");
        }
        Thrift t = new Thrift(file, n - 8 - len, n - 8);
        long rows = -1;
        Map<String, Column> columns = null;
        List<RowGroup> groups = new ArrayList<>();
        short last = 0;
        while (true) {
            int h = t.fieldHeader();
            if (h == 0) {
                break;
            }
            short id = t.fieldId(h, last);
            last = id;
            int type = h & 0x0F;
            if (id == 2 && type == Thrift.LIST) {
                columns = schema(t);
            } else if (id == 3 && type == Thrift.I64) {
                rows = t.varlong();
            } else if (id == 4 && type == Thrift.LIST) {
                int[] lh = t.listHeader();
                for (int i = 0; i < lh[0]; i++) {
                    groups.add(rowGroup(t));
                }
            } else {
                t.skip(type);
            }
        }
        if (rows < 0 || columns == null) {
            throw new IllegalStateException("footer without schema or row count");
        }
        return new Footer(rows, columns, groups);
    }

    private static boolean magic(byte[] b, int at) {
        return b[at] == 'P' && b[at + 1] == 'A' && b[at + 2] == 'R' && b[at + 3] == '1';
    }

    private static Map<String, Column> schema(Thrift t) throws Unsupported {
        int[] lh = t.listHeader();
        Map<String, Column> out = new LinkedHashMap<>();
        for (int i = 0; i < lh[0]; i++) {
            int type = -1;
            int repetition = 0;
            String name = null;
            int children = -1;
            int converted = -1;
            boolean micros = false;
            short last = 0;
            while (true) {
                int h = t.fieldHeader();
                if (h == 0) {
                    break;
                }
                short id = t.fieldId(h, last);
                last = id;
                int ft = h & 0x0F;
                switch (id) {
                    case 1 -> type = t.varint();
                    case 3 -> repetition = t.varint();
                    case 4 -> name = t.string();
                    case 5 -> children = t.varint();
                    case 6 -> converted = t.varint();
                    case 10 -> micros = timestampMicros(t);
                    default -> t.skip(ft);
                }
            }
            if (i == 0) {
                if (children != lh[0] - 1) {
                    throw new Unsupported("nested schema");
                }
                continue;
            }
            if (children >= 0 || type < 0 || repetition == 2) {
                throw new Unsupported("nested or repeated column " + name);
            }
            out.put(name, new Column(name, type, repetition == 1, micros || converted == 10));
        }
        return out;
    }

    /** Reads a LogicalType union; true for TIMESTAMP with unit MICROS. */
    private static boolean timestampMicros(Thrift t) {
        boolean micros = false;
        short last = 0;
        while (true) {
            int h = t.fieldHeader();
            if (h == 0) {
                return micros;
            }
            short id = t.fieldId(h, last);
            last = id;
            if (id == 8 && (h & 0x0F) == Thrift.STRUCT) { // TimestampType
                short l2 = 0;
                while (true) {
                    int h2 = t.fieldHeader();
                    if (h2 == 0) {
                        break;
                    }
                    short id2 = t.fieldId(h2, l2);
                    l2 = id2;
                    if (id2 == 2 && (h2 & 0x0F) == Thrift.STRUCT) { // TimeUnit union
                        short l3 = 0;
                        while (true) {
                            int h3 = t.fieldHeader();
                            if (h3 == 0) {
                                break;
                            }
                            short id3 = t.fieldId(h3, l3);
                            l3 = id3;
                            micros = id3 == 2;
                            t.skip(h3 & 0x0F);
                        }
                    } else {
                        t.skip(h2 & 0x0F);
                    }
                }
            } else {
                t.skip(h & 0x0F);
            }
        }
    }

    private static RowGroup rowGroup(Thrift t) throws Unsupported {
        long rows = -1;
        Map<String, Chunk> chunks = new HashMap<>();
        short last = 0;
        while (true) {
            int h = t.fieldHeader();
            if (h == 0) {
                break;
            }
            short id = t.fieldId(h, last);
            last = id;
            if (id == 1 && (h & 0x0F) == Thrift.LIST) {
                int[] lh = t.listHeader();
                for (int i = 0; i < lh[0]; i++) {
                    columnChunk(t, chunks);
                }
            } else if (id == 3 && (h & 0x0F) == Thrift.I64) {
                rows = t.varlong();
            } else {
                t.skip(h & 0x0F);
            }
        }
        if (rows < 0) {
            throw new IllegalStateException("row group without a row count");
        }
        return new RowGroup(rows, chunks);
    }

    private static void columnChunk(Thrift t, Map<String, Chunk> chunks) throws Unsupported {
        short last = 0;
        while (true) {
            int h = t.fieldHeader();
            if (h == 0) {
                return;
            }
            short id = t.fieldId(h, last);
            last = id;
            if (id == 1) {
                throw new Unsupported("column chunk in another file");
            }
            if (id == 3 && (h & 0x0F) == Thrift.STRUCT) {
                columnMetaData(t, chunks);
            } else {
                t.skip(h & 0x0F);
            }
        }
    }

    private static void columnMetaData(Thrift t, Map<String, Chunk> chunks) throws Unsupported {
        int type = -1;
        int codec = -1;
        long values = -1;
        long compressed = -1;
        long data = -1;
        long dictionary = -1;
        String path = null;
        short last = 0;
        while (true) {
            int h = t.fieldHeader();
            if (h == 0) {
                break;
            }
            short id = t.fieldId(h, last);
            last = id;
            switch (id) {
                case 1 -> type = t.varint();
                case 2 -> {
                    int[] lh = t.listHeader();
                    for (int i = 0; i < lh[0]; i++) {
                        int e = t.varint();
                        if (e != 0 && e != 3 && e != 4) { // PLAIN, RLE, BIT_PACKED: no dictionary, no delta
                            throw new Unsupported("encoding " + e);
                        }
                    }
                }
                case 3 -> {
                    int[] lh = t.listHeader();
                    if (lh[0] != 1) {
                        throw new Unsupported("nested column path");
                    }
                    path = t.string();
                }
                case 4 -> codec = t.varint();
                case 5 -> values = t.varlong();
                case 7 -> compressed = t.varlong();
                case 9 -> data = t.varlong();
                case 11 -> dictionary = t.varlong();
                default -> t.skip(h & 0x0F);
            }
        }
        if (codec != 0 && codec != 1) {
            throw new Unsupported("codec " + codec);
        }
        if (path == null || data < 0 || values < 0 || compressed < 0) {
            throw new IllegalStateException("column chunk metadata incomplete");
        }
        long start = dictionary > 0 && dictionary < data ? dictionary : data;
        chunks.put(path, new Chunk(type, codec, values, start, compressed));
    }

    /**
     * Reads one column chunk's values, page by page, into column vectors. Not thread-safe; one per column
     * of a read task, reused across chunks.
     */
    static final class Cursor {
        private byte[] file;
        private int next;
        private int end;
        private long chunkLeft;
        private int type;
        private int codec;
        private boolean optional;
        // the current page: values from buf[pos], definition levels in defs[0..pageValues)
        private byte[] buf = new byte[0];
        private byte[] page;
        private int pos;
        private int pageEnd;
        private int pageLeft;
        private int pageIndex;
        private int bit;
        private byte[] defs = new byte[0];

        /**
         * Starts a chunk.
         *
         * @param file the whole file
         * @param chunk the chunk
         * @param column its column
         */
        void start(byte[] file, Chunk chunk, Column column) {
            if (chunk.type() != column.type()) {
                throw new IllegalStateException("column chunk type " + chunk.type() + " differs from the schema's "
                        + column.type());
            }
            this.file = file;
            this.next = Math.toIntExact(chunk.start());
            this.end = Math.toIntExact(chunk.start() + chunk.compressedSize());
            if (next < 4 || end > file.length - 8 || next > end) {
                throw new IllegalStateException("column chunk outside the file");
            }
            this.chunkLeft = chunk.values();
            this.type = column.type();
            this.codec = chunk.codec();
            this.optional = column.optional();
            this.pageLeft = 0;
        }

        /**
         * Decodes k values into v from row {@code at}.
         *
         * @throws Unsupported at a page this reader does not decode (the first page of a chunk only: the
         *     caller has put nothing into the vectors from this file yet)
         */
        void read(OnHeapColumnVector v, int at, int k) throws Unsupported {
            while (k > 0) {
                if (pageLeft == 0) {
                    nextPage();
                }
                int m = Math.min(k, pageLeft);
                switch (type) {
                    case BYTE_ARRAY -> strings(v, at, m);
                    case INT32 -> ints(v, at, m);
                    case INT64 -> longs(v, at, m);
                    case DOUBLE -> doubles(v, at, m);
                    case BOOLEAN -> booleans(v, at, m);
                    default -> throw new Unsupported("physical type " + type);
                }
                pageLeft -= m;
                at += m;
                k -= m;
            }
        }

        private void strings(OnHeapColumnVector v, int at, int m) {
            byte[] p = page;
            int d = pageIndex;
            for (int i = 0; i < m; i++) {
                if (!optional || defs[d + i] != 0) {
                    int len = (int) INT.get(p, pos);
                    if (len < 0 || pos + 4 + len > pageEnd) {
                        throw new IllegalStateException("a string runs past its page");
                    }
                    v.putByteArray(at + i, p, pos + 4, len);
                    pos += 4 + len;
                } else {
                    v.putNull(at + i);
                }
            }
            pageIndex = d + m;
        }

        private void ints(OnHeapColumnVector v, int at, int m) {
            byte[] p = page;
            int d = pageIndex;
            for (int i = 0; i < m; i++) {
                if (!optional || defs[d + i] != 0) {
                    v.putInt(at + i, (int) INT.get(p, pos));
                    pos += 4;
                } else {
                    v.putNull(at + i);
                }
            }
            check();
            pageIndex = d + m;
        }

        private void longs(OnHeapColumnVector v, int at, int m) {
            byte[] p = page;
            int d = pageIndex;
            for (int i = 0; i < m; i++) {
                if (!optional || defs[d + i] != 0) {
                    v.putLong(at + i, (long) LONG.get(p, pos));
                    pos += 8;
                } else {
                    v.putNull(at + i);
                }
            }
            check();
            pageIndex = d + m;
        }

        private void doubles(OnHeapColumnVector v, int at, int m) {
            byte[] p = page;
            int d = pageIndex;
            for (int i = 0; i < m; i++) {
                if (!optional || defs[d + i] != 0) {
                    v.putDouble(at + i, Double.longBitsToDouble((long) LONG.get(p, pos)));
                    pos += 8;
                } else {
                    v.putNull(at + i);
                }
            }
            check();
            pageIndex = d + m;
        }

        private void booleans(OnHeapColumnVector v, int at, int m) {
            byte[] p = page;
            int d = pageIndex;
            for (int i = 0; i < m; i++) {
                if (!optional || defs[d + i] != 0) {
                    v.putBoolean(at + i, ((p[pos + (bit >>> 3)] >>> (bit & 7)) & 1) != 0);
                    bit++;
                } else {
                    v.putNull(at + i);
                }
            }
            if (pos + ((bit + 7) >>> 3) > pageEnd) {
                throw new IllegalStateException("booleans run past their page");
            }
            pageIndex = d + m;
        }

        private void check() {
            if (pos > pageEnd) {
                throw new IllegalStateException("values run past their page");
            }
        }

        private int hCompressed;
        private int hUncompressed;
        private int hValues;
        private int hBody;

        /** Reads the next page's header into the h* fields; throws Unsupported for a page not decoded here. */
        void header() throws Unsupported {
            if (chunkLeft <= 0 || next >= end) {
                throw new IllegalStateException("the column chunk holds fewer values than its row group");
            }
            Thrift t = new Thrift(file, next, end);
            int pageType = -1;
            int uncompressed = -1;
            int compressed = -1;
            int values = -1;
            int encoding = -1;
            int defEncoding = -1;
            short last = 0;
            while (true) {
                int h = t.fieldHeader();
                if (h == 0) {
                    break;
                }
                short id = t.fieldId(h, last);
                last = id;
                switch (id) {
                    case 1 -> pageType = t.varint();
                    case 2 -> uncompressed = t.varint();
                    case 3 -> compressed = t.varint();
                    case 5 -> {
                        short l2 = 0;
                        while (true) {
                            int h2 = t.fieldHeader();
                            if (h2 == 0) {
                                break;
                            }
                            short id2 = t.fieldId(h2, l2);
                            l2 = id2;
                            switch (id2) {
                                case 1 -> values = t.varint();
                                case 2 -> encoding = t.varint();
                                case 3 -> defEncoding = t.varint();
                                default -> t.skip(h2 & 0x0F);
                            }
                        }
                    }
                    default -> t.skip(h & 0x0F);
                }
            }
            if (pageType != 0) {
                throw new Unsupported("page type " + pageType);
            }
            if (encoding != 0 || optional && defEncoding != 3) {
                throw new Unsupported("encoding " + encoding + "/" + defEncoding);
            }
            int body = t.position();
            if (compressed < 0 || uncompressed < 0 || values <= 0 || body + compressed > end) {
                throw new IllegalStateException("page header out of range");
            }
            hCompressed = compressed;
            hUncompressed = uncompressed;
            hValues = values;
            hBody = body;
        }

        private void nextPage() throws Unsupported {
            header();
            int compressed = hCompressed;
            int uncompressed = hUncompressed;
            int values = hValues;
            int body = hBody;
            next = body + compressed;
            if (codec == 1) {
                if (buf.length < uncompressed) {
                    buf = new byte[Math.max(uncompressed, Math.max(1 << 16, buf.length * 2))];
                }
                int got;
                try {
                    got = Snappy.uncompress(file, body, compressed, buf, 0);
                } catch (IOException e) {
                    throw new IllegalStateException("a Snappy page does not decompress: " + e.getMessage(), e);
                }
                if (got != uncompressed) {
                    throw new IllegalStateException("a Snappy page gave " + got + " bytes, its header says " + uncompressed);
                }
                page = buf;
                pos = 0;
                pageEnd = uncompressed;
            } else {
                if (compressed != uncompressed) {
                    throw new IllegalStateException("an uncompressed page's sizes differ");
                }
                page = file;
                pos = body;
                pageEnd = body + compressed;
            }
            if (optional) {
                int len = (int) INT.get(page, pos);
                if (len < 0 || pos + 4 + len > pageEnd) {
                    throw new IllegalStateException("definition levels run past their page");
                }
                levels(page, pos + 4, pos + 4 + len, values);
                pos += 4 + len;
            }
            pageLeft = values;
            pageIndex = 0;
            bit = 0;
            chunkLeft -= values;
        }

        /** Decodes bit-width-1 RLE / bit-packed hybrid definition levels into defs[0..n). */
        private void levels(byte[] p, int from, int to, int n) {
            if (defs.length < n) {
                defs = new byte[Math.max(n, Math.max(1024, defs.length * 2))];
            }
            int i = 0;
            int at = from;
            while (i < n) {
                int header = 0;
                int shift = 0;
                byte b;
                do {
                    if (at >= to) {
                        throw new IllegalStateException("definition levels end early");
                    }
                    b = p[at++];
                    header |= (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0 && shift < 35);
                if ((header & 1) == 0) { // a run of one value
                    int count = header >>> 1;
                    if (at >= to) {
                        throw new IllegalStateException("definition levels end early");
                    }
                    byte value = p[at++];
                    if (value > 1 || count > n - i) {
                        throw new IllegalStateException("bad definition level run");
                    }
                    java.util.Arrays.fill(defs, i, i + count, value);
                    i += count;
                } else { // groups of 8 one-bit values
                    int groups = header >>> 1;
                    if (at + groups > to) {
                        throw new IllegalStateException("definition levels end early");
                    }
                    for (int g = 0; g < groups; g++) {
                        int bits = p[at++];
                        for (int j = 0; j < 8 && i < n; j++) {
                            defs[i++] = (byte) ((bits >>> j) & 1);
                        }
                    }
                }
            }
        }
    }

    /** Whether the reader is used at all; tests turn it off to compare with parquet-java's decoding. */
    static volatile boolean enabled = !Boolean.getBoolean("sanhui.parquet.javaOnly");

    /** Files opened by this reader in this JVM, for tests. */
    static final java.util.concurrent.atomic.AtomicLong FILES = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Tells whether a chunk's first page is one this reader decodes (a version 1 data page, PLAIN values, RLE
     * levels), so that a file is given to parquet-java before any of its values has been decoded.
     *
     * @param file the whole file
     * @param chunk the chunk
     * @param column its column
     * @return true if the first page can be decoded here
     */
    static boolean firstPageSupported(byte[] file, Chunk chunk, Column column) {
        Cursor c = new Cursor();
        c.start(file, chunk, column);
        try {
            c.header();
            return true;
        } catch (Unsupported e) {
            return false;
        }
    }

    /** A Thrift compact-protocol reader over a byte range, for the few structures read here. */
    static final class Thrift {
        static final int BOOL_TRUE = 1;
        static final int BOOL_FALSE = 2;
        static final int BYTE = 3;
        static final int I16 = 4;
        static final int I32 = 5;
        static final int I64 = 6;
        static final int DBL = 7;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int SET = 10;
        static final int MAP = 11;
        static final int STRUCT = 12;

        private final byte[] b;
        private int at;
        private final int end;
        private int depth;

        Thrift(byte[] b, int from, int end) {
            this.b = b;
            this.at = from;
            this.end = end;
        }

        int position() {
            return at;
        }

        private byte next() {
            if (at >= end) {
                throw new IllegalStateException("Thrift structure runs past its end");
            }
            return b[at++];
        }

        /** The next field header byte; 0 is the end of the struct. */
        int fieldHeader() {
            return next() & 0xFF;
        }

        short fieldId(int header, short last) {
            int delta = header >>> 4;
            return delta != 0 ? (short) (last + delta) : (short) zigzag(varlongRaw());
        }

        long varlongRaw() {
            long r = 0;
            int shift = 0;
            while (true) {
                byte x = next();
                r |= (long) (x & 0x7F) << shift;
                if (x >= 0) {
                    return r;
                }
                shift += 7;
                if (shift > 63) {
                    throw new IllegalStateException("varint too long");
                }
            }
        }

        private static long zigzag(long n) {
            return (n >>> 1) ^ -(n & 1);
        }

        int varint() {
            return (int) zigzag(varlongRaw());
        }

        long varlong() {
            return zigzag(varlongRaw());
        }

        String string() {
            int len = (int) varlongRaw();
            if (len < 0 || at + len > end) {
                throw new IllegalStateException("string runs past its end");
            }
            String s = new String(b, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }

        /** Returns {size, element type}. */
        int[] listHeader() {
            int h = next() & 0xFF;
            int size = h >>> 4;
            if (size == 15) {
                size = (int) varlongRaw();
            }
            if (size < 0 || size > end - at) {
                throw new IllegalStateException("list size " + size + " out of range");
            }
            return new int[] {size, h & 0x0F};
        }

        void skip(int type) {
            if (++depth > 64) {
                throw new IllegalStateException("Thrift structure nested too deep");
            }
            switch (type) {
                case BOOL_TRUE, BOOL_FALSE -> {
                    // the value is the type
                }
                case BYTE -> next();
                case I16, I32, I64 -> varlongRaw();
                case DBL -> {
                    if (at + 8 > end) {
                        throw new IllegalStateException("double runs past its end");
                    }
                    at += 8;
                }
                case BINARY -> {
                    int len = (int) varlongRaw();
                    if (len < 0 || at + len > end) {
                        throw new IllegalStateException("binary runs past its end");
                    }
                    at += len;
                }
                case LIST, SET -> {
                    int[] lh = listHeader();
                    for (int i = 0; i < lh[0]; i++) {
                        if (lh[1] == BOOL_TRUE || lh[1] == BOOL_FALSE) {
                            next();
                        } else {
                            skip(lh[1]);
                        }
                    }
                }
                case MAP -> {
                    int size = (int) varlongRaw();
                    if (size > 0) {
                        int kv = next() & 0xFF;
                        for (int i = 0; i < size; i++) {
                            skipElement(kv >>> 4);
                            skipElement(kv & 0x0F);
                        }
                    }
                }
                case STRUCT -> {
                    short last = 0;
                    while (true) {
                        int h = fieldHeader();
                        if (h == 0) {
                            break;
                        }
                        last = fieldId(h, last);
                        skip(h & 0x0F);
                    }
                }
                default -> throw new IllegalStateException("unknown Thrift type " + type);
            }
            depth--;
        }

        private void skipElement(int type) {
            if (type == BOOL_TRUE || type == BOOL_FALSE) {
                next();
            } else {
                skip(type);
            }
        }
    }
}
