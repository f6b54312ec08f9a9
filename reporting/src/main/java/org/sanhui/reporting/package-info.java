/**
 * The reporting API: {@link org.sanhui.reporting.Reporter#run(org.sanhui.reporting.ReportOptions)} turns
 * analytics' indicator file into Chinese briefing PDFs (province and per city), chart files and an xlsx
 * workbook. No Spark: it reads the JSON file only.
 */
package org.sanhui.reporting;
