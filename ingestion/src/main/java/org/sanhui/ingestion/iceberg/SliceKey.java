package org.sanhui.ingestion.iceberg;

/**
 * What a submission replaces: a county and period's rows of a table (for rejects: of one dataset).
 *
 * @param county the county code, may be null (rejects of no submission)
 * @param period the period code, may be null
 * @param dataset for rejects, the dataset the problems concern; else null
 */
record SliceKey(String county, String period, String dataset) {
}
