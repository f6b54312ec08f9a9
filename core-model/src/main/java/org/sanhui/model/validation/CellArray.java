package org.sanhui.model.validation;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The raw cells of one row as an immutable map from column name to text, backed by two arrays: the
 * column names (shared by every row of a sheet) and the row's texts, in the same order. It spares a
 * reader the hash map per row; {@link RawRow} takes it without copying.
 *
 * <p>A null text means the column is absent. When a name occurs more than once, the last non-null
 * text wins, as if the pairs had been put into a map in order, skipping nulls.
 */
public final class CellArray extends AbstractMap<String, String> {

    private final String[] names;
    private final String[] texts;

    /**
     * Wraps the arrays, which the caller must not change afterwards.
     *
     * @param names the column names, no null element, null not permitted
     * @param texts the texts by the same index, null elements allowed, null not permitted; as long as names
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public CellArray(String[] names, String[] texts) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(texts, "texts");
        if (names.length != texts.length) {
            throw new IllegalArgumentException("names and texts differ in length: " + names.length + " and "
                    + texts.length + ", expected one text per name");
        }
        this.names = names;
        this.texts = texts;
    }

    @Override
    public String get(Object key) {
        for (int i = names.length - 1; i >= 0; i--) {
            if (texts[i] != null && names[i] == key) {
                return texts[i];
            }
        }
        if (!(key instanceof String)) {
            return null;
        }
        for (int i = names.length - 1; i >= 0; i--) {
            if (texts[i] != null && names[i].equals(key)) {
                return texts[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Whether index i holds the text the map shows for its name (non-null, not overridden later). */
    private boolean shown(int i) {
        if (texts[i] == null) {
            return false;
        }
        for (int j = i + 1; j < names.length; j++) {
            if (texts[j] != null && names[j].equals(names[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int i = from;
                        while (i < names.length && !shown(i)) {
                            i++;
                        }
                        return i;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < names.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= names.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(names[next], texts[next]);
                        next = advance(next + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                int n = 0;
                for (int i = 0; i < names.length; i++) {
                    if (shown(i)) {
                        n++;
                    }
                }
                return n;
            }
        };
    }
}
