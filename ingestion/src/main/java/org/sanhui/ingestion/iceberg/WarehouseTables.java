package org.sanhui.ingestion.iceberg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * The warehouse's tables in a catalog, one per dataset, created when absent and evolved additively.
 *
 * <p>A table is created together with an empty first snapshot (one transaction), so that every table always has a
 * snapshot a consistent set can name. The submissions table is created last, and its first snapshot records the
 * others' ({@link BatchSnapshots}).
 *
 * <p>Schemas evolve by adding columns only: a column core-model declares that the table lacks is added, with a
 * fresh field id, the existing ids untouched, so files written before read the new column as null. A column the
 * table has but core-model no longer declares, or declares with another type, is refused: Iceberg could drop or
 * widen it, but readers of older snapshots and other engines would then disagree with sanhui.
 */
public final class WarehouseTables {

    private final WarehouseCatalog catalog;
    private final Map<String, Table> tables;
    private final List<DatasetSchema> datasets;

    private WarehouseTables(WarehouseCatalog catalog, List<DatasetSchema> datasets, Map<String, Table> tables) {
        this.catalog = catalog;
        this.datasets = List.copyOf(datasets);
        this.tables = tables;
    }

    /**
     * Opens the tables of every dataset ({@link Datasets#ALL}) for writing: creates the missing ones, adds the columns
     * core-model declares that a table lacks. Call under the writer lock.
     *
     * @param catalog the catalog, null not permitted
     * @return the tables, never null
     * @throws IllegalStateException if a table has a column core-model does not declare, or of another type
     */
    public static WarehouseTables openForWrite(WarehouseCatalog catalog) {
        return openForWrite(catalog, Datasets.ALL);
    }

    /**
     * Opens the tables of the given datasets for writing (tests pass evolved schemas). The submissions dataset, if
     * among them, is created last.
     *
     * @param catalog the catalog, null not permitted
     * @param datasets the datasets, null not permitted
     * @return the tables, never null
     * @throws IllegalStateException if a table has a column the dataset does not declare, or of another type
     */
    public static WarehouseTables openForWrite(WarehouseCatalog catalog, List<DatasetSchema> datasets) {
        Objects.requireNonNull(catalog, "catalog");
        Catalog c = catalog.catalog();
        Namespace ns = catalog.namespace();
        if (c instanceof SupportsNamespaces sn && !sn.namespaceExists(ns)) {
            sn.createNamespace(ns);
        }
        List<DatasetSchema> ordered = new ArrayList<>(datasets);
        ordered.sort((a, b) -> Boolean.compare(a.name().equals(Datasets.SUBMISSIONS.name()),
                b.name().equals(Datasets.SUBMISSIONS.name())));
        Map<String, Table> tables = new LinkedHashMap<>();
        for (DatasetSchema ds : ordered) {
            TableIdentifier id = TableIdentifier.of(ns, ds.name());
            Table t;
            if (c.tableExists(id)) {
                t = c.loadTable(id);
                evolve(t, ds);
            } else {
                t = create(c, id, ds, tables);
            }
            tables.put(ds.name(), t);
        }
        return new WarehouseTables(catalog, ordered, tables);
    }

    /**
     * Opens the existing tables for reading: nothing is created or changed.
     *
     * @param catalog the catalog, null not permitted
     * @return the tables that exist, never null
     */
    public static WarehouseTables openForRead(WarehouseCatalog catalog) {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<DatasetSchema> present = new ArrayList<>();
        for (DatasetSchema ds : Datasets.ALL) {
            TableIdentifier id = TableIdentifier.of(catalog.namespace(), ds.name());
            if (catalog.catalog().tableExists(id)) {
                tables.put(ds.name(), catalog.catalog().loadTable(id));
                present.add(ds);
            }
        }
        return new WarehouseTables(catalog, present, tables);
    }

    private static Table create(Catalog c, TableIdentifier id, DatasetSchema ds, Map<String, Table> others) {
        Schema schema = TableLayout.schema(ds);
        Transaction tx = c.buildTable(id, schema).withPartitionSpec(TableLayout.spec(schema))
                .withSortOrder(TableLayout.sortOrder(schema)).withProperties(TableLayout.properties(ds))
                .createTransaction();
        var append = tx.newAppend().set(BatchSnapshots.BATCH_ID, BatchSnapshots.CREATED);
        if (ds.name().equals(Datasets.SUBMISSIONS.name())) {
            for (Map.Entry<String, Table> e : others.entrySet()) {
                e.getValue().refresh();
                append.set(BatchSnapshots.SNAPSHOT_PREFIX + e.getKey(),
                        Long.toString(e.getValue().currentSnapshot().snapshotId()));
            }
        }
        append.commit();
        tx.commitTransaction();
        return c.loadTable(id);
    }

    /**
     * Adds the columns the dataset declares that the table lacks; refuses a dropped or retyped column.
     *
     * @param table the table, null not permitted
     * @param dataset the dataset as core-model declares it now, null not permitted
     * @throws IllegalStateException if the table has a column the dataset lacks or types differently
     */
    static void evolve(Table table, DatasetSchema dataset) {
        Schema have = table.schema();
        Schema want = TableLayout.schema(dataset);
        for (Types.NestedField f : have.columns()) {
            Types.NestedField w = want.findField(f.name());
            if (w == null) {
                throw new IllegalStateException("table " + table.name() + " has column " + f.name() + " (field id "
                        + f.fieldId() + "), which dataset " + dataset.name() + " no longer declares; expected only"
                        + " added columns (" + dataset.names() + "): schemas evolve additively, a column is never"
                        + " dropped or renamed");
            }
            if (!w.type().equals(f.type())) {
                throw new IllegalStateException("table " + table.name() + " has column " + f.name() + " of type "
                        + f.type() + ", but dataset " + dataset.name() + " declares it as " + w.type()
                        + "; a column's type never changes (add a new column instead)");
            }
        }
        List<Column> missing = dataset.storedColumns().stream().filter(col -> have.findField(col.name()) == null)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        UpdateSchema update = table.updateSchema();
        for (Column col : missing) {
            update.addColumn(col.name(), TableLayout.type(col.type()), col.header());
        }
        update.commit();
        var props = table.updateProperties();
        for (Column col : missing) {
            TableLayout.columnProperties(col).forEach(props::set);
        }
        props.commit();
        table.refresh();
    }

    /**
     * Returns a dataset's table.
     *
     * @param dataset the dataset name, null not permitted
     * @return the table, never null
     * @throws IllegalArgumentException if the warehouse has no such table
     */
    public Table table(String dataset) {
        Table t = tables.get(dataset);
        if (t == null) {
            throw new IllegalArgumentException("no table " + dataset + " in the warehouse, expected one of "
                    + tables.keySet());
        }
        return t;
    }

    /**
     * Returns the tables by dataset name, submissions last.
     *
     * @return the tables, never null
     */
    public Map<String, Table> tables() {
        return java.util.Collections.unmodifiableMap(tables);
    }

    /**
     * Returns the datasets, submissions last.
     *
     * @return the datasets, never null
     */
    public List<DatasetSchema> datasets() {
        return datasets;
    }

    /**
     * Returns the catalog.
     *
     * @return the catalog, never null
     */
    public WarehouseCatalog catalog() {
        return catalog;
    }
}
