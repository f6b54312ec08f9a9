/**
 * National-scale generation straight into a warehouse: Parquet files per dataset, period and county, the live
 * manifest and the submissions dataset, as ingestion would have left them.
 */
package org.sanhui.generator.warehouse;
