package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.types.StructType;

/**
 * The scan of a {@link LiveSource} read: the columns the query needs, and the files shared out among read
 * tasks in order, each task a contiguous run of files of about {@link LiveSource#ROWS_PER_TASK} rows.
 */
final class LiveScan implements ScanBuilder, SupportsPushDownRequiredColumns, Scan, Batch {

    private StructType schema;
    private final LiveSource.Request request;

    LiveScan(StructType schema, LiveSource.Request request) {
        this.schema = schema;
        this.request = request;
    }

    @Override
    public void pruneColumns(StructType requiredSchema) {
        this.schema = requiredSchema;
    }

    @Override
    public Scan build() {
        return this;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "LiveScan(" + request.files().size() + " files, columns " + String.join(",", schema.fieldNames()) + ")";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public ColumnarSupportMode columnarSupportMode() {
        return ColumnarSupportMode.SUPPORTED;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return split(request.files(), request.parallelism()).stream()
                .map(files -> new LiveBatchReader.Partition(files)).toArray(InputPartition[]::new);
    }

    /**
     * Shares files out among tasks: at least one task per core when there are enough files, more when the
     * rows call for it, each a contiguous run of about the same weight (rows plus an opening cost per file).
     *
     * @param files the files, in order
     * @param parallelism the cores the session has
     * @return the runs, in order, none empty
     */
    static List<List<LiveSource.FileRef>> split(List<LiveSource.FileRef> files, int parallelism) {
        long total = 0;
        for (LiveSource.FileRef f : files) {
            total += f.rows() + LiveSource.OPEN_COST_ROWS;
        }
        long byRows = (total + LiveSource.ROWS_PER_TASK - 1) / LiveSource.ROWS_PER_TASK;
        int tasks = (int) Math.max(1, Math.min(files.size(), Math.max(parallelism, byRows)));
        if (tasks > parallelism && parallelism > 0) {
            // a whole number of waves, so that no core idles through the last one
            tasks = (int) Math.min(files.size(), ((long) tasks + parallelism - 1) / parallelism * parallelism);
        }
        List<List<LiveSource.FileRef>> out = new ArrayList<>(tasks);
        List<LiveSource.FileRef> run = new ArrayList<>();
        long done = 0;
        int next = 1;
        for (LiveSource.FileRef f : files) {
            run.add(f);
            done += f.rows() + LiveSource.OPEN_COST_ROWS;
            // close the run when the running weight passes this run's share of the total
            if (next < tasks && done * tasks >= total * next) {
                out.add(run);
                run = new ArrayList<>();
                next++;
            }
        }
        if (!run.isEmpty()) {
            out.add(run);
        }
        return out;
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new LiveBatchReader.Factory(schema, request.problems());
    }
}
