package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.sanhui.model.period.Period;

/**
 * What the driver knows once Spark has read and reduced the warehouse: snapshot files by county and
 * period, evaluations, submissions, and the activity aggregates. Package-private, built by
 * {@link WarehouseReader}, consumed by the indicator families.
 */
final class Facts {

    /**
     * Per-organisation activity counts in the windows the indicators need; {@code ytdThen[i]} and
     * {@code conferencesYtdThen[i]} are the year-to-date counts at the end of {@code ComparisonFamily.periods(P)[i]}.
     */
    record OrgActivity(String orgKey, String county, long inP, long inP1, long inP2, long inP3, long ytd,
            long conferencesYtd, long[] ytdThen, long[] conferencesYtdThen) {
    }

    /** Per county and month: activities, participants, co-hosted activities. */
    record CountyMonth(String county, int yearMonth, long count, long participants, long coHosted) {
    }

    final Map<String, NavigableMap<Period, List<Records.Org>>> orgs = new HashMap<>();
    final Map<String, NavigableMap<Period, List<Records.PostRow>>> posts = new HashMap<>();
    final List<Records.Eval> evals = new ArrayList<>();
    final List<Records.Submission> submissions = new ArrayList<>();
    final Map<String, OrgActivity> orgActivity = new HashMap<>();
    final List<CountyMonth> countyMonths = new ArrayList<>();
    final List<Records.Breakdown> breakdowns = new ArrayList<>();
    /** Township code -> for each place window, whether an activity took place there. */
    final Map<String, boolean[]> places = new HashMap<>();
    final List<Records.Problems> problems = new ArrayList<>();
    /**
     * The organisations an evaluation may name: every organisation key of the county's live organisation files of
     * periods up to P's end (those read for the snapshots, and the others where an evaluation names a key the
     * snapshots lack), with the kind of its latest row.
     */
    final Map<String, org.sanhui.model.domain.OrgKind> knownOrgs = new HashMap<>();
    /** Nanoseconds spent per indicator family (reading, then computing), in run order. */
    final Map<String, Long> nanos = new java.util.LinkedHashMap<>();

    /** Orders periods by end date, then by length (a quarter after the month that ends it). */
    static final java.util.Comparator<Period> BY_END =
            java.util.Comparator.comparing(Period::end).thenComparing(p -> p.kind().months());

    /**
     * Returns the organisation snapshot at a cutoff: per county, the rows of its latest file whose period
     * ends on or before the cutoff.
     */
    Map<String, List<Records.Org>> orgSnapshot(LocalDate cutoff) {
        return snapshot(orgs, cutoff);
    }

    /** Returns the post snapshot at a cutoff (see {@link #orgSnapshot}). */
    Map<String, List<Records.PostRow>> postSnapshot(LocalDate cutoff) {
        return snapshot(posts, cutoff);
    }

    static <T> Map<String, List<T>> snapshot(Map<String, NavigableMap<Period, List<T>>> files, LocalDate cutoff) {
        Map<String, List<T>> out = new TreeMap<>();
        for (Map.Entry<String, NavigableMap<Period, List<T>>> e : files.entrySet()) {
            Period best = null;
            for (Period p : e.getValue().keySet()) {
                if (!p.end().isAfter(cutoff) && (best == null || BY_END.compare(p, best) > 0)) {
                    best = p;
                }
            }
            if (best != null) {
                out.put(e.getKey(), e.getValue().get(best));
            }
        }
        return out;
    }

    /**
     * Chooses, per county, the period whose file a snapshot at the cutoff uses.
     *
     * @param periods the periods a county has files for
     * @param cutoff the cutoff
     * @return the chosen period, or null
     */
    static Period choose(Iterable<Period> periods, LocalDate cutoff) {
        Period best = null;
        for (Period p : periods) {
            if (!p.end().isAfter(cutoff) && (best == null || BY_END.compare(p, best) > 0)) {
                best = p;
            }
        }
        return best;
    }
}
