package org.sanhui.ingestion.iceberg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.util.SnapshotUtil;
import org.sanhui.model.schema.Datasets;

/**
 * The consistent set of snapshots of the last complete batch. Iceberg commits one table at a time, so a batch
 * commits the submissions table last, and that snapshot's summary records the snapshot id of every other table
 * ({@code sanhui.snapshot.<table>}). A reader resolves every table through it: commits a crashed batch made to
 * some tables are past the recorded ids, invisible, and rolled back by the next writer.
 *
 * @param batchId the batch's id ({@code created} for the empty warehouse), never null
 * @param snapshotIds the snapshot id of each table, submissions included, never null
 */
public record BatchSnapshots(String batchId, Map<String, Long> snapshotIds) {

    /** Snapshot summary key: the batch that made the snapshot. */
    public static final String BATCH_ID = "sanhui.batch-id";
    /** Snapshot summary key prefix, on the submissions table: the snapshot id of another table in the batch. */
    public static final String SNAPSHOT_PREFIX = "sanhui.snapshot.";
    /** The batch id of the tables' first, empty snapshots. */
    public static final String CREATED = "created";

    /**
     * Copies.
     *
     * @param batchId the batch's id, null not permitted
     * @param snapshotIds the snapshot id of each table, null not permitted
     */
    public BatchSnapshots {
        Objects.requireNonNull(batchId, "batchId");
        snapshotIds = Map.copyOf(snapshotIds);
    }

    /**
     * Finds the last complete batch: the latest snapshot of the submissions table (or its latest ancestor, should
     * another tool have committed to it since) that carries a batch id.
     *
     * @param catalog the catalog, null not permitted
     * @return the batch's snapshots, or empty when the warehouse has no submissions table yet
     * @throws IllegalStateException if the submissions table has no snapshot of a batch
     */
    public static Optional<BatchSnapshots> lastComplete(WarehouseCatalog catalog) {
        TableIdentifier id = TableIdentifier.of(catalog.namespace(), Datasets.SUBMISSIONS.name());
        if (!catalog.catalog().tableExists(id)) {
            return Optional.empty();
        }
        return Optional.of(of(catalog.catalog().loadTable(id)));
    }

    /**
     * Reads the last complete batch from the submissions table.
     *
     * @param submissions the submissions table, null not permitted
     * @return the batch's snapshots, never null
     * @throws IllegalStateException if no snapshot of the table carries a batch id
     */
    public static BatchSnapshots of(Table submissions) {
        for (Snapshot s : SnapshotUtil.currentAncestors(submissions)) {
            String batch = s.summary().get(BATCH_ID);
            if (batch != null) {
                Map<String, Long> ids = new LinkedHashMap<>();
                s.summary().forEach((k, v) -> {
                    if (k.startsWith(SNAPSHOT_PREFIX)) {
                        ids.put(k.substring(SNAPSHOT_PREFIX.length()), Long.parseLong(v));
                    }
                });
                ids.put(Datasets.SUBMISSIONS.name(), s.snapshotId());
                return new BatchSnapshots(batch, ids);
            }
        }
        throw new IllegalStateException("table " + submissions.name() + " has no snapshot written by a sanhui batch"
                + " (no " + BATCH_ID + " in any snapshot summary); it was not created by sanhui");
    }

    /**
     * Returns the snapshot id to read a table at. A table the batch does not name (added to the warehouse after it)
     * is read at its first snapshot, which is empty.
     *
     * @param table the table, null not permitted
     * @param name its dataset name, null not permitted
     * @return the snapshot id
     */
    public long snapshotId(Table table, String name) {
        Long id = snapshotIds.get(name);
        return id != null ? id : SnapshotUtil.oldestAncestor(table).snapshotId();
    }
}
