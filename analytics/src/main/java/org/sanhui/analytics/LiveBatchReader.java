package org.sanhui.analytics;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.CollectionAccumulator;
import org.sanhui.model.error.DataIntegrityException;
import org.sanhui.model.warehouse.LiveFile;

/**
 * A read task of {@link LiveSource}: its files in turn, each read whole, checked ({@link LiveFileCheck}) and
 * decoded column by column into one set of column vectors reused for every batch. A batch takes rows from as
 * many files as fit, so a run of files of a dozen rows each costs a few batches, not one per file.
 */
final class LiveBatchReader implements PartitionReader<ColumnarBatch> {

    /** Rows per batch, as Spark's own Parquet reader. */
    static final int BATCH_ROWS = 4096;

    /** A read task's files. */
    record Partition(List<LiveSource.FileRef> files) implements InputPartition {
    }

    /** Creates the readers on the executors: columnar only; problems met go to the accumulator. */
    record Factory(StructType schema, CollectionAccumulator<String> problems) implements PartitionReaderFactory {

        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            throw new UnsupportedOperationException("the live-file source reads column batches only");
        }

        @Override
        public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
            return new LiveBatchReader(((Partition) partition).files(), schema, problems);
        }

        @Override
        public boolean supportColumnarReads(InputPartition partition) {
            return true;
        }
    }

    /** How a column's values are read from Parquet and put into a vector. */
    private enum Kind {
        STRING(PrimitiveTypeName.BINARY), INT(PrimitiveTypeName.INT32), LONG(PrimitiveTypeName.INT64),
        DOUBLE(PrimitiveTypeName.DOUBLE), BOOLEAN(PrimitiveTypeName.BOOLEAN), TIMESTAMP(PrimitiveTypeName.INT64);

        final PrimitiveTypeName stored;

        Kind(PrimitiveTypeName stored) {
            this.stored = stored;
        }

        static Kind of(DataType t) {
            if (t.equals(DataTypes.StringType)) {
                return STRING;
            }
            if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.DateType)) {
                return INT; // a date is its epoch day, in Parquet and in Spark's vectors
            }
            if (t.equals(DataTypes.LongType)) {
                return LONG;
            }
            if (t.equals(DataTypes.TimestampType)) {
                return TIMESTAMP;
            }
            if (t.equals(DataTypes.DoubleType)) {
                return DOUBLE;
            }
            if (t.equals(DataTypes.BooleanType)) {
                return BOOLEAN;
            }
            throw new AnalyticsException("the live-file source cannot read a column of type " + t.simpleString());
        }
    }

    private final List<LiveSource.FileRef> files;
    private final StructType schema;
    private final Kind[] kinds;
    private final OnHeapColumnVector[] vectors;
    private final ColumnarBatch batch;
    private final CollectionAccumulator<String> problems;
    private boolean failed;

    private int nextFile;
    private LiveSource.FileRef file;
    private LiveSource.FileRef current;
    private ParquetFileReader reader;
    private MessageType projection;
    private ColumnDescriptor[] descriptors;
    private final ColumnReader[] columns;
    private final int[] maxDef;
    private long rowGroupLeft;
    // the file being read by PlainParquet (null when parquet-java reads it)
    private PlainParquet.Footer plain;
    private byte[] plainBytes;
    private int plainGroup;
    private final PlainParquet.Column[] plainColumns;
    private final PlainParquet.Cursor[] cursors;

    LiveBatchReader(List<LiveSource.FileRef> files, StructType schema, CollectionAccumulator<String> problems) {
        this.files = files;
        this.problems = problems;
        this.schema = schema;
        StructField[] fields = schema.fields();
        this.kinds = new Kind[fields.length];
        for (int i = 0; i < fields.length; i++) {
            kinds[i] = Kind.of(fields[i].dataType());
        }
        this.vectors = OnHeapColumnVector.allocateColumns(BATCH_ROWS, schema);
        this.batch = new ColumnarBatch(vectors);
        this.columns = new ColumnReader[fields.length];
        this.maxDef = new int[fields.length];
        this.plainColumns = new PlainParquet.Column[fields.length];
        this.cursors = new PlainParquet.Cursor[fields.length];
        for (int i = 0; i < fields.length; i++) {
            cursors[i] = new PlainParquet.Cursor();
        }
    }

    @Override
    public boolean next() throws IOException {
        if (failed) {
            return false;
        }
        try {
            return fillBatch();
        } catch (DataIntegrityException | AnalyticsException e) {
            if (problems == null) {
                throw e;
            }
            // recorded for the driver's check, and this task's share ends here (see LiveSource.Read)
            problems.add(encode(e, file == null ? current : file));
            failed = true;
            batch.setNumRows(0);
            return false;
        }
    }

    private boolean fillBatch() throws IOException {
        for (OnHeapColumnVector v : vectors) {
            v.reset();
        }
        int n = 0;
        while (n < BATCH_ROWS) {
            if (rowGroupLeft == 0 && !nextRowGroup()) {
                break;
            }
            int k = (int) Math.min(BATCH_ROWS - n, rowGroupLeft);
            try {
                for (int c = 0; c < columns.length; c++) {
                    fill(c, n, k);
                }
            } catch (RuntimeException e) {
                throw LiveFileCheck.damaged(file.liveFile(), "has a page that cannot be decoded (" + e + ")");
            }
            n += k;
            rowGroupLeft -= k;
        }
        batch.setNumRows(n);
        return n > 0;
    }

    @Override
    public ColumnarBatch get() {
        return batch;
    }

    /** Moves to the next row group with rows, opening the next files as needed; false at the end. */
    private boolean nextRowGroup() throws IOException {
        while (true) {
            if (plain != null) {
                if (plainGroup >= plain.rowGroups().size()) {
                    closeFile();
                    continue;
                }
                PlainParquet.RowGroup g = plain.rowGroups().get(plainGroup++);
                if (g.rows() == 0) {
                    continue;
                }
                try {
                    for (int c = 0; c < cursors.length; c++) {
                        PlainParquet.Chunk chunk = g.chunks().get(plainColumns[c].name());
                        if (chunk == null) {
                            throw new IllegalStateException("a row group lacks column " + plainColumns[c].name());
                        }
                        cursors[c].start(plainBytes, chunk, plainColumns[c]);
                    }
                } catch (RuntimeException e) {
                    throw LiveFileCheck.damaged(file.liveFile(), "has a row group that cannot be read (" + e + ")");
                }
                rowGroupLeft = g.rows();
                return true;
            }
            if (reader != null) {
                PageReadStore pages;
                try {
                    pages = reader.readNextRowGroup();
                } catch (IOException | RuntimeException e) {
                    throw LiveFileCheck.damaged(file.liveFile(), "has a row group that cannot be read (" + e + ")");
                }
                if (pages == null) {
                    closeFile();
                    continue;
                }
                if (pages.getRowCount() == 0) {
                    continue;
                }
                try {
                    ColumnReadStoreImpl store = new ColumnReadStoreImpl(pages, IGNORED, projection,
                            reader.getFooter().getFileMetaData().getCreatedBy());
                    for (int c = 0; c < columns.length; c++) {
                        columns[c] = store.getColumnReader(descriptors[c]);
                    }
                } catch (RuntimeException e) {
                    throw LiveFileCheck.damaged(file.liveFile(), "has a page that cannot be decoded (" + e + ")");
                }
                rowGroupLeft = pages.getRowCount();
                return true;
            }
            if (nextFile >= files.size()) {
                return false;
            }
            open(files.get(nextFile++));
        }
    }

    private void open(LiveSource.FileRef ref) {
        current = ref;
        LiveFile lf = ref.liveFile();
        byte[] bytes = LiveFileCheck.read(lf, Path.of(ref.absolute()));
        if (PlainParquet.enabled && openPlain(ref, lf, bytes)) {
            return;
        }
        ParquetFileReader r = LiveFileCheck.open(lf, bytes);
        try {
            MessageType fileSchema = r.getFooter().getFileMetaData().getSchema();
            List<Type> wanted = new ArrayList<>(kinds.length);
            ColumnDescriptor[] ds = new ColumnDescriptor[kinds.length];
            StructField[] fields = schema.fields();
            for (int c = 0; c < kinds.length; c++) {
                String name = fields[c].name();
                if (!fileSchema.containsField(name)) {
                    throw new AnalyticsException("the " + ref.dataset() + " file " + ref.path() + " has no column '"
                            + name + "', expected one of " + names(fileSchema)
                            + " to include it; re-ingest the submission with this version of sanhui");
                }
                Type t = fileSchema.getType(name);
                if (!t.isPrimitive() || t.asPrimitiveType().getPrimitiveTypeName() != kinds[c].stored
                        || kinds[c] == Kind.TIMESTAMP && !micros(t.asPrimitiveType())) {
                    throw new AnalyticsException("the " + ref.dataset() + " file " + ref.path() + " stores column '"
                            + name + "' as " + t + ", expected " + kinds[c].stored
                            + (kinds[c] == Kind.TIMESTAMP ? " TIMESTAMP(MICROS)" : "") + " ("
                            + fields[c].dataType().simpleString() + ")");
                }
                wanted.add(t);
                ds[c] = fileSchema.getColumnDescription(new String[] {name});
                maxDef[c] = ds[c].getMaxDefinitionLevel();
            }
            projection = new MessageType(fileSchema.getName(), wanted);
            r.setRequestedSchema(projection);
            descriptors = ds;
            reader = r;
            file = ref;
        } catch (RuntimeException e) {
            try {
                r.close();
            } catch (IOException ignored) {
                // memory only
            }
            throw e;
        }
    }

    /**
     * Opens a file for {@link PlainParquet} when it is laid out as sanhui writes it, with the checks
     * {@link LiveFileCheck#open} and {@link #open} make; false leaves the file to parquet-java.
     */
    private boolean openPlain(LiveSource.FileRef ref, LiveFile lf, byte[] bytes) {
        PlainParquet.Footer footer;
        try {
            footer = PlainParquet.footer(bytes);
        } catch (PlainParquet.Unsupported e) {
            return false;
        } catch (RuntimeException e) {
            throw LiveFileCheck.damaged(lf, "cannot be read as Parquet (truncated or altered)");
        }
        if (footer.rows() != lf.rows()) {
            throw LiveFileCheck.damaged(lf, "holds " + footer.rows() + " rows where the manifest recorded " + lf.rows());
        }
        StructField[] fields = schema.fields();
        for (int c = 0; c < kinds.length; c++) {
            String name = fields[c].name();
            PlainParquet.Column col = footer.columns().get(name);
            if (col == null) {
                throw new AnalyticsException("the " + ref.dataset() + " file " + ref.path() + " has no column '"
                        + name + "', expected one of " + new ArrayList<>(footer.columns().keySet())
                        + " to include it; re-ingest the submission with this version of sanhui");
            }
            if (col.type() != plainType(kinds[c]) || kinds[c] == Kind.TIMESTAMP && !col.timestampMicros()) {
                throw new AnalyticsException("the " + ref.dataset() + " file " + ref.path() + " stores column '"
                        + name + "' as " + (col.optional() ? "optional " : "required ") + col.typeName()
                        + ", expected " + kinds[c].stored + (kinds[c] == Kind.TIMESTAMP ? " TIMESTAMP(MICROS)" : "")
                        + " (" + fields[c].dataType().simpleString() + ")");
            }
            plainColumns[c] = col;
        }
        try {
            for (PlainParquet.RowGroup g : footer.rowGroups()) {
                for (PlainParquet.Column col : plainColumns) {
                    PlainParquet.Chunk chunk = g.chunks().get(col.name());
                    if (g.rows() > 0 && (chunk == null || !PlainParquet.firstPageSupported(bytes, chunk, col))) {
                        return false;
                    }
                }
            }
        } catch (RuntimeException e) {
            throw LiveFileCheck.damaged(lf, "cannot be read as Parquet (truncated or altered)");
        }
        PlainParquet.FILES.incrementAndGet();
        plain = footer;
        plainBytes = bytes;
        plainGroup = 0;
        file = ref;
        return true;
    }

    private static int plainType(Kind k) {
        return switch (k) {
            case STRING -> PlainParquet.BYTE_ARRAY;
            case INT -> PlainParquet.INT32;
            case LONG, TIMESTAMP -> PlainParquet.INT64;
            case DOUBLE -> PlainParquet.DOUBLE;
            case BOOLEAN -> PlainParquet.BOOLEAN;
        };
    }

    private static boolean micros(PrimitiveType t) {
        return t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts
                && ts.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS;
    }

    private static List<String> names(MessageType t) {
        List<String> out = new ArrayList<>();
        for (Type f : t.getFields()) {
            out.add(f.getName());
        }
        return out;
    }

    /** Decodes k values of column c into its vector from row {@code at}. */
    private void fill(int c, int at, int k) {
        if (plain != null) {
            try {
                cursors[c].read(vectors[c], at, k);
            } catch (PlainParquet.Unsupported e) {
                throw new IllegalStateException("a later page is laid out unlike the first (" + e.getMessage()
                        + "), which this reader does not decode", e);
            }
            return;
        }
        ColumnReader r = columns[c];
        OnHeapColumnVector v = vectors[c];
        int def = maxDef[c];
        int end = at + k;
        switch (kinds[c]) {
            case STRING -> {
                for (int i = at; i < end; i++) {
                    if (r.getCurrentDefinitionLevel() == def) {
                        Binary b = r.getBinary();
                        ByteBuffer bb = b.toByteBuffer();
                        if (bb.hasArray()) {
                            v.putByteArray(i, bb.array(), bb.arrayOffset() + bb.position(), bb.remaining());
                        } else {
                            byte[] bytes = b.getBytes();
                            v.putByteArray(i, bytes, 0, bytes.length);
                        }
                    } else {
                        v.putNull(i);
                    }
                    r.consume();
                }
            }
            case INT -> {
                for (int i = at; i < end; i++) {
                    if (r.getCurrentDefinitionLevel() == def) {
                        v.putInt(i, r.getInteger());
                    } else {
                        v.putNull(i);
                    }
                    r.consume();
                }
            }
            case LONG, TIMESTAMP -> {
                for (int i = at; i < end; i++) {
                    if (r.getCurrentDefinitionLevel() == def) {
                        v.putLong(i, r.getLong());
                    } else {
                        v.putNull(i);
                    }
                    r.consume();
                }
            }
            case DOUBLE -> {
                for (int i = at; i < end; i++) {
                    if (r.getCurrentDefinitionLevel() == def) {
                        v.putDouble(i, r.getDouble());
                    } else {
                        v.putNull(i);
                    }
                    r.consume();
                }
            }
            case BOOLEAN -> {
                for (int i = at; i < end; i++) {
                    if (r.getCurrentDefinitionLevel() == def) {
                        v.putBoolean(i, r.getBoolean());
                    } else {
                        v.putNull(i);
                    }
                    r.consume();
                }
            }
        }
    }

    private void closeFile() throws IOException {
        ParquetFileReader r = reader;
        reader = null;
        file = null;
        plain = null;
        plainBytes = null;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeFile();
        } finally {
            batch.close();
        }
    }

    /**
     * A problem as the accumulator carries it: the file's place in the read (so the driver reports the first
     * file's), the kind, the message.
     */
    private static String encode(RuntimeException e, LiveSource.FileRef ref) {
        String kind = e instanceof DataIntegrityException ? "integrity" : "analytics";
        return String.format("%09d", ref == null ? 0 : ref.index()) + "\t" + kind + "\t" + e.getMessage();
    }

    /**
     * Rebuilds on the driver the exception a task recorded.
     *
     * @param encoded the first problem, as {@link #encode} wrote it
     * @param others how many more problems the read met
     * @return the exception to throw
     */
    static RuntimeException decode(String encoded, int others) {
        String[] parts = encoded.split("\t", 3);
        String message = parts[2] + (others > 0 ? " (" + others + " more problem" + (others == 1 ? "" : "s")
                + " found in the same read)" : "");
        return parts[1].equals("integrity") ? new DataIntegrityException(message) : new AnalyticsException(message);
    }

    /** The column readers decode values themselves; the converter they are built with is never called. */
    private static final GroupConverter IGNORED = new GroupConverter() {
        private final PrimitiveConverter primitive = new PrimitiveConverter() {
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return primitive;
        }

        @Override
        public void start() {
        }

        @Override
        public void end() {
        }
    };
}
