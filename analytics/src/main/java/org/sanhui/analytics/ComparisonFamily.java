package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.period.Period;

/**
 * The headline figures (the briefing's table 1) of the periods P is compared with: the period before P and
 * the same period a year before. They are computed by the run that analyses P, from the same warehouse: the
 * snapshots at those periods' ends and the submissions and activities as they stand now, with P's rules. So a
 * comparison never mixes in an older output, which may predate a resubmission or a late report.
 *
 * <p>Rows carry the earlier period in their {@code period} column; the JSON's {@code comparisons} block names
 * the periods and the figures ({@link #describe(Period)}).
 */
final class ComparisonFamily {

    /**
     * The figures written for the earlier periods. {@code A1.count} needs nothing here: the activity family
     * writes it for every period of P's kind from January of the year before P, which holds both.
     */
    static final List<String> INDICATORS = List.of("C1.full", "C0.count", "C0.members", "C2.township", "C3.county",
            "C3.township", "A1.count", "A1.participants", "A2.rate", "S1.rate");

    private ComparisonFamily() {
    }

    /** The periods P is compared with: the one before and the same one a year before (one period if equal). */
    static List<Period> periods(Period p) {
        Set<Period> out = new LinkedHashSet<>();
        out.add(p.previous());
        out.add(p.sameLastYear());
        return new ArrayList<>(out);
    }

    /** The JSON's {@code comparisons} block: {@code previous}, {@code year_ago} and the figures. */
    static Map<String, Object> describe(Period p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("previous", p.previous().toString());
        m.put("year_ago", p.sameLastYear().toString());
        m.put("indicators", INDICATORS);
        return m;
    }

    static void compute(Context ctx) {
        List<Period> then = periods(ctx.p);
        for (int i = 0; i < then.size(); i++) {
            Period q = then.get(i);
            String qs = q.toString();
            LocalDate end = q.end();
            Map<String, List<Records.Org>> snap = ctx.facts.orgSnapshot(end);
            Map<String, List<Records.PostRow>> posts = ctx.facts.postSnapshot(end);
            CoverageFamily.c0(ctx, q, snap);
            ctx.sink.rates(qs, "C1.full", "", CoverageFamily.c1(ctx, snap, end, Context.GRASSROOTS));
            ctx.sink.rates(qs, "C2.township", "", CoverageFamily.c2Township(ctx, snap, end));
            ctx.sink.rates(qs, "C3.county", "", CoverageFamily.c3(ctx, snap, posts, end, OrgKind.COUNTY_KEXIE));
            ctx.sink.rates(qs, "C3.township", "", CoverageFamily.c3(ctx, snap, posts, end, OrgKind.TOWNSHIP_KEXIE));
            int index = i;
            ActivityFamily.Norms norms = ActivityFamily.a2(ctx, q, c -> universe(ctx, snap, c, q), (o, conferences) -> {
                Facts.OrgActivity a = ctx.facts.orgActivity.get(o.key());
                return a == null ? 0 : conferences ? a.conferencesYtdThen()[index] : a.ytdThen()[index];
            });
            ctx.sink.rates(qs, "A2.rate", "", norms.all());
            Map<String, long[]> reported = new TreeMap<>();
            for (String c : ctx.regions.counties) {
                reported.put(c, new long[] {ctx.reported(c, q) ? 1 : 0, 1});
            }
            ctx.sink.rates(qs, "S1.rate", "", reported);
            ctx.sink.counts(qs, "A1.participants", "", participants(ctx, q));
        }
    }

    /** A2's universe at q: the organisations existing at q's end in a county that reported for q. */
    private static List<Records.Org> universe(Context ctx, Map<String, List<Records.Org>> snap, String county,
            Period q) {
        if (!ctx.reported(county, q)) {
            return List.of();
        }
        List<Records.Org> out = new ArrayList<>();
        for (Records.Org o : snap.getOrDefault(county, List.of())) {
            if (o.existsAt(q.end())) {
                out.add(o);
            }
        }
        return out;
    }

    /** Participants of the activities dated in q, per county of the scope (0 when none). */
    private static Map<String, Long> participants(Context ctx, Period q) {
        Map<String, Long> out = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            out.put(c, 0L);
        }
        for (Facts.CountyMonth m : ctx.facts.countyMonths) {
            if (out.containsKey(m.county()) && q.contains(LocalDate.of(m.yearMonth() / 100, m.yearMonth() % 100, 1))) {
                out.merge(m.county(), m.participants(), Long::sum);
            }
        }
        return out;
    }
}
