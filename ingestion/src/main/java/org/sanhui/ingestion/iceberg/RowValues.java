package org.sanhui.ingestion.iceberg;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.value.DateValue;

/**
 * Converts rows into Iceberg's generic records of one table (timestamps as {@link OffsetDateTime} in UTC), from
 * sanhui's maps or from arrays in the dataset's stored-column order, as the pipeline's row check makes them: String,
 * Integer, Long, Double, Boolean, LocalDate or {@link DateValue}, Instant; enums by name, a collection of enums as
 * its sorted names joined by {@code ;}; an {@link Optional} as its content. Blank strings are stored as null; keys
 * that are not stored columns (an input-only column such as a phone number) are ignored, as the Parquet writer did.
 * Each conversion also estimates the heap the record takes, for the batch's memory budget. Not thread-safe.
 */
final class RowValues {

    private final GenericRecord template;
    private final Types.NestedField[] fields;
    private final Type.TypeID[] types;
    private final int[] storedPos;
    private final int storedCount;
    private final String datasetName;
    private long lastBytes;

    /**
     * A converter for one table.
     *
     * @param schema the table's schema
     * @param dataset the dataset whose stored columns the arrays follow (all of them in the schema)
     */
    RowValues(Schema schema, DatasetSchema dataset) {
        this.template = GenericRecord.create(schema);
        List<Types.NestedField> cols = schema.columns();
        this.fields = cols.toArray(new Types.NestedField[0]);
        this.types = new Type.TypeID[fields.length];
        for (int i = 0; i < fields.length; i++) {
            types[i] = fields[i].type().typeId();
        }
        List<Column> stored = dataset.storedColumns();
        this.storedCount = stored.size();
        this.storedPos = new int[storedCount];
        for (int i = 0; i < storedCount; i++) {
            Types.NestedField f = schema.findField(stored.get(i).name());
            storedPos[i] = f == null ? -1 : cols.indexOf(f);
        }
        this.datasetName = dataset.name();
    }

    /** The estimated heap of the record the last conversion made. */
    long lastBytes() {
        return lastBytes;
    }

    Record fromMap(Map<String, ?> row) {
        GenericRecord r = template.copy();
        long bytes = 32 + 8L * fields.length;
        for (int i = 0; i < fields.length; i++) {
            Object v = row.get(fields[i].name());
            if (v != null) {
                Object c = convert(fields[i], types[i], v);
                r.set(i, c);
                bytes += bytes(c);
            }
        }
        lastBytes = bytes;
        return r;
    }

    /**
     * Converts a row given as its values in the dataset's stored-column order; the array is read, not kept.
     *
     * @throws IllegalArgumentException if the array's length is not the number of stored columns, or a value has
     *         the wrong type
     */
    Record fromStored(Object[] values) {
        if (values.length != storedCount) {
            throw new IllegalArgumentException("a row of " + datasetName + " has " + values.length
                    + " values, expected " + storedCount + ", one per stored column in order");
        }
        GenericRecord r = template.copy();
        long bytes = 32 + 8L * fields.length;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            int p = storedPos[i];
            if (v == null || p < 0) {
                continue;
            }
            Object c;
            if (v instanceof String s && types[p] == Type.TypeID.STRING) { // the usual case, first
                c = s.isBlank() ? null : s;
            } else {
                c = convert(fields[p], types[p], v);
            }
            if (c != null) {
                r.set(p, c);
                bytes += bytes(c);
            }
        }
        lastBytes = bytes;
        return r;
    }

    private static long bytes(Object c) {
        return c instanceof String s ? 48 + 2L * s.length() : c == null ? 0 : 24;
    }

    private static Object convert(Types.NestedField f, Type.TypeID t, Object v) {
        if (v instanceof Optional<?> o) {
            return o.isEmpty() ? null : convert(f, t, o.get());
        }
        try {
            return switch (t) {
                case STRING -> {
                    String s = string(v);
                    yield s.isBlank() ? null : s;
                }
                case INTEGER -> ((Number) v).intValue();
                case LONG -> ((Number) v).longValue();
                case DOUBLE -> ((Number) v).doubleValue();
                case BOOLEAN -> (Boolean) v;
                case DATE -> v instanceof DateValue dv ? dv.date() : (LocalDate) v;
                case TIMESTAMP -> v instanceof Instant in ? in.atOffset(ZoneOffset.UTC) : (OffsetDateTime) v;
                default -> throw new IllegalStateException("unexpected column type " + f.type());
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("column " + f.name() + " expects " + f.type() + ", got "
                    + v.getClass().getSimpleName() + " " + v, e);
        }
    }

    private static String string(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Collection<?> coll) {
            TreeSet<String> names = new TreeSet<>();
            for (Object o : coll) {
                names.add(o instanceof Enum<?> e ? e.name() : String.valueOf(o));
            }
            return String.join(";", names);
        }
        return v.toString();
    }

    static Map<String, Object> toMap(Record r) {
        Map<String, Object> m = new HashMap<>();
        List<Types.NestedField> fields = r.struct().fields();
        for (int i = 0; i < fields.size(); i++) {
            Object v = r.get(i);
            if (v instanceof OffsetDateTime odt) {
                v = odt.toInstant();
            }
            if (v != null) {
                m.put(fields.get(i).name(), v);
            }
        }
        return m;
    }

    /** A rough count of the heap a record takes, for the batch's memory budget. */
    static long estimateBytes(Record r) {
        int n = r.size();
        long bytes = 32 + 8L * n;
        for (int i = 0; i < n; i++) {
            bytes += bytes(r.get(i));
        }
        return bytes;
    }
}
