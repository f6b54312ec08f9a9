package org.sanhui.ingestion.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.sanhui.model.schema.Datasets;

/**
 * Writes batches into the warehouse's tables, one batch at a time, under the writer lock.
 *
 * <p>Opening a writer first rolls back every table's commits past the last complete batch (a batch that died
 * between two tables' commits), so that the tables' current snapshots are again the recorded ones, then deletes the
 * data files a writer that died wrote and never committed.
 */
public final class BatchWriter {

    /**
     * How a writer behaves.
     *
     * @param memoryBudgetBytes the estimated heap the buffered rows of a batch may take before they are spilled to
     *        sorted files (evaluations are kept in memory whatever their size); rows handed to the encoder thread and
     *        not yet written may take half as much again
     * @param hook called at every crash point, never null
     */
    public record Options(long memoryBudgetBytes, CrashPoints.Hook hook) {

        /**
         * 32 MiB of buffered rows (estimated), crash points from the system property {@value CrashPoints#PROPERTY}.
         * With -Xmx512m and the encoder thread, 8, 16 and 32 MiB wrote 1,000,000 activities at the same CPU cost
         * within noise (peak heap 189, 191 and 207 MB, 0.2-0.3 s of GC).
         */
        public static final Options DEFAULTS = new Options(32L << 20, CrashPoints.fromSystemProperty());

        /**
         * Checks.
         *
         * @param memoryBudgetBytes the budget, positive
         * @param hook the hook, null not permitted
         */
        public Options {
            Objects.requireNonNull(hook, "hook");
            if (memoryBudgetBytes <= 0) {
                throw new IllegalArgumentException("memoryBudgetBytes must be positive, got " + memoryBudgetBytes);
            }
        }

        /**
         * A copy with another hook.
         *
         * @param newHook the hook, null not permitted
         * @return the options, never null
         */
        public Options withHook(CrashPoints.Hook newHook) {
            return new Options(memoryBudgetBytes, newHook);
        }

        /**
         * A copy with another memory budget.
         *
         * @param bytes the budget, positive
         * @return the options, never null
         */
        public Options withMemoryBudget(long bytes) {
            return new Options(bytes, hook);
        }
    }

    private final WarehouseTables tables;
    private final WriterLock lock;
    private final Options options;
    private final List<String> rolledBack;
    private final List<String> swept;
    private Batch open;

    private BatchWriter(WarehouseTables tables, WriterLock lock, Options options, List<String> rolledBack,
            List<String> swept) {
        this.tables = tables;
        this.lock = lock;
        this.options = options;
        this.rolledBack = List.copyOf(rolledBack);
        this.swept = List.copyOf(swept);
    }

    private static List<String> sweep(WarehouseTables tables) {
        Table submissions = tables.table(Datasets.SUBMISSIONS.name());
        long since = submissions.snapshot(BatchSnapshots.of(submissions).snapshotIds().get(Datasets.SUBMISSIONS.name()))
                .timestampMillis();
        List<String> deleted = new ArrayList<>();
        for (Table t : tables.tables().values()) {
            deleted.addAll(OrphanFiles.sweep(t, since, tables.catalog().conf()));
        }
        return deleted;
    }

    /**
     * Returns the data files that opening the writer deleted: written by a writer that died, never committed.
     *
     * @return their locations, never null
     */
    public List<String> swept() {
        return swept;
    }

    /**
     * Opens a writer, rolling back the commits of an incomplete batch.
     *
     * @param tables the tables, opened for writing, null not permitted
     * @param lock the held writer lock, null not permitted
     * @param options the options, null not permitted
     * @return the writer, never null
     * @throws IllegalStateException if the lock is not held
     */
    public static BatchWriter open(WarehouseTables tables, WriterLock lock, Options options) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(options, "options");
        lock.checkHeld();
        List<String> rolledBack = recover(tables, lock);
        List<String> swept = sweep(tables);
        return new BatchWriter(tables, lock, options, rolledBack, swept);
    }

    private static List<String> recover(WarehouseTables tables, WriterLock lock) {
        Table submissions = tables.table(Datasets.SUBMISSIONS.name());
        submissions.refresh();
        BatchSnapshots last = BatchSnapshots.of(submissions);
        List<String> done = new ArrayList<>();
        for (var e : tables.tables().entrySet()) {
            if (e.getKey().equals(Datasets.SUBMISSIONS.name())) {
                continue;
            }
            Table t = e.getValue();
            t.refresh();
            long target = last.snapshotId(t, e.getKey());
            Snapshot current = t.currentSnapshot();
            if (current == null || current.snapshotId() == target) {
                continue;
            }
            lock.checkHeld();
            if (SnapshotUtil.isAncestorOf(t, current.snapshotId(), target)) {
                t.manageSnapshots().rollbackTo(target).commit();
            } else {
                t.manageSnapshots().setCurrentSnapshot(target).commit();
            }
            done.add(e.getKey() + ": " + current.snapshotId() + " (" + current.summary().get(BatchSnapshots.BATCH_ID)
                    + ") -> " + target + " (" + last.batchId() + ")");
        }
        return done;
    }

    /**
     * Returns what opening the writer rolled back, one line per table ({@code activities: 812… (b2) -> 455… (b1)}).
     *
     * @return the lines, empty when the last batch was complete; never null
     */
    public List<String> rolledBack() {
        return rolledBack;
    }

    /**
     * Starts a batch; the previous one must be committed or aborted. After a batch whose commit failed half-way, the
     * tables it committed are rolled back first.
     *
     * @param batchId the batch's id, recorded in every snapshot it makes, null not permitted
     * @return the batch, never null
     * @throws IllegalStateException if a batch is still open
     */
    public Batch begin(String batchId) {
        Objects.requireNonNull(batchId, "batchId");
        if (open != null && !open.finished()) {
            throw new IllegalStateException("batch " + open.id() + " is still open; commit or abort it first");
        }
        if (open != null && !open.committed()) {
            recover(tables, lock); // a failed commit may have committed some tables: back to the last complete batch
        }
        open = new Batch(batchId, tables, lock, options);
        return open;
    }
}
