package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanhui.model.indicator.IndicatorRow;

/** Collects indicator rows, rolling county figures up to the aggregate regions of the scope. */
final class IndicatorSink {

    /** Deterministic order of the table. */
    static final Comparator<IndicatorRow> ORDER = Comparator.comparing(IndicatorRow::period)
            .thenComparing(IndicatorRow::indicator).thenComparing(IndicatorRow::regionCode)
            .thenComparing(IndicatorRow::breakdown);

    private final Regions regions;
    private final Map<String, IndicatorRow> rows = new LinkedHashMap<>();

    IndicatorSink(Regions regions) {
        this.regions = regions;
    }

    void put(String period, String indicator, String region, String breakdown, Long num, Long den, Double value) {
        IndicatorRow r = new IndicatorRow(period, indicator, region, regions.level(region), breakdown, num, den, value);
        rows.put(period + '|' + indicator + '|' + region + '|' + r.breakdown(), r);
    }

    /** A rate per county (num, den) and its sums over the aggregates. Counties absent count 0/0. */
    void rates(String period, String indicator, String breakdown, Map<String, long[]> perCounty) {
        for (Map.Entry<String, long[]> e : perCounty.entrySet()) {
            long[] v = e.getValue();
            put(period, indicator, e.getKey(), breakdown, v[0], v[1], v[1] == 0 ? null : (double) v[0] / v[1]);
        }
        for (String a : regions.aggregates()) {
            long n = 0;
            long d = 0;
            for (String c : regions.countiesOf.get(a)) {
                long[] v = perCounty.get(c);
                if (v != null) {
                    n += v[0];
                    d += v[1];
                }
            }
            put(period, indicator, a, breakdown, n, d, d == 0 ? null : (double) n / d);
        }
    }

    /** A count per county and its sums over the aggregates. */
    void counts(String period, String indicator, String breakdown, Map<String, Long> perCounty) {
        for (Map.Entry<String, Long> e : perCounty.entrySet()) {
            put(period, indicator, e.getKey(), breakdown, null, null, (double) e.getValue());
        }
        for (String a : regions.aggregates()) {
            long n = 0;
            for (String c : regions.countiesOf.get(a)) {
                n += perCounty.getOrDefault(c, 0L);
            }
            put(period, indicator, a, breakdown, null, null, (double) n);
        }
    }

    /**
     * A count per county and its sums over the aggregates, where the counties in {@code unknown} have no count:
     * their rows, and those of every aggregate containing one, get a null value.
     */
    void countsUnknownIn(String period, String indicator, String breakdown, Map<String, Long> perCounty,
            java.util.Set<String> unknown) {
        for (Map.Entry<String, Long> e : perCounty.entrySet()) {
            put(period, indicator, e.getKey(), breakdown, null, null,
                    unknown.contains(e.getKey()) ? null : (double) e.getValue());
        }
        for (String c : unknown) {
            put(period, indicator, c, breakdown, null, null, null);
        }
        for (String a : regions.aggregates()) {
            long n = 0;
            boolean known = true;
            for (String c : regions.countiesOf.get(a)) {
                known &= !unknown.contains(c);
                n += perCounty.getOrDefault(c, 0L);
            }
            put(period, indicator, a, breakdown, null, null, known ? (double) n : null);
        }
    }

    List<IndicatorRow> rows() {
        List<IndicatorRow> out = new ArrayList<>(rows.values());
        out.sort(ORDER);
        return out;
    }
}
