package org.sanhui.ingestion.iceberg;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Converts rows between sanhui's maps (String, Integer, Long, Double, Boolean, LocalDate, Instant; enums by name)
 * and Iceberg's generic records (timestamps as {@link OffsetDateTime} in UTC). Blank strings are stored as null; keys
 * that are not stored columns (an input-only column such as a phone number) are ignored, as the Parquet writer did.
 */
final class RowValues {

    private RowValues() {
    }

    static Record toRecord(Schema schema, Map<String, ?> row) {
        GenericRecord r = GenericRecord.create(schema);
        List<Types.NestedField> fields = schema.columns();
        for (int i = 0; i < fields.size(); i++) {
            Types.NestedField f = fields.get(i);
            Object v = row.get(f.name());
            r.set(i, v == null ? null : convert(f, v));
        }
        return r;
    }

    private static Object convert(Types.NestedField f, Object v) {
        if (v instanceof Optional<?> o) {
            return o.isEmpty() ? null : convert(f, o.get());
        }
        Type.TypeID t = f.type().typeId();
        try {
            return switch (t) {
                case STRING -> {
                    String s = v instanceof Enum<?> e ? e.name() : v.toString();
                    yield s.isBlank() ? null : s;
                }
                case INTEGER -> ((Number) v).intValue();
                case LONG -> ((Number) v).longValue();
                case DOUBLE -> ((Number) v).doubleValue();
                case BOOLEAN -> (Boolean) v;
                case DATE -> (LocalDate) v;
                case TIMESTAMP -> v instanceof Instant in ? in.atOffset(ZoneOffset.UTC) : (OffsetDateTime) v;
                default -> throw new IllegalStateException("unexpected column type " + f.type());
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("column " + f.name() + " expects " + f.type() + ", got "
                    + v.getClass().getSimpleName() + " " + v, e);
        }
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
            Object v = r.get(i);
            if (v instanceof String s) {
                bytes += 48 + 2L * s.length();
            } else if (v != null) {
                bytes += 24;
            }
        }
        return bytes;
    }
}
