package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.period.Period;

/** The analysed period with everything the indicator families share: facts, regions, rules, output. */
final class Context {

    static final Set<OrgKind> GRASSROOTS = EnumSet.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
            OrgKind.AGRI_SOCIETY);
    static final Set<OrgKind> SOCIETIES = EnumSet.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
            OrgKind.AGRI_SOCIETY, OrgKind.OTHER_SOCIETY);
    static final Set<OrgKind> KEXIE = EnumSet.of(OrgKind.COUNTY_KEXIE, OrgKind.TOWNSHIP_KEXIE);

    final Period p;
    final String ps;
    final Facts facts;
    final Regions regions;
    final AnalysisRules rules;
    final IndicatorSink sink;
    final Lists lists = new Lists();
    final List<String> warnings = new ArrayList<>();

    /** Snapshot at P's end, by county (only counties in scope). */
    final Map<String, List<Records.Org>> snap;
    /** Organisations existing at P's end, by county. */
    final Map<String, List<Records.Org>> existing = new TreeMap<>();
    final Map<String, Records.Org> byKey = new HashMap<>();
    /** Submissions by county, then period. */
    final Map<String, Map<Period, List<Records.Submission>>> subs = new HashMap<>();
    /** Dormant organisations (A3), filled by the activity family and used by G3. */
    final Set<String> dormant = new HashSet<>();
    /** The years with any grade up to P's year, ascending. */
    final TreeSet<Integer> gradeYears = new TreeSet<>();
    /** Grade by org key and year (last accepted wins). */
    final Map<String, Map<Integer, String>> grades = new HashMap<>();
    /**
     * Kind of each graded organisation by key and year: its evaluation row's, else the kind its organisation
     * files give it (null when neither does).
     */
    final Map<String, Map<Integer, OrgKind>> gradedKinds = new HashMap<>();

    Context(Period p, Facts facts, Regions regions, AnalysisRules rules) {
        this.p = p;
        this.ps = p.toString();
        this.facts = facts;
        this.regions = regions;
        this.rules = rules;
        this.sink = new IndicatorSink(regions);
        this.snap = facts.orgSnapshot(p.end());
        for (String c : regions.counties) {
            List<Records.Org> ex = new ArrayList<>();
            for (Records.Org o : snap.getOrDefault(c, List.of())) {
                byKey.put(o.key(), o);
                if (o.existsAt(p.end())) {
                    ex.add(o);
                }
            }
            existing.put(c, ex);
        }
        for (Records.Submission s : facts.submissions) {
            subs.computeIfAbsent(s.county(), k -> new HashMap<>()).computeIfAbsent(s.period(), k -> new ArrayList<>())
                    .add(s);
        }
        List<Records.Eval> ev = new ArrayList<>(facts.evals);
        ev.sort(java.util.Comparator.comparing(e -> e.submission() == null ? "" : e.submission()));
        Set<String> unknown = new TreeSet<>();
        long unknownRows = 0;
        for (Records.Eval e : ev) {
            if (e.year() > p.year() || !regions.counties.contains(Regions.countyOf(e.orgKey()) == null
                    ? e.county() : Regions.countyOf(e.orgKey()))) {
                continue;
            }
            // an evaluation counts only for an organisation that some organisation file of its county knows
            if (!facts.knownOrgs.containsKey(e.orgKey())) {
                unknownRows++;
                unknown.add(e.orgKey());
                continue;
            }
            grades.computeIfAbsent(e.orgKey(), k -> new TreeMap<>()).put(e.year(), e.grade());
            OrgKind kind = e.kind() != null ? e.kind() : facts.knownOrgs.get(e.orgKey());
            gradedKinds.computeIfAbsent(e.orgKey(), k -> new TreeMap<>()).put(e.year(), kind);
            gradeYears.add(e.year());
        }
        if (unknownRows > 0) {
            List<String> some = new ArrayList<>(unknown).subList(0, Math.min(5, unknown.size()));
            warnings.add("G1-G4, R1: " + unknownRows + " evaluation rows of " + unknown.size()
                    + " organisations unknown to every organisation file of their county up to " + p.end()
                    + " are left out (" + String.join(", ", some) + (unknown.size() > 5 ? ", ..." : "") + ")");
        }
    }

    /** The reporting kind of a county's province. */
    Period.Kind kindOf(String county) {
        return rules.reportingKind(county.substring(0, 2));
    }

    /** The periods a county is expected to report for, to cover window period w. */
    List<Period> expected(String county, Period w) {
        Period.Kind k = kindOf(county);
        if (k == w.kind()) {
            return List.of(w);
        }
        if (k == Period.Kind.MONTH && w.kind() == Period.Kind.QUARTER) {
            return w.months();
        }
        return List.of(w.as(k));
    }

    /** Whether a county sent an accepted submission for every period expected to cover w. */
    boolean reported(String county, Period w) {
        Map<Period, List<Records.Submission>> m = subs.getOrDefault(county, Map.of());
        for (Period e : expected(county, w)) {
            if (!m.containsKey(e)) {
                return false;
            }
        }
        return true;
    }

    /** Existing organisations of the given kinds in a county. */
    List<Records.Org> existing(String county, Set<OrgKind> kinds) {
        List<Records.Org> out = new ArrayList<>();
        for (Records.Org o : existing.getOrDefault(county, List.of())) {
            if (kinds.contains(o.kind())) {
                out.add(o);
            }
        }
        return out;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
