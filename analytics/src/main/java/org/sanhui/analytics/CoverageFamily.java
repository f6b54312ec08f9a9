package org.sanhui.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Region;

/** C0-C8: coverage, with the lists of counties missing kinds, rectifying organisations and seconded posts ending. */
final class CoverageFamily {

    private CoverageFamily() {
    }

    static void compute(Context ctx) {
        c0(ctx, ctx.p, ctx.snap); // the periods compared with: ComparisonFamily
        LocalDate end = ctx.p.end();
        String ps = ctx.ps;
        for (OrgKind k : Context.GRASSROOTS) {
            ctx.sink.rates(ps, "C1." + k.name(), "", c1(ctx, ctx.snap, end, EnumSet.of(k)));
        }
        ctx.sink.rates(ps, "C1.full", "", c1(ctx, ctx.snap, end, Context.GRASSROOTS));
        missingKinds(ctx);
        ctx.sink.rates(ps, "C2.township", "", c2Township(ctx, ctx.snap, end));
        ctx.sink.rates(ps, "C2.county", "", c2County(ctx, ctx.snap, end));
        Map<String, List<Records.PostRow>> posts = ctx.facts.postSnapshot(end);
        ctx.sink.rates(ps, "C3.county", "", c3(ctx, ctx.snap, posts, end, OrgKind.COUNTY_KEXIE));
        ctx.sink.rates(ps, "C3.township", "", c3(ctx, ctx.snap, posts, end, OrgKind.TOWNSHIP_KEXIE));
        c3n(ctx, posts);
        secondedEnding(ctx, posts);
        c4c5c6(ctx);
        ctx.sink.rates(ps, "C7.rate", "", c7(ctx, ctx.snap, end));
        ctx.sink.rates(ps, "C8.rate", "", c8(ctx, ctx.snap, end));
        for (String c : ctx.regions.counties) {
            for (Records.Org o : ctx.existing.get(c)) {
                if (o.status() == OrgStatus.RECTIFYING) {
                    ctx.lists.add("rectifying", "org_key", o.key(), "org_name", o.name(), "county_code", c, "kind",
                            o.kind().name(), "reason", "status RECTIFYING (整改中)", "established", str(o.established()));
                }
            }
        }
    }

    /** C0 counts and members of the organisations existing at the end of a period, on its snapshot. */
    static void c0(Context ctx, Period per, Map<String, List<Records.Org>> snap) {
        Map<String, Long> total = new TreeMap<>();
        Map<String, Long> members = new TreeMap<>();
        Map<OrgKind, Map<String, Long>> byKind = new EnumMap<>(OrgKind.class);
        Map<OrgKind, Map<String, Long>> membersByKind = new EnumMap<>(OrgKind.class);
        for (OrgKind k : OrgKind.values()) {
            byKind.put(k, new TreeMap<>());
            membersByKind.put(k, new TreeMap<>());
        }
        for (String c : ctx.regions.counties) {
            long n = 0;
            long m = 0;
            for (Records.Org o : snap.getOrDefault(c, List.of())) {
                if (!o.existsAt(per.end())) {
                    continue;
                }
                n++;
                long mem = o.members() == null ? 0 : o.members();
                m += mem;
                byKind.get(o.kind()).merge(c, 1L, Long::sum);
                membersByKind.get(o.kind()).merge(c, mem, Long::sum);
            }
            total.put(c, n);
            members.put(c, m);
        }
        String ps = per.toString();
        ctx.sink.counts(ps, "C0.count", "", total);
        ctx.sink.counts(ps, "C0.members", "", members);
        for (OrgKind k : OrgKind.values()) {
            ctx.sink.counts(ps, "C0.count", "kind=" + k.name(), byKind.get(k));
            ctx.sink.counts(ps, "C0.members", "kind=" + k.name(), membersByKind.get(k));
        }
    }

    /** Per county: 1/1 when it has an existing society of every kind given, else 0/1. */
    static Map<String, long[]> c1(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf, Set<OrgKind> kinds) {
        Map<String, long[]> out = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            Set<OrgKind> have = kindsPresent(snap.getOrDefault(c, List.of()), asOf);
            out.put(c, new long[] {have.containsAll(kinds) ? 1 : 0, 1});
        }
        return out;
    }

    static Set<OrgKind> kindsPresent(List<Records.Org> orgs, LocalDate asOf) {
        Set<OrgKind> have = EnumSet.noneOf(OrgKind.class);
        for (Records.Org o : orgs) {
            if (o.existsAt(asOf)) {
                have.add(o.kind());
            }
        }
        return have;
    }

    private static void missingKinds(Context ctx) {
        for (String c : ctx.regions.counties) {
            Set<OrgKind> have = kindsPresent(ctx.snap.getOrDefault(c, List.of()), ctx.p.end());
            List<String> missing = new ArrayList<>();
            for (OrgKind k : Context.GRASSROOTS) {
                if (!have.contains(k)) {
                    missing.add(k.name());
                }
            }
            if (!missing.isEmpty()) {
                ctx.lists.add("counties_missing_kinds", "county_code", c, "county_name", ctx.regions.name(c),
                        "city_code", ctx.regions.cityOf(c), "kind", String.join(";", missing), "reason",
                        "no existing society of kind " + String.join(", ", missing), "reported",
                        ctx.reported(c, ctx.p));
            }
        }
    }

    static String townshipOf(Records.Org o) {
        String r = o.region();
        return r != null && r.length() >= 9 ? r.substring(0, 9) : null;
    }

    /** Per county: townships (乡, 镇, 街道) with an existing township 科协 / the township denominator. */
    static Map<String, long[]> c2Township(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf) {
        return townshipsWith(ctx, snap, asOf, OrgKind.TOWNSHIP_KEXIE, false);
    }

    private static Map<String, long[]> townshipsWith(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf,
            OrgKind kind, boolean noStreets) {
        Map<String, long[]> out = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            Set<String> with = new HashSet<>();
            for (Records.Org o : snap.getOrDefault(c, List.of())) {
                if (o.kind() == kind && o.existsAt(asOf) && townshipOf(o) != null) {
                    with.add(townshipOf(o));
                }
            }
            long n = 0;
            long d = 0;
            for (Region t : ctx.regions.townships(c)) {
                if (!t.isTownshipProper() || (noStreets && t.isStreet())) {
                    continue;
                }
                d++;
                if (with.contains(t.code())) {
                    n++;
                }
            }
            out.put(c, new long[] {n, d});
        }
        return out;
    }

    /** Per county: 1/1 with an existing county 科协. */
    static Map<String, long[]> c2County(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf) {
        return c1(ctx, snap, asOf, EnumSet.of(OrgKind.COUNTY_KEXIE));
    }

    /** Per county: existing 科协 of the level whose current vice-chairs include the three roles / those 科协. */
    static Map<String, long[]> c3(Context ctx, Map<String, List<Records.Org>> snap,
            Map<String, List<Records.PostRow>> posts, LocalDate asOf, OrgKind level) {
        Map<String, long[]> out = new TreeMap<>();
        for (String c : ctx.regions.counties) {
            Map<String, Set<PersonRole>> roles = viceChairRoles(ctx, posts.getOrDefault(c, List.of()), asOf);
            long n = 0;
            long d = 0;
            for (Records.Org o : snap.getOrDefault(c, List.of())) {
                if (o.kind() != level || !o.existsAt(asOf)) {
                    continue;
                }
                d++;
                if (complete(ctx, o, roles.getOrDefault(o.key(), Set.of()))) {
                    n++;
                }
            }
            out.put(c, new long[] {n, d});
        }
        return out;
    }

    static Map<String, Set<PersonRole>> viceChairRoles(Context ctx, List<Records.PostRow> posts, LocalDate asOf) {
        Map<String, Set<PersonRole>> roles = new HashMap<>();
        for (Records.PostRow pr : posts) {
            if (pr.post() != null && ctx.rules.viceChairPosts().contains(pr.post()) && pr.role() != null
                    && pr.currentAt(asOf)) {
                roles.computeIfAbsent(pr.orgKey(), k -> EnumSet.noneOf(PersonRole.class)).add(pr.role());
            }
        }
        return roles;
    }

    /** The three roles present; for a street 科协 a role may be replaced by its street alternative. */
    static boolean complete(Context ctx, Records.Org o, Set<PersonRole> roles) {
        boolean street = false;
        String t = townshipOf(o);
        if (o.kind() == OrgKind.TOWNSHIP_KEXIE && t != null) {
            street = ctx.regions.gazetteer.byCode(t).map(Region::isStreet).orElse(false);
        }
        for (PersonRole r : ctx.rules.threeRoles()) {
            if (roles.contains(r)) {
                continue;
            }
            PersonRole alt = ctx.rules.streetAlternatives().get(r);
            if (street && alt != null && roles.contains(alt)) {
                continue;
            }
            return false;
        }
        return true;
    }

    /**
     * C3.N: current vice-chairs with a key-person role of existing county and township 科协 per 科协; the
     * {@code role=} rows break the numerator down by role (every key-person role, zeros included), so the N of
     * "N+1" can be read.
     */
    private static void c3n(Context ctx, Map<String, List<Records.PostRow>> posts) {
        Map<String, long[]> out = new TreeMap<>();
        Map<PersonRole, Map<String, long[]>> byRole = new EnumMap<>(PersonRole.class);
        for (PersonRole r : ctx.rules.keyPersonRoles()) {
            byRole.put(r, new TreeMap<>());
        }
        LocalDate end = ctx.p.end();
        for (String c : ctx.regions.counties) {
            Set<String> kexie = new HashSet<>();
            for (Records.Org o : ctx.existing(c, Context.KEXIE)) {
                kexie.add(o.key());
            }
            long n = 0;
            Map<PersonRole, Long> roles = new EnumMap<>(PersonRole.class);
            for (Records.PostRow pr : posts.getOrDefault(c, List.of())) {
                if (kexie.contains(pr.orgKey()) && pr.post() != null && ctx.rules.viceChairPosts().contains(pr.post())
                        && pr.role() != null && ctx.rules.keyPersonRoles().contains(pr.role()) && pr.currentAt(end)) {
                    n++;
                    roles.merge(pr.role(), 1L, Long::sum);
                }
            }
            out.put(c, new long[] {n, kexie.size()});
            for (Map.Entry<PersonRole, Map<String, long[]>> e : byRole.entrySet()) {
                e.getValue().put(c, new long[] {roles.getOrDefault(e.getKey(), 0L), kexie.size()});
            }
        }
        ctx.sink.rates(ctx.ps, "C3.N", "", out);
        byRole.forEach((r, m) -> ctx.sink.rates(ctx.ps, "C3.N", "role=" + r.name(), m));
    }

    private static void secondedEnding(Context ctx, Map<String, List<Records.PostRow>> posts) {
        LocalDate end = ctx.p.end();
        LocalDate horizon = end.plusMonths(3);
        for (String c : ctx.regions.counties) {
            for (Records.PostRow pr : posts.getOrDefault(c, List.of())) {
                if (pr.post() != Post.SECONDED_VICE_CHAIR || !pr.currentAt(end) || pr.end() == null
                        || !pr.end().isAfter(end) || pr.end().isAfter(horizon)) {
                    continue;
                }
                Records.Org o = ctx.byKey.get(pr.orgKey());
                if (o == null || !o.existsAt(end)) {
                    continue;
                }
                ctx.lists.add("seconded_ending", "org_key", o.key(), "org_name", o.name(), "county_code", c, "kind",
                        o.kind().name(), "reason", "seconded vice-chair post ends " + pr.end(), "role",
                        pr.role() == null ? null : pr.role().name(), "start_date", str(pr.start()), "end_date",
                        str(pr.end()));
            }
        }
    }

    private static void c4c5c6(Context ctx) {
        Map<String, long[]> c4 = new TreeMap<>();
        Map<OrgKind, Map<String, long[]>> c4k = new EnumMap<>(OrgKind.class);
        Map<String, long[]> five = new TreeMap<>();
        Map<String, long[]> party = new TreeMap<>();
        Map<String, long[]> c6 = new TreeMap<>();
        for (OrgKind k : Context.GRASSROOTS) {
            c4k.put(k, new TreeMap<>());
        }
        for (String c : ctx.regions.counties) {
            long[] a = new long[2];
            long[] f = new long[2];
            long[] pa = new long[2];
            long[] g = new long[2];
            for (OrgKind k : Context.GRASSROOTS) {
                c4k.get(k).put(c, new long[2]);
            }
            for (Records.Org o : ctx.existing.get(c)) {
                if (Context.GRASSROOTS.contains(o.kind())) {
                    long yes = o.paired() != null ? 1 : 0;
                    a[0] += yes;
                    a[1]++;
                    long[] kk = c4k.get(o.kind()).get(c);
                    kk[0] += yes;
                    kk[1]++;
                    Boolean all = allOf(o.charter(), o.congress(), o.council(), o.financialRules(),
                            o.membershipRules());
                    if (all != null) {
                        f[1]++;
                        f[0] += all ? 1 : 0;
                    }
                    if (o.party() != null) {
                        pa[1]++;
                        pa[0] += o.party() ? 1 : 0;
                    }
                }
                if (o.kind() == OrgKind.TOWNSHIP_KEXIE) {
                    Boolean anyGap = anyOf(o.lacksStaffing(), o.lacksStaff(), o.lacksFunds(), o.lacksVenue());
                    if (anyGap != null) {
                        g[1]++;
                        g[0] += anyGap ? 0 : 1;
                    }
                }
            }
            c4.put(c, a);
            five.put(c, f);
            party.put(c, pa);
            c6.put(c, g);
        }
        ctx.sink.rates(ctx.ps, "C4.rate", "", c4);
        for (OrgKind k : Context.GRASSROOTS) {
            ctx.sink.rates(ctx.ps, "C4.rate", "kind=" + k.name(), c4k.get(k));
        }
        ctx.sink.rates(ctx.ps, "C5.all_five", "", five);
        ctx.sink.rates(ctx.ps, "C5.party", "", party);
        ctx.sink.rates(ctx.ps, "C6.rate", "", c6);
    }

    /** true if all true, false if any false, null if none false but some unknown. */
    static Boolean allOf(Boolean... v) {
        boolean unknown = false;
        for (Boolean b : v) {
            if (b == null) {
                unknown = true;
            } else if (!b) {
                return false;
            }
        }
        return unknown ? null : true;
    }

    /** true if any true, false if all false, null if none true but some unknown. */
    static Boolean anyOf(Boolean... v) {
        boolean unknown = false;
        for (Boolean b : v) {
            if (b == null) {
                unknown = true;
            } else if (b) {
                return true;
            }
        }
        return unknown ? null : false;
    }

    /** Per county: 1/1 with an existing volunteer team. */
    static Map<String, long[]> c7(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf) {
        return c1(ctx, snap, asOf, EnumSet.of(OrgKind.VOLUNTEER_TEAM));
    }

    /** Per county: 乡 and 镇 (no streets, code below 400) with an existing 农技协 / such townships. */
    static Map<String, long[]> c8(Context ctx, Map<String, List<Records.Org>> snap, LocalDate asOf) {
        return townshipsWith(ctx, snap, asOf, OrgKind.RURAL_TECH_ASSOCIATION, true);
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
