package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.period.Period;

/** G1-G5: grades, transitions, exit candidates, homogeneity across cities, civil-affairs ratings. */
final class GradeFamily {

    static final String NOT_EVALUATED = "NOT_EVALUATED";
    static final List<String> CATEGORIES = List.of("A", "B", "C", NOT_EVALUATED);

    /** Per county, R1's grade component: sum of grade scores and graded societies, latest graded year. */
    final Map<String, double[]> gradeScoreByCounty = new TreeMap<>();

    private final Context ctx;

    GradeFamily(Context ctx) {
        this.ctx = ctx;
    }

    void compute() {
        for (int y : ctx.gradeYears) {
            g1(y);
        }
        g2();
        g3();
        if (!ctx.gradeYears.isEmpty()) {
            g4(ctx.gradeYears.last());
            r1Grades(ctx.gradeYears.last());
        }
        g5();
    }

    /** A society of a year's population: its key and kind. */
    record Society(String key, OrgKind kind) {
    }

    /**
     * A year's population of societies by county, and the counties whose population is their graded societies
     * because they had no organisation snapshot at the year's end (their NOT_EVALUATED count is unknown).
     */
    record Population(Map<String, List<Society>> byCounty, Set<String> gradedOnly) {
    }

    private final Map<Integer, Population> populations = new HashMap<>();

    /**
     * The societies of a year, by county: those existing at the year's end (at P's end in P's year) in the
     * county's snapshot at that date; for a county with grades that year but no snapshot then (its first
     * submission came later), the societies graded that year, each with the kind of its evaluation row.
     */
    private Population population(int year) {
        return populations.computeIfAbsent(year, y -> {
            LocalDate cut = y >= ctx.p.year() ? ctx.p.end() : LocalDate.of(y, 12, 31);
            Map<String, List<Records.Org>> snap = y >= ctx.p.year() ? ctx.snap : ctx.facts.orgSnapshot(cut);
            Map<String, List<Society>> graded = new TreeMap<>();
            for (Map.Entry<String, Map<Integer, String>> e : ctx.grades.entrySet()) {
                OrgKind k = ctx.gradedKinds.getOrDefault(e.getKey(), Map.of()).get(y);
                if (e.getValue().containsKey(y) && Context.SOCIETIES.contains(k)
                        && Regions.countyOf(e.getKey()) != null) {
                    graded.computeIfAbsent(Regions.countyOf(e.getKey()), c -> new ArrayList<>())
                            .add(new Society(e.getKey(), k));
                }
            }
            Map<String, List<Society>> out = new TreeMap<>();
            Set<String> gradedOnly = new TreeSet<>();
            for (String c : ctx.regions.counties) {
                List<Society> l = new ArrayList<>();
                if (snap.containsKey(c)) {
                    for (Records.Org o : snap.get(c)) {
                        if (Context.SOCIETIES.contains(o.kind()) && o.existsAt(cut)) {
                            l.add(new Society(o.key(), o.kind()));
                        }
                    }
                } else if (graded.containsKey(c)) {
                    l.addAll(graded.get(c));
                    l.sort(java.util.Comparator.comparing(Society::key));
                    gradedOnly.add(c);
                }
                out.put(c, l);
            }
            return new Population(out, gradedOnly);
        });
    }

    private String grade(String key, int year) {
        Map<Integer, String> g = ctx.grades.get(key);
        String v = g == null ? null : g.get(year);
        return v == null ? NOT_EVALUATED : v;
    }

    /**
     * G1: counts of societies by grade (value = count; the generator's truth uses the same convention).
     * NOT_EVALUATED is null for a county whose population is its graded societies, and for every region
     * containing one.
     */
    private void g1(int year) {
        String ys = Period.year(year).toString();
        Population u = population(year);
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String cat : CATEGORIES) {
            counts.put(cat + "|", new TreeMap<>());
        }
        for (String c : ctx.regions.counties) {
            for (String cat : CATEGORIES) {
                counts.get(cat + "|").put(c, 0L);
            }
            for (Society o : u.byCounty().get(c)) {
                String g = grade(o.key(), year);
                counts.get(g + "|").merge(c, 1L, Long::sum);
                for (String cat : CATEGORIES) {
                    counts.computeIfAbsent(cat + "|kind=" + o.kind().name(), k -> new TreeMap<>());
                }
                counts.get(g + "|kind=" + o.kind().name()).merge(c, 1L, Long::sum);
            }
        }
        for (Map.Entry<String, Map<String, Long>> e : counts.entrySet()) {
            int bar = e.getKey().indexOf('|');
            String cat = e.getKey().substring(0, bar);
            String breakdown = e.getKey().substring(bar + 1);
            if (cat.equals(NOT_EVALUATED)) {
                ctx.sink.countsUnknownIn(ys, "G1." + cat, breakdown, e.getValue(), u.gradedOnly());
            } else {
                ctx.sink.counts(ys, "G1." + cat, breakdown, e.getValue());
            }
        }
        if (!u.gradedOnly().isEmpty()) {
            ctx.warnings.add("G1 " + year + ": no organisation snapshot at " + (year >= ctx.p.year() ? ctx.p.end()
                    : LocalDate.of(year, 12, 31)) + " for " + u.gradedOnly().size() + " counties with grades ("
                    + String.join(", ", u.gradedOnly()) + "): their societies are those graded in " + year
                    + ", and G1.NOT_EVALUATED is null for them and for the regions containing them");
        }
    }

    private void g2() {
        for (int y : ctx.gradeYears) {
            if (!ctx.gradeYears.contains(y - 1)) {
                continue;
            }
            Map<String, Map<String, long[]>> byPair = new TreeMap<>();
            for (Map.Entry<String, Map<Integer, String>> e : ctx.grades.entrySet()) {
                String from = e.getValue().get(y - 1);
                String to = e.getValue().get(y);
                String c = Regions.countyOf(e.getKey());
                if (from == null || to == null || c == null || !ctx.regions.levels.containsKey(c)) {
                    continue;
                }
                for (String t : List.of("A", "B", "C")) {
                    long[] v = byPair.computeIfAbsent(from + "_" + t, k -> new TreeMap<>())
                            .computeIfAbsent(c, k -> new long[2]);
                    v[1]++;
                    if (t.equals(to)) {
                        v[0]++;
                    }
                }
            }
            for (Map.Entry<String, Map<String, long[]>> e : byPair.entrySet()) {
                ctx.sink.rates(Integer.toString(y), "G2." + e.getKey(), "", e.getValue());
            }
        }
    }

    private void g3() {
        Map<String, Long> count = new TreeMap<>();
        Map<String, Long> serious = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            count.put(c, 0L);
            serious.put(c, 0L);
        }
        if (ctx.gradeYears.size() >= 2) {
            int y2 = ctx.gradeYears.last();
            int y1 = ctx.gradeYears.lower(y2);
            for (String c : ctx.regions.counties) {
                for (Records.Org o : ctx.snap.getOrDefault(c, List.of())) {
                    if (o.status() == OrgStatus.REVOKED || !"C".equals(grade(o.key(), y1))
                            || !"C".equals(grade(o.key(), y2))) {
                        continue;
                    }
                    boolean s = ctx.dormant.contains(o.key());
                    count.merge(c, 1L, Long::sum);
                    if (s) {
                        serious.merge(c, 1L, Long::sum);
                    }
                    ctx.lists.add("exit_candidates", "org_key", o.key(), "org_name", o.name(), "county_code", c,
                            "kind", o.kind() == null ? null : o.kind().name(), "reason",
                            "grade C in " + y1 + " and " + y2 + (s ? ", and dormant" : ""), "leader_name", o.leader(),
                            "grades", gradesText(o.key()), "serious", s);
                }
            }
        }
        ctx.sink.counts(ctx.ps, "G3.count", "", count);
        ctx.sink.counts(ctx.ps, "G3.count", "serious=true", serious);
    }

    private String gradesText(String key) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : ctx.grades.getOrDefault(key, Map.of()).entrySet()) {
            out.add(e.getKey() + "=" + e.getValue());
        }
        return String.join(";", out);
    }

    private void g4(int year) {
        Map<String, List<Society>> u = population(year).byCounty();
        // rows: the children (cities, or provinces for the nation) of each aggregate region above city level
        for (String a : ctx.regions.aggregates()) {
            int childDigits = switch (ctx.regions.level(a)) {
                case NATION -> 2;
                case PROVINCE -> 4;
                default -> 0;
            };
            if (childDigits == 0) {
                continue;
            }
            Map<String, long[]> table = new TreeMap<>();
            for (String c : ctx.regions.countiesOf.get(a)) {
                String child = childDigits == 4 ? ctx.regions.cityOf(c) : c.substring(0, 2);
                long[] row = table.computeIfAbsent(child, k -> new long[3]);
                for (Society o : u.get(c)) {
                    String g = grade(o.key(), year);
                    int i = "A".equals(g) ? 0 : "B".equals(g) ? 1 : "C".equals(g) ? 2 : -1;
                    if (i >= 0) {
                        row[i]++;
                    }
                }
            }
            ChiSquare r = chiSquare(new ArrayList<>(table.values()));
            String ys = Integer.toString(year);
            ctx.sink.put(ys, "G4.p_value", a, "", null, r == null ? null : r.total, r == null ? null : r.p);
            if (r != null) {
                ctx.sink.put(ys, "G4.low_expected_cells", a, "", r.low, r.cells, (double) r.low);
                if (r.low > 0) {
                    ctx.warnings.add("G4 " + a + " " + year + ": " + r.low + " of " + r.cells
                            + " expected counts are below 5; the chi-square p-value is approximate");
                }
            }
        }
    }

    /** Result of a chi-square test of homogeneity. */
    record ChiSquare(double p, long total, long low, long cells) {
    }

    /** Chi-square test over the rows and columns that are not all zero; null when fewer than 2 of either remain. */
    static ChiSquare chiSquare(List<long[]> rows) {
        List<long[]> kept = new ArrayList<>();
        int cols = rows.isEmpty() ? 0 : rows.get(0).length;
        boolean[] colUsed = new boolean[cols];
        for (long[] r : rows) {
            long s = 0;
            for (int j = 0; j < cols; j++) {
                s += r[j];
                if (r[j] > 0) {
                    colUsed[j] = true;
                }
            }
            if (s > 0) {
                kept.add(r);
            }
        }
        int nc = 0;
        for (boolean b : colUsed) {
            nc += b ? 1 : 0;
        }
        if (kept.size() < 2 || nc < 2) {
            return null;
        }
        long[][] m = new long[kept.size()][nc];
        long total = 0;
        for (int i = 0; i < kept.size(); i++) {
            int k = 0;
            for (int j = 0; j < cols; j++) {
                if (colUsed[j]) {
                    m[i][k++] = kept.get(i)[j];
                    total += kept.get(i)[j];
                }
            }
        }
        long low = 0;
        for (int i = 0; i < m.length; i++) {
            long rs = 0;
            for (long v : m[i]) {
                rs += v;
            }
            for (int j = 0; j < nc; j++) {
                long cs = 0;
                for (long[] row : m) {
                    cs += row[j];
                }
                if ((double) rs * cs / total < 5) {
                    low++;
                }
            }
        }
        double p = new ChiSquareTest().chiSquareTest(m);
        return new ChiSquare(p, total, low, (long) m.length * nc);
    }

    private void r1Grades(int year) {
        Map<Grade, Double> scores = ctx.rules.gradeScores();
        Map<String, List<Society>> u = population(year).byCounty();
        for (String c : ctx.regions.counties) {
            double[] s = new double[2];
            for (Society o : u.get(c)) {
                String g = grade(o.key(), year);
                if (!g.equals(NOT_EVALUATED)) {
                    Double v = scores.get(Grade.valueOf(g));
                    if (v != null) {
                        s[0] += v;
                        s[1]++;
                    }
                }
            }
            gradeScoreByCounty.put(c, s);
        }
    }

    private void g5() {
        Map<CivilRating, Map<String, long[]>> out = new EnumMap<>(CivilRating.class);
        for (CivilRating r : CivilRating.values()) {
            out.put(r, new TreeMap<>());
        }
        for (String c : ctx.regions.counties) {
            long rated = 0;
            Map<CivilRating, Long> n = new EnumMap<>(CivilRating.class);
            for (Records.Org o : ctx.existing.get(c)) {
                CivilRating r = WarehouseReader.enumOrNull(CivilRating.class, o.civilRating());
                if (r != null) {
                    rated++;
                    n.merge(r, 1L, Long::sum);
                }
            }
            for (CivilRating r : CivilRating.values()) {
                out.get(r).put(c, new long[] {n.getOrDefault(r, 0L), rated});
            }
        }
        for (CivilRating r : CivilRating.values()) {
            ctx.sink.rates(ctx.ps, "G5." + r.name(), "", out.get(r));
        }
    }

}
