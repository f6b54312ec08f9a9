package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Region;

/** A1-A7: activity, with the inactive, dormant, unknown-activity and outlier lists. */
final class ActivityFamily {

    /** Per county: societies meeting every norm that applies to them, and those assessed (R1 reuses it). */
    final Map<String, long[]> normsByCounty = new TreeMap<>();

    private final Context ctx;

    ActivityFamily(Context ctx) {
        this.ctx = ctx;
    }

    void compute() {
        a1();
        a2();
        a3();
        a4a5();
        a6();
        ctx.sink.rates(ctx.ps, "A7.rate", "", a7(ctx, 0));
        outliers();
    }

    private long inP(Records.Org o) {
        Facts.OrgActivity a = ctx.facts.orgActivity.get(o.key());
        return a == null ? 0 : a.inP();
    }

    /** The organisations of A1's universe in a county: existing, in a county that reported for P. */
    private List<Records.Org> universe(String c) {
        return ctx.reported(c, ctx.p) ? ctx.existing.get(c) : List.of();
    }

    private void a1() {
        String ps = ctx.ps;
        Map<String, Long> unknown = new TreeMap<>();
        Map<String, long[]> mean = new TreeMap<>();
        Map<OrgKind, Map<String, long[]>> meanK = new EnumMap<>(OrgKind.class);
        // per region, all kinds ("region|") and per kind ("region|kind=K"): the universe's counts in P
        Map<String, Values> values = new HashMap<>();
        Map<String, Values[]> slots = new HashMap<>(); // region -> [all, kind 0, kind 1, ...]
        for (String c : ctx.regions.counties) {
            unknown.put(c, ctx.reported(c, ctx.p) ? 0L : (long) ctx.existing.get(c).size());
            long[] m = new long[2];
            List<String> regions = new ArrayList<>();
            regions.add(c);
            regions.addAll(ctx.regions.aggregatesOf.get(c));
            List<Values[]> mine = new ArrayList<>(regions.size());
            for (String r : regions) {
                mine.add(slots.computeIfAbsent(r, k -> new Values[OrgKind.values().length + 1]));
            }
            for (Records.Org o : universe(c)) {
                long n = inP(o);
                m[0] += n;
                m[1]++;
                long[] mk = meanK.computeIfAbsent(o.kind(), k -> new TreeMap<>()).computeIfAbsent(c, k -> new long[2]);
                mk[0] += n;
                mk[1]++;
                for (int i = 0; i < mine.size(); i++) {
                    Values[] v = mine.get(i);
                    String r = regions.get(i);
                    slot(values, v, r, null).add(n);
                    slot(values, v, r, o.kind()).add(n);
                }
            }
            mean.put(c, m);
        }
        ctx.sink.counts(ps, "A1.unknown", "", unknown);
        ctx.sink.rates(ps, "A1.mean", "", mean);
        for (Map.Entry<OrgKind, Map<String, long[]>> e : meanK.entrySet()) {
            ctx.sink.rates(ps, "A1.mean", "kind=" + e.getKey().name(), e.getValue());
        }
        for (Map.Entry<String, Values> e : values.entrySet()) {
            int bar = e.getKey().indexOf('|');
            String region = e.getKey().substring(0, bar);
            String breakdown = e.getKey().substring(bar + 1);
            double[] x = e.getValue().toArray();
            long n = x.length;
            ctx.sink.put(ps, "A1.median", region, breakdown, null, n, percentile(x, 50));
            ctx.sink.put(ps, "A1.p90", region, breakdown, null, n, percentile(x, 90));
            double max = 0;
            for (double v : x) {
                max = Math.max(max, v);
            }
            ctx.sink.put(ps, "A1.max", region, breakdown, null, n, max);
        }
        // counts of the period by type, form and target group: summed per breakdown and county in hash maps (the
        // grain has a row per county, type, form and combination of target groups), each combination split once
        Map<String, Map<String, long[]>> sums = new HashMap<>();
        Map<String, String[]> targetKeys = new HashMap<>();
        Map<String, String> typeKeys = new HashMap<>();
        Map<String, String> formKeys = new HashMap<>();
        for (Records.Breakdown b : ctx.facts.breakdowns) {
            if (!ctx.regions.levels.containsKey(b.county())) {
                continue;
            }
            if (b.type() != null) {
                add(sums, typeKeys.computeIfAbsent(b.type(), t -> "type=" + t), b.county(), b.count());
            }
            if (b.form() != null) {
                add(sums, formKeys.computeIfAbsent(b.form(), f -> "form=" + f), b.county(), b.count());
            }
            if (b.targets() != null) {
                for (String key : targetKeys.computeIfAbsent(b.targets(), ActivityFamily::targetKeys)) {
                    add(sums, key, b.county(), b.count());
                }
            }
        }
        for (Map.Entry<String, Map<String, long[]>> e : new TreeMap<>(sums).entrySet()) {
            Map<String, Long> perCounty = new TreeMap<>();
            e.getValue().forEach((county, n) -> perCounty.put(county, n[0]));
            ctx.sink.counts(ps, "A1.count", e.getKey(), perCounty);
        }
    }

    /** The breakdown keys of a stored target-group list ("a;b" gives target=a and target=b; blanks none). */
    private static String[] targetKeys(String targets) {
        List<String> out = new ArrayList<>();
        for (String t : targets.split(";")) {
            if (!t.isBlank()) {
                out.add("target=" + t.trim());
            }
        }
        return out.toArray(String[]::new);
    }

    private static void add(Map<String, Map<String, long[]>> sums, String key, String county, long n) {
        sums.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(county, k -> new long[1])[0] += n;
    }

    /** A region's list of counts, all kinds (kind null) or one kind, found once and then kept in its slot. */
    private static Values slot(Map<String, Values> values, Values[] slots, String region, OrgKind kind) {
        int i = kind == null ? 0 : kind.ordinal() + 1;
        Values v = slots[i];
        if (v == null) {
            v = values.computeIfAbsent(kind == null ? region + "|" : region + "|kind=" + kind.name(), k -> new Values());
            slots[i] = v;
        }
        return v;
    }

    /** A growing list of counts, as doubles for the percentiles, without boxing. */
    private static final class Values {
        private double[] x = new double[16];
        private int n;

        void add(long v) {
            if (n == x.length) {
                x = java.util.Arrays.copyOf(x, n * 2);
            }
            x[n++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(x, n);
        }
    }

    static double percentile(double[] x, double p) {
        if (x.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(x, p);
    }

    /** Pro-rata target of a yearly norm: ceil(norm x q / 4) by quarter, ceil(norm x m / 12) by month. */
    static long proRata(int yearly, Period p) {
        int per = 12 / p.kind().months();
        return (long) Math.ceil((double) yearly * p.index() / per);
    }

    private void a2() {
        Norms n = a2(ctx, ctx.p, this::universe, (o, conferences) -> {
            Facts.OrgActivity oa = ctx.facts.orgActivity.get(o.key());
            return oa == null ? 0 : conferences ? oa.conferencesYtd() : oa.ytd();
        });
        normsByCounty.putAll(n.all());
        ctx.sink.rates(ctx.ps, "A2.rate", "", n.all());
        ctx.sink.rates(ctx.ps, "A2.rate", "norm=activities", n.activities());
        ctx.sink.rates(ctx.ps, "A2.rate", "norm=conference", n.conference());
    }

    /** An organisation's activities (or CONFERENCE activities) from 1 January of a period's year to its end. */
    @FunctionalInterface
    interface YearToDate {
        long of(Records.Org o, boolean conferences);
    }

    /**
     * A2 per county (numerator, denominator): societies meeting every norm that applies / societies with a norm,
     * and each norm alone.
     */
    record Norms(Map<String, long[]> all, Map<String, long[]> activities, Map<String, long[]> conference) {
    }

    /** A2 at period q over the grassroots societies of each county's universe at q. */
    static Norms a2(Context ctx, Period q, java.util.function.Function<String, List<Records.Org>> universe,
            YearToDate ytd) {
        Map<String, long[]> all = new TreeMap<>();
        Map<String, long[]> acts = new TreeMap<>();
        Map<String, long[]> conf = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            long[] a = new long[2];
            long[] b = new long[2];
            long[] d = new long[2];
            for (Records.Org o : universe.apply(c)) {
                if (!Context.GRASSROOTS.contains(o.kind())) {
                    continue;
                }
                boolean ok = true;
                Integer an = ctx.rules.yearlyActivityNorms().get(o.kind());
                if (an != null) {
                    boolean m = ytd.of(o, false) >= (ctx.rules.proRata() ? proRata(an, q) : an);
                    b[1]++;
                    b[0] += m ? 1 : 0;
                    ok &= m;
                }
                Integer cn = ctx.rules.yearlyConferenceNorms().get(o.kind());
                if (cn != null) {
                    boolean m = ytd.of(o, true) >= (ctx.rules.proRata() ? proRata(cn, q) : cn);
                    d[1]++;
                    d[0] += m ? 1 : 0;
                    ok &= m;
                }
                if (an != null || cn != null) {
                    a[1]++;
                    a[0] += ok ? 1 : 0;
                }
            }
            all.put(c, a);
            acts.put(c, b);
            conf.put(c, d);
        }
        return new Norms(all, acts, conf);
    }

    private void a3() {
        Map<String, long[]> inactive = new TreeMap<>();
        Map<String, long[]> dormant = new TreeMap<>();
        Period p = ctx.p;
        for (String c : ctx.regions.counties) {
            long[] in = new long[2];
            long[] dn = new long[2];
            for (Records.Org o : ctx.existing.get(c)) {
                Facts.OrgActivity oa = ctx.facts.orgActivity.get(o.key());
                long[] n = oa == null ? new long[4] : new long[] {oa.inP(), oa.inP1(), oa.inP2(), oa.inP3()};
                // inactive: P and the period before
                State s2 = state(c, o, 2, n);
                if (s2 == State.UNKNOWN) {
                    ctx.lists.add("unknown_activity", "org_key", o.key(), "org_name", o.name(), "county_code", c,
                            "kind", o.kind().name(), "reason", "county sent no submission for " + missing(c, 2),
                            "missing_periods", missing(c, 2));
                } else if (s2 != State.EXCLUDED) {
                    in[1]++;
                    if (s2 == State.NONE) {
                        in[0]++;
                        ctx.lists.add("inactive", "org_key", o.key(), "org_name", o.name(), "county_code", c, "kind",
                                o.kind().name(), "reason", "no activity in " + p.previous() + " and " + p,
                                "established", CoverageFamily.str(o.established()), "activities_by_period",
                                byPeriod(2, n));
                    }
                }
                State s4 = state(c, o, 4, n);
                if (s4 != State.UNKNOWN && s4 != State.EXCLUDED) {
                    dn[1]++;
                    if (s4 == State.NONE) {
                        dn[0]++;
                        ctx.dormant.add(o.key());
                        ctx.lists.add("dormant", "org_key", o.key(), "org_name", o.name(), "county_code", c, "kind",
                                o.kind().name(), "reason", "no activity in " + p.plus(-3) + " to " + p,
                                "established", CoverageFamily.str(o.established()), "activities_by_period",
                                byPeriod(4, n));
                    }
                }
            }
            inactive.put(c, in);
            dormant.put(c, dn);
        }
        ctx.sink.rates(ctx.ps, "A3.inactive", "", inactive);
        ctx.sink.rates(ctx.ps, "A3.dormant", "", dormant);
    }

    private enum State { EXCLUDED, UNKNOWN, NONE, ACTIVE }

    private State state(String c, Records.Org o, int periods, long[] n) {
        LocalDate windowStart = ctx.p.plus(-(periods - 1)).start();
        if (o.established() != null && !o.established().isBefore(windowStart)) {
            return State.EXCLUDED;
        }
        long sum = 0;
        for (int i = 0; i < periods; i++) {
            sum += n[i];
        }
        if (!missing(c, periods).isEmpty()) {
            return State.UNKNOWN;
        }
        return sum == 0 ? State.NONE : State.ACTIVE;
    }

    private String missing(String c, int periods) {
        List<String> out = new ArrayList<>();
        for (int i = periods - 1; i >= 0; i--) {
            Period w = ctx.p.plus(-i);
            if (!ctx.reported(c, w)) {
                out.add(w.toString());
            }
        }
        return String.join(";", out);
    }

    private String byPeriod(int periods, long[] n) {
        List<String> out = new ArrayList<>();
        for (int i = periods - 1; i >= 0; i--) {
            out.add(ctx.p.plus(-i) + "=" + n[i]);
        }
        return String.join(";", out);
    }

    private void a4a5() {
        Period p = ctx.p;
        Map<Integer, Map<String, Long>> byMonth = new TreeMap<>();
        Map<String, long[]> joint = new TreeMap<>();
        Map<String, Long> participants = new TreeMap<>();
        for (Facts.CountyMonth m : ctx.facts.countyMonths) {
            if (!ctx.regions.levels.containsKey(m.county())) {
                continue;
            }
            byMonth.computeIfAbsent(m.yearMonth(), k -> new TreeMap<>()).merge(m.county(), m.count(), Long::sum);
            Period month = Period.month(m.yearMonth() / 100, m.yearMonth() % 100);
            if (p.contains(month.start())) {
                long[] j = joint.computeIfAbsent(m.county(), k -> new long[2]);
                j[0] += m.coHosted();
                j[1] += m.count();
                participants.merge(m.county(), m.participants(), Long::sum);
            }
        }
        for (String c : ctx.regions.counties) {
            joint.putIfAbsent(c, new long[2]);
            participants.putIfAbsent(c, 0L);
        }
        ctx.sink.rates(ctx.ps, "A5.rate", "", joint);
        ctx.sink.counts(ctx.ps, "A1.participants", "", participants);
        // monthly counts (A4.count) and the counts of every period of P's kind from last January (A1.count)
        LocalDate from = LocalDate.of(p.year() - 1, 1, 1);
        Map<String, Map<String, Long>> byPeriod = new TreeMap<>();
        for (Period m = Period.month(from.getYear(), 1); !m.start().isAfter(p.end()); m = m.next()) {
            Map<String, Long> counts = byMonth.getOrDefault(m.year() * 100 + m.index(), Map.of());
            Map<String, Long> full = new TreeMap<>();
            for (String c : ctx.regions.counties) {
                full.put(c, counts.getOrDefault(c, 0L));
            }
            ctx.sink.counts(m.toString(), "A4.count", "", full);
            Period container = m.as(p.kind());
            Map<String, Long> agg = byPeriod.computeIfAbsent(container.toString(), k -> new TreeMap<>());
            for (Map.Entry<String, Long> e : full.entrySet()) {
                agg.merge(e.getKey(), e.getValue(), Long::sum);
            }
        }
        for (Map.Entry<String, Map<String, Long>> e : byPeriod.entrySet()) {
            ctx.sink.counts(e.getKey(), "A1.count", "", e.getValue());
        }
        // period on period and year on year: (now - then) / then
        change("A4.pop", byPeriod.get(p.toString()), byPeriod.get(p.previous().toString()));
        change("A4.yoy", byPeriod.get(p.toString()), byPeriod.get(p.sameLastYear().toString()));
    }

    private void change(String id, Map<String, Long> now, Map<String, Long> then) {
        if (now == null || then == null) {
            return;
        }
        Map<String, long[]> both = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            both.put(c, new long[] {now.getOrDefault(c, 0L), then.getOrDefault(c, 0L)});
        }
        List<String> regions = new ArrayList<>(ctx.regions.counties);
        regions.addAll(ctx.regions.aggregates());
        for (String r : regions) {
            long n = 0;
            long d = 0;
            List<String> cs = ctx.regions.countiesOf.getOrDefault(r, List.of(r));
            for (String c : cs) {
                n += both.get(c)[0];
                d += both.get(c)[1];
            }
            ctx.sink.put(ctx.ps, id, r, "", n, d, d == 0 ? null : (double) (n - d) / d);
        }
    }

    private void a6() {
        for (String a : ctx.regions.aggregates()) {
            List<Double> xs = new ArrayList<>();
            for (String c : ctx.regions.countiesOf.get(a)) {
                List<Records.Org> u = universe(c);
                if (u.isEmpty()) {
                    continue;
                }
                long n = 0;
                for (Records.Org o : u) {
                    n += inP(o);
                }
                xs.add((double) n / u.size());
            }
            ctx.sink.put(ctx.ps, "A6.gini", a, "", null, (long) xs.size(), gini(xs));
        }
    }

    /** Gini = sum_i sum_j |xi - xj| / (2 n^2 mean), no small-sample correction; null when undefined. */
    static Double gini(List<Double> xs) {
        int n = xs.size();
        if (n == 0) {
            return null;
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        if (sum == 0) {
            return null;
        }
        double mean = sum / n;
        double d = 0;
        for (double a : xs) {
            for (double b : xs) {
                d += Math.abs(a - b);
            }
        }
        return d / (2.0 * n * n * mean);
    }

    /** Per county: townships (denominator) with an activity in place window w / the township denominator. */
    static Map<String, long[]> a7(Context ctx, int window) {
        Map<String, long[]> out = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            long n = 0;
            long d = 0;
            for (Region t : ctx.regions.townships(c)) {
                if (!t.isTownshipProper()) {
                    continue;
                }
                d++;
                boolean[] b = ctx.facts.places.get(t.code());
                if (b != null && b[window]) {
                    n++;
                }
            }
            out.put(c, new long[] {n, d});
        }
        return out;
    }

    private void outliers() {
        Map<OrgKind, List<Records.Org>> members = new EnumMap<>(OrgKind.class);
        Map<OrgKind, List<Records.Org>> activity = new EnumMap<>(OrgKind.class);
        for (String c : ctx.regions.counties) {
            for (Records.Org o : ctx.existing.get(c)) {
                if (o.members() != null) {
                    members.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
                }
            }
            for (Records.Org o : universe(c)) {
                activity.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            }
        }
        for (Map.Entry<OrgKind, List<Records.Org>> e : members.entrySet()) {
            flag("members", e.getValue(), e.getValue().stream().mapToDouble(o -> o.members()).toArray());
        }
        for (Map.Entry<OrgKind, List<Records.Org>> e : activity.entrySet()) {
            flag("activities_in_period", e.getValue(), e.getValue().stream().mapToDouble(this::inP).toArray());
        }
    }

    private void flag(String measure, List<Records.Org> orgs, double[] x) {
        if (x.length < 3) {
            return;
        }
        double med = percentile(x, 50);
        double[] dev = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            dev[i] = Math.abs(x[i] - med);
        }
        double mad = percentile(dev, 50);
        if (mad == 0) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            double z = 0.6745 * (x[i] - med) / mad;
            if (Math.abs(z) > ctx.rules.outlierThreshold()) {
                Records.Org o = orgs.get(i);
                ctx.lists.add("outliers", "org_key", o.key(), "org_name", o.name(), "county_code", o.county(), "kind",
                        o.kind().name(), "reason", measure + " " + (long) x[i] + " far from the median "
                                + IndicatorRowFormat.num(med) + " of its kind (modified z-score "
                                + IndicatorRowFormat.num(z) + ")",
                        "measure", measure, "value", x[i], "median", med, "mad", mad, "z_score", z);
            }
        }
    }
}
