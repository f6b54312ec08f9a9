package org.sanhui.analytics;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.util.CollectionAccumulator;
import org.sanhui.model.warehouse.LiveFile;

/**
 * A Spark data source (DataSource V2) over the live files of one dataset, exactly as the manifest lists
 * them. Spark's own Parquet source pays per file for what is worth paying once per task: a copy of the
 * session's Hadoop configuration, a full column batch allocated, a codec look-up per page. A national
 * warehouse holds one small file per dataset, county and period (~65 000 read for one quarter), so those costs
 * were most of the job. Here a read task checks and decodes its files in turn into one set of reused column
 * vectors, packing the rows of many small files into each batch; it reads only the columns the query uses,
 * and it checks each file as {@link LiveFileCheck} says while the file's bytes are in memory for decoding.
 *
 * <p>The job reads through {@link #read}; the source is not meant to be named in {@code spark.read().format}
 * by other code, because the list of files travels through the driver's memory, not through options.
 */
public final class LiveSource implements TableProvider {

    private static final String REQUEST = "request";
    private static final Map<String, Request> REQUESTS = new ConcurrentHashMap<>();

    /** Rows a read task is given at most, counting a file's opening as {@link #OPEN_COST_ROWS} rows. */
    static final long ROWS_PER_TASK = 1_000_000;
    /** What opening one file is worth in rows, when files are shared out among tasks. */
    static final long OPEN_COST_ROWS = 400;

    /** Creates the source; Spark does, by reflection. */
    public LiveSource() {
    }

    /**
     * One file to read, as a read task receives it: the manifest's entry ({@link LiveFile}'s parts) and
     * where the file is.
     *
     * @param dataset the dataset name
     * @param period the submission period code
     * @param county the county code
     * @param path the path relative to the warehouse root
     * @param rows the rows the manifest recorded
     * @param sha256 the checksum the manifest recorded, null for a version 1 manifest
     * @param absolute the file's absolute path
     * @param index the file's place in the read's order
     */
    record FileRef(String dataset, String period, String county, String path, long rows, String sha256,
            String absolute, int index) implements Serializable {

        static FileRef of(Path warehouse, LiveFile lf, int index) {
            return new FileRef(lf.dataset(), lf.period(), lf.county(), lf.path(), lf.rows(), lf.sha256(),
                    warehouse.resolve(lf.path()).toAbsolutePath().toString(), index);
        }

        LiveFile liveFile() {
            return new LiveFile(dataset, period, county, path, rows, sha256);
        }
    }

    /** What {@link #read} asked for: the files, in order, how many tasks may run at once, where problems go. */
    record Request(List<FileRef> files, int parallelism, CollectionAccumulator<String> problems) {
    }

    /**
     * A read of live files: the rows, and the check that no read task met a damaged file.
     *
     * <p>A task that meets a damaged file (or one lacking a column) does not fail: Spark would log the failure
     * with its stack trace at ERROR and, on a cluster, retry the task on a file that cannot get better. It
     * records the problem, ends its share of the rows, and {@link #check} throws it on the driver; every action
     * on {@link #rows} must be followed by {@code check()}, and its result used only when that passes.
     */
    static final class Read {
        private final Dataset<Row> rows;
        private final CollectionAccumulator<String> problems;

        Read(Dataset<Row> rows, CollectionAccumulator<String> problems) {
            this.rows = rows;
            this.problems = problems;
        }

        /** @return the rows; an action's result counts only once {@link #check} has passed */
        Dataset<Row> rows() {
            return rows;
        }

        /**
         * Throws the problem a read task met, if any: the first in the files' order, so that a rerun reports
         * the same one.
         *
         * @throws org.sanhui.model.error.DataIntegrityException if a file is missing, damaged or altered
         * @throws AnalyticsException if a file lacks a column or stores it with another type
         */
        void check() {
            if (problems == null || problems.isZero()) {
                return;
            }
            List<String> all = new ArrayList<>(problems.value());
            all.sort(null);
            throw LiveBatchReader.decode(all.get(0), all.size() - 1);
        }
    }

    /**
     * Returns the given columns of some live files of one dataset.
     *
     * @param spark the session
     * @param warehouse the warehouse root
     * @param files the files to read, all of one dataset, in the order their rows should come
     * @param schema the columns wanted, with Spark types matching the files' Parquet types
     * @return the read; its {@link Read#check} says whether the files were whole
     */
    static Read read(SparkSession spark, Path warehouse, List<LiveFile> files, StructType schema) {
        List<FileRef> refs = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            refs.add(FileRef.of(warehouse, files.get(i), i));
        }
        CollectionAccumulator<String> problems = spark.sparkContext().collectionAccumulator("sanhui live-file problems");
        String id = UUID.randomUUID().toString();
        REQUESTS.put(id, new Request(List.copyOf(refs), spark.sparkContext().defaultParallelism(), problems));
        try {
            // the relation keeps the table (and so the request) from here on
            return new Read(spark.read().format(LiveSource.class.getName()).schema(schema).option(REQUEST, id).load(),
                    problems);
        } finally {
            REQUESTS.remove(id);
        }
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        throw new AnalyticsException("the live-file source reads the schema it is given; it infers none");
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        Request request = REQUESTS.get(properties.getOrDefault(REQUEST, ""));
        if (request == null) {
            throw new AnalyticsException("the live-file source is read through LiveSource.read, which hands it the "
                    + "manifest's files; it cannot be opened by name");
        }
        return new LiveTable(schema, request);
    }

    /** The files of one read, as a table Spark can scan. */
    private record LiveTable(StructType schema, Request request) implements SupportsRead {

        @Override
        public String name() {
            return "sanhui live files (" + request.files().size() + ")";
        }

        @Override
        public Set<TableCapability> capabilities() {
            return Set.of(TableCapability.BATCH_READ);
        }

        @Override
        public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
            return new LiveScan(schema, request);
        }
    }
}
