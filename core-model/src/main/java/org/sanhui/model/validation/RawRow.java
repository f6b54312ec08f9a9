package org.sanhui.model.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sanhui.model.problem.Location;

/**
 * One data row as read from a sheet or CSV, before validation: raw cell texts keyed by the dataset's
 * column name ({@link org.sanhui.model.schema.Column#name()}). Excel numbers and dates arrive as their
 * raw numeric text ({@code "45474"} for a date cell), booleans as written.
 *
 * @param location where the row is (file, sheet, 1-based row; the column is filled in per problem), null
 *        not permitted
 * @param cells raw cell texts by column name; absent or null means the column was not in the file, null
 *        not permitted
 * @param headers the header as written in the file, by column name, used to locate problems; columns
 *        without one are located by their canonical header; null not permitted
 */
public record RawRow(Location location, Map<String, String> cells, Map<String, String> headers) {

    /**
     * Checks and copies (null cell values are kept as absent); a {@link CellArray} is taken as it is.
     *
     * @param location where the row is (file, sheet, 1-based row; the column is filled in per problem), null
     *     not permitted
     * @param cells raw cell texts by column name; absent or null means the column was not in the file, null
     *     not permitted
     * @param headers the header as written in the file, by column name, used to locate problems; columns
     *     without one are located by their canonical header; null not permitted
     * @throws NullPointerException if a part is null
     */
    public RawRow {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(headers, "headers");
        cells = cells instanceof CellArray ? cells : copy(cells); // already immutable, without nulls shown
        headers = headers.isEmpty() ? Map.of() : copy(headers);
    }

    /**
     * Creates a row whose problems are located by canonical headers.
     *
     * @param location where the row is, null not permitted
     * @param cells raw cell texts by column name, null not permitted
     */
    public RawRow(Location location, Map<String, String> cells) {
        this(location, cells, Map.of());
    }

    private static Map<String, String> copy(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the raw text of a cell.
     *
     * @param column the column name, null not permitted
     * @return the text, or null when the column is absent
     */
    public String cell(String column) {
        return cells.get(column);
    }
}
