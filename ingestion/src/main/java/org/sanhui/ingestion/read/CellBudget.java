package org.sanhui.ingestion.read;

import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.RefusedFileException;

/**
 * Counts cells and rows as a file is read and refuses it once a limit is passed, naming the sheet, row
 * and column where that happened. Not thread-safe.
 */
public final class CellBudget {

    private final IngestLimits limits;
    private long cells;
    private long rows;
    private String sheet;
    private int row;

    /**
     * Creates a budget for one file.
     *
     * @param limits the limits, null not permitted
     */
    public CellBudget(IngestLimits limits) {
        this.limits = limits;
    }

    /**
     * Starts a new sheet: the row count restarts.
     *
     * @param name the sheet's name for messages, or null for a CSV (one sheet, the file itself)
     */
    public void newSheet(String name) {
        rows = 0;
        sheet = name;
        row = 0;
    }

    /**
     * Counts one row.
     *
     * @param rowNum the row's 1-based number as the file gives it
     * @throws RefusedFileException if the sheet has too many rows
     */
    public void row(int rowNum) {
        row = rowNum;
        if (++rows > limits.maxRowsPerSheet()) {
            throw RefusedFileException.tooManyRows(limits.maxRowsPerSheet(), sheet, rowNum);
        }
    }

    /**
     * Counts one non-blank cell of the current row and checks its length.
     *
     * @param text the cell text, null not permitted
     * @param column the cell's 0-based column
     * @return the text
     * @throws RefusedFileException if a limit is passed
     */
    public String cell(String text, int column) {
        if (++cells > limits.maxCells()) {
            throw RefusedFileException.tooManyCells(limits.maxCells(), sheet, row, column);
        }
        if (text.length() > limits.maxCellChars()) {
            throw RefusedFileException.cellTooLong(text.length(), limits.maxCellChars(), sheet, row, column);
        }
        return text;
    }
}
