package org.sanhui.reporting.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;

/**
 * Look-ups over the indicator file of the reported period, falling back to the files of earlier periods
 * (last period, same period last year, the trend) when they were found beside it.
 *
 * <p>Immutable; safe to share between the briefings of one run.
 */
public final class Figures {

    private final IndicatorFile current;
    private final Map<String, IndicatorFile> others;
    private final Period period;
    private final Map<String, List<IndicatorRow>> byRegion = new HashMap<>();
    private final List<IndicatorRow> milestones = new ArrayList<>();

    /**
     * Creates the look-ups.
     *
     * @param current the reported period's file, null not permitted
     * @param others files of other periods by period code, null not permitted
     */
    public Figures(IndicatorFile current, Map<String, IndicatorFile> others) {
        this.current = Objects.requireNonNull(current, "current");
        this.others = Map.copyOf(others);
        this.period = Period.parse(current.period());
        for (IndicatorRow r : current.rows()) {
            byRegion.computeIfAbsent(r.regionCode(), k -> new ArrayList<>()).add(r);
            if (r.indicator().startsWith("M1.") && r.period().equals(current.period())) {
                milestones.add(r);
            }
        }
    }

    /**
     * Returns the reported period.
     *
     * @return the period, never null
     */
    public Period period() {
        return period;
    }

    /**
     * Returns the reported period's file.
     *
     * @return the file, never null
     */
    public IndicatorFile file() {
        return current;
    }

    /**
     * Finds a row of the reported period (or of its year, for yearly indicators).
     *
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @param breakdown the breakdown, empty for none
     * @return the row, or empty
     */
    public Optional<IndicatorRow> row(String indicator, String region, String breakdown) {
        Optional<IndicatorRow> r = current.find(indicator, region, breakdown, current.period());
        if (r.isEmpty()) {
            r = current.find(indicator, region, breakdown, Integer.toString(period.year()));
        }
        return r;
    }

    /**
     * Returns the value of a row of the reported period without breakdown.
     *
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @return the value, or null when absent or not computable
     */
    public Double value(String indicator, String region) {
        return row(indicator, region, "").map(IndicatorRow::value).orElse(null);
    }

    /**
     * Returns the value of a row of the reported period with a breakdown.
     *
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @param breakdown the breakdown, null not permitted
     * @return the value, or null
     */
    public Double value(String indicator, String region, String breakdown) {
        return row(indicator, region, breakdown).map(IndicatorRow::value).orElse(null);
    }

    /**
     * Finds a row of another period: in the reported file first, then in that period's own file.
     *
     * @param periodCode the period, null not permitted
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @param breakdown the breakdown, empty for none
     * @return the row, or empty
     */
    public Optional<IndicatorRow> rowAt(String periodCode, String indicator, String region, String breakdown) {
        Optional<IndicatorRow> r = current.find(indicator, region, breakdown, periodCode);
        if (r.isEmpty() && others.containsKey(periodCode)) {
            r = others.get(periodCode).find(indicator, region, breakdown, periodCode);
        }
        return r;
    }

    /**
     * Finds a figure of a period the reported one is compared with. When the reported file says that analytics
     * computed this figure for that period in the same run ({@link IndicatorFile#comparisons()}), only that file
     * is read, never an older output, which may predate a resubmission or a late report; otherwise as
     * {@link #rowAt(String, String, String, String)}.
     *
     * @param periodCode the earlier period, null not permitted
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @return the row without breakdown, or empty
     */
    public Optional<IndicatorRow> earlier(String periodCode, String indicator, String region) {
        if (current.comparisons().map(c -> c.covers(periodCode, indicator)).orElse(false)) {
            return current.find(indicator, region, "", periodCode);
        }
        return rowAt(periodCode, indicator, region, "");
    }

    /**
     * Returns the rows of one indicator at a region whose breakdown has a single key, by that key's value,
     * in file order.
     *
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @param keys the accepted breakdown keys (e.g. {@code group}, {@code target_group}), null not permitted
     * @return value name to row, never null
     */
    public Map<String, IndicatorRow> byBreakdown(String indicator, String region, String... keys) {
        Map<String, IndicatorRow> out = new LinkedHashMap<>();
        for (IndicatorRow r : byRegion.getOrDefault(region, List.of())) {
            if (!r.indicator().equals(indicator) || r.breakdown().isEmpty() || r.breakdown().contains(";")
                    || !isReported(r)) {
                continue;
            }
            int eq = r.breakdown().indexOf('=');
            String k = eq < 0 ? "" : r.breakdown().substring(0, eq);
            for (String want : keys) {
                if (want.equals(k)) {
                    out.putIfAbsent(r.breakdown().substring(eq + 1), r);
                }
            }
        }
        return out;
    }

    private boolean isReported(IndicatorRow r) {
        return r.period().equals(current.period()) || r.period().equals(Integer.toString(period.year()));
    }

    /**
     * Returns the milestone rows (M1) of the reported period, every region.
     *
     * @return the rows, never null
     */
    public List<IndicatorRow> milestones() {
        return java.util.Collections.unmodifiableList(milestones);
    }

    /**
     * Returns every row of a region (all periods and breakdowns) in the reported file.
     *
     * @param region the region code, null not permitted
     * @return the rows, never null
     */
    public List<IndicatorRow> rowsOf(String region) {
        return byRegion.getOrDefault(region, List.of());
    }

    /**
     * Returns the series of an indicator at a region over periods of the reported period's kind (and
     * months), from every file at hand, oldest first.
     *
     * @param indicator the indicator id, null not permitted
     * @param region the region code, null not permitted
     * @param breakdown the breakdown, empty for none
     * @param kind the period kind wanted, null not permitted
     * @return period to value, never null
     */
    public TreeMap<Period, Double> series(String indicator, String region, String breakdown, Period.Kind kind) {
        TreeMap<Period, Double> out = new TreeMap<>();
        List<IndicatorFile> files = new ArrayList<>(others.values());
        files.add(current);
        for (IndicatorFile f : files) {
            for (IndicatorRow r : f == current ? rowsOf(region) : f.rows()) {
                if (r.indicator().equals(indicator) && r.regionCode().equals(region)
                        && r.breakdown().equals(breakdown) && r.value() != null) {
                    Optional<Period> p = Period.tryParse(r.period());
                    if (p.isPresent() && p.get().kind() == kind && !p.get().end().isAfter(period.end())) {
                        out.put(p.get(), r.value());
                    }
                }
            }
        }
        return out;
    }
}
