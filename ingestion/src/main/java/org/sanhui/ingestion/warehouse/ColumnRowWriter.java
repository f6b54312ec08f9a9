package org.sanhui.ingestion.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * Writes rows given as {@code Object[]} in a dataset's stored-column order to one Parquet file,
 * straight into parquet-java's column writers: what {@code ParquetWriter} with a record-consumer write
 * support does (same pages, same row-group boundaries, same footer), without the record-consumer layer.
 * Every column is optional and flat, so a value is written at definition level 1 and a null at level 0.
 * Accepted values: String, Number, Boolean, LocalDate (DATE), Instant (TIMESTAMP), an Enum (its name),
 * a Collection (sorted names joined by ';'). The file's object model name is {@code sanhui-<dataset>}.
 * Not thread-safe.
 */
final class ColumnRowWriter implements Closeable {

    private final MessageType schema;
    private final ParquetProperties props;
    private final ParquetFileWriter file;
    private final CodecFactory codecs;
    private final CompressionCodecFactory.BytesInputCompressor compressor;
    private final Map<String, String> extraMetaData;
    private final long rowGroupSizeThreshold;
    private final ColumnDescriptor[] descriptors;
    private final Col[] cols;

    private ColumnChunkPageWriteStore pageStore;
    private ColumnWriteStore columnStore;
    private long nextRowGroupSize;
    private long recordCount;
    private long recordCountForNextMemCheck;
    private boolean aborted;
    private boolean closed;

    /**
     * Opens the file and writes its header.
     *
     * @param dataset the dataset, null not permitted
     * @param out the file, null not permitted
     * @param rowGroupSize the row group size threshold in bytes
     * @param codec the compression codec, null not permitted
     * @throws IOException if the file cannot be created
     */
    ColumnRowWriter(DatasetSchema dataset, OutputFile out, long rowGroupSize, CompressionCodecName codec) throws IOException {
        this.schema = ParquetSchemas.of(dataset);
        this.props = ParquetProperties.builder().withDictionaryEncoding(false).withStatisticsEnabled(false)
                .withPageWriteChecksumEnabled(false).withSizeStatisticsEnabled(false).build();
        this.file = new ParquetFileWriter(out, schema, ParquetFileWriter.Mode.CREATE, rowGroupSize,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT, null, props);
        this.codecs = new CodecFactory(new PlainParquetConfiguration(), props.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(codec);
        this.extraMetaData = new HashMap<>();
        this.extraMetaData.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, "sanhui-" + dataset.name());
        this.rowGroupSizeThreshold = rowGroupSize;
        this.nextRowGroupSize = rowGroupSize;
        List<Column> stored = dataset.storedColumns();
        List<ColumnDescriptor> ds = schema.getColumns();
        this.descriptors = ds.toArray(new ColumnDescriptor[0]);
        this.cols = new Col[stored.size()];
        for (int i = 0; i < cols.length; i++) {
            Column c = stored.get(i);
            cols[i] = switch (c.type()) {
                case STRING -> new StringCol(!c.name().equals(Datasets.TITLE));
                case INT -> new IntCol();
                case LONG -> new LongCol();
                case DOUBLE -> new DoubleCol();
                case BOOLEAN -> new BooleanCol();
                case DATE -> new DateCol();
                case TIMESTAMP -> new TimestampCol();
            };
        }
        file.start();
        initStore();
        recordCountForNextMemCheck = props.getMinRowCountForPageSizeCheck();
    }

    private void initStore() {
        pageStore = new ColumnChunkPageWriteStore(compressor, schema, props.getAllocator(),
                props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null, 0);
        columnStore = props.newColumnWriteStore(schema, pageStore, pageStore);
        for (int i = 0; i < cols.length; i++) {
            cols[i].w = columnStore.getColumnWriter(descriptors[i]);
        }
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
                if (v == null) {
                    cs[i].w.writeNull(0, 0);
                } else {
                    cs[i].write(v);
                }
            }
            columnStore.endRecord();
            ++recordCount;
            checkBlockSizeReached();
        } catch (RuntimeException | IOException | Error e) {
            aborted = true;
            throw e;
        }
    }

    // as parquet-java's InternalParquetRecordWriter decides where a row group ends
    private void checkBlockSizeReached() throws IOException {
        if (recordCount >= props.getRowGroupRowCountLimit()) {
            flushRowGroupToStore();
            initStore();
            recordCountForNextMemCheck = Math.min(Math.max(props.getMinRowCountForPageSizeCheck(), recordCount / 2),
                    props.getMaxRowCountForPageSizeCheck());
        } else if (recordCount >= recordCountForNextMemCheck) {
            long memSize = columnStore.getBufferedSize();
            long recordSize = memSize / recordCount;
            if (memSize > (nextRowGroupSize - 2 * recordSize)) {
                flushRowGroupToStore();
                initStore();
                recordCountForNextMemCheck = Math.min(Math.max(props.getMinRowCountForPageSizeCheck(), recordCount / 2),
                        props.getMaxRowCountForPageSizeCheck());
            } else {
                recordCountForNextMemCheck = Math.min(
                        Math.max(props.getMinRowCountForPageSizeCheck(),
                                (recordCount + (long) (nextRowGroupSize / ((float) recordSize))) / 2),
                        recordCount + props.getMaxRowCountForPageSizeCheck());
            }
        }
    }

    private void flushRowGroupToStore() throws IOException {
        try {
            if (recordCount > 0) {
                file.startBlock(recordCount);
                columnStore.flush();
                pageStore.flushToFileWriter(file);
                recordCount = 0;
                file.endBlock();
                nextRowGroupSize = Math.min(file.getNextRowGroupSize(), rowGroupSizeThreshold);
            }
        } finally {
            columnStore.close();
            pageStore.close();
            columnStore = null;
            pageStore = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!aborted) {
                flushRowGroupToStore();
                file.end(extraMetaData);
            }
        } finally {
            if (columnStore != null) {
                columnStore.close();
            }
            if (pageStore != null) {
                pageStore.close();
            }
            file.close();
            codecs.release();
        }
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

    /** One column's value writer, bound to the current row group's column writer. */
    abstract static class Col {
        ColumnWriter w;

        abstract void write(Object v);
    }

    /** Strings: most string columns repeat a few values (ids, enum names, provenance), so each is encoded once. */
    static final class StringCol extends Col {
        private static final int MAX_CACHED = 4096;
        private boolean cache;
        private final Map<String, Binary> encoded = new HashMap<>();
        private String last;
        private Binary lastBinary;

        StringCol(boolean cache) {
            this.cache = cache;
        }

        @Override
        void write(Object v) {
            w.write(binary(v instanceof String s ? s : string(v)), 0, 1);
        }

        Binary binary(String s) {
            if (s == last) {
                return lastBinary;
            }
            Binary b;
            if (!cache || s.length() > 64) {
                b = Binary.fromString(s);
            } else {
                b = encoded.get(s);
                if (b == null) {
                    b = encode(s);
                }
            }
            last = s;
            lastBinary = b;
            return b;
        }

        private Binary encode(String s) {
            Binary b = Binary.fromConstantByteArray(s.getBytes(StandardCharsets.UTF_8));
            if (encoded.size() < MAX_CACHED) {
                encoded.put(s, b);
            } else {
                cache = false;
            }
            return b;
        }
    }

    static final class IntCol extends Col {
        @Override
        void write(Object v) {
            w.write(((Number) v).intValue(), 0, 1);
        }
    }

    static final class LongCol extends Col {
        @Override
        void write(Object v) {
            w.write(((Number) v).longValue(), 0, 1);
        }
    }

    static final class DoubleCol extends Col {
        @Override
        void write(Object v) {
            w.write(((Number) v).doubleValue(), 0, 1);
        }
    }

    static final class BooleanCol extends Col {
        @Override
        void write(Object v) {
            w.write(((Boolean) v).booleanValue(), 0, 1);
        }
    }

    static final class DateCol extends Col {
        @Override
        void write(Object v) {
            w.write((int) ((LocalDate) v).toEpochDay(), 0, 1);
        }
    }

    static final class TimestampCol extends Col {
        @Override
        void write(Object v) {
            Instant t = (Instant) v;
            w.write(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000), 0, 1);
        }
    }
}
