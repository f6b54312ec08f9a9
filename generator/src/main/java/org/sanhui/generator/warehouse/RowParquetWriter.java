package org.sanhui.generator.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/**
 * Writes rows of a dataset (values in {@link DatasetSchema#storedColumns()} order) to one Parquet file with the
 * warehouse's types, through a temporary name renamed into place on close.
 *
 * <p>Value types: STRING String, INT Integer, LONG Long, DOUBLE Double, BOOLEAN Boolean, DATE LocalDate,
 * TIMESTAMP Long (microseconds since the epoch, UTC); null for a missing value.
 */
public final class RowParquetWriter implements Closeable {

    private static final PlainParquetConfiguration CONF = new PlainParquetConfiguration();

    private final Path target;
    private final Path tmp;
    private final ParquetWriter<Object[]> writer;
    private long rows;

    /**
     * Opens a writer.
     *
     * @param schema the dataset
     * @param target the final file
     * @throws UncheckedIOException if the file cannot be created
     */
    public RowParquetWriter(DatasetSchema schema, Path target) {
        this.target = target;
        this.tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(tmp);
            writer = new Builder(new LocalOutputFile(tmp), schema).withConf(CONF)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withRowGroupSize(16L * 1024 * 1024)
                    .withPageSize(256 * 1024)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + target, e);
        }
    }

    /**
     * Builds the Parquet schema of a dataset: every stored column optional.
     *
     * @param schema the dataset
     * @return the message type
     */
    public static MessageType messageType(DatasetSchema schema) {
        List<Type> fields = new ArrayList<>();
        for (Column c : schema.storedColumns()) {
            fields.add(switch (c.type()) {
                case STRING -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                        .named(c.name());
                case INT -> Types.optional(PrimitiveTypeName.INT32).named(c.name());
                case LONG -> Types.optional(PrimitiveTypeName.INT64).named(c.name());
                case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(c.name());
                case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(c.name());
                case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType())
                        .named(c.name());
                case TIMESTAMP -> Types.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation
                        .timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(c.name());
            });
        }
        return new MessageType(schema.name(), fields);
    }

    /**
     * Writes one row.
     *
     * @param row the values in stored-column order
     * @throws UncheckedIOException on a write failure
     */
    public void write(Object[] row) {
        try {
            writer.write(row);
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Returns the rows written.
     *
     * @return rows
     */
    public long rows() {
        return rows;
    }

    /**
     * Finishes the file and renames it into place.
     *
     * @throws IOException on failure
     */
    @Override
    public void close() throws IOException {
        writer.close();
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final DatasetSchema schema;

        Builder(OutputFile file, DatasetSchema schema) {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new Support(schema);
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration conf) {
            return new Support(schema);
        }
    }

    private static final class Support extends WriteSupport<Object[]> {
        private final MessageType type;
        private final Column[] cols;
        private RecordConsumer out;

        Support(DatasetSchema schema) {
            this.type = messageType(schema);
            this.cols = schema.storedColumns().toArray(new Column[0]);
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(type, new HashMap<>());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(type, new HashMap<>());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            out.startMessage();
            for (int i = 0; i < cols.length; i++) {
                Object v = row[i];
                if (v == null) {
                    continue;
                }
                String name = cols[i].name();
                out.startField(name, i);
                switch (cols[i].type()) {
                    case STRING -> out.addBinary(Binary.fromString((String) v));
                    case INT -> out.addInteger((Integer) v);
                    case LONG, TIMESTAMP -> out.addLong((Long) v);
                    case DOUBLE -> out.addDouble((Double) v);
                    case BOOLEAN -> out.addBoolean((Boolean) v);
                    case DATE -> out.addInteger((int) ((LocalDate) v).toEpochDay());
                }
                out.endField(name, i);
            }
            out.endMessage();
        }
    }
}
