package org.sanhui.ingestion.pipeline;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/**
 * One row's values keyed by column name, held in an array by the dataset's stored-column order, so
 * that a row goes from the row check to the Parquet writer without a hash map (see
 * {@link Sink#write(Map)}). A mutable map like a {@link HashMap}: null values are entries too; keys
 * that are no stored column go to a side map. Not thread-safe.
 */
final class StoredValues extends AbstractMap<String, Object> {

    private static final Map<DatasetSchema, Column[]> COLUMNS = new ConcurrentHashMap<>();

    private final DatasetSchema dataset;
    private final Column[] columns;
    private final Object[] values;
    private final boolean[] present;
    private Map<String, Object> others;

    StoredValues(DatasetSchema dataset) {
        this.dataset = dataset;
        this.columns = COLUMNS.computeIfAbsent(dataset, d -> d.storedColumns().toArray(new Column[0]));
        this.values = new Object[columns.length];
        this.present = new boolean[columns.length];
    }

    DatasetSchema dataset() {
        return dataset;
    }

    /** The values by stored-column index, null where absent; the array itself, not a copy. */
    Object[] array() {
        return values;
    }

    /** Where the next look-up probably is: a record hands its values over in stored-column order. */
    private int hint;

    private int index(Object key) {
        Column[] cs = columns;
        int h = hint;
        if (h < cs.length && cs[h].name() == key) {
            hint = h + 1;
            return h;
        }
        for (int i = 0; i < cs.length; i++) {
            if (cs[i].name() == key) {
                hint = i + 1;
                return i;
            }
        }
        for (int i = 0; i < cs.length; i++) {
            if (cs[i].name().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object get(Object key) {
        int i = index(key);
        if (i >= 0) {
            return values[i];
        }
        return others == null ? null : others.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        int i = index(key);
        if (i >= 0) {
            return present[i];
        }
        return others != null && others.containsKey(key);
    }

    @Override
    public Object put(String key, Object value) {
        int i = index(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = value;
            present[i] = true;
            return old;
        }
        if (others == null) {
            others = new HashMap<>();
        }
        return others.put(key, value);
    }

    @Override
    public Object remove(Object key) {
        int i = index(key);
        if (i >= 0) {
            Object old = values[i];
            values[i] = null;
            present[i] = false;
            return old;
        }
        return others == null ? null : others.remove(key);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                List<Map.Entry<String, Object>> list = new java.util.ArrayList<>();
                for (int i = 0; i < columns.length; i++) {
                    if (present[i]) {
                        list.add(new AbstractMap.SimpleImmutableEntry<>(columns[i].name(), values[i]));
                    }
                }
                if (others != null) {
                    others.forEach((k, v) -> list.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
                }
                Iterator<Map.Entry<String, Object>> it = list.iterator();
                return new Iterator<>() {
                    private Map.Entry<String, Object> last;

                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (!it.hasNext()) {
                            throw new NoSuchElementException();
                        }
                        last = it.next();
                        return last;
                    }

                    @Override
                    public void remove() {
                        if (last == null) {
                            throw new IllegalStateException();
                        }
                        StoredValues.this.remove(last.getKey());
                        last = null;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (boolean p : present) {
                    if (p) {
                        n++;
                    }
                }
                return n + (others == null ? 0 : others.size());
            }
        };
    }
}
