package org.sanhui.ingestion.read;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** An open input file seen as named sheets of raw rows; a CSV file is one sheet named after the file. */
public interface WorkbookSource extends Closeable {

    /**
     * Returns the names of the sheets that hold data, in workbook order (hidden sheets left out).
     *
     * @return the names, never null
     */
    List<String> sheetNames();

    /**
     * Tells whether the workbook counts dates from 1904 (Mac Excel) rather than 1900.
     *
     * @return true for the 1904 date system
     */
    boolean date1904();

    /**
     * Streams one sheet's rows to a handler, in order; rows that the file does not hold at all are not
     * reported.
     *
     * @param sheet a name from {@link #sheetNames()}, null not permitted
     * @param handler the handler, null not permitted
     * @throws IOException if the file cannot be read
     * @throws org.sanhui.ingestion.format.RefusedFileException if a limit is exceeded or the sheet is damaged
     */
    void read(String sheet, RowHandler handler) throws IOException;
}
