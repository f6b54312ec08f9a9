/**
 * Writes the generated submissions as a county clerk would: workbooks (xlsx, xls) with title, filing line,
 * merged headers, totals, notes and footer; CSV files in UTF-8, GBK or GB18030; and makes workbook bytes
 * reproducible (fixed document properties and zip entry times).
 */
package org.sanhui.generator.sheet;
