package org.sanhui.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sanhui.model.period.Period;

/** S1-S2: reporting rate and timeliness, data quality, with the late and missing submission lists. */
final class SubmissionFamily {

    private SubmissionFamily() {
    }

    static void compute(Context ctx) {
        Map<String, long[]> rate = new TreeMap<>();
        Map<String, long[]> ontime = new TreeMap<>();
        Map<String, long[]> rejected = new TreeMap<>();
        Map<String, Map<String, Long>> problems = new TreeMap<>();
        for (Records.Problems pr : ctx.facts.problems) {
            problems.computeIfAbsent(pr.county(), k -> new TreeMap<>()).merge(pr.code(), pr.count(), Long::sum);
        }
        for (String c : ctx.regions.counties) {
            Map<Period, List<Records.Submission>> m = ctx.subs.getOrDefault(c, Map.of());
            boolean all = true;
            boolean late = false;
            boolean unknown = false;
            long acc = 0;
            long rej = 0;
            for (Period e : ctx.expected(c, ctx.p)) {
                List<Records.Submission> l = m.get(e);
                if (l == null) {
                    all = false;
                    Period last = null;
                    for (Period q : m.keySet()) {
                        if (q.end().isBefore(e.end()) && (last == null || Facts.BY_END.compare(q, last) > 0)) {
                            last = q;
                        }
                    }
                    ctx.lists.add("missing_submissions", "county_code", c, "county_name", ctx.regions.name(c),
                            "period", e.toString(), "reason", "no accepted submission for " + e, "last_period",
                            last == null ? null : last.toString());
                    continue;
                }
                // timeliness: the earliest accepted submission's filing date
                LocalDate filed = null;
                for (Records.Submission s : l) {
                    if (s.filingDate() != null && (filed == null || s.filingDate().isBefore(filed))) {
                        filed = s.filingDate();
                    }
                }
                if (filed == null) {
                    unknown = true;
                } else {
                    long days = ChronoUnit.DAYS.between(e.end(), filed);
                    if (days > ctx.rules.onTimeDays()) {
                        late = true;
                        ctx.lists.add("late_submissions", "county_code", c, "county_name", ctx.regions.name(c),
                                "period", e.toString(), "reason", "filed " + days + " days after the period end (limit "
                                        + ctx.rules.onTimeDays() + ")", "filing_date", filed.toString(), "days_late",
                                days - ctx.rules.onTimeDays());
                    }
                }
                // data quality: every live submission of the period
                for (Records.Submission live : live(l)) {
                    acc += live.accepted();
                    rej += live.rejected();
                }
            }
            rate.put(c, new long[] {all ? 1 : 0, 1});
            if (all && (late || !unknown)) {
                ontime.put(c, new long[] {late ? 0 : 1, 1});
            } else {
                ontime.put(c, new long[] {0, 0});
            }
            rejected.put(c, new long[] {rej, acc + rej});
        }
        ctx.sink.rates(ctx.ps, "S1.rate", "", rate);
        ctx.sink.rates(ctx.ps, "S1.ontime", "", ontime);
        ctx.sink.rates(ctx.ps, "S2.reject_rate", "", rejected);
        topProblems(ctx, problems);
    }

    /**
     * The live submissions of one county and period: for each dataset, the latest submission that contains it
     * (a resubmission replaces only the datasets it holds). A county sending one CSV per sheet has three live
     * submissions a period; one resending the whole workbook has one. A submission live for some of its datasets
     * counts whole: its record gives no rows per dataset.
     */
    static List<Records.Submission> live(List<Records.Submission> subs) {
        List<Records.Submission> byTime = new ArrayList<>(subs);
        byTime.sort(Comparator.comparingLong(Records.Submission::ingestedAt)
                .thenComparing(s -> s.id() == null ? "" : s.id()));
        Map<String, Records.Submission> latest = new TreeMap<>();
        for (Records.Submission s : byTime) {
            for (String d : s.datasets()) {
                latest.put(d, s);
            }
        }
        java.util.Set<Records.Submission> live = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        live.addAll(latest.values());
        List<Records.Submission> out = new ArrayList<>();
        for (Records.Submission s : byTime) {
            if (live.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** S2's top three problem codes per region: breakdown code=X, numerator its problems, denominator all problems. */
    private static void topProblems(Context ctx, Map<String, Map<String, Long>> problems) {
        List<String> regions = new ArrayList<>(ctx.regions.counties);
        regions.addAll(ctx.regions.aggregates());
        for (String r : regions) {
            Map<String, Long> sum = new TreeMap<>();
            for (String c : ctx.regions.countiesOf.getOrDefault(r, List.of(r))) {
                problems.getOrDefault(c, Map.of()).forEach((k, v) -> sum.merge(k, v, Long::sum));
            }
            long total = sum.values().stream().mapToLong(Long::longValue).sum();
            sum.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(3)
                    .forEach(e -> ctx.sink.put(ctx.ps, "S2.reject_rate", r, "code=" + e.getKey(), e.getValue(), total,
                            (double) e.getValue() / total));
        }
    }
}
