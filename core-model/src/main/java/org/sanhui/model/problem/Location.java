package org.sanhui.model.problem;

/**
 * Where a problem sits: file, sheet, 1-based row and column header as written in the file.
 *
 * @param file the file name (not the full path), may be null
 * @param sheet the sheet name, or null for a CSV or a file-level problem
 * @param row the 1-based row number as Excel shows it, or 0 when the problem is not about a row
 * @param column the column header as written, or null
 */
public record Location(String file, String sheet, int row, String column) {

    /** No location at all. */
    public static final Location NONE = new Location(null, null, 0, null);

    /**
     * Checks the row number.
     *
     * @param file the file name (not the full path), may be null
     * @param sheet the sheet name, or null for a CSV or a file-level problem
     * @param row the 1-based row number as Excel shows it, or 0 when the problem is not about a row
     * @param column the column header as written, or null
     * @throws IllegalArgumentException if row is negative
     */
    public Location {
        if (row < 0) {
            throw new IllegalArgumentException("row must be >= 0, got " + row);
        }
    }

    /**
     * Returns a location naming only a file.
     *
     * @param file the file name, null not permitted
     * @return the location, never null
     */
    public static Location ofFile(String file) {
        return new Location(file, null, 0, null);
    }

    /**
     * Returns this location with another column.
     *
     * @param header the column header, may be null
     * @return a new location, never null
     */
    public Location withColumn(String header) {
        return new Location(file, sheet, row, header);
    }

    /**
     * Returns this location with another row.
     *
     * @param r the 1-based row
     * @return a new location, never null
     */
    public Location withRow(int r) {
        return new Location(file, sheet, r, column);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (file != null) {
            b.append(file);
        }
        if (sheet != null) {
            b.append(b.length() > 0 ? " " : "").append("sheet '").append(sheet).append('\'');
        }
        if (row > 0) {
            b.append(b.length() > 0 ? " " : "").append("row ").append(row);
        }
        if (column != null) {
            b.append(b.length() > 0 ? " " : "").append("column '").append(column).append('\'');
        }
        return b.toString();
    }
}
