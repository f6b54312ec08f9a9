package org.sanhui.model.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset's columns declared once: used by ingestion to read headers and write Parquet, and by
 * analytics to build Spark's schema.
 *
 * @param name the dataset name as stored in the warehouse (e.g. {@code organisations}), null not permitted
 * @param sheets the sheet names that hold it, canonical first; empty for datasets not read from input
 * @param columns the columns in storage order, never null
 */
public record DatasetSchema(String name, List<String> sheets, List<Column> columns) {

    /**
     * Checks and copies.
     *
     * @param name the dataset name as stored in the warehouse (e.g. {@code organisations}), null not permitted
     * @param sheets the sheet names that hold it, canonical first; empty for datasets not read from input
     * @param columns the columns in storage order, never null
     * @throws IllegalArgumentException if two columns share a name
     */
    public DatasetSchema {
        Objects.requireNonNull(name, "name");
        sheets = List.copyOf(sheets);
        columns = List.copyOf(columns);
        Map<String, Column> seen = new LinkedHashMap<>();
        for (Column c : columns) {
            if (seen.put(c.name(), c) != null) {
                throw new IllegalArgumentException("duplicate column " + c.name() + " in dataset " + name);
            }
        }
    }

    /**
     * Returns the column of that name.
     *
     * @param column the stored name, null not permitted
     * @return the column, never null
     * @throws IllegalArgumentException if there is none, listing the names there are
     */
    public Column column(String column) {
        return find(column).orElseThrow(() -> new IllegalArgumentException(
                "no column " + column + " in dataset " + name + ", expected one of " + names()));
    }

    /**
     * Finds the column of that name.
     *
     * @param column the stored name, may be null
     * @return the column, or empty
     */
    public Optional<Column> find(String column) {
        return columns.stream().filter(c -> c.name().equals(column)).findFirst();
    }

    /**
     * Returns the columns written to Parquet, in order.
     *
     * @return the stored columns, never null
     */
    public List<Column> storedColumns() {
        return columns.stream().filter(Column::stored).toList();
    }

    /**
     * Returns the stored names, in order.
     *
     * @return the names, never null
     */
    public List<String> names() {
        return storedColumns().stream().map(Column::name).toList();
    }

    /**
     * Returns the canonical sheet name, or the dataset name if it is not read from input.
     *
     * @return the sheet name, never null
     */
    public String sheet() {
        return sheets.isEmpty() ? name : sheets.get(0);
    }

    /**
     * The hash of the name alone: equal datasets have equal names, and hashing the name does not walk
     * every component on each look-up (datasets key per-row caches).
     *
     * @return the name's hash code
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Component-wise equality, written out (see {@link Column#equals(Object)}).
     *
     * @param o the other object
     * @return whether o is a dataset with equal components
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof DatasetSchema d && name.equals(d.name) && sheets.equals(d.sheets)
                && columns.equals(d.columns);
    }
}
