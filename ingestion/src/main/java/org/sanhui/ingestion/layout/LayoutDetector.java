package org.sanhui.ingestion.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.Text;

/**
 * Finds the header of a sheet among its first rows and maps its columns to a dataset's columns, using
 * the headers core-model declares for each column (canonical, variants, English names).
 *
 * <p>A header is one row, or two rows where the upper holds group cells merged across the lower's
 * sub-headers ("负责人" over "姓名 | 职务"): a blank upper cell to the right of a group cell, over a
 * non-blank lower cell, belongs to that group, and the pair is matched as "负责人/姓名", then
 * "负责人姓名", then "姓名". Columns may come in any order; 序号 and 备注 are ignored; other unmatched
 * headers are reported as unknown.
 */
public final class LayoutDetector {

    /** How many leading rows are searched for the header. */
    public static final int SEARCH_ROWS = 30;

    private static final Set<String> IGNORED = Set.of("序号", "编号序", "no", "no.", "备注", "说明", "index", "#");

    private LayoutDetector() {
    }

    /** One buffered row: its 1-based number and cells. */
    public record Line(int row, String[] cells) {
    }

    /**
     * Finds the dataset a sheet name stands for, by the sheet names core-model declares (contained in
     * the name, so "640104_2024Q3_活动记录" is activities).
     *
     * @param sheetName the sheet or file name, null not permitted
     * @return the dataset, or empty
     */
    public static Optional<DatasetSchema> datasetForSheet(String sheetName) {
        String key = HeaderText.key(sheetName);
        DatasetSchema best = null;
        int bestLen = 0;
        for (DatasetSchema d : Datasets.INPUTS) {
            for (String s : d.sheets()) {
                String k = HeaderText.key(s);
                if (key.contains(k) && k.length() > bestLen) {
                    best = d;
                    bestLen = k.length();
                }
            }
            String en = d.name();
            if (key.equals(en) || key.endsWith("_" + en) || key.endsWith("-" + en)) {
                best = d;
                bestLen = Integer.MAX_VALUE;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Detects the layout of a sheet from its first rows.
     *
     * @param lines the first rows (up to {@link #SEARCH_ROWS}), in order, never null
     * @param candidates the datasets the sheet may hold (one when its name says), never null or empty
     * @return the layout, or empty when no row looks like a header of any candidate
     */
    public static Optional<SheetLayout> detect(List<Line> lines, List<DatasetSchema> candidates) {
        SheetLayout best = null;
        int bestScore = 1;
        int limit = Math.min(lines.size(), SEARCH_ROWS);
        for (int i = 0; i < limit; i++) {
            for (DatasetSchema d : candidates) {
                Match one = match(d, lines.get(i).cells(), null);
                if (one.score() > bestScore) {
                    bestScore = one.score();
                    best = layout(d, lines, i, i, one);
                }
                if (i + 1 < lines.size()) {
                    Match two = match(d, lines.get(i).cells(), lines.get(i + 1).cells());
                    if (two.upperUsed() > 0 && two.score() > bestScore && two.score() > one.score()) {
                        bestScore = two.score();
                        best = layout(d, lines, i, i + 1, two);
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private record Match(int score, Map<Integer, Column> columns, Map<Integer, String> headers, List<Integer> unknown,
            int upperUsed) {
    }

    private static SheetLayout layout(DatasetSchema d, List<Line> lines, int first, int last, Match m) {
        List<String> titles = new ArrayList<>();
        for (int k = 0; k < first; k++) {
            StringBuilder b = new StringBuilder();
            for (String c : lines.get(k).cells()) {
                if (c != null && !c.isBlank()) {
                    b.append(b.length() > 0 ? " " : "").append(c.strip());
                }
            }
            if (b.length() > 0) {
                titles.add(b.toString());
            }
        }
        Set<String> found = new HashSet<>();
        m.columns().values().forEach(c -> found.add(c.name()));
        List<Column> missing = new ArrayList<>();
        for (Column c : d.columns()) {
            if (c.required() && c.input() && !found.contains(c.name())) {
                missing.add(c);
            }
        }
        return new SheetLayout(d, lines.get(first).row(), lines.get(last).row(), m.columns(), m.headers(), m.unknown(),
                missing, titles);
    }

    private static Match match(DatasetSchema d, String[] upper, String[] lower) {
        Map<String, Column> index = index(d);
        int width = Math.max(upper.length, lower == null ? 0 : lower.length);
        Map<Integer, Column> cols = new TreeMap<>();
        Map<Integer, String> headers = new HashMap<>();
        List<Integer> unknown = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int upperUsed = 0;
        String group = null;
        for (int c = 0; c < width; c++) {
            String up = c < upper.length ? blankToNull(upper[c]) : null;
            String low = lower == null || c >= lower.length ? null : blankToNull(lower[c]);
            List<String> tries = new ArrayList<>(3);
            String written;
            if (lower == null) {
                if (up == null) {
                    continue;
                }
                tries.add(up);
                written = up;
            } else {
                if (up != null) {
                    group = low != null ? up : null;
                } else if (low == null) {
                    group = null;
                }
                if (low == null) {
                    if (up == null) {
                        continue;
                    }
                    tries.add(up);
                    written = up;
                } else if (group != null) {
                    tries.add(group + "/" + low);
                    tries.add(group + low);
                    tries.add(low);
                    written = Text.normalize(group) + "/" + Text.normalize(low);
                } else {
                    tries.add(low);
                    written = low;
                }
            }
            Column hit = null;
            for (int k = 0; k < tries.size(); k++) {
                Column col = index.get(HeaderText.key(tries.get(k)));
                if (col != null && !used.contains(col.name())) {
                    hit = col;
                    boolean viaLowerAlone = lower != null && low != null && k == tries.size() - 1;
                    if (lower != null && !viaLowerAlone) {
                        upperUsed++;
                    }
                    break;
                }
            }
            headers.put(c, Text.normalize(written));
            if (hit != null) {
                used.add(hit.name());
                cols.put(c, hit);
            } else if (!IGNORED.contains(HeaderText.key(written)) && !IGNORED.contains(HeaderText.key(tries.get(tries.size() - 1)))) {
                unknown.add(c);
            }
        }
        return new Match(cols.size(), new LinkedHashMap<>(cols), headers, unknown, upperUsed);
    }

    private static final Map<DatasetSchema, Map<String, Column>> INDEX = new java.util.concurrent.ConcurrentHashMap<>();

    private static Map<String, Column> index(DatasetSchema d) {
        return INDEX.computeIfAbsent(d, ds -> {
            Map<String, Column> m = new HashMap<>();
            for (Column c : ds.columns()) {
                if (!c.input()) {
                    continue;
                }
                for (String h : c.headers()) {
                    m.putIfAbsent(HeaderText.key(h), c);
                }
            }
            for (Column c : ds.columns()) {
                if (c.input()) {
                    m.putIfAbsent(HeaderText.key(c.name()), c);
                }
            }
            return m;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
