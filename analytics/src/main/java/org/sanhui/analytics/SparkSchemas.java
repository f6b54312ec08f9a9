package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;

/** Spark's view of core-model's dataset schemas: explicit {@link StructType}s, never inference. */
public final class SparkSchemas {

    private SparkSchemas() {
    }

    /**
     * Maps a column type to Spark's.
     *
     * @param type the type, null not permitted
     * @return the Spark type, never null
     */
    public static DataType type(ColumnType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
        };
    }

    /**
     * Returns the struct of a dataset's stored columns, all nullable (as Spark reads Parquet back).
     *
     * @param dataset the dataset, null not permitted
     * @return the struct, never null
     */
    public static StructType of(DatasetSchema dataset) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : dataset.storedColumns()) {
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * Returns the struct of some of a dataset's stored columns, in the order given.
     *
     * @param dataset the dataset, null not permitted
     * @param columns stored column names, null not permitted
     * @return the struct, never null
     * @throws IllegalArgumentException if a name is not a stored column, listing the names there are
     */
    public static StructType of(DatasetSchema dataset, String... columns) {
        List<StructField> fields = new ArrayList<>();
        for (String name : columns) {
            Column c = dataset.column(name);
            if (!c.stored()) {
                throw new IllegalArgumentException("column " + name + " of " + dataset.name()
                        + " is not stored, expected one of " + dataset.names());
            }
            fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * Checks that a file's footer has the wanted columns stored with the declared Parquet types.
     *
     * @param dataset the dataset, null not permitted
     * @param file the file checked, null not permitted
     * @param wanted the wanted struct, null not permitted
     * @throws AnalyticsException naming the missing column, the file and the columns it has
     */
    public static void check(DatasetSchema dataset, java.nio.file.Path file, StructType wanted) {
        java.util.Map<String, String> have = new java.util.LinkedHashMap<>();
        java.nio.file.Path leaf = file;
        if (java.nio.file.Files.isDirectory(file)) {
            try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(file)) {
                leaf = s.filter(x -> x.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElse(null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + file, e);
            }
            if (leaf == null) {
                return;
            }
        }
        for (String[] f : ParquetTables.footer(leaf)) {
            have.put(f[0], f[1]);
        }
        for (StructField f : wanted.fields()) {
            String t = have.get(f.name());
            if (t == null) {
                throw new AnalyticsException("the " + dataset.name() + " file " + file + " has no column '" + f.name()
                        + "', expected one of " + have.keySet()
                        + " to include it; re-ingest the submission with this version of sanhui");
            }
            String want = ParquetTables.primitive(f.dataType());
            if (!t.equals(want)) {
                throw new AnalyticsException("the " + dataset.name() + " file " + file + " stores column '" + f.name()
                        + "' as " + t + ", expected " + want + " (" + f.dataType().simpleString() + ")");
            }
        }
    }
}
