package org.sanhui.ingestion.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.data.Record;
import org.sanhui.model.schema.Datasets;

/**
 * The rows a submission brings for one table's county and period (a replacement), or rows added to one county and
 * period without replacing anything. Rows are added in order and keep that order within their county.
 */
public final class Slice {

    final TableBatch owner;
    final SliceKey key;
    final boolean replaces;
    final int seq;
    final String partitionPath;
    final StructLike partition;
    List<Record> buffer = new ArrayList<>();
    long bufferedBytes;
    boolean live = true;
    private long rows;

    Slice(TableBatch owner, SliceKey key, boolean replaces, int seq, String partitionPath, StructLike partition) {
        this.owner = owner;
        this.key = key;
        this.replaces = replaces;
        this.seq = seq;
        this.partitionPath = partitionPath;
        this.partition = partition;
    }

    /**
     * Adds a row. Its county code and period are the slice's (filled in when absent).
     *
     * @param row the values by column name, null not permitted
     * @throws IllegalArgumentException if the row names another county or period, or has a value of the wrong type
     * @throws IllegalStateException if the slice was replaced by a later one of the same batch
     */
    public void add(Map<String, ?> row) {
        Objects.requireNonNull(row, "row");
        checkLive();
        add(owner.rows.fromMap(row), owner.rows.lastBytes());
    }

    /**
     * Adds a row given as its values in the order of the dataset's stored columns
     * ({@link org.sanhui.model.schema.DatasetSchema#storedColumns()}), as the pipeline's row check holds them: the
     * cheaper way in, with no map to look columns up in. Values are converted as {@link #add(Map)} converts them; the
     * array is read, not kept. Its county code and period are the slice's (filled in when absent).
     *
     * @param values one value per stored column, null where absent; the array not null
     * @throws IllegalArgumentException if the array's length is not the number of stored columns, the row names
     *         another county or period, or has a value of the wrong type
     * @throws IllegalStateException if the slice was replaced by a later one of the same batch
     */
    public void add(Object[] values) {
        Objects.requireNonNull(values, "values");
        checkLive();
        add(owner.rows.fromStored(values), owner.rows.lastBytes());
    }

    private void checkLive() {
        if (!live) {
            throw new IllegalStateException("this replacement of " + key + " in " + owner.name
                    + " was superseded by a later one in the same batch");
        }
    }

    void add(Record r, long bytes) {
        check(r, owner.countyPos, Datasets.COUNTY_CODE, key.county());
        check(r, owner.periodPos, Datasets.PERIOD, key.period());
        if (key.dataset() != null) {
            check(r, owner.datasetPos, Datasets.DATASET, key.dataset());
        }
        buffer.add(r);
        bufferedBytes += bytes;
        rows++;
        owner.batch.buffered(bytes);
    }

    private void check(Record r, int pos, String column, String expected) {
        Object v = r.get(pos);
        if (v == null) {
            r.set(pos, expected);
        } else if (!v.equals(expected)) {
            throw new IllegalArgumentException("a row of " + owner.name + " for " + key + " has " + column + " = " + v
                    + ", expected " + expected);
        }
    }

    /**
     * Returns the number of rows added.
     *
     * @return the count
     */
    public long rows() {
        return rows;
    }

    String county() {
        return key.county();
    }
}
