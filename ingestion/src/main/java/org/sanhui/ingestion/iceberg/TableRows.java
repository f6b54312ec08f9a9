package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads a table's rows at a snapshot as maps from column name to value (String, Integer, Long, Double, Boolean,
 * LocalDate, Instant; nulls absent), through Iceberg's generic reader: what ingestion needs from earlier batches
 * (organisations known, rows already received, rows carried forward), and what tests read back.
 */
public final class TableRows {

    private TableRows() {
    }

    /**
     * Reads the rows matching a filter.
     *
     * @param table the table, null not permitted
     * @param snapshotId the snapshot to read
     * @param filter the row filter, null not permitted ({@link Expressions#alwaysTrue()} for all)
     * @return the rows, never null
     * @throws UncheckedIOException if a file cannot be read
     */
    public static List<Map<String, Object>> read(Table table, long snapshotId, Expression filter) {
        Objects.requireNonNull(filter, "filter");
        List<Map<String, Object>> out = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).useSnapshot(snapshotId).where(filter).build()) {
            for (Record r : it) {
                out.add(RowValues.toMap(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + table.name(), e);
        }
        return out;
    }

    /**
     * Counts the rows of a snapshot.
     *
     * @param table the table, null not permitted
     * @param snapshotId the snapshot
     * @return the number of rows
     */
    public static long count(Table table, long snapshotId) {
        long n = 0;
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).useSnapshot(snapshotId)
                .select(org.sanhui.model.schema.Datasets.COUNTY_CODE).build()) {
            for (Record ignored : it) {
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read table " + table.name(), e);
        }
        return n;
    }
}
