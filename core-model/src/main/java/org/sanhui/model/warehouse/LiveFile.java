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
 * @param sha256 the SHA-256 of the file's bytes when it was made live ({@link Checksums#sha256}), 64 lowercase
 *        hexadecimal digits; null only for a file listed by a version 1 manifest, which recorded none (such
 *        a file is checked as before: exists, footer, row count)
 */
public record LiveFile(String dataset, String period, String county, String path, long rows, String sha256) {

    /**
     * Checks the parts.
     *
     * @param dataset the dataset name (e.g. {@code activities}), null not permitted
     * @param period the submission period code, null not permitted
     * @param county the county code, null not permitted
     * @param path the path relative to the warehouse root, with '/' separators, null not permitted
     * @param rows the number of rows in the file
     * @param sha256 the SHA-256 of the file's bytes, 64 lowercase hexadecimal digits, or null when unknown
     *        (a file of a version 1 manifest)
     * @throws IllegalArgumentException if a part holds a tab or newline, rows is negative or the checksum is
     *         not 64 lowercase hexadecimal digits
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
        if (sha256 != null && !Checksums.isSha256(sha256)) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hexadecimal digits, got '" + sha256 + "'");
        }
    }
}
