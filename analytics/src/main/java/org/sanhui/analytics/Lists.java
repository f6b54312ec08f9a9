package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lists of DOMAIN.md section 4, each a table with fixed, typed, snake_case columns
 * ({@link #SPECS}); rows are flat maps.
 */
final class Lists {

    /** A list column's type. */
    enum Type { STRING, LONG, DOUBLE, BOOLEAN }

    /** The columns of every list, in order. */
    static final Map<String, Map<String, Type>> SPECS = new LinkedHashMap<>();

    static {
        spec("counties_missing_kinds", "county_code", "county_name", "city_code", "kind", "reason", "reported:B");
        spec("inactive", "org_key", "org_name", "county_code", "kind", "reason", "established",
                "activities_by_period");
        spec("dormant", "org_key", "org_name", "county_code", "kind", "reason", "established",
                "activities_by_period");
        spec("unknown_activity", "org_key", "org_name", "county_code", "kind", "reason", "missing_periods");
        spec("rectifying", "org_key", "org_name", "county_code", "kind", "reason", "established");
        spec("exit_candidates", "org_key", "org_name", "county_code", "kind", "reason", "leader_name", "grades",
                "serious:B");
        spec("seconded_ending", "org_key", "org_name", "county_code", "kind", "reason", "role", "start_date",
                "end_date");
        spec("late_submissions", "county_code", "county_name", "period", "reason", "filing_date", "days_late:L");
        spec("missing_submissions", "county_code", "county_name", "period", "reason", "last_period");
        spec("outliers", "org_key", "org_name", "county_code", "kind", "reason", "measure", "value:D", "median:D",
                "mad:D", "z_score:D");
    }

    private static void spec(String name, String... cols) {
        Map<String, Type> m = new LinkedHashMap<>();
        for (String c : cols) {
            int i = c.indexOf(':');
            if (i < 0) {
                m.put(c, Type.STRING);
            } else {
                m.put(c.substring(0, i), switch (c.charAt(i + 1)) {
                    case 'B' -> Type.BOOLEAN;
                    case 'L' -> Type.LONG;
                    default -> Type.DOUBLE;
                });
            }
        }
        SPECS.put(name, m);
    }

    private final Map<String, List<Map<String, Object>>> rows = new TreeMap<>();

    Lists() {
        for (String n : SPECS.keySet()) {
            rows.put(n, new ArrayList<>());
        }
    }

    /** Adds a row given as alternating key, value. */
    void add(String list, Object... kv) {
        Map<String, Type> spec = SPECS.get(list);
        if (spec == null) {
            throw new IllegalStateException("no list " + list + ", expected one of " + SPECS.keySet());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (String c : spec.keySet()) {
            row.put(c, null);
        }
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            if (!spec.containsKey(k)) {
                throw new IllegalStateException("list " + list + " has no column " + k + ", expected one of " + spec.keySet());
            }
            Object v = kv[i + 1];
            if (v instanceof Double d) {
                v = org.sanhui.model.indicator.IndicatorRow.round9(d);
            }
            row.put(k, v);
        }
        rows.get(list).add(row);
    }

    /** The lists, each sorted by its columns' text. */
    Map<String, List<Map<String, Object>>> sorted() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        Comparator<Map<String, Object>> cmp = (a, b) -> key(a).compareTo(key(b));
        for (Map.Entry<String, List<Map<String, Object>>> e : rows.entrySet()) {
            List<Map<String, Object>> l = new ArrayList<>(e.getValue());
            l.sort(cmp);
            out.put(e.getKey(), l);
        }
        return out;
    }

    private static String key(Map<String, Object> row) {
        StringBuilder sb = new StringBuilder();
        for (Object v : row.values()) {
            sb.append(v == null ? "" : v.toString()).append('\u0001');
        }
        return sb.toString();
    }
}
