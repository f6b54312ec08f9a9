package org.sanhui.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.Milestone;

/** M1 milestones and the R1 composite county score with its ranks. */
final class CompositeFamily {

    private CompositeFamily() {
    }

    /** Milestones the run computes: those whose region lies in the scope. */
    static List<Milestone> milestones(AnalysisRules rules, Regions regions) {
        List<Milestone> out = new ArrayList<>();
        for (Milestone m : rules.milestones()) {
            if (regions.levels.containsKey(m.scope())) {
                out.add(m);
            }
        }
        return out;
    }

    /** The period containing a milestone's deadline, in its province's reporting frequency. */
    static Period deadlinePeriod(AnalysisRules rules, Milestone m) {
        String province = m.scope().length() >= 2 && !m.scope().equals("00") ? m.scope().substring(0, 2)
                : "00";
        return Period.containing(rules.reportingKind(province), m.deadline());
    }

    /** The A7 place windows: index 0 is P's year to date, then one per A7 milestone due by P's end. */
    static List<LocalDate[]> placeWindows(Period p, AnalysisRules rules, Regions regions) {
        List<LocalDate[]> out = new ArrayList<>();
        out.add(new LocalDate[] {LocalDate.of(p.year(), 1, 1), p.end()});
        for (Milestone m : milestones(rules, regions)) {
            if (m.indicator().equals("A7.rate") && !m.deadline().isAfter(p.end())) {
                out.add(new LocalDate[] {LocalDate.of(m.deadline().getYear(), 1, 1), m.deadline()});
            }
        }
        return out;
    }

    static void m1(Context ctx) {
        int window = 1;
        for (Milestone m : milestones(ctx.rules, ctx.regions)) {
            boolean placeWindow = m.indicator().equals("A7.rate") && !m.deadline().isAfter(ctx.p.end());
            long[] now = evaluate(ctx, m.indicator(), m.scope(), ctx.snap, ctx.p.end(), 0, true);
            String id = "M1." + m.name();
            if (now == null) {
                ctx.warnings.add(id + ": indicator " + m.indicator() + " cannot be evaluated for a milestone");
                continue;
            }
            put(ctx, id, m.scope(), "", now);
            // the target row also carries the milestone's definition, so that readers need not know the rules
            ctx.sink.put(ctx.ps, id, m.scope(), "at=target;indicator=" + m.indicator() + ";deadline="
                    + m.deadline(), null, null, m.target());
            Double met = null;
            if (!m.deadline().isAfter(ctx.p.end())) {
                Period dp = deadlinePeriod(ctx.rules, m);
                LocalDate cutoff = dp.end().isAfter(ctx.p.end()) ? ctx.p.end() : dp.end();
                Map<String, List<Records.Org>> snapAt = ctx.facts.orgSnapshot(cutoff);
                long[] at = evaluate(ctx, m.indicator(), m.scope(), snapAt, m.deadline(),
                        placeWindow ? window : -1, false);
                if (at != null && !dataAtDeadline(ctx, m, snapAt, cutoff)) {
                    // nothing known at the deadline: the figure is unknown, never "not met"
                    ctx.sink.put(ctx.ps, id, m.scope(), "at=deadline", null, null, null);
                    ctx.warnings.add(id + ": no data at the deadline " + m.deadline() + " (no county of " + m.scope()
                            + (m.indicator().equals("A7.rate") ? " reported for a period of " + m.deadline().getYear()
                                    + " up to " + cutoff : " had an organisation snapshot by " + cutoff)
                            + "): whether it was met on time is unknown");
                } else if (at != null) {
                    put(ctx, id, m.scope(), "at=deadline", at);
                    if (at[1] > 0) {
                        met = (double) at[0] / at[1] >= m.target() - 1e-12 ? 1.0 : 0.0;
                    }
                }
            }
            if (placeWindow) {
                window++;
            }
            ctx.sink.put(ctx.ps, id, m.scope(), "at=met_on_time", null, null, met);
        }
    }

    /**
     * Whether anything was known in the milestone's region at its deadline: for A7, an accepted submission of a
     * county there for a period of the deadline's year up to the cutoff; for the coverage indicators, a county
     * there with an organisation snapshot at the cutoff.
     */
    static boolean dataAtDeadline(Context ctx, Milestone m, Map<String, List<Records.Org>> snapAt,
            LocalDate cutoff) {
        LocalDate yearStart = LocalDate.of(m.deadline().getYear(), 1, 1);
        for (String c : ctx.regions.countiesOf.getOrDefault(m.scope(), List.of(m.scope()))) {
            if (!m.indicator().equals("A7.rate")) {
                if (snapAt.containsKey(c)) {
                    return true;
                }
                continue;
            }
            for (Period q : ctx.subs.getOrDefault(c, Map.of()).keySet()) {
                if (q.kind() != Period.Kind.YEAR && !q.end().isBefore(yearStart) && !q.end().isAfter(cutoff)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void put(Context ctx, String id, String region, String bd, long[] v) {
        ctx.sink.put(ctx.ps, id, region, bd, v[0], v[1], v[1] == 0 ? null : (double) v[0] / v[1]);
    }

    /** Evaluates a coverage-like indicator over a region at a date; null if the indicator is not supported. */
    static long[] evaluate(Context ctx, String indicator, String region, Map<String, List<Records.Org>> snap,
            LocalDate asOf, int placeWindow, boolean now) {
        Map<String, long[]> perCounty;
        switch (indicator) {
            case "C1.full" -> perCounty = CoverageFamily.c1(ctx, snap, asOf, Context.GRASSROOTS);
            case "C2.township" -> perCounty = CoverageFamily.c2Township(ctx, snap, asOf);
            case "C2.county" -> perCounty = CoverageFamily.c2County(ctx, snap, asOf);
            case "C3.county", "C3.township" -> {
                Map<String, List<Records.PostRow>> posts = ctx.facts.postSnapshot(now ? ctx.p.end()
                        : cutoffOf(ctx, asOf));
                perCounty = CoverageFamily.c3(ctx, snap, posts, asOf, indicator.equals("C3.county")
                        ? OrgKind.COUNTY_KEXIE : OrgKind.TOWNSHIP_KEXIE);
            }
            case "C7.rate" -> perCounty = CoverageFamily.c7(ctx, snap, asOf);
            case "C8.rate" -> perCounty = CoverageFamily.c8(ctx, snap, asOf);
            case "A7.rate" -> {
                if (placeWindow < 0) {
                    return null;
                }
                perCounty = ActivityFamily.a7(ctx, placeWindow);
            }
            default -> {
                if (indicator.startsWith("C1.")) {
                    OrgKind k = WarehouseReader.enumOrNull(OrgKind.class, indicator.substring(3));
                    if (k == null) {
                        return null;
                    }
                    perCounty = CoverageFamily.c1(ctx, snap, asOf, EnumSet.of(k));
                } else {
                    return null;
                }
            }
        }
        long[] sum = new long[2];
        for (String c : ctx.regions.countiesOf.getOrDefault(region, List.of(region))) {
            long[] v = perCounty.get(c);
            if (v != null) {
                sum[0] += v[0];
                sum[1] += v[1];
            }
        }
        return sum;
    }

    private static LocalDate cutoffOf(Context ctx, LocalDate asOf) {
        for (Milestone m : ctx.rules.milestones()) {
            if (m.deadline().equals(asOf)) {
                LocalDate e = deadlinePeriod(ctx.rules, m).end();
                return e.isAfter(ctx.p.end()) ? ctx.p.end() : e;
            }
        }
        return asOf;
    }

    static void r1(Context ctx, ActivityFamily activity, GradeFamily grades) {
        AnalysisRules r = ctx.rules;
        Map<String, long[]> c1 = new TreeMap<>();
        for (OrgKind k : Context.GRASSROOTS) {
            CoverageFamily.c1(ctx, ctx.snap, ctx.p.end(), EnumSet.of(k)).forEach((c, v) ->
                    c1.computeIfAbsent(c, x -> new long[2])[0] += v[0]);
        }
        Map<String, List<Records.PostRow>> posts = ctx.facts.postSnapshot(ctx.p.end());
        Map<String, long[]> c3c = CoverageFamily.c3(ctx, ctx.snap, posts, ctx.p.end(), OrgKind.COUNTY_KEXIE);
        Map<String, long[]> c3t = CoverageFamily.c3(ctx, ctx.snap, posts, ctx.p.end(), OrgKind.TOWNSHIP_KEXIE);
        Map<String, Double> score = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            double cov = c1.get(c)[0] / 3.0;
            long n3 = c3c.get(c)[0] + c3t.get(c)[0];
            long d3 = c3c.get(c)[1] + c3t.get(c)[1];
            Double three = d3 == 0 ? null : (double) n3 / d3;
            long[] nm = activity.normsByCounty.get(c);
            Double norms = nm == null || nm[1] == 0 ? null : (double) nm[0] / nm[1];
            double[] g = grades.gradeScoreByCounty.get(c);
            Double gr = g == null || g[1] == 0 ? null : g[0] / g[1];
            double num = r.weightCoverage() * cov;
            double den = r.weightCoverage();
            if (three != null) {
                num += r.weightThreePlusOne() * three;
                den += r.weightThreePlusOne();
            }
            if (norms != null) {
                num += r.weightNorms() * norms;
                den += r.weightNorms();
            }
            if (gr != null) {
                num += r.weightGrades() * gr;
                den += r.weightGrades();
            }
            double s = round1(den == 0 ? 0 : 100 * num / den);
            score.put(c, s);
            ctx.sink.put(ctx.ps, "R1.score", c, "", null, null, s);
            ctx.sink.put(ctx.ps, "R1.score", c, "component=coverage", c1.get(c)[0], 3L, cov);
            ctx.sink.put(ctx.ps, "R1.score", c, "component=three_plus_one", n3, d3, three);
            ctx.sink.put(ctx.ps, "R1.score", c, "component=norms", nm == null ? null : nm[0], nm == null ? null : nm[1],
                    norms);
            ctx.sink.put(ctx.ps, "R1.score", c, "component=grades", null, g == null ? null : (long) g[1], gr);
        }
        // cities: the mean of their counties
        Map<String, Double> cityScore = new TreeMap<>();
        Map<String, List<String>> countiesByCity = new TreeMap<>();
        Map<String, List<String>> countiesByProvince = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            String city = ctx.regions.cityOf(c);
            if (city != null) {
                countiesByCity.computeIfAbsent(city, k -> new ArrayList<>()).add(c);
            }
            countiesByProvince.computeIfAbsent(c.substring(0, 2), k -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<String>> e : countiesByCity.entrySet()) {
            double s = 0;
            for (String c : e.getValue()) {
                s += score.get(c);
            }
            double mean = round1(s / e.getValue().size());
            cityScore.put(e.getKey(), mean);
            if (ctx.regions.levels.containsKey(e.getKey())) {
                ctx.sink.put(ctx.ps, "R1.score", e.getKey(), "", null, (long) e.getValue().size(), mean);
            }
        }
        for (List<String> cs : countiesByCity.values()) {
            rank(ctx, cs, score, "within=city");
        }
        for (Map.Entry<String, List<String>> e : countiesByProvince.entrySet()) {
            rank(ctx, e.getValue(), score, "within=province");
            List<String> cities = new ArrayList<>();
            for (String city : cityScore.keySet()) {
                if (city.startsWith(e.getKey()) && ctx.regions.levels.containsKey(city)) {
                    cities.add(city);
                }
            }
            rank(ctx, cities, cityScore, "within=province");
        }
    }

    /** Competition ranking, highest first; equal scores share the better rank. */
    static void rank(Context ctx, List<String> codes, Map<String, Double> score, String breakdown) {
        for (String c : codes) {
            long better = 0;
            for (String o : codes) {
                if (score.get(o) > score.get(c)) {
                    better++;
                }
            }
            ctx.sink.put(ctx.ps, "R1.rank", c, breakdown, null, (long) codes.size(), (double) (better + 1));
        }
    }

    static double round1(double v) {
        return new BigDecimal(Double.toString(v)).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
