package org.sanhui.ingestion.iceberg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.Table;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * One batch of changes to the warehouse (one {@code ingest} or {@code run}), committed as one commit per table,
 * submissions last with the snapshot ids of the others.
 *
 * <ul>
 * <li>{@link #replace(DatasetSchema, String, String)}: a submission's rows of a dataset replace that county and
 * period's rows (organisations, posts, activities); a later replacement of the same county, period and dataset in the
 * same batch wins over an earlier one.</li>
 * <li>{@link #replaceRejects(String, String, String)}: the same for the rejects of one dataset.</li>
 * <li>{@link #upsert(DatasetSchema, Map)}: evaluations, last wins by organisation and year.</li>
 * <li>{@link #append(DatasetSchema, Map)}: submissions, and rejects that belong to no submission.</li>
 * </ul>
 * Rows are buffered in memory and spilled to sorted files beyond the budget; {@link #commit()} rewrites, per table,
 * the affected files of each touched partition without the replaced rows and with the new ones (copy-on-write, no
 * delete files). Not thread-safe.
 */
public final class Batch {

    private final String id;
    private final WriterLock lock;
    private final BatchWriter.Options options;
    private final Map<String, TableBatch> tables = new LinkedHashMap<>();
    private final Encoder encoder;
    private long bufferedBytes;
    private boolean finished;
    private boolean committed;

    Batch(String id, WarehouseTables warehouse, WriterLock lock, BatchWriter.Options options) {
        this.id = id;
        this.lock = lock;
        this.options = options;
        this.encoder = new Encoder("sanhui-iceberg-encoder", options.memoryBudgetBytes() / 2);
        for (DatasetSchema ds : warehouse.datasets()) {
            Table t = warehouse.table(ds.name());
            t.refresh();
            tables.put(ds.name(), new TableBatch(this, ds, t));
        }
    }

    /**
     * Returns the batch's id.
     *
     * @return the id, never null
     */
    public String id() {
        return id;
    }

    boolean finished() {
        return finished;
    }

    /** Whether the batch committed every table (false after an abort or a failed commit). */
    boolean committed() {
        return committed;
    }

    /**
     * Starts the replacement of a county-period's rows of a dataset (organisations, posts or activities). The
     * replacement holds whatever rows are added to it, possibly none.
     *
     * @param dataset the dataset, null not permitted
     * @param county the county code, null not permitted
     * @param period the period code, null not permitted
     * @return the slice to add rows to, never null
     * @throws IllegalArgumentException if the dataset is not replaced by county and period
     */
    public Slice replace(DatasetSchema dataset, String county, String period) {
        TableBatch t = table(dataset);
        if (t.kind != TableLayout.Change.SLICE || dataset.name().equals(Datasets.REJECTS.name())) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " is not replaced by county and period;"
                    + " expected one of organisations, posts, activities (rejects: replaceRejects)");
        }
        return t.replace(new SliceKey(Objects.requireNonNull(county, "county"), Objects.requireNonNull(period, "period"),
                null));
    }

    /**
     * Starts the replacement of the rejects of one dataset of a county-period.
     *
     * @param dataset the dataset the rejects concern, null not permitted
     * @param county the county code, null not permitted
     * @param period the period code, null not permitted
     * @return the slice to add reject rows to, never null
     */
    public Slice replaceRejects(String dataset, String county, String period) {
        return table(Datasets.REJECTS).replace(new SliceKey(Objects.requireNonNull(county, "county"),
                Objects.requireNonNull(period, "period"), Objects.requireNonNull(dataset, "dataset")));
    }

    /**
     * Adds a row that replaces any row with the same key (evaluations: organisation and year).
     *
     * @param dataset the dataset, null not permitted
     * @param row the values by column name, null not permitted
     * @throws IllegalArgumentException if the dataset is not keyed, or the row lacks the county or period
     */
    public void upsert(DatasetSchema dataset, Map<String, ?> row) {
        TableBatch t = table(dataset);
        if (t.kind != TableLayout.Change.KEYED) {
            throw new IllegalArgumentException("dataset " + dataset.name() + " is not keyed; expected evaluations");
        }
        t.upsert(row);
    }

    /**
     * Adds a row that replaces nothing (submissions, rejects of no submission).
     *
     * @param dataset the dataset, null not permitted
     * @param row the values by column name, null not permitted
     */
    public void append(DatasetSchema dataset, Map<String, ?> row) {
        table(dataset).append(row);
    }

    /**
     * Commits the batch: one commit per changed table, submissions last, recording the others' snapshot ids.
     *
     * @return the snapshots of the batch, never null
     * @throws IllegalStateException if the writer lock was lost, or the batch is finished
     * @throws org.apache.iceberg.exceptions.CommitFailedException if another writer changed a table meanwhile
     */
    public BatchSnapshots commit() {
        checkOpen();
        finished = true;
        Map<String, Long> ids = new LinkedHashMap<>();
        boolean changed = false;
        TableBatch submissions = null;
        try {
            for (TableBatch t : tables.values()) {
                if (t.name.equals(Datasets.SUBMISSIONS.name())) {
                    submissions = t;
                    continue;
                }
                Long committed = t.commit(id, Map.of(), false);
                changed |= committed != null;
                t.table.refresh();
                ids.put(t.name, t.table.currentSnapshot().snapshotId());
            }
            Map<String, String> marker = new LinkedHashMap<>();
            ids.forEach((k, v) -> marker.put(BatchSnapshots.SNAPSHOT_PREFIX + k, Long.toString(v)));
            Long s = submissions.commit(id, marker, changed);
            committed = true;
            submissions.table.refresh();
            ids.put(submissions.name, submissions.table.currentSnapshot().snapshotId());
            return s == null ? BatchSnapshots.of(submissions.table) : new BatchSnapshots(id, ids);
        } finally {
            tables.values().forEach(TableBatch::discardRuns);
        }
    }

    /** Abandons the batch: nothing is committed, the files written for it are deleted. */
    public void abort() {
        finished = true;
        tables.values().forEach(TableBatch::discardAll);
    }

    private TableBatch table(DatasetSchema dataset) {
        checkOpen();
        TableBatch t = tables.get(dataset.name());
        if (t == null) {
            throw new IllegalArgumentException("no table " + dataset.name() + " in the warehouse, expected one of "
                    + tables.keySet());
        }
        return t;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("batch " + id + " is already committed or aborted");
        }
    }

    // memory accounting, called by the tables' slices
    void buffered(long bytes) {
        bufferedBytes += bytes;
        if (bufferedBytes > options.memoryBudgetBytes()) {
            for (TableBatch t : tables.values()) {
                t.spill();
            }
            bufferedBytes = tables.values().stream().mapToLong(TableBatch::unspillableBytes).sum();
        }
    }

    void released(long bytes) {
        bufferedBytes -= bytes;
    }

    Encoder encoder() {
        return encoder;
    }

    WriterLock lock() {
        return lock;
    }

    CrashPoints.Hook hook() {
        return options.hook();
    }
}
