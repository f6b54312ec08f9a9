package org.sanhui.model.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.sanhui.model.value.Text;

/**
 * Parses cells into domain enums by English name, Chinese label or alias.
 *
 * <p>Matching ignores case, white space (half- and full-width) and full-width forms, so
 * {@code "县（区）科协"} and {@code "县(区)科协"} both give {@link OrgKind#COUNTY_KEXIE}.
 */
public final class Vocabulary {

    private static final Map<Class<?>, Map<String, Object>> INDEX = new ConcurrentHashMap<>();
    /** Cells already parsed, as written, per vocabulary: a sheet repeats a few spellings on every row. Bounded. */
    private static final ClassValue<Map<String, Object>> SEEN = new ClassValue<>() {
        @Override
        protected Map<String, Object> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };
    private static final int MAX_SEEN = 4096;
    private static final Object UNKNOWN = new Object();

    private Vocabulary() {
    }

    /**
     * Parses a cell into a value of the enum.
     *
     * @param type the enum class, null not permitted
     * @param cell the raw cell text, may be null
     * @param <E> the enum type
     * @return the value, or empty when the cell matches nothing (blank cells included)
     */
    public static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        Map<String, Object> seen = SEEN.get(type);
        Object hit = seen.get(cell);
        if (hit == null) {
            String key = key(cell);
            hit = key.isEmpty() ? null : INDEX.computeIfAbsent(type, Vocabulary::index).get(key);
            if (hit == null) {
                hit = UNKNOWN;
            }
            if (seen.size() < MAX_SEEN) {
                seen.put(cell, hit);
            }
        }
        return hit == UNKNOWN ? Optional.empty() : Optional.of(type.cast(hit));
    }

    /**
     * Lists every accepted spelling of the enum's values, label first, for messages and templates.
     *
     * @param type the enum class, null not permitted
     * @param <E> the enum type
     * @return the labels of every value in declaration order, never null
     */
    public static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        List<String> out = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            out.add(e.label());
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, Object> index(Class<?> type) {
        Map<String, Object> map = new HashMap<>();
        for (Object o : type.getEnumConstants()) {
            Labelled l = (Labelled) o;
            map.putIfAbsent(key(l.name()), o);
            map.putIfAbsent(key(l.label()), o);
            for (String a : l.aliases()) {
                map.putIfAbsent(key(a), o);
            }
        }
        return Map.copyOf(map);
    }

    private static String key(String s) {
        return Text.normalizeAll(s).replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
