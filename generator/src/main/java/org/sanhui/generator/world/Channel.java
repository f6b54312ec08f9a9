package org.sanhui.generator.world;

/** How a county sends its quarterly submission. */
public enum Channel {
    /** One .xlsx workbook. */
    XLSX,
    /** One .xls (Excel 97-2003) workbook. */
    XLS,
    /** One CSV per sheet, UTF-8 with a byte-order mark. */
    CSV_UTF8_BOM,
    /** One CSV per sheet, GBK, with a title line. */
    CSV_GBK,
    /** One CSV per sheet, GB18030. */
    CSV_GB18030,
    /** Rows inside its city's single workbook for all the city's counties. */
    CITY_WORKBOOK;

    /**
     * Tells whether the channel writes CSV.
     *
     * @return true for the CSV channels
     */
    public boolean csv() {
        return this == CSV_UTF8_BOM || this == CSV_GBK || this == CSV_GB18030;
    }
}
