package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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
     * Checks that a file's actual schema has the wanted columns with the declared types.
     *
     * @param dataset the dataset, null not permitted
     * @param file the file checked (for the message), null not permitted
     * @param actual the file's schema as Spark reads it, null not permitted
     * @param wanted the wanted struct, null not permitted
     * @throws AnalyticsException naming the missing column, the file and the columns it has
     */
    public static void check(DatasetSchema dataset, String file, StructType actual, StructType wanted) {
        Set<String> have = Arrays.stream(actual.fieldNames()).collect(Collectors.toSet());
        for (StructField f : wanted.fields()) {
            if (!have.contains(f.name())) {
                throw new AnalyticsException("the " + dataset.name() + " file " + file + " has no column '" + f.name()
                        + "', expected one of " + Arrays.toString(actual.fieldNames())
                        + " to include it; re-ingest the submission with this version of sanhui");
            }
            DataType t = actual.apply(f.name()).dataType();
            if (!t.equals(f.dataType())) {
                throw new AnalyticsException("the " + dataset.name() + " file " + file + " stores column '" + f.name()
                        + "' as " + t.simpleString() + ", expected " + f.dataType().simpleString());
            }
        }
    }
}
