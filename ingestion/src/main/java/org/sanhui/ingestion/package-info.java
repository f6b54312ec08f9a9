/**
 * Ingestion of county submissions (xlsx, xls, csv) into the warehouse: {@link org.sanhui.ingestion.Ingestor}, its options and report.
 */
package org.sanhui.ingestion;
