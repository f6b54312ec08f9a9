package org.sanhui.model.warehouse;

import java.util.Objects;

/**
 * One immutable data file that is part of the warehouse's current state.
 *
 * @param dataset the dataset name (e.g. {@code activities}), null not permitted
 * @param period the submission period code, null not permitted
 * @param county the county code, null not permitted
 * @param path the path relative to the warehouse root, with '/' separators, null not permitted
 * @param rows the number of rows in the file
 */
public record LiveFile(String dataset, String period, String county, String path, long rows) {

    /**
     * Checks the parts.
     *
     * @param dataset the dataset name (e.g. {@code activities}), null not permitted
     * @param period the submission period code, null not permitted
     * @param county the county code, null not permitted
     * @param path the path relative to the warehouse root, with '/' separators, null not permitted
     * @param rows the number of rows in the file
     * @throws IllegalArgumentException if a part holds a tab or newline, or rows is negative
     */
    public LiveFile {
        for (String s : new String[] {dataset, period, county, path}) {
            Objects.requireNonNull(s, "dataset, period, county and path are required");
            if (s.indexOf('\t') >= 0 || s.indexOf('\n') >= 0 || s.isEmpty()) {
                throw new IllegalArgumentException("blank or tab/newline in manifest field: '" + s + "'");
            }
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
    }
}
