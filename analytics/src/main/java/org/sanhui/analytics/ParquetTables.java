package org.sanhui.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Small tables written and checked on the driver with parquet-java (no Spark job): the indicator table and
 * the lists are a few thousand rows, and a Spark write per table costs a job and a commit protocol each.
 * The types follow the warehouse's conventions (BRIEF: string, int32, int64, double, boolean, DATE,
 * TIMESTAMP(MICROS, UTC), all optional).
 */
final class ParquetTables {

    // one Hadoop configuration for every writer: building one per file reads the default resources each time
    private static final org.apache.hadoop.conf.Configuration CONF = new org.apache.hadoop.conf.Configuration(false);

    private ParquetTables() {
    }

    /** Maps a Spark struct to a Parquet message, all fields optional. */
    static MessageType message(StructType st) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : st.fields()) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(f.name());
            } else if (t.equals(DataTypes.IntegerType)) {
                b.optional(PrimitiveTypeName.INT32).named(f.name());
            } else if (t.equals(DataTypes.LongType)) {
                b.optional(PrimitiveTypeName.INT64).named(f.name());
            } else if (t.equals(DataTypes.DoubleType)) {
                b.optional(PrimitiveTypeName.DOUBLE).named(f.name());
            } else if (t.equals(DataTypes.BooleanType)) {
                b.optional(PrimitiveTypeName.BOOLEAN).named(f.name());
            } else if (t.equals(DataTypes.DateType)) {
                b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(f.name());
            } else if (t.equals(DataTypes.TimestampType)) {
                b.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(f.name());
            } else {
                throw new IllegalArgumentException("unsupported type " + t + " of " + f.name());
            }
        }
        return b.named("spark_schema");
    }

    /**
     * Writes rows (values in the struct's order; LocalDate/java.sql.Date for dates, Instant/Timestamp for
     * timestamps) to a file, through a temporary name renamed into place, with parquet's default encodings
     * (dictionaries, statistics).
     */
    static void write(Path file, StructType st, List<Object[]> rows) {
        write(file, st, rows, false);
    }

    /**
     * Writes rows as {@link #write(Path, StructType, List)} does; {@code asIngested} writes them with the
     * settings ingestion's writer uses for the warehouse (plain encoding, no statistics, no page checksums),
     * so that test warehouses have the footers and pages of real ones.
     */
    static void write(Path file, StructType st, List<Object[]> rows, boolean asIngested) {
        write(file, st, rows, asIngested, ParquetWriter.DEFAULT_PAGE_SIZE, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    /** Writes rows as {@link #write(Path, StructType, List, boolean)} does, with the given page and row group sizes. */
    static void write(Path file, StructType st, List<Object[]> rows, boolean asIngested, int pageBytes, long rowGroupBytes) {
        MessageType schema = message(st);
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(tmp)).withType(schema)
                    .withConf(CONF).withCompressionCodec(CompressionCodecName.SNAPPY).withDictionaryEncoding(!asIngested)
                    .withStatisticsEnabled(!asIngested).withSizeStatisticsEnabled(!asIngested)
                    .withPageWriteChecksumEnabled(!asIngested).withPageSize(pageBytes).withRowGroupSize(rowGroupBytes)
                    .build()) {
                StructField[] fields = st.fields();
                for (Object[] r : rows) {
                    Group g = f.newGroup();
                    for (int i = 0; i < fields.length; i++) {
                        Object v = r[i];
                        if (v == null) {
                            continue;
                        }
                        DataType t = fields[i].dataType();
                        String n = fields[i].name();
                        if (v instanceof String s) {
                            g.append(n, s);
                        } else if (t.equals(DataTypes.DateType)) {
                            LocalDate d = v instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) v;
                            g.append(n, (int) d.toEpochDay());
                        } else if (t.equals(DataTypes.TimestampType)) {
                            Instant in = v instanceof Timestamp ts ? ts.toInstant() : (Instant) v;
                            g.append(n, in.getEpochSecond() * 1_000_000L + in.getNano() / 1000);
                        } else if (t.equals(DataTypes.LongType)) {
                            g.append(n, ((Number) v).longValue());
                        } else if (t.equals(DataTypes.IntegerType)) {
                            g.append(n, ((Number) v).intValue());
                        } else if (t.equals(DataTypes.DoubleType)) {
                            g.append(n, ((Number) v).doubleValue());
                        } else if (v instanceof Boolean b) {
                            g.append(n, b);
                        } else {
                            throw new IllegalArgumentException("value " + v + " does not fit column " + n + " (" + t + ")");
                        }
                    }
                    w.write(g);
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Returns the field names and Parquet primitive types of a file's footer (no Spark job). */
    static List<String[]> footer(Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), LiveFileCheck.READ_OPTIONS)) {
            List<String[]> out = new ArrayList<>();
            for (Type t : r.getFooter().getFileMetaData().getSchema().getFields()) {
                out.add(new String[] {t.getName(), t.isPrimitive() ? t.asPrimitiveType().getPrimitiveTypeName().name()
                        : "GROUP"});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the footer of " + file, e);
        }
    }

    /** The Parquet primitive a Spark type is stored as. */
    static String primitive(DataType t) {
        if (t.equals(DataTypes.StringType)) {
            return "BINARY";
        }
        if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.DateType)) {
            return "INT32";
        }
        if (t.equals(DataTypes.LongType) || t.equals(DataTypes.TimestampType)) {
            return "INT64";
        }
        if (t.equals(DataTypes.DoubleType)) {
            return "DOUBLE";
        }
        return "BOOLEAN";
    }
}
