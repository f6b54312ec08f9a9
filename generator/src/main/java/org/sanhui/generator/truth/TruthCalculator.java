package org.sanhui.generator.truth;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.sanhui.generator.world.Activity;
import org.sanhui.generator.world.CountyPlan;
import org.sanhui.generator.world.EvalRow;
import org.sanhui.generator.world.KeyPost;
import org.sanhui.generator.world.Org;
import org.sanhui.generator.world.OrgRow;
import org.sanhui.generator.world.Outcome;
import org.sanhui.generator.world.Row;
import org.sanhui.generator.world.Submission;
import org.sanhui.generator.world.World;
import org.sanhui.generator.world.WorldBuilder;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * Computes the figures the generator knows from its own model, applying DOMAIN.md's precise rules directly
 * to the rows each submission must have accepted: the snapshot of a county for a period is its latest
 * submission up to that period; exists = ACTIVE or RECTIFYING and established on or before the period end;
 * the township denominator is the townships whose code suffix is below 400; "3+1" roles with the street
 * alternative SOCIAL_SERVICE_HEAD; seconded posts without an end end two years after their start.
 *
 * <p>Independent of sanhui's analytics: nothing here reads Parquet or the warehouse.
 */
public final class TruthCalculator {

    private static final OrgKind[] THREE = {OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY, OrgKind.AGRI_SOCIETY};
    private static final OrgKind[] GRADED = {OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY, OrgKind.AGRI_SOCIETY,
        OrgKind.OTHER_SOCIETY};
    /** The key-person roles of "N+1" (C3.N): every role but OTHER. */
    private static final List<PersonRole> KEY_ROLES = java.util.Arrays.stream(PersonRole.values())
            .filter(r -> r != PersonRole.OTHER).toList();

    private final Gazetteer gaz = Gazetteer.national();
    private final World world;
    private final Map<String, TreeMap<Period, Submission>> subs = new TreeMap<>();
    private final Map<String, CountyPlan> plans = new TreeMap<>();
    private final List<IndicatorRow> rows = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> lists = new TreeMap<>();

    /**
     * Prepares the calculation.
     *
     * @param world the world
     */
    public TruthCalculator(World world) {
        this.world = world;
        for (CountyPlan p : world.counties()) {
            plans.put(p.county().code(), p);
            subs.put(p.county().code(), new TreeMap<>());
        }
        for (Submission s : world.submissions()) {
            subs.get(s.county()).put(s.period(), s);
        }
    }

    /**
     * Returns the indicator rows, computing them on first call.
     *
     * @return the rows, in a stable order (period, indicator, level, region, breakdown)
     */
    public List<IndicatorRow> indicators() {
        if (rows.isEmpty()) {
            compute();
        }
        return rows;
    }

    /**
     * Returns the lists (exit_candidates, inactive), each row with its period.
     *
     * @return the lists by name
     */
    public Map<String, List<Map<String, Object>>> lists() {
        if (rows.isEmpty()) {
            compute();
        }
        return lists;
    }

    // ------------------------------------------------------------------ snapshot rules

    /** The county's latest submission for a period up to and including P, or null. */
    Submission snapshot(String county, Period p) {
        var e = subs.get(county).floorEntry(p);
        return e == null ? null : e.getValue();
    }

    /** The organisations of the county that exist at P's end, with their row. */
    List<Org> existing(String county, Period p) {
        Submission s = snapshot(county, p);
        List<Org> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (Row<OrgRow> r : s.organisations()) {
            if (r.outcome() != Outcome.ACCEPTED) {
                continue;
            }
            OrgStatus st = r.value().status();
            Org o = r.value().org();
            if ((st == OrgStatus.ACTIVE || st == OrgStatus.RECTIFYING) && !o.established().isAfter(p.end())) {
                out.add(o);
            }
        }
        return out;
    }

    /** Whether a 科协's current vice-chairs (posts snapshot at P) include the three roles. */
    boolean complete(String county, Org kexie, Period p) {
        Submission s = snapshot(county, p);
        Set<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
        for (Row<KeyPost> r : s.posts()) {
            KeyPost kp = r.value();
            if (r.outcome() == Outcome.ACCEPTED && kp.orgId().equals(kexie.id()) && kp.currentViceChair(p.end())) {
                roles.add(kp.role());
            }
        }
        boolean street = gaz.require(kexie.region()).isStreet();
        return roles.contains(PersonRole.HOSPITAL_HEAD) && roles.contains(PersonRole.SCHOOL_HEAD)
                && (roles.contains(PersonRole.AGRI_STATION_HEAD)
                || (street && roles.contains(PersonRole.SOCIAL_SERVICE_HEAD)));
    }

    /**
     * Current key-person vice-chairs (every role but OTHER) of the county's existing county and township 科协 at
     * P, by role (posts snapshot at P, as for "3+1").
     */
    Map<PersonRole, Long> keyPersonViceChairs(String county, List<Org> kexie, Period p) {
        Map<PersonRole, Long> out = new java.util.EnumMap<>(PersonRole.class);
        Submission s = snapshot(county, p);
        if (s == null) {
            return out;
        }
        Set<String> ids = new java.util.HashSet<>();
        kexie.forEach(o -> ids.add(o.id()));
        for (Row<KeyPost> r : s.posts()) {
            KeyPost kp = r.value();
            if (r.outcome() == Outcome.ACCEPTED && ids.contains(kp.orgId()) && kp.role() != PersonRole.OTHER
                    && kp.currentViceChair(p.end())) {
                out.merge(kp.role(), 1L, Long::sum);
            }
        }
        return out;
    }

    /**
     * S2 of a county's own submission for P: rows rejected and rows accepted or rejected, over its organisation,
     * post and activity rows (rows already received are skipped, neither); null when it sent none. The
     * generator sends one submission per county and period (a county writing CSVs sends one file per sheet:
     * ingestion counts each as a submission, all live).
     */
    long[] rejectedRows(String county, Period p) {
        Submission s = subs.get(county).get(p);
        if (s == null) {
            return null;
        }
        long[] out = new long[2];
        List<Row<?>> all = new ArrayList<>();
        all.addAll(s.organisations());
        all.addAll(s.posts());
        all.addAll(s.activities());
        for (Row<?> r : all) {
            if (r.outcome() == Outcome.REJECTED) {
                out[0]++;
                out[1]++;
            } else if (r.outcome() == Outcome.ACCEPTED) {
                out[1]++;
            }
        }
        return out;
    }

    /** Accepted activities of a county dated within P, from any submission. */
    int activities(String county, Period p) {
        int n = 0;
        for (Submission s : subs.get(county).values()) {
            for (Row<Activity> r : s.activities()) {
                if (r.outcome() == Outcome.ACCEPTED && p.contains(r.value().date())) {
                    n++;
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ figures

    private void compute() {
        List<String> counties = new ArrayList<>(plans.keySet());
        for (Period p : world.periods()) {
            String pc = p.toString();
            Map<String, long[]> c1 = new TreeMap<>(); // per county: kinds present (3) + full
            Map<String, long[]> c2 = new TreeMap<>(); // per county: townships covered, townships, county kexie
            Map<String, long[]> c3 = new TreeMap<>(); // per county: county complete, county kexie, twp complete, twp kexie
            Map<String, long[]> a1 = new TreeMap<>(); // per county: activities (reported counties only)
            Map<String, long[]> s1 = new TreeMap<>(); // per county: reported, on time
            Map<String, long[]> s2 = new TreeMap<>(); // per county: rejected rows, rows (counties that reported)
            Map<String, long[]> c3n = new TreeMap<>(); // per county: vice-chairs per KEY_ROLES, then 科协
            for (String c : counties) {
                List<Org> ex = existing(c, p);
                long[] k = new long[4];
                for (int i = 0; i < 3; i++) {
                    OrgKind kind = THREE[i];
                    k[i] = ex.stream().anyMatch(o -> o.kind() == kind) ? 1 : 0;
                }
                k[3] = k[0] * k[1] * k[2];
                c1.put(c, k);
                Set<String> covered = new TreeSet<>();
                long countyKexie = 0;
                long cComplete = 0;
                long tComplete = 0;
                long tTotal = 0;
                for (Org o : ex) {
                    if (o.kind() == OrgKind.TOWNSHIP_KEXIE) {
                        Region t = gaz.require(o.region());
                        if (t.isTownshipProper()) {
                            covered.add(t.code());
                        }
                        tTotal++;
                        tComplete += complete(c, o, p) ? 1 : 0;
                    } else if (o.kind() == OrgKind.COUNTY_KEXIE) {
                        countyKexie++;
                        cComplete += complete(c, o, p) ? 1 : 0;
                    }
                }
                List<Org> kexie = ex.stream().filter(o -> o.kind() == OrgKind.COUNTY_KEXIE
                        || o.kind() == OrgKind.TOWNSHIP_KEXIE).toList();
                Map<PersonRole, Long> byRole = keyPersonViceChairs(c, kexie, p);
                long[] n = new long[KEY_ROLES.size() + 1];
                for (int i = 0; i < KEY_ROLES.size(); i++) {
                    n[i] = byRole.getOrDefault(KEY_ROLES.get(i), 0L);
                }
                n[KEY_ROLES.size()] = kexie.size();
                c3n.put(c, n);
                long[] rej = rejectedRows(c, p);
                s2.put(c, rej == null ? new long[2] : rej);
                long townships = gaz.children(c).stream().filter(Region::isTownshipProper).count();
                c2.put(c, new long[] {covered.size(), townships, countyKexie > 0 ? 1 : 0});
                c3.put(c, new long[] {cComplete, countyKexie, tComplete, tTotal});
                Submission own = subs.get(c).get(p);
                s1.put(c, new long[] {own == null ? 0 : 1, own != null && own.onTime() ? 1 : 0});
                if (own != null) {
                    a1.put(c, new long[] {activities(c, p)});
                }
            }
            for (String c : counties) {
                long[] k = c1.get(c);
                for (int i = 0; i < 3; i++) {
                    add(pc, "C1." + THREE[i].name(), c, RegionLevel.COUNTY, "", k[i], 1L, (double) k[i]);
                }
                add(pc, "C1.full", c, RegionLevel.COUNTY, "", k[3], 1L, (double) k[3]);
                long[] t = c2.get(c);
                add(pc, "C2.township", c, RegionLevel.COUNTY, "", t[0], t[1], rate(t[0], t[1]));
                add(pc, "C2.county", c, RegionLevel.COUNTY, "", t[2], 1L, (double) t[2]);
                long[] x = c3.get(c);
                add(pc, "C3.county", c, RegionLevel.COUNTY, "", x[0], x[1], rate(x[0], x[1]));
                add(pc, "C3.township", c, RegionLevel.COUNTY, "", x[2], x[3], rate(x[2], x[3]));
                if (a1.containsKey(c)) {
                    long n = a1.get(c)[0];
                    add(pc, "A1.count", c, RegionLevel.COUNTY, "", null, null, (double) n);
                }
                long[] r2 = s2.get(c);
                if (r2[1] > 0) {
                    add(pc, "S2.reject_rate", c, RegionLevel.COUNTY, "", r2[0], r2[1], rate(r2[0], r2[1]));
                }
                c3nRows(pc, c, RegionLevel.COUNTY, List.of(c), c3n);
                long[] s = s1.get(c);
                add(pc, "S1.rate", c, RegionLevel.COUNTY, "", s[0], 1L, (double) s[0]);
                if (s[0] == 1) {
                    add(pc, "S1.ontime", c, RegionLevel.COUNTY, "", s[1], 1L, (double) s[1]);
                }
            }
            for (var area : areas(counties).entrySet()) {
                Region reg = gaz.require(area.getKey());
                List<String> in = area.getValue();
                for (int i = 0; i < 4; i++) {
                    int ii = i;
                    long num = in.stream().mapToLong(c -> c1.get(c)[ii]).sum();
                    add(pc, i < 3 ? "C1." + THREE[i].name() : "C1.full", reg.code(), reg.level(), "", num,
                            (long) in.size(), rate(num, in.size()));
                }
                long cov = in.stream().mapToLong(c -> c2.get(c)[0]).sum();
                long tw = in.stream().mapToLong(c -> c2.get(c)[1]).sum();
                add(pc, "C2.township", reg.code(), reg.level(), "", cov, tw, rate(cov, tw));
                long ck = in.stream().mapToLong(c -> c2.get(c)[2]).sum();
                add(pc, "C2.county", reg.code(), reg.level(), "", ck, (long) in.size(), rate(ck, in.size()));
                long cc = in.stream().mapToLong(c -> c3.get(c)[0]).sum();
                long cn = in.stream().mapToLong(c -> c3.get(c)[1]).sum();
                long tc = in.stream().mapToLong(c -> c3.get(c)[2]).sum();
                long tn = in.stream().mapToLong(c -> c3.get(c)[3]).sum();
                add(pc, "C3.county", reg.code(), reg.level(), "", cc, cn, rate(cc, cn));
                add(pc, "C3.township", reg.code(), reg.level(), "", tc, tn, rate(tc, tn));
                long acts = in.stream().filter(a1::containsKey).mapToLong(c -> a1.get(c)[0]).sum();
                add(pc, "A1.count", reg.code(), reg.level(), "", null, null, (double) acts);
                long rep = in.stream().mapToLong(c -> s1.get(c)[0]).sum();
                long on = in.stream().mapToLong(c -> s1.get(c)[1]).sum();
                add(pc, "S1.rate", reg.code(), reg.level(), "", rep, (long) in.size(), rate(rep, in.size()));
                add(pc, "S1.ontime", reg.code(), reg.level(), "", on, rep, rate(on, rep));
                long rj = in.stream().mapToLong(c -> s2.get(c)[0]).sum();
                long rw = in.stream().mapToLong(c -> s2.get(c)[1]).sum();
                if (rw > 0) {
                    add(pc, "S2.reject_rate", reg.code(), reg.level(), "", rj, rw, rate(rj, rw));
                }
                c3nRows(pc, reg.code(), reg.level(), in, c3n);
            }
            inactive(p);
            exitCandidates(p);
        }
        grades(counties);
        rows.sort((a, b) -> {
            int c = a.period().compareTo(b.period());
            if (c == 0) {
                c = a.indicator().compareTo(b.indicator());
            }
            if (c == 0) {
                c = a.regionLevel().compareTo(b.regionLevel());
            }
            if (c == 0) {
                c = a.regionCode().compareTo(b.regionCode());
            }
            return c != 0 ? c : a.breakdown().compareTo(b.breakdown());
        });
    }

    /** C3.N of a region (its total and one row per key-person role), when it has a 科协. */
    private void c3nRows(String pc, String code, RegionLevel level, List<String> in, Map<String, long[]> c3n) {
        int k = KEY_ROLES.size();
        long den = in.stream().mapToLong(c -> c3n.get(c)[k]).sum();
        if (den == 0) {
            return; // no 科协: the value is null, nothing to compare
        }
        long total = 0;
        for (int i = 0; i < k; i++) {
            int ii = i;
            long n = in.stream().mapToLong(c -> c3n.get(c)[ii]).sum();
            total += n;
            add(pc, "C3.N", code, level, "role=" + KEY_ROLES.get(i).name(), n, den, rate(n, den));
        }
        add(pc, "C3.N", code, level, "", total, den, rate(total, den));
    }

    private void grades(List<String> counties) {
        // an evaluation counts only for an organisation some accepted organisation row of its county lists (as an
        // analysis of the last period sees the warehouse)
        Map<String, Set<String>> known = new HashMap<>();
        for (Submission s : world.submissions()) {
            for (Row<OrgRow> o : s.organisations()) {
                if (o.outcome() == Outcome.ACCEPTED) {
                    known.computeIfAbsent(s.county(), k -> new java.util.HashSet<>()).add(o.value().org().id());
                }
            }
        }
        Map<String, Grade> graded = new HashMap<>();
        Map<String, Map<Integer, List<Org>>> gradedOrgs = new HashMap<>(); // county -> year -> graded societies
        for (Row<EvalRow> r : world.evaluations()) {
            EvalRow e = r.value();
            if (r.outcome() == Outcome.ACCEPTED
                    && known.getOrDefault(e.org().county(), Set.of()).contains(e.org().id())) {
                graded.put(plans.get(e.org().county()).key(e.org()) + "@" + e.year(), e.grade());
                if (e.org().graded()) {
                    gradedOrgs.computeIfAbsent(e.org().county(), k -> new HashMap<>())
                            .computeIfAbsent(e.year(), k -> new ArrayList<>()).add(e.org());
                }
            }
        }
        for (Period p : world.periods()) {
            if (!WorldBuilder.endsYear(p) || world.evaluations().isEmpty()) {
                continue;
            }
            int year = p.year();
            Map<String, Map<String, Long>> counts = new TreeMap<>(); // region -> "breakdown|grade" -> n
            Set<String> unknownNotEvaluated = new java.util.HashSet<>(); // regions with a county graded unseen
            for (var area : areas(counties).entrySet()) {
                Map<String, Long> m = new TreeMap<>();
                for (String c : area.getValue()) {
                    // a county with grades that year but no submission by its end: its societies are those graded
                    List<Org> population = existing(c, p);
                    if (snapshot(c, p) == null) {
                        population = gradedOrgs.getOrDefault(c, Map.of()).getOrDefault(year, List.of());
                        if (!population.isEmpty()) {
                            unknownNotEvaluated.add(area.getKey());
                        }
                    }
                    for (Org o : population) {
                        if (!o.graded()) {
                            continue;
                        }
                        Grade g = graded.get(plans.get(c).key(o) + "@" + year);
                        String gn = g == null ? "NOT_EVALUATED" : g.name();
                        m.merge("|" + gn, 1L, Long::sum);
                        m.merge("kind=" + o.kind().name() + "|" + gn, 1L, Long::sum);
                    }
                }
                counts.put(area.getKey(), m);
            }
            for (var e : counts.entrySet()) {
                Region reg = gaz.require(e.getKey());
                for (String b : breakdowns()) {
                    for (String g : new String[] {"A", "B", "C", "NOT_EVALUATED"}) {
                        long n = e.getValue().getOrDefault(b + "|" + g, 0L);
                        boolean unknown = g.equals("NOT_EVALUATED") && unknownNotEvaluated.contains(e.getKey());
                        add(Integer.toString(year), "G1." + g, reg.code(), reg.level(), b, null, null,
                                unknown ? null : (double) n);
                    }
                }
            }
        }
    }

    private static List<String> breakdowns() {
        List<String> out = new ArrayList<>();
        out.add("");
        for (OrgKind k : GRADED) {
            out.add("kind=" + k.name());
        }
        return out;
    }

    private void inactive(Period p) {
        Period prev = p.previous();
        if (!world.periods().contains(prev)) {
            return;
        }
        List<Map<String, Object>> list = lists.computeIfAbsent("inactive", k -> new ArrayList<>());
        for (String c : plans.keySet()) {
            if (!subs.get(c).containsKey(p) || !subs.get(c).containsKey(prev)) {
                continue; // unknown, not inactive
            }
            Map<String, Integer> count = new HashMap<>();
            for (Submission s : subs.get(c).values()) {
                for (Row<Activity> r : s.activities()) {
                    LocalDate d = r.value().date();
                    if (r.outcome() == Outcome.ACCEPTED && (p.contains(d) || prev.contains(d))) {
                        count.merge(r.value().orgId(), 1, Integer::sum);
                    }
                }
            }
            for (Org o : existing(c, p)) {
                if (!o.established().isBefore(prev.start())) {
                    continue; // established inside the window
                }
                if (!count.containsKey(o.id())) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("period", p.toString());
                    row.put("org_key", plans.get(c).key(o));
                    row.put("org_name", o.name());
                    row.put("county_code", c);
                    row.put("kind", o.kind().name());
                    list.add(row);
                }
            }
        }
    }

    private void exitCandidates(Period p) {
        List<Map<String, Object>> list = lists.computeIfAbsent("exit_candidates", k -> new ArrayList<>());
        Map<String, TreeMap<Integer, Grade>> byOrg = new TreeMap<>();
        Map<String, Org> orgs = new HashMap<>();
        for (Row<EvalRow> r : world.evaluations()) {
            EvalRow e = r.value();
            if (r.outcome() != Outcome.ACCEPTED || e.year() > p.year()) {
                continue;
            }
            String key = plans.get(e.org().county()).key(e.org());
            byOrg.computeIfAbsent(key, k -> new TreeMap<>()).put(e.year(), e.grade());
            orgs.put(key, e.org());
        }
        for (var e : byOrg.entrySet()) {
            TreeMap<Integer, Grade> g = e.getValue();
            if (g.size() < 2) {
                continue;
            }
            int last = g.lastKey();
            int before = g.lowerKey(last);
            if (g.get(last) == Grade.C && g.get(before) == Grade.C) {
                Org o = orgs.get(e.getKey());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("period", p.toString());
                row.put("org_key", e.getKey());
                row.put("org_name", o.name());
                row.put("county_code", o.county());
                row.put("kind", o.kind().name());
                row.put("leader_name", o.leader());
                row.put("grades", before + "=C;" + last + "=C");
                list.add(row);
            }
        }
    }

    /** Cities, provinces (and the nation for scope 00) with their counties in scope. */
    private Map<String, List<String>> areas(List<String> counties) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String c : counties) {
            String city = gaz.require(c).parentCode();
            out.computeIfAbsent(city, k -> new ArrayList<>()).add(c);
            out.computeIfAbsent(c.substring(0, 2), k -> new ArrayList<>()).add(c);
            if (world.scope().equals("00")) {
                out.computeIfAbsent("00", k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    private static Double rate(long num, long den) {
        return den == 0 ? null : (double) num / den;
    }

    private void add(String period, String indicator, String region, RegionLevel level, String breakdown, Long num,
            Long den, Double value) {
        rows.add(new IndicatorRow(period, indicator, region, level, breakdown, num, den, value));
    }
}
