package org.sanhui.analytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Analyzer#run(AnalyzeOptions)} wrote.
 *
 * @param output the output directory {@code WAREHOUSE/indicators/<P>}, never null
 * @param json the indicator JSON file, never null
 * @param scope the scope analysed, never null
 * @param indicatorRows the number of indicator rows
 * @param listRows rows per list name, never null
 * @param wallTime the wall time of the run, never null
 * @param warnings warnings (e.g. chi-square expected counts below 5), never null
 * @param timings time per step (coverage, grades, submissions, activity: reading and computing; composite;
 *     write), in run order, never null
 */
public record AnalyzeResult(Path output, Path json, String scope, long indicatorRows, Map<String, Long> listRows,
        Duration wallTime, java.util.List<String> warnings, Map<String, Duration> timings) {

    /** Copies. */
    public AnalyzeResult {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(json, "json");
        listRows = Map.copyOf(listRows);
        warnings = java.util.List.copyOf(warnings);
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }
}
