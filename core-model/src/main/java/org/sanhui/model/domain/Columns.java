package org.sanhui.model.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered, null-tolerant value maps of {@link DatasetRecord#values()}. */
final class Columns {

    private final Map<String, Object> map = new LinkedHashMap<>();

    Columns put(String column, Object value) {
        map.put(column, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    Map<String, Object> build() {
        return Collections.unmodifiableMap(map);
    }
}
