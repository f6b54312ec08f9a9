/**
 * The warehouse as ingestion writes it: Parquet files, the live manifest, the lock.
 */
package org.sanhui.ingestion.warehouse;
