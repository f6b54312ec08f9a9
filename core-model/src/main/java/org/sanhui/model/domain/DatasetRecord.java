package org.sanhui.model.domain;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A validated row of a warehouse dataset, ready to be written.
 *
 * <p>{@link #values()} is keyed by the {@link org.sanhui.model.schema.Datasets} column-name constants,
 * in the schema's column order, and covers every stored column of the dataset except the provenance
 * columns ({@code submission_id}, {@code county_code}, {@code period}, {@code source_row}) that
 * ingestion adds. Values are {@link String}, {@link Integer}, {@link Long}, {@link Double},
 * {@link Boolean}, {@link java.time.LocalDate} or {@link java.time.Instant}, enumerations as their
 * {@code name()}; a missing value maps to null.
 */
public interface DatasetRecord {

    /**
     * Returns the column values keyed by stored column name.
     *
     * @return an unmodifiable map in schema order, null values allowed, never null
     */
    Map<String, Object> values();

    /**
     * Hands every entry of {@link #values()} to an action, in the same order, without necessarily
     * building the map (a row at a time, this is the cheaper way to copy the values elsewhere).
     *
     * @param action receives each column name and value (null allowed), null not permitted
     */
    default void forEachValue(BiConsumer<String, Object> action) {
        values().forEach(action);
    }
}
