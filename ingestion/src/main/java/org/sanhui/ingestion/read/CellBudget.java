package org.sanhui.ingestion.read;

import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.RefusedFileException;

/** Counts cells and rows as a file is read and refuses it once a limit is passed. Not thread-safe. */
public final class CellBudget {

    private final IngestLimits limits;
    private long cells;
    private long rows;

    /**
     * Creates a budget for one file.
     *
     * @param limits the limits, null not permitted
     */
    public CellBudget(IngestLimits limits) {
        this.limits = limits;
    }

    /** Starts a new sheet: the row count restarts. */
    public void newSheet() {
        rows = 0;
    }

    /**
     * Counts one row.
     *
     * @throws RefusedFileException if the sheet has too many rows
     */
    public void row() {
        if (++rows > limits.maxRowsPerSheet()) {
            throw RefusedFileException.limit("maxRowsPerSheet", "more than " + limits.maxRowsPerSheet() + " rows",
                    limits.maxRowsPerSheet() + " rows");
        }
    }

    /**
     * Counts one non-blank cell and checks its length.
     *
     * @param text the cell text, null not permitted
     * @return the text
     * @throws RefusedFileException if a limit is passed
     */
    public String cell(String text) {
        if (++cells > limits.maxCells()) {
            throw RefusedFileException.limit("maxCells", "more than " + limits.maxCells() + " cells",
                    limits.maxCells() + " cells");
        }
        if (text.length() > limits.maxCellChars()) {
            throw RefusedFileException.limit("maxCellChars", text.length() + " characters in one cell",
                    limits.maxCellChars() + " characters");
        }
        return text;
    }
}
