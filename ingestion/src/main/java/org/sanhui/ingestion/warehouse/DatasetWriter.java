package org.sanhui.ingestion.warehouse;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;

/**
 * Writes one dataset's rows to one Parquet file (SNAPPY, row groups of at most 8 MB, plain encoding and no column statistics: the files are
 * small and partitioned by period and county already, and encoding cost dominates ingestion), through
 * {@link ColumnRowWriter}: no Hadoop file system, no .crc sidecar. The caller writes to a temporary
 * name and moves the file into place once closed. Not thread-safe.
 */
public final class DatasetWriter implements Closeable {

    /** Row group size: small, so that memory stays low under a 256 MB heap. */
    public static final int ROW_GROUP_BYTES = 8 << 20;

    private final DatasetSchema dataset;
    private final Path file;
    private final ColumnRowWriter writer;
    private final List<Column> columns;
    private long rows;

    /**
     * Opens a writer.
     *
     * @param dataset the dataset, null not permitted
     * @param file the file to create (must not exist), null not permitted
     * @throws UncheckedIOException if the file cannot be created
     */
    public DatasetWriter(DatasetSchema dataset, Path file) {
        this.dataset = dataset;
        this.file = file;
        this.columns = dataset.storedColumns();
        try {
            this.writer = new ColumnRowWriter(dataset, file, ROW_GROUP_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
    }

    /**
     * Returns the dataset.
     *
     * @return the dataset, never null
     */
    public DatasetSchema dataset() {
        return dataset;
    }

    /**
     * Returns the file written.
     *
     * @return the path, never null
     */
    public Path file() {
        return file;
    }

    /**
     * Writes one row given in stored-column order.
     *
     * @param row the values, one per stored column, null not permitted
     */
    public void write(Object[] row) {
        rows++;
        batch[size++] = row;
        if (size == BATCH) {
            handOver();
        }
    }

    // Rows are handed to a writer thread in batches, so that encoding and compression overlap with
    // reading and checking on a second core; small files never start the thread.
    private static final int BATCH = 256;
    private static final Object END = new Object();
    private Object[][] batch = new Object[BATCH][];
    private int size;
    private Thread thread;
    private java.util.concurrent.BlockingQueue<Object> queue;
    private volatile Throwable failure;

    private record Chunk(Object[][] rows, int size) {
    }

    private void handOver() {
        checkFailure();
        if (thread == null) {
            queue = new java.util.concurrent.ArrayBlockingQueue<>(8);
            thread = new Thread(this::drain, "sanhui-parquet-" + dataset.name());
            thread.setDaemon(true);
            thread.start();
        }
        put(new Chunk(batch, size));
        batch = new Object[BATCH][];
        size = 0;
    }

    private void put(Object o) {
        try {
            queue.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + file, e);
        }
    }

    private void drain() {
        try {
            while (true) {
                Object o = queue.take();
                if (o == END) {
                    return;
                }
                Chunk c = (Chunk) o;
                if (failure != null) {
                    continue;
                }
                try {
                    for (int i = 0; i < c.size(); i++) {
                        writer.write(c.rows()[i]);
                    }
                } catch (Throwable e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            failure = e;
        }
    }

    private void checkFailure() {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof IOException io ? new UncheckedIOException("cannot write " + file, io)
                    : new IllegalStateException("cannot write " + file + ": " + f, f);
        }
    }

    /**
     * Writes one row given as a map from column name to value; values are converted to the column's
     * type (e.g. an Integer for a LONG column, an epoch-day Number for a DATE column is not accepted).
     *
     * @param values the values by column name, null not permitted
     */
    public void write(Map<String, ?> values) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            Column c = columns.get(i);
            row[i] = convert(c, values.get(c.name()));
        }
        write(row);
    }

    /**
     * Converts a value to what {@link #write(Object[])} expects for a column.
     *
     * @param c the column, null not permitted
     * @param v the value, may be null
     * @return the value to write, or null
     */
    public static Object convert(Column c, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s && c.type() == ColumnType.STRING) { // the usual case, first
            return s.isEmpty() ? null : s;
        }
        if (v instanceof java.util.Optional<?> o) {
            return convert(c, o.orElse(null));
        }
        if (c.type() == ColumnType.STRING) {
            String s = ColumnRowWriter.string(v);
            return s.isEmpty() ? null : s;
        }
        if (c.type() == ColumnType.DATE && v instanceof org.sanhui.model.value.DateValue dv) {
            return dv.date();
        }
        if (c.type() == ColumnType.DATE && !(v instanceof LocalDate)) {
            throw new IllegalStateException("column " + c.name() + " expects a LocalDate, got " + v.getClass().getName());
        }
        return v;
    }

    /**
     * Returns the number of rows written.
     *
     * @return the count
     */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            if (thread != null) {
                if (size > 0) {
                    handOver();
                }
                put(END);
                thread.join();
                checkFailure();
            } else {
                for (int i = 0; i < size; i++) {
                    writer.write(batch[i]);
                }
            }
            size = 0;
            writer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finishing " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish " + file, e);
        }
    }
}
