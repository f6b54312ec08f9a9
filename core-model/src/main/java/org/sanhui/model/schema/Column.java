package org.sanhui.model.schema;

import java.util.List;
import java.util.Objects;

/**
 * One column of a dataset: its English name (as stored), type, whether input must give it, whether it
 * holds personal data, and the Chinese headers clerks write for it (canonical first).
 *
 * @param name the stored name, snake_case, null not permitted
 * @param type the storage type, null not permitted
 * @param required whether a submission must give a value (a blank rejects the row)
 * @param personal whether the column holds personal data (a person's name)
 * @param stored whether the column is written to Parquet (false for input-only columns such as a phone number)
 * @param headers the accepted headers, canonical first; empty for derived columns; never null
 */
public record Column(String name, ColumnType type, boolean required, boolean personal, boolean stored,
        List<String> headers) {

    /**
     * Checks and copies.
     *
     * @param name the stored name, snake_case, null not permitted
     * @param type the storage type, null not permitted
     * @param required whether a submission must give a value (a blank rejects the row)
     * @param personal whether the column holds personal data (a person's name)
     * @param stored whether the column is written to Parquet (false for input-only columns such as a phone number)
     * @param headers the accepted headers, canonical first; empty for derived columns; never null
     * @throws NullPointerException if name, type or headers is null
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        headers = List.copyOf(headers);
    }

    /**
     * Returns the canonical Chinese header, or the English name for a derived column.
     *
     * @return the header, never null
     */
    public String header() {
        return headers.isEmpty() ? name : headers.get(0);
    }

    /**
     * Tells whether the column is read from input (has headers).
     *
     * @return true if clerks fill this column
     */
    public boolean input() {
        return !headers.isEmpty();
    }

    /**
     * The hash of the name alone: equal columns have equal names, and hashing the name does not walk
     * every component on each look-up (columns key per-row caches).
     *
     * @return the name's hash code
     */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Component-wise equality, written out: the generated one is bootstrapped through method handles the first
     * time it runs, a cost at the start of every ingest.
     *
     * @param o the other object
     * @return whether o is a column with equal components
     */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Column c && name.equals(c.name) && type == c.type && required == c.required
                && personal == c.personal && stored == c.stored && headers.equals(c.headers);
    }
}
