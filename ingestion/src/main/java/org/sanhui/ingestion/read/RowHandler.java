package org.sanhui.ingestion.read;

/** Receives the rows of one sheet, in order, as raw cell texts. */
@FunctionalInterface
public interface RowHandler {

    /**
     * Receives one row.
     *
     * @param rowNum the 1-based row number as Excel shows it (the record number for CSV)
     * @param cells the raw cell texts by 0-based column; null or empty for a blank cell; numbers as
     *        written in the file (Excel dates as serial numbers); never null; owned by the caller after
     *        the call
     */
    void row(int rowNum, String[] cells);
}
