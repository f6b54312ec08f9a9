package org.sanhui.ingestion.iceberg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.NullOrder;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * How each dataset is laid out as an Iceberg table: schema, partitioning, sort order and table properties.
 * See the package documentation for the reasons.
 */
public final class TableLayout {

    /** Target size of a data file: 64 MiB (see the package documentation). */
    public static final long TARGET_FILE_BYTES = 64L << 20;

    /** Size of a Parquet row group, the unit a writer buffers in memory: 16 MiB. */
    public static final long ROW_GROUP_BYTES = 16L << 20;

    /** The partition field derived from the county code: its first two digits, the province. */
    public static final String PROVINCE = "province";

    /**
     * Text columns that readers filter by, and whose Parquet statistics (row-group and page bounds) are therefore
     * written; the other text columns get none ({@code write.parquet.stats-enabled.column.*}), which saves comparing
     * every value. Columns of other types keep their statistics (cheap to keep).
     */
    static final Set<String> FILTERED_TEXT = Set.of(Datasets.COUNTY_CODE, Datasets.PERIOD,
            Datasets.DATASET);

    /** Table property recording the layout's version. */
    public static final String LAYOUT_VERSION = "sanhui.layout-version";

    /** How a batch changes a table's rows. */
    public enum Change {
        /** A submission replaces the rows of its county and period (rejects: and dataset). */
        SLICE,
        /** The last row with a key wins (evaluations: organisation and year). */
        KEYED,
        /** Rows are only added (submissions). */
        APPEND
    }

    private TableLayout() {
    }

    /**
     * Returns how batches change a dataset's table.
     *
     * @param dataset the dataset, null not permitted
     * @return the kind of change, never null
     */
    public static Change change(DatasetSchema dataset) {
        return switch (dataset.name()) {
            case "evaluations" -> Change.KEYED;
            case "submissions" -> Change.APPEND;
            default -> Change.SLICE;
        };
    }

    /**
     * Returns the Iceberg schema of a dataset: its stored columns in order, all optional, with field ids 1, 2, …
     * in that order (a new table gets exactly these ids; an existing one keeps its own, see {@link WarehouseTables}).
     *
     * @param dataset the dataset, null not permitted
     * @return the schema, never null
     */
    public static Schema schema(DatasetSchema dataset) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (Column c : dataset.storedColumns()) {
            fields.add(Types.NestedField.optional(id++, c.name(), type(c.type()), c.header()));
        }
        return new Schema(fields);
    }

    /**
     * Returns the Iceberg type of a column type.
     *
     * @param type the column type, null not permitted
     * @return the Iceberg type, never null
     */
    public static Type type(ColumnType type) {
        return switch (type) {
            case STRING -> Types.StringType.get();
            case INT -> Types.IntegerType.get();
            case LONG -> Types.LongType.get();
            case DOUBLE -> Types.DoubleType.get();
            case BOOLEAN -> Types.BooleanType.get();
            case DATE -> Types.DateType.get();
            case TIMESTAMP -> Types.TimestampType.withZone();
        };
    }

    /**
     * Returns the partition spec: identity on the period, and the province as the first two characters of the
     * county code ({@code truncate(2, county_code)}), so that a filter on a county prunes to its province's
     * partition without a stored province column.
     *
     * @param schema the table's schema, null not permitted
     * @return the spec, never null
     */
    public static PartitionSpec spec(Schema schema) {
        return PartitionSpec.builderFor(schema).identity(Datasets.PERIOD).truncate(Datasets.COUNTY_CODE, 2, PROVINCE)
                .build();
    }

    /**
     * Returns the sort order: by county code, so that a county's rows lie together in a file and county filters
     * prune row groups and files by their column statistics.
     *
     * @param schema the table's schema, null not permitted
     * @return the order, never null
     */
    public static SortOrder sortOrder(Schema schema) {
        return SortOrder.builderFor(schema).asc(Datasets.COUNTY_CODE, NullOrder.NULLS_FIRST).build();
    }

    /**
     * Returns the table properties of one column: metrics mode {@code none} for a personal column, no Parquet
     * statistics for text that no reader filters by (which covers the personal columns too: no name is copied into a
     * file's footer as a bound either).
     *
     * @param c the column, null not permitted
     * @return the properties, possibly empty, never null
     */
    static Map<String, String> columnProperties(Column c) {
        Map<String, String> p = new LinkedHashMap<>();
        if (c.personal()) {
            p.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + c.name(), "none");
        }
        if (c.type() == ColumnType.STRING && !FILTERED_TEXT.contains(c.name())) {
            p.put(TableProperties.PARQUET_COLUMN_STATS_ENABLED_PREFIX + c.name(), "false");
        }
        return p;
    }

    /**
     * Returns the table properties: format v2, Parquet, SNAPPY, the target file and row group sizes, page
     * checksums, and the properties of each column ({@link #columnProperties(Column)}).
     *
     * @param dataset the dataset, null not permitted
     * @return the properties, never null
     */
    public static Map<String, String> properties(DatasetSchema dataset) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TableProperties.FORMAT_VERSION, "2");
        p.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
        p.put(TableProperties.PARQUET_COMPRESSION, "snappy");
        p.put(TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, Long.toString(TARGET_FILE_BYTES));
        p.put(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, Long.toString(ROW_GROUP_BYTES));
        // merge-on-read would write delete files; every change here is copy-on-write
        p.put(TableProperties.DELETE_MODE, "copy-on-write");
        p.put(TableProperties.UPDATE_MODE, "copy-on-write");
        p.put(TableProperties.MERGE_MODE, "copy-on-write");
        p.put(LAYOUT_VERSION, "1");
        for (Column c : dataset.storedColumns()) {
            p.putAll(columnProperties(c));
        }
        return p;
    }
}
