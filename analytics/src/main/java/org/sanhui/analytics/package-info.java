/**
 * Analytics: the Spark job that turns the warehouse's live Parquet files into the long indicator
 * table and the lists of DOMAIN.md sections 4 and 6.
 *
 * <p>Entry points: {@link org.sanhui.analytics.Analyzer#run(AnalyzeOptions)} for the CLI (embedded
 * {@code local[*]} by default) and {@link org.sanhui.analytics.AnalyzeJob} for {@code spark-submit}.
 * Spark reads the files the manifest lists through the live-file data source ({@link
 * org.sanhui.analytics.LiveSource}: each read task checks and decodes its files, small files packed into
 * shared column batches; {@code PlainParquet} decodes the layout ingestion writes, parquet-java
 * any other), selects the snapshots and aggregates the activities with built-in functions; the small per-organisation and per-county tables that result are then turned into
 * indicators on the driver (statistics with commons-math3).
 */
package org.sanhui.analytics;
