package org.sanhui.analytics;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.sanhui.model.schema.DatasetSchema;

/** Test-side bridge to the package-private Parquet writer, for the bench package. */
public final class SyntheticAccess {

    private SyntheticAccess() {
    }

    /**
     * @param ds the dataset
     * @return its Spark struct
     */
    public static StructType schema(DatasetSchema ds) {
        return SparkSchemas.of(ds);
    }

    /**
     * Writes a warehouse file as ingestion writes one (plain encoding, no statistics).
     *
     * @param file the file
     * @param st the struct
     * @param rows the rows
     */
    public static void write(Path file, StructType st, List<Object[]> rows) {
        ParquetTables.write(file, st, rows, true);
    }
}
