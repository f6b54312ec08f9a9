package org.sanhui.reporting.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.reporting.ReportException;

/**
 * One indicator file as analytics writes it ({@code indicators-<P>.json}, DOMAIN.md section 6): the
 * period, the scope, the long table of {@link IndicatorRow}s and the named lists.
 *
 * <p>Immutable once read. Rows are indexed by (indicator, region, breakdown, period).
 */
public final class IndicatorFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path path;
    private final String period;
    private final String scope;
    private final String generatedAt;
    private final List<IndicatorRow> rows;
    private final Map<String, List<Map<String, Object>>> lists;
    private final Map<String, IndicatorRow> index;
    private final Comparisons comparisons;

    /**
     * The file's {@code comparisons} block: the periods the reported one is compared with and the figures that
     * analytics computed for them in the same run (rows of those periods in this file).
     *
     * @param previous the period before, e.g. {@code 2024Q3}, never null
     * @param yearAgo the same period a year before, e.g. {@code 2023Q4}, never null
     * @param indicators the indicator ids written for both, never null
     */
    public record Comparisons(String previous, String yearAgo, List<String> indicators) {

        /** Checks and copies. */
        public Comparisons {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(yearAgo, "yearAgo");
            indicators = List.copyOf(indicators);
        }

        /**
         * Tells whether the file holds this indicator for this period as a comparison figure.
         *
         * @param periodCode the period, null not permitted
         * @param indicator the indicator id, null not permitted
         * @return true when analytics computed it for the comparison
         */
        public boolean covers(String periodCode, String indicator) {
            return (previous.equals(periodCode) || yearAgo.equals(periodCode)) && indicators.contains(indicator);
        }
    }

    private IndicatorFile(Path path, String period, String scope, String generatedAt, List<IndicatorRow> rows,
            Map<String, List<Map<String, Object>>> lists, Comparisons comparisons) {
        this.comparisons = comparisons;
        this.path = path;
        this.period = period;
        this.scope = scope;
        this.generatedAt = generatedAt;
        this.rows = List.copyOf(rows);
        this.lists = lists;
        Map<String, IndicatorRow> idx = new HashMap<>(rows.size() * 2);
        for (IndicatorRow r : rows) {
            idx.put(key(r.indicator(), r.regionCode(), r.breakdown(), r.period()), r);
        }
        this.index = idx;
    }

    private static String key(String indicator, String region, String breakdown, String period) {
        return indicator + '\u0000' + region + '\u0000' + breakdown + '\u0000' + period;
    }

    /**
     * Reads an indicator file.
     *
     * @param path the JSON file, null not permitted
     * @return the file's content, never null
     * @throws ReportException if the file is missing or not an indicator file
     */
    public static IndicatorFile read(Path path) {
        Objects.requireNonNull(path, "path");
        if (!Files.isRegularFile(path)) {
            throw new ReportException("indicator file not found: " + path
                    + "; run analytics for the period first (sanhui run --period P)");
        }
        try (InputStream in = Files.newInputStream(path);
                JsonParser p = new JsonFactory(MAPPER).createParser(in)) {
            return parse(path, p);
        } catch (IOException e) {
            throw new ReportException("cannot read indicator file " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a file's content in memory (tests, benchmarks).
     *
     * @param period the period code, null not permitted
     * @param scope the scope's region code, null not permitted
     * @param rows the rows, null not permitted
     * @param lists the lists by name, null not permitted
     * @return the content, never null
     */
    public static IndicatorFile of(String period, String scope, List<IndicatorRow> rows,
            Map<String, List<Map<String, Object>>> lists) {
        return new IndicatorFile(null, period, scope, "", rows, new LinkedHashMap<>(lists), null);
    }

    @SuppressWarnings("unchecked")
    private static IndicatorFile parse(Path path, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ReportException(path + " is not an indicator file: expected a JSON object");
        }
        String period = null;
        String scope = null;
        String generatedAt = "";
        List<IndicatorRow> rows = new ArrayList<>();
        Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
        Comparisons comparisons = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "period" -> period = p.getValueAsString();
                case "scope" -> scope = p.getValueAsString();
                case "generated_at" -> generatedAt = p.getValueAsString("");
                case "indicators" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        throw new ReportException(path + ": \"indicators\" must be an array");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        rows.add(row(path, p.readValueAs(Map.class)));
                    }
                }
                case "lists" -> {
                    Map<String, Object> raw = p.readValueAs(Map.class);
                    if (raw != null) {
                        raw.forEach((k, v) -> lists.put(k, v instanceof List<?> l ? (List<Map<String, Object>>) l
                                : List.of()));
                    }
                }
                case "comparisons" -> comparisons = comparisons(path, p.readValueAs(Map.class));
                default -> p.skipChildren();
            }
        }
        if (period == null || scope == null) {
            throw new ReportException(path + " is not an indicator file: \"period\" and \"scope\" are required");
        }
        return new IndicatorFile(path, period, scope, generatedAt, rows, lists, comparisons);
    }

    private static Comparisons comparisons(Path path, Map<?, ?> m) {
        if (m == null) {
            return null;
        }
        if (!(m.get("previous") instanceof String prev) || !(m.get("year_ago") instanceof String ago)
                || !(m.get("indicators") instanceof List<?> ids)) {
            throw new ReportException(path + ": bad \"comparisons\" block " + m
                    + "; expected {\"previous\": period, \"year_ago\": period, \"indicators\": [ids]}");
        }
        return new Comparisons(prev, ago, ids.stream().map(String::valueOf).toList());
    }

    private static IndicatorRow row(Path path, Map<?, ?> m) {
        try {
            return new IndicatorRow(str(m.get("period")), str(m.get("indicator")), str(m.get("region_code")),
                    RegionLevel.valueOf(str(m.get("region_level"))), str(m.get("breakdown")),
                    lng(m.get("numerator")), lng(m.get("denominator")), dbl(m.get("value")));
        } catch (RuntimeException e) {
            throw new ReportException(path + ": bad indicator row " + m + " (" + e.getMessage()
                    + "); expected period, indicator, region_code, region_level (NATION, PROVINCE, CITY, COUNTY, "
                    + "TOWNSHIP), breakdown, numerator, denominator, value", e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Long lng(Object o) {
        return o instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    private static Double dbl(Object o) {
        return o instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
    }

    /**
     * Returns the file this was read from.
     *
     * @return the path, or null for content built in memory
     */
    public Path path() {
        return path;
    }

    /**
     * Returns the period code, e.g. {@code 2024Q4}.
     *
     * @return the period, never null
     */
    public String period() {
        return period;
    }

    /**
     * Returns the scope's region code ({@code 64}, or {@code 00} for the country).
     *
     * @return the scope, never null
     */
    public String scope() {
        return scope;
    }

    /**
     * Returns when analytics wrote the file (not used in any figure).
     *
     * @return the timestamp as written, never null
     */
    public String generatedAt() {
        return generatedAt;
    }

    /**
     * Returns the comparisons block, absent in files written before analytics computed the comparison figures.
     *
     * @return the block, or empty
     */
    public Optional<Comparisons> comparisons() {
        return Optional.ofNullable(comparisons);
    }

    /**
     * Returns every row.
     *
     * @return the rows, never null
     */
    public List<IndicatorRow> rows() {
        return rows;
    }

    /**
     * Returns a list's rows (flat objects with snake_case keys).
     *
     * @param name the list name, e.g. {@code exit_candidates}
     * @return the rows, never null, empty if the file has no such list
     */
    public List<Map<String, Object>> list(String name) {
        return lists.getOrDefault(name, List.of());
    }

    /**
     * Returns the names of the lists present.
     *
     * @return the names in file order, never null
     */
    public List<String> listNames() {
        return List.copyOf(lists.keySet());
    }

    /**
     * Finds one row.
     *
     * @param indicator the indicator id with suffix, null not permitted
     * @param region the region code, null not permitted
     * @param breakdown the breakdown, empty for none, null not permitted
     * @param period the row's period, null not permitted
     * @return the row, or empty
     */
    public Optional<IndicatorRow> find(String indicator, String region, String breakdown, String period) {
        return Optional.ofNullable(index.get(key(indicator, region, breakdown, period)));
    }
}
