/**
 * The warehouse datasets, each declared once ({@link org.sanhui.model.schema.Datasets}): column names,
 * storage types, required flags, personal-data flags and the Chinese headers clerks write. Ingestion
 * writes Parquet from them, analytics derives Spark schemas from them.
 */
package org.sanhui.model.schema;
