package org.sanhui.model.schema;

/** The storage type of a dataset column, mapped to Parquet and Spark types by the modules that write and read. */
public enum ColumnType {
    /** UTF-8 text (Parquet BINARY/STRING, Spark StringType). */
    STRING,
    /** 32-bit integer (Parquet INT32, Spark IntegerType). */
    INT,
    /** 64-bit integer (Parquet INT64, Spark LongType). */
    LONG,
    /** Double (Parquet DOUBLE, Spark DoubleType). */
    DOUBLE,
    /** Boolean (Parquet BOOLEAN, Spark BooleanType). */
    BOOLEAN,
    /** Calendar date (Parquet INT32 DATE, Spark DateType). */
    DATE,
    /** Instant in UTC, microseconds (Parquet INT64 TIMESTAMP(MICROS, UTC), Spark TimestampType). */
    TIMESTAMP
}
