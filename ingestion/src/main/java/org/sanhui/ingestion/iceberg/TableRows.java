package org.sanhui.ingestion.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.formats.FormatModelRegistry;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads a table's rows at a snapshot as maps from column name to value (String, Integer, Long, Double, Boolean,
 * LocalDate, Instant; nulls absent): what ingestion needs from earlier batches (organisations known, rows already
 * received, rows carried forward), and what tests read back. Files are pruned by partition and column statistics;
 * page checksums are verified; a file that cannot be read is named in the error.
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
     * @throws UncheckedIOException if a data file cannot be read or is damaged, naming it
     */
    public static List<Map<String, Object>> read(Table table, long snapshotId, Expression filter) {
        List<Map<String, Object>> out = new ArrayList<>();
        forEach(table, snapshotId, filter, r -> out.add(RowValues.toMap(r)));
        return out;
    }

    /**
     * Counts the rows of a snapshot, from the data files' row counts (exact: the warehouse has no delete files).
     *
     * @param table the table, null not permitted
     * @param snapshotId the snapshot
     * @return the number of rows
     */
    public static long count(Table table, long snapshotId) {
        long n = 0;
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).planFiles()) {
            for (FileScanTask t : tasks) {
                if (!t.deletes().isEmpty()) {
                    throw new IllegalStateException("table " + table.name() + " has delete files at snapshot "
                            + snapshotId + "; sanhui writes none");
                }
                n += t.file().recordCount();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of table " + table.name(), e);
        }
        return n;
    }

    static void forEach(Table table, long snapshotId, Expression filter, Consumer<Record> sink) {
        Objects.requireNonNull(filter, "filter");
        Schema schema = table.schemas().get(table.snapshot(snapshotId).schemaId());
        if (schema == null) {
            schema = table.schema();
        }
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshotId).filter(filter)
                .planFiles()) {
            for (FileScanTask t : tasks) {
                Evaluator keep = new Evaluator(schema.asStruct(), t.residual());
                String location = t.file().location();
                try (CloseableIterable<Record> rows = FormatModelRegistry.<Record, Object>readBuilder(FileFormat.PARQUET,
                        Record.class, table.io().newInputFile(location, t.file().fileSizeInBytes())).project(schema)
                        .filter(t.residual()).set(WarehouseCatalog.VERIFY_PAGE_CHECKSUMS, "true").build()) {
                    for (Record r : rows) {
                        if (keep.eval(r)) {
                            sink.accept(r);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    throw new UncheckedIOException(new IOException("cannot read data file " + location + " of table "
                            + table.name() + " (snapshot " + snapshotId + "): it is damaged or unreadable: "
                            + e.getMessage(), e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of table " + table.name(), e);
        }
    }
}
