package org.sanhui.ingestion.warehouse;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/**
 * Writes rows given as {@code Object[]} in the order of a dataset's stored columns straight to
 * Parquet's record consumer: no intermediate Group objects. Nulls are left out (all columns optional).
 * Accepted values: String, Number, Boolean, LocalDate (DATE), Instant (TIMESTAMP), an Enum (its name),
 * a Collection (sorted names joined by ';').
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private final DatasetSchema dataset;
    private final MessageType schema;
    private final Column[] columns;
    private RecordConsumer out;

    RowWriteSupport(DatasetSchema dataset) {
        this.dataset = dataset;
        this.schema = ParquetSchemas.of(dataset);
        List<Column> stored = dataset.storedColumns();
        this.columns = stored.toArray(new Column[0]);
        this.cache = newCaches();
        this.noCache = noCacheColumns();
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        out.startMessage();
        for (int i = 0; i < columns.length; i++) {
            Object v = row[i];
            if (v == null) {
                continue;
            }
            Column c = columns[i];
            out.startField(c.name(), i);
            switch (c.type()) {
                case STRING -> out.addBinary(binary(i, string(v)));
                case INT -> out.addInteger(((Number) v).intValue());
                case LONG -> out.addLong(((Number) v).longValue());
                case DOUBLE -> out.addDouble(((Number) v).doubleValue());
                case BOOLEAN -> out.addBoolean((Boolean) v);
                case DATE -> out.addInteger((int) ((LocalDate) v).toEpochDay());
                case TIMESTAMP -> {
                    Instant t = (Instant) v;
                    out.addLong(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
                }
            }
            out.endField(c.name(), i);
        }
        out.endMessage();
    }

    // Most string columns repeat a few values (ids, enum names, provenance): encode each once.
    private final java.util.Map<String, Binary>[] cache;
    private final boolean[] noCache;

    @SuppressWarnings("unchecked")
    private java.util.Map<String, Binary>[] newCaches() {
        java.util.Map<String, Binary>[] c = new java.util.Map[columns.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = new java.util.HashMap<>();
        }
        return c;
    }

    private boolean[] noCacheColumns() {
        boolean[] b = new boolean[columns.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = columns[i].name().equals(org.sanhui.model.schema.Datasets.TITLE);
        }
        return b;
    }

    private Binary binary(int col, String s) {
        if (noCache[col] || s.length() > 64) {
            return Binary.fromString(s);
        }
        java.util.Map<String, Binary> m = cache[col];
        Binary b = m.get(s);
        if (b == null) {
            b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (m.size() < 4096) {
                m.put(s, b);
            } else {
                noCache[col] = true;
            }
        }
        return b;
    }

    static String string(Object v) {
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
        return String.valueOf(v);
    }

    @Override
    public String getName() {
        return "sanhui-" + dataset.name();
    }
}
