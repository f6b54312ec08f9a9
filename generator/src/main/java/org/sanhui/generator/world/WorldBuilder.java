package org.sanhui.generator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * Builds the {@link World} of a scope deterministically from a seed: every random draw comes from a
 * {@link SplittableRandom} seeded from the seed and the county code, and every collection is iterated in a
 * sorted order, so the same arguments always give the same world.
 *
 * <p>The story: the three grassroots societies are founded through 2023 towards the 2023-11-30 target, a few
 * counties lag; most townships have a 科协, some lack a 三长 vice-chair; seconded posts expire two years after
 * their start and are not always replaced; activities peak in May (科技周) and September (全国科普日); a few
 * organisations fall silent; some societies are graded C twice; a few submissions are missing or late.
 */
public final class WorldBuilder {

    /** The coverage target of the Ningxia plan (DOMAIN.md, {@code 000_*}). */
    public static final LocalDate TARGET = LocalDate.of(2023, 11, 30);

    private static final double[] SEASON = {0.6, 0.5, 0.9, 1.0, 2.2, 1.0, 0.8, 0.8, 2.4, 1.0, 1.0, 0.8};
    /** The mean of the monthly season weights. */
    public static final double SEASON_MEAN = 13.0 / 12.0;

    /**
     * Returns the season weight of a month: 2.2 in May (科技周), 2.4 in September (全国科普日), about 1 otherwise.
     *
     * @param month 1 to 12
     * @return the weight
     */
    public static double season(int month) {
        return SEASON[month - 1];
    }

    private final Gazetteer gaz = Gazetteer.national();
    private final String scope;
    private final List<Period> periods;
    private final long seed;
    private final Long activityTarget;
    private final Channels channelMix;
    private final boolean plantProblems;

    /** How the counties of a world send their submissions. */
    public enum Channels {
        /** The sample's mix: mostly xlsx; one county each sends UTF-8, GBK and GB18030 CSV and .xls; one city one workbook. */
        SAMPLE,
        /** Every county sends CSV (UTF-8 with BOM, GBK, GB18030 in turn). */
        CSV_ONLY,
        /** Every county sends one .xlsx workbook of its own. */
        XLSX_ONLY
    }

    /**
     * Prepares a builder.
     *
     * @param scope the scope code (a province, a city, a county or {@code 00})
     * @param periods the quarters, or the months of a province that reports monthly, in order, at least one
     * @param seed the seed
     * @param activityTarget the approximate total number of activities wanted, or null for the natural rate
     * @param channelMix how the counties send their submissions, null not permitted
     * @param plantProblems whether to plant bad rows, duplicates, late filings and missing submissions
     */
    public WorldBuilder(String scope, List<Period> periods, long seed, Long activityTarget, Channels channelMix,
            boolean plantProblems) {
        this.scope = scope;
        this.periods = List.copyOf(periods);
        this.seed = seed;
        this.activityTarget = activityTarget;
        this.channelMix = java.util.Objects.requireNonNull(channelMix, "channelMix");
        this.plantProblems = plantProblems;
    }

    /**
     * Returns a random source for a named part of the world.
     *
     * @param seed the seed
     * @param part the part's name (a county code, "channels", ...)
     * @return an independent, reproducible random source
     */
    public static SplittableRandom rng(long seed, String part) {
        long h = 1125899906842597L;
        for (int i = 0; i < part.length(); i++) {
            h = 31 * h + part.charAt(i);
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
    }

    /**
     * Builds the world.
     *
     * @return the world
     */
    public World build() {
        List<Region> counties = new ArrayList<>(gaz.within(scope, RegionLevel.COUNTY));
        counties.sort(Comparator.comparing(Region::code));
        SplittableRandom top = rng(seed, "world");

        // the city that sends one workbook for its counties: the last city in scope with 2 to 4 counties
        String cityWorkbook = null;
        if (channelMix == Channels.SAMPLE && counties.size() >= 6) {
            TreeMap<String, Integer> perCity = new TreeMap<>();
            for (Region c : counties) {
                perCity.merge(c.parentCode(), 1, Integer::sum);
            }
            for (var e : perCity.entrySet()) {
                if (e.getValue() >= 2 && e.getValue() <= 4) {
                    cityWorkbook = e.getKey();
                }
            }
        }
        // channels
        Channel[] channels = new Channel[counties.size()];
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            if (channelMix == Channels.CSV_ONLY) {
                channels[i] = new Channel[] {Channel.CSV_UTF8_BOM, Channel.CSV_GBK, Channel.CSV_GB18030}[i % 3];
            } else if (counties.get(i).parentCode().equals(cityWorkbook)) {
                channels[i] = Channel.CITY_WORKBOOK;
            } else {
                channels[i] = Channel.XLSX;
                free.add(i);
            }
        }
        if (channelMix == Channels.SAMPLE && free.size() >= 6) {
            Channel[] special = {Channel.CSV_UTF8_BOM, Channel.CSV_GBK, Channel.CSV_GB18030, Channel.XLS};
            for (Channel ch : special) {
                int pick = free.remove(top.nextInt(free.size()));
                channels[pick] = ch;
            }
        }
        // lagging counties (C1) and ids
        Set<String> lagging = new HashSet<>();
        Set<String> noIds = new HashSet<>();
        List<String> codes = counties.stream().map(Region::code).toList();
        int nLag = Math.max(1, Math.min(3, counties.size() / 7));
        while (lagging.size() < Math.min(nLag, codes.size())) {
            lagging.add(codes.get(top.nextInt(codes.size())));
        }
        int nNoIds = counties.size() >= 10 ? 2 : 0;
        while (noIds.size() < nNoIds) {
            String c = codes.get(top.nextInt(codes.size()));
            if (channels[codes.indexOf(c)] == Channel.XLSX) {
                noIds.add(c);
            }
        }
        String lateCountyKexie = codes.get(top.nextInt(codes.size()));
        LocalDate cityFilingBase = null;

        List<CountyPlan> plans = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            Region county = counties.get(i);
            int lag = !lagging.contains(county.code()) ? 0
                    : county.code().equals(new java.util.TreeSet<>(lagging).first()) ? 2 : 1;
            plans.add(county(county, channels[i], lag, !noIds.contains(county.code()),
                    county.code().equals(lateCountyKexie)));
        }
        double scale = 1.0;
        if (activityTarget != null) {
            int months = periods.stream().mapToInt(p -> p.kind().months()).sum();
            double expected = 0;
            for (CountyPlan p : plans) {
                for (Org o : p.orgs()) {
                    expected += o.activityRate() * months / 3.0; // the rate is per quarter
                }
            }
            scale = expected == 0 ? 1 : activityTarget / expected;
        }
        List<Submission> subs = new ArrayList<>();
        List<CountyPlan> finished = new ArrayList<>();
        TreeMap<Period, LocalDate> cityFiling = new TreeMap<>();
        SplittableRandom cityRng = rng(seed, "city");
        for (Period p : periods) {
            cityFiling.put(p, p.end().plusDays(plantProblems && cityRng.nextInt(100) < 25
                    ? 16 + cityRng.nextInt(20) : 4 + cityRng.nextInt(10)));
        }
        for (CountyPlan plan : plans) {
            CountyPlan done = submissions(plan, scale, cityFiling, subs);
            finished.add(done);
        }
        subs.sort(Comparator.comparing(Submission::period).thenComparing(Submission::county));
        List<Row<EvalRow>> evaluations = evaluations(finished, subs);
        return new World(scope, periods, seed, finished, subs, evaluations, cityWorkbook);
    }

    // ------------------------------------------------------------------ organisations and posts

    /**
     * Plans one county: its clerk's dialect, organisations and posts (activities and submissions come later).
     *
     * @param county the county
     * @param channel how it sends
     * @param lag 0 on time, 1 one of its three societies comes after the target, 2 one never comes
     * @param ids whether it writes 组织编号
     * @param lateKexie whether its county 科协 is founded within the span
     * @return the plan, without activities
     */
    public CountyPlan county(Region county, Channel channel, int lag, boolean ids, boolean lateKexie) {
        SplittableRandom r = rng(seed, county.code());
        boolean csv = channel.csv();
        Dialect dialect = new Dialect(r.nextInt(3), !csv && r.nextBoolean(),
                csv ? 1 + r.nextInt(4) : r.nextInt(5), r.nextInt(4), r.nextInt(100) < 40, ids,
                r.nextInt(100) < 20, !csv && channel != Channel.CITY_WORKBOOK && r.nextInt(100) < 70,
                r.nextInt(100) < 60);
        String cn = county.name();
        String province = provinceShort(county.code());
        List<Org> orgs = new ArrayList<>();
        List<KeyPost> posts = new ArrayList<>();
        int[] seq = {0};
        LocalDate first = periods.get(0).start();
        LocalDate last = periods.get(periods.size() - 1).end();
        List<Region> towns = new ArrayList<>(gaz.children(county.code()));
        towns.sort(Comparator.comparing(Region::code));

        // county 科协
        LocalDate kxEst = lateKexie ? between(r, first.plusMonths(3), first.plusMonths(8))
                : between(r, LocalDate.of(1985, 1, 1), LocalDate.of(2012, 12, 31));
        Org countyKexie = org(r, county, seq, cn + "科学技术协会", OrgKind.COUNTY_KEXIE, county.code(), kxEst, false,
                "主席", cn + "人民政府", 1 + r.nextInt(5), 200 + r.nextInt(600), null, 5.0);
        orgs.add(countyKexie);

        // the three grassroots societies
        OrgKind[] three = {OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY, OrgKind.AGRI_SOCIETY};
        String[] hosts = {cn + "第一中学", cn + "人民医院", cn + "农业技术推广服务中心"};
        String[] titles = {"校长", "院长", "主任"};
        String[] paired = {province + "青少年科技辅导员协会", province + "医学会", province + "农学会"};
        double[] rates = {2.0, 2.5, 2.0};
        int lateKind = lag > 0 ? r.nextInt(3) : -1;
        boolean never = lag == 2;
        for (int k = 0; k < 3; k++) {
            LocalDate est;
            if (k == lateKind) {
                if (never) {
                    continue;
                }
                est = between(r, TARGET.plusMonths(2), TARGET.plusMonths(11));
            } else if (r.nextInt(100) < 25) {
                est = between(r, LocalDate.of(2021, 3, 1), LocalDate.of(2022, 12, 20));
            } else {
                est = between(r, LocalDate.of(2023, 1, 5), TARGET.minusDays(3));
            }
            boolean monthOnly = r.nextInt(100) < 12;
            if (monthOnly) {
                est = est.withDayOfMonth(est.lengthOfMonth());
            }
            String name = cn + three[k].label();
            Org o = org(r, county, seq, name, three[k], county.code(), est, monthOnly, titles[k], hosts[k],
                    5 + r.nextInt(35), 30 + r.nextInt(270), r.nextInt(100) < 80 ? paired[k] : null, rates[k]);
            orgs.add(o);
        }

        // township 科协
        for (Region t : towns) {
            boolean proper = t.isTownshipProper();
            int roll = r.nextInt(100);
            LocalDate est;
            if (proper ? roll < 85 : roll < 40) {
                est = between(r, LocalDate.of(2010, 1, 1), LocalDate.of(2022, 12, 31));
            } else if (proper && roll < 93) {
                est = between(r, first.plusDays(10), last.minusDays(20));
            } else {
                continue;
            }
            orgs.add(org(r, county, seq, t.name() + "科学技术协会", OrgKind.TOWNSHIP_KEXIE, t.code(), est, false, "主席",
                    null, 3 + r.nextInt(12), 20 + r.nextInt(100), null, 1.2));
        }
        // others
        if (r.nextInt(100) < 70) {
            orgs.add(org(r, county, seq, cn + "科技志愿服务队", OrgKind.VOLUNTEER_TEAM, county.code(),
                    between(r, LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 30)), false, "队长", null, null,
                    10 + r.nextInt(50), null, 2.0));
        }
        List<Region> rural = towns.stream().filter(t -> t.isTownshipProper() && !t.isStreet()).toList();
        int nAssoc = rural.isEmpty() ? 0 : r.nextInt(3);
        for (int a = 0; a < nAssoc; a++) {
            Region t = rural.get(r.nextInt(rural.size()));
            String[] crops = {"枸杞", "葡萄", "滩羊", "马铃薯", "蔬菜", "苹果", "小杂粮", "肉牛"};
            String name = t.name() + crops[(a + r.nextInt(crops.length)) % crops.length] + "种养技术协会";
            if (orgs.stream().anyMatch(o -> o.name().equals(name))) {
                continue;
            }
            orgs.add(org(r, county, seq, name, OrgKind.RURAL_TECH_ASSOCIATION, t.code(),
                    between(r, LocalDate.of(2012, 1, 1), LocalDate.of(2022, 6, 30)), false, "会长", null, null,
                    15 + r.nextInt(80), null, 1.0));
        }
        if (r.nextInt(100) < 60) {
            String[] others = {"科普作家协会", "老科技工作者协会", "青少年科技教育协会", "中医药学会"};
            orgs.add(org(r, county, seq, cn + others[r.nextInt(others.length)], OrgKind.OTHER_SOCIETY, county.code(),
                    between(r, LocalDate.of(2015, 1, 1), LocalDate.of(2022, 12, 31)), false, "会长", null,
                    r.nextInt(10), 20 + r.nextInt(120), null, 1.0));
        }
        if (r.nextInt(100) < 25) {
            orgs.add(org(r, county, seq, cn + "某新材料科技有限公司科学技术协会".replace("某", cn.substring(0, 1)),
                    OrgKind.ENTERPRISE_KEXIE, county.code(),
                    between(r, LocalDate.of(2016, 1, 1), LocalDate.of(2022, 12, 31)), false, "主席", null, null,
                    20 + r.nextInt(60), null, 0.8));
        }
        // status changes and silence
        List<Org> adjusted = new ArrayList<>();
        for (Org o : orgs) {
            Period rect = null;
            Period rev = null;
            Period silent = null;
            if (periods.size() >= 3 && plantProblems) {
                int roll = r.nextInt(1000);
                Period late = periods.get(periods.size() / 2 + r.nextInt(periods.size() - periods.size() / 2));
                if (o.graded() && roll < 90) {
                    rect = late;
                } else if ((o.kind() == OrgKind.OTHER_SOCIETY || o.kind() == OrgKind.RURAL_TECH_ASSOCIATION)
                        && roll < 150) {
                    rev = late;
                } else if (o.kind() != OrgKind.COUNTY_KEXIE && roll > 955) {
                    silent = late;
                }
            }
            adjusted.add(new Org(o.county(), o.id(), o.name(), o.kind(), o.region(), o.established(), o.monthOnly(),
                    rect, rev, o.leader(), o.leaderTitle(), o.host(), o.memberUnits(), o.members(), o.paired(),
                    o.governance(), o.party(), o.rating(), o.gaps(), o.activityRate(), silent));
        }
        orgs = adjusted;

        // posts of county and township 科协
        for (Org o : orgs) {
            if (o.kind() != OrgKind.COUNTY_KEXIE && o.kind() != OrgKind.TOWNSHIP_KEXIE) {
                continue;
            }
            Region where = gaz.require(o.region());
            boolean street = where.isStreet();
            List<PersonRole> roles = new ArrayList<>(List.of(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD,
                    street && r.nextBoolean() ? PersonRole.SOCIAL_SERVICE_HEAD : PersonRole.AGRI_STATION_HEAD));
            if (o.kind() == OrgKind.TOWNSHIP_KEXIE && r.nextInt(100) < 14) {
                roles.remove(r.nextInt(3));
            }
            String place = where.name();
            for (PersonRole role : roles) {
                String unit = switch (role) {
                    case HOSPITAL_HEAD -> o.kind() == OrgKind.COUNTY_KEXIE ? cn + "人民医院"
                            : street ? place + "社区卫生服务中心" : place + "卫生院";
                    case SCHOOL_HEAD -> o.kind() == OrgKind.COUNTY_KEXIE ? cn + "第一中学" : place + "中心小学";
                    case AGRI_STATION_HEAD -> o.kind() == OrgKind.COUNTY_KEXIE ? cn + "农业技术推广服务中心"
                            : place + "农业服务中心";
                    default -> place + "社会服务中心";
                };
                boolean seconded = r.nextInt(100) < 30;
                LocalDate start = seconded ? between(r, LocalDate.of(2021, 6, 1), LocalDate.of(2023, 3, 31))
                        : between(r, LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 30));
                if (start.isBefore(o.established())) {
                    start = o.established().plusDays(r.nextInt(60));
                }
                LocalDate end = seconded && r.nextInt(100) < 30 ? start.plusYears(2) : null;
                KeyPost kp = new KeyPost(county.code(), o.id(), o.name(), Names.person(r), unit, role,
                        seconded ? Post.SECONDED_VICE_CHAIR : Post.PART_TIME_VICE_CHAIR, start, end, Names.phone(r));
                posts.add(kp);
                LocalDate effEnd = kp.effectiveEnd();
                if (seconded && effEnd != null && !effEnd.isAfter(last) && r.nextInt(100) < 60) {
                    LocalDate next = effEnd.plusDays(1 + r.nextInt(120));
                    if (!next.isAfter(last)) {
                        posts.add(new KeyPost(county.code(), o.id(), o.name(), Names.person(r), unit, role,
                                Post.SECONDED_VICE_CHAIR, next, null, Names.phone(r)));
                    }
                }
            }
            if (o.kind() == OrgKind.COUNTY_KEXIE) {
                PersonRole[] extra = {PersonRole.SCIENCE_MUSEUM_HEAD, PersonRole.TECH_ENTERPRISE_HEAD,
                    PersonRole.RESEARCH_INSTITUTE_HEAD, PersonRole.POPULARISATION_BASE_HEAD};
                int n = 1 + r.nextInt(3);
                for (int e = 0; e < n; e++) {
                    PersonRole role = extra[r.nextInt(extra.length)];
                    Post post = e == 0 ? Post.PART_TIME_VICE_CHAIR : r.nextBoolean() ? Post.STANDING_COMMITTEE
                            : Post.COMMITTEE;
                    LocalDate start = between(r, LocalDate.of(2019, 1, 1), LocalDate.of(2023, 6, 30));
                    if (start.isBefore(o.established())) {
                        start = o.established().plusDays(r.nextInt(60));
                    }
                    String unit = switch (role) {
                        case SCIENCE_MUSEUM_HEAD -> cn + "科技馆";
                        case TECH_ENTERPRISE_HEAD -> cn + "高新技术企业协会";
                        case RESEARCH_INSTITUTE_HEAD -> province + "农林科学院" + cn + "试验站";
                        default -> cn + "科普教育基地";
                    };
                    posts.add(new KeyPost(county.code(), o.id(), o.name(), Names.person(r), unit, role, post, start,
                            null, Names.phone(r)));
                }
            }
        }
        posts.sort(Comparator.comparing(KeyPost::orgId).thenComparing(KeyPost::start).thenComparing(KeyPost::person));
        if (channel == Channel.CSV_GB18030 && !posts.isEmpty()) {
            // a name GBK cannot encode (U+4DAE, CJK Extension A): the reason this county's clerk saves GB18030
            KeyPost kp = posts.get(0);
            posts.set(0, new KeyPost(kp.county(), kp.orgId(), kp.orgName(), "刘\u4DAE", kp.unit(), kp.role(), kp.post(),
                    kp.start(), kp.end(), kp.phone()));
        }
        return new CountyPlan(county, gaz.require(county.parentCode()), dialect, channel, List.copyOf(orgs),
                List.copyOf(posts), List.of());
    }

    private Org org(SplittableRandom r, Region county, int[] seq, String name, OrgKind kind, String region,
            LocalDate est, boolean monthOnly, String title, String host, Integer units, Integer members,
            String paired, double rate) {
        seq[0]++;
        String id = county.code() + "-" + String.format("%03d", seq[0]);
        Boolean[] gov = new Boolean[5];
        for (int i = 0; i < 5; i++) {
            int roll = r.nextInt(100);
            gov[i] = roll < 4 ? null : roll < 82;
        }
        Boolean[] gaps = null;
        if (kind == OrgKind.TOWNSHIP_KEXIE) {
            gaps = new Boolean[4];
            for (int i = 0; i < 4; i++) {
                int roll = r.nextInt(100);
                gaps[i] = roll < 4 ? null : roll < 42;
            }
        }
        CivilRating rating = (kind == OrgKind.SCI_EDU_SOCIETY || kind == OrgKind.MEDICAL_SOCIETY
                || kind == OrgKind.AGRI_SOCIETY) && r.nextInt(100) < 20
                ? CivilRating.values()[1 + r.nextInt(3)] : null;
        return new Org(county.code(), id, name, kind, region, est, monthOnly, null, null, Names.person(r), title, host,
                units, members, paired, gov, r.nextInt(100) < 50, rating, gaps, rate, null);
    }

    // ------------------------------------------------------------------ activities and submissions

    private CountyPlan submissions(CountyPlan plan, double scale, TreeMap<Period, LocalDate> cityFiling,
            List<Submission> out) {
        String code = plan.county().code();
        SplittableRandom r = rng(seed, code + "/submissions");
        SplittableRandom ra = rng(seed, code + "/activities");
        List<Region> towns = new ArrayList<>(gaz.children(code));
        towns.sort(Comparator.comparing(Region::code));
        // which periods the county reports, and when
        TreeMap<Period, Submission> subs = new TreeMap<>();
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            boolean missing = plantProblems && i > 0 && r.nextInt(100) < 6;
            boolean late = plantProblems && r.nextInt(100) < 12;
            boolean mismatch = plantProblems && plan.dialect().totals() && r.nextInt(100) < 4;
            if (missing) {
                continue;
            }
            LocalDate filing = plan.channel() == Channel.CITY_WORKBOOK ? cityFiling.get(p)
                    : p.end().plusDays(late ? 16 + r.nextInt(30) : 3 + r.nextInt(12));
            subs.put(p, Submission.of(code, p, filing, plan.channel(),
                    plan.channel() == Channel.CITY_WORKBOOK ? plan.city().code() : null, mismatch));
        }
        // organisations and posts listed in each submission
        for (Submission s : subs.values()) {
            Period p = s.period();
            for (Org o : plan.orgs()) {
                if (o.established().isAfter(p.end())) {
                    continue;
                }
                OrgStatus status = o.revokedFrom() != null && p.compareTo(o.revokedFrom()) >= 0 ? OrgStatus.REVOKED
                        : o.rectifyingFrom() != null && p.compareTo(o.rectifyingFrom()) >= 0 ? OrgStatus.RECTIFYING
                        : OrgStatus.ACTIVE;
                boolean blank = status == OrgStatus.ACTIVE && plantProblems && stable(o.id(), p, 3);
                s.organisations().add(Row.ok(new OrgRow(o, status, blank, regionText(plan, o.region()))));
            }
            for (KeyPost kp : plan.posts()) {
                LocalDate e = kp.effectiveEnd();
                if (!kp.start().isAfter(p.end()) && (e == null || !e.isBefore(p.start().minusYears(1)))) {
                    s.posts().add(Row.ok(kp));
                }
            }
        }
        // activities, month by month
        List<Activity> acts = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Org o : plan.orgs()) {
            for (Period q : periods) {
                for (Period m : q.months()) {
                    double lambda = o.activityRate() / 3.0 * SEASON[m.index() - 1] / SEASON_MEAN * scale;
                    int n = poisson(ra, lambda);
                    for (int k = 0; k < n; k++) {
                        LocalDate d = m.start().plusDays(ra.nextInt(m.end().getDayOfMonth()));
                        if (!o.activeOn(d)) {
                            continue;
                        }
                        acts.add(activity(ra, plan, o, d, towns, keys));
                    }
                }
            }
        }
        acts.sort(Comparator.comparing(Activity::date).thenComparing(Activity::orgId).thenComparing(Activity::title));
        List<Activity> reported = new ArrayList<>();
        for (Activity a : acts) {
            Period q = Period.containing(periods.get(0).kind(), a.date());
            Submission s = subs.get(q);
            if (s == null) {
                continue; // never reported: the county sent nothing for that period
            }
            Submission next = subs.get(q.next());
            if (plantProblems && next != null && q.next().year() == q.year() && r.nextInt(100) < 3) {
                next.activities().add(Row.ok(a)); // forgotten, reported late in the next period
            } else {
                s.activities().add(Row.ok(a));
            }
            reported.add(a);
        }
        // already received duplicates and bad rows
        if (plantProblems) {
            Submission prev = null;
            for (Submission s : subs.values()) {
                plant(r, plan, s, prev, towns);
                prev = s;
            }
        }
        for (Submission s : subs.values()) {
            s.activities().sort(Comparator.comparing((Row<Activity> x) -> x.outcome() == Outcome.ALREADY_RECEIVED)
                    .thenComparing(x -> x.value().date()));
        }
        out.addAll(subs.values());
        return new CountyPlan(plan.county(), plan.city(), plan.dialect(), plan.channel(), plan.orgs(), plan.posts(),
                List.copyOf(reported));
    }

    /**
     * A day some days after the period's start, wrapped round within the period: a quarter holds every offset
     * used here (at most 64 days), so only a month wraps, and a planted row's date stays inside its period.
     */
    private static LocalDate dayAfterStart(Period p, int days) {
        return p.start().plusDays(days % length(p));
    }

    /** A day some days before the period's end, wrapped round within the period like {@link #dayAfterStart}. */
    private static LocalDate dayBeforeEnd(Period p, int days) {
        return p.end().minusDays(days % length(p));
    }

    private static long length(Period p) {
        return p.end().toEpochDay() - p.start().toEpochDay() + 1;
    }

    /** Whether a period is the last of its year (Q4, or December for a province that reports monthly). */
    public static boolean endsYear(Period p) {
        return p.end().getMonthValue() == 12 && p.end().getDayOfMonth() == 31;
    }

    private static boolean stable(String id, Period p, int percent) {
        return Math.floorMod((id + p).hashCode() * 31 + 7, 100) < percent;
    }

    private void plant(SplittableRandom r, CountyPlan plan, Submission s, Submission prev, List<Region> towns) {
        String code = plan.county().code();
        List<Row<Activity>> acts = s.activities();
        List<Org> listed = s.organisations().stream().map(x -> x.value().org())
                .filter(o -> o.activeOn(s.period().end())).toList();
        boolean totals = plan.dialect().totals();
        // already received: repeat accepted activities of the previous submission of the same year
        if (prev != null && prev.period().year() == s.period().year() && r.nextInt(100) < 12) {
            List<Row<Activity>> earlier = prev.activities().stream().filter(x -> x.outcome() == Outcome.ACCEPTED)
                    .toList();
            int n = Math.min(earlier.size(), 1 + r.nextInt(2));
            for (int i = 0; i < n; i++) {
                acts.add(Row.again(earlier.get(earlier.size() - 1 - i).value()));
            }
        }
        if (listed.isEmpty()) {
            return;
        }
        Org host = listed.get(r.nextInt(listed.size()));
        if (r.nextInt(100) < 12) {
            String id = code + "-9" + String.format("%02d", r.nextInt(100));
            acts.add(Row.bad(new Activity(code, id, plan.county().name() + "青年科技工作者联谊会", "青年科技沙龙",
                    ActivityType.ACADEMIC_EXCHANGE, dayBeforeEnd(s.period(), 5 + r.nextInt(40)), "", null,
                    List.of(TargetGroup.SCI_TECH_WORKERS), 25 + r.nextInt(30), null, Form.OFFLINE),
                    ProblemCode.UNKNOWN_ORGANISATION));
        }
        long gap = s.filingDate().toEpochDay() - s.period().end().toEpochDay();
        if (gap >= 3 && r.nextInt(100) < 8) {
            acts.add(Row.bad(new Activity(code, host.id(), host.name(), "冬季科普大讲堂（预告）",
                    ActivityType.POPULARISATION, s.period().end().plusDays(1 + r.nextInt((int) gap - 1)), "", null,
                    List.of(TargetGroup.RESIDENTS), 80, null, Form.OFFLINE), ProblemCode.DATE_AFTER_PERIOD));
        }
        List<Row<Activity>> good = acts.stream().filter(x -> x.outcome() == Outcome.ACCEPTED
                && x.value().county().equals(code)).toList();
        if (!good.isEmpty() && r.nextInt(100) < 8) {
            acts.add(Row.bad(good.get(r.nextInt(good.size())).value(), ProblemCode.DUPLICATE_ROW));
        }
        if (!totals && r.nextInt(100) < 10) {
            acts.add(Row.bad(new Activity(code, host.id(), host.name(), "科技下乡集中服务日",
                    ActivityType.VOLUNTEER_SERVICE, dayAfterStart(s.period(), 20 + r.nextInt(40)), "", null,
                    List.of(TargetGroup.FARMERS), -30 - r.nextInt(50), null, Form.OFFLINE),
                    ProblemCode.NEGATIVE_COUNT));
        }
        if (!totals && r.nextInt(100) < 8) {
            acts.add(Row.bad(new Activity(code, host.id(), host.name(), "防灾减灾科普宣传",
                    ActivityType.POPULARISATION, dayAfterStart(s.period(), 10 + r.nextInt(40)), "", null,
                    List.of(TargetGroup.RESIDENTS), Integer.MIN_VALUE, null, Form.OFFLINE), ProblemCode.BAD_NUMBER));
        }
        if (r.nextInt(100) < 5) {
            acts.add(Row.bad(new Activity(code, host.id(), host.name(), "年终科普工作总结交流会",
                    ActivityType.ACADEMIC_EXCHANGE, LocalDate.of(s.period().year() - 1, 12, 10 + r.nextInt(15)), "", null,
                    List.of(TargetGroup.SCI_TECH_WORKERS), 40, null, Form.OFFLINE), ProblemCode.DATE_BEFORE_YEAR));
        }
        if (r.nextInt(100) < 5) {
            Region other = outside(code);
            acts.add(Row.bad(new Activity(code, host.id(), host.name(), "跨区科普联合行动",
                    ActivityType.POPULARISATION, dayAfterStart(s.period(), 15 + r.nextInt(50)), other.code(), other.code(),
                    List.of(TargetGroup.RESIDENTS), 60, null, Form.OFFLINE), ProblemCode.REGION_OUTSIDE_COUNTY));
        }
        // organisations: a new team placed in another county's township
        if (r.nextInt(100) < 3) {
            Region other = outside(code);
            Org bogus = new Org(code, code + "-8" + String.format("%02d", r.nextInt(100)),
                    plan.county().name() + "应急科普志愿服务队", OrgKind.VOLUNTEER_TEAM, other.code(),
                    s.period().start().plusDays(5), false, null, null, Names.person(r), "队长", null, null, 12, null,
                    new Boolean[5], false, null, null, 0, null);
            s.organisations().add(Row.bad(new OrgRow(bogus, OrgStatus.ACTIVE, false, other.code()),
                    ProblemCode.REGION_OUTSIDE_COUNTY));
        }
        // posts: one whose organisation is unknown, one ending before it starts
        if (r.nextInt(100) < 6) {
            s.posts().add(Row.bad(new KeyPost(code, code + "-7" + String.format("%02d", r.nextInt(100)),
                    plan.county().name() + "科技工作者之家", Names.person(r), plan.county().name() + "科技服务中心",
                    PersonRole.OTHER, Post.COMMITTEE, s.period().start().plusDays(3), null, Names.phone(r)),
                    ProblemCode.UNKNOWN_ORGANISATION));
        }
        if (r.nextInt(100) < 4) {
            Org kx = plan.orgs().get(0);
            LocalDate start = dayAfterStart(s.period(), 30);
            s.posts().add(Row.bad(new KeyPost(code, kx.id(), kx.name(), Names.person(r), plan.county().name() + "科技馆",
                    PersonRole.SCIENCE_MUSEUM_HEAD, Post.COMMITTEE, start, start.minusMonths(6), Names.phone(r)),
                    ProblemCode.END_BEFORE_START));
        }
    }

    private Region outside(String county) {
        List<Region> all = gaz.within(county.substring(0, 2), RegionLevel.TOWNSHIP);
        for (Region t : all) {
            if (!t.parentCode().equals(county)) {
                return t;
            }
        }
        return gaz.within("11", RegionLevel.TOWNSHIP).get(0);
    }

    private final java.util.Map<String, String> regionTexts = new java.util.concurrent.ConcurrentHashMap<>();

    private String regionText(CountyPlan plan, String code) {
        if (plan.dialect().regionCodes()) {
            return code;
        }
        return regionTexts.computeIfAbsent(plan.county().code() + "|" + code, k -> regionName(plan, code));
    }

    private String regionName(CountyPlan plan, String code) {
        Region reg = gaz.require(code);
        if (reg.level() == RegionLevel.COUNTY) {
            return reg.name();
        }
        var match = gaz.byName(plan.county().code(), reg.name());
        return match.found() && match.region().code().equals(code) ? reg.name() : code;
    }

    /**
     * Makes one activity of an organisation on a date, with a title unique for (organisation, date).
     *
     * @param r the random source
     * @param plan the county
     * @param o the organiser
     * @param d the date
     * @param towns the county's townships in code order
     * @param keys the (organisation, date, title) keys used so far; the new one is added
     * @return the activity
     */
    public Activity activity(SplittableRandom r, CountyPlan plan, Org o, LocalDate d, List<Region> towns,
            Set<String> keys) {
        ActivityType type = type(r, o.kind());
        int month = d.getMonthValue();
        String[] topics = switch (type) {
            case HEALTH_SERVICE -> new String[] {"健康知识讲座", "送医下乡义诊", "慢性病防治讲座", "中医药健康义诊"};
            case YOUTH_COMPETITION -> new String[] {"青少年科技创新大赛", "机器人竞赛", "校园科技节", "科普剧展演"};
            case TECH_TRAINING -> new String[] {"农村实用技术培训", "枸杞种植技术培训", "设施农业技术培训", "畜牧养殖技术培训"};
            case ACADEMIC_EXCHANGE -> new String[] {"学术交流会", "专题学术报告会", "技术研讨会"};
            case CONFERENCE -> new String[] {"年度学术会议", "学术年会"};
            case TALENT_TRAINING -> new String[] {"基层人才培训班", "科技人才研修班"};
            case CONSULTING -> new String[] {"决策咨询座谈会", "科技咨询论证会"};
            case VOLUNTEER_SERVICE -> new String[] {"科技志愿服务", "科技志愿者进村服务", "文明实践科普志愿服务"};
            case OTHER -> new String[] {"科技工作者座谈会"};
            default -> new String[] {"科普进社区", "科普宣传周", "科普大篷车进乡村", "应急科普宣传", "反诈科普宣传"};
        };
        String base = topics[r.nextInt(topics.length)];
        String prefix = month == 5 ? "科技活动周·" : month == 9 ? "全国科普日·" : "";
        String title = prefix + base;
        int n = 1;
        while (!keys.add(o.id() + "|" + d + "|" + title)) {
            n++;
            title = prefix + base + "（第" + n + "场）";
        }
        List<TargetGroup> groups = switch (type) {
            case HEALTH_SERVICE -> List.of(TargetGroup.ELDERLY, TargetGroup.RESIDENTS);
            case YOUTH_COMPETITION -> r.nextBoolean() ? List.of(TargetGroup.YOUTH)
                    : List.of(TargetGroup.YOUTH, TargetGroup.TEACHERS);
            case TECH_TRAINING -> List.of(TargetGroup.FARMERS);
            case ACADEMIC_EXCHANGE, CONFERENCE -> List.of(o.kind() == OrgKind.MEDICAL_SOCIETY
                    ? TargetGroup.MEDICAL_STAFF : o.kind() == OrgKind.SCI_EDU_SOCIETY ? TargetGroup.TEACHERS
                    : TargetGroup.SCI_TECH_WORKERS);
            case TALENT_TRAINING -> List.of(TargetGroup.SCI_TECH_WORKERS, TargetGroup.CADRES);
            case CONSULTING -> List.of(TargetGroup.CADRES);
            case VOLUNTEER_SERVICE -> List.of(TargetGroup.FARMERS, TargetGroup.RESIDENTS);
            default -> r.nextBoolean() ? List.of(TargetGroup.RESIDENTS)
                    : List.of(TargetGroup.RESIDENTS, TargetGroup.YOUTH, TargetGroup.ELDERLY);
        };
        int participants = switch (type) {
            case CONFERENCE, ACADEMIC_EXCHANGE, CONSULTING -> 20 + r.nextInt(100);
            case YOUTH_COMPETITION -> 50 + r.nextInt(400);
            default -> 20 + r.nextInt(250);
        };
        String place;
        String placeCode = null;
        int roll = r.nextInt(100);
        if (o.kind() == OrgKind.TOWNSHIP_KEXIE || o.kind() == OrgKind.RURAL_TECH_ASSOCIATION) {
            placeCode = roll < 80 ? o.region() : null;
            place = roll < 80 ? regionText(plan, o.region()) : roll < 90 ? "村委会活动室" : "";
        } else if (roll < 45 && !towns.isEmpty()) {
            placeCode = towns.get(r.nextInt(towns.size())).code();
            place = regionText(plan, placeCode);
        } else if (roll < 80) {
            String[] venues = {"县文化广场", "科技馆", "新时代文明实践中心", "人民医院学术报告厅", "第一中学报告厅"};
            place = venues[r.nextInt(venues.length)];
        } else {
            place = "";
        }
        String coHost = o.paired() != null && r.nextInt(100) < 30 ? o.paired() : null;
        int f = r.nextInt(100);
        Form form = f < 85 ? Form.OFFLINE : f < 93 ? Form.ONLINE : Form.BOTH;
        return new Activity(plan.county().code(), o.id(), o.name(), title, type, d, place, placeCode, groups,
                participants,
                coHost, form);
    }

    private static ActivityType type(SplittableRandom r, OrgKind kind) {
        int x = r.nextInt(100);
        return switch (kind) {
            case MEDICAL_SOCIETY -> x < 50 ? ActivityType.HEALTH_SERVICE : x < 65 ? ActivityType.ACADEMIC_EXCHANGE
                    : x < 75 ? ActivityType.CONFERENCE : x < 90 ? ActivityType.POPULARISATION
                    : ActivityType.TALENT_TRAINING;
            case SCI_EDU_SOCIETY -> x < 35 ? ActivityType.YOUTH_COMPETITION : x < 65 ? ActivityType.POPULARISATION
                    : x < 80 ? ActivityType.TALENT_TRAINING : x < 90 ? ActivityType.CONFERENCE
                    : ActivityType.ACADEMIC_EXCHANGE;
            case AGRI_SOCIETY -> x < 50 ? ActivityType.TECH_TRAINING : x < 70 ? ActivityType.POPULARISATION
                    : x < 80 ? ActivityType.VOLUNTEER_SERVICE : x < 90 ? ActivityType.CONFERENCE
                    : ActivityType.ACADEMIC_EXCHANGE;
            case COUNTY_KEXIE -> x < 40 ? ActivityType.POPULARISATION : x < 50 ? ActivityType.CONSULTING
                    : x < 65 ? ActivityType.TALENT_TRAINING : x < 80 ? ActivityType.VOLUNTEER_SERVICE
                    : x < 90 ? ActivityType.YOUTH_COMPETITION : ActivityType.ACADEMIC_EXCHANGE;
            case TOWNSHIP_KEXIE, VILLAGE_KEXIE -> x < 50 ? ActivityType.POPULARISATION
                    : x < 80 ? ActivityType.TECH_TRAINING : x < 90 ? ActivityType.HEALTH_SERVICE
                    : ActivityType.VOLUNTEER_SERVICE;
            case VOLUNTEER_TEAM -> x < 70 ? ActivityType.VOLUNTEER_SERVICE : ActivityType.POPULARISATION;
            case RURAL_TECH_ASSOCIATION -> x < 70 ? ActivityType.TECH_TRAINING : ActivityType.POPULARISATION;
            default -> x < 60 ? ActivityType.POPULARISATION : x < 70 ? ActivityType.OTHER
                    : ActivityType.ACADEMIC_EXCHANGE;
        };
    }

    // ------------------------------------------------------------------ evaluations

    private List<Row<EvalRow>> evaluations(List<CountyPlan> plans, List<Submission> subs) {
        List<Row<EvalRow>> out = new ArrayList<>();
        if (!plantProblems) {
            return out;
        }
        SplittableRandom r = rng(seed, "evaluations");
        TreeMap<Integer, Period> yearEnds = new TreeMap<>();
        for (Period p : periods) {
            if (endsYear(p)) {
                yearEnds.put(p.year(), p);
            }
        }
        Set<String> exitPicked = new HashSet<>();
        boolean unmappedDone = false;
        for (var ye : yearEnds.entrySet()) {
            int year = ye.getKey();
            boolean firstYear = ye.getKey().equals(yearEnds.firstKey());
            for (CountyPlan plan : plans) {
                // the organisations the warehouse knows by the year's end: listed in an accepted submission
                Set<String> known = new HashSet<>();
                for (Submission s : subs) {
                    if (s.county().equals(plan.county().code()) && s.period().compareTo(ye.getValue()) <= 0) {
                        for (Row<OrgRow> o : s.organisations()) {
                            if (o.outcome() == Outcome.ACCEPTED) {
                                known.add(o.value().org().id());
                            }
                        }
                    }
                }
                for (Org o : plan.orgs()) {
                    if (!o.graded() || !known.contains(o.id())
                            || (o.revokedFrom() != null && o.revokedFrom().year() <= year)) {
                        continue;
                    }
                    SplittableRandom g = rng(seed, o.id() + "/" + year);
                    boolean exit = exitPicked.contains(o.id());
                    if (firstYear && !exit && exitPicked.size() < Math.max(1, plans.size() / 6)
                            && o.established().getYear() < year && g.nextInt(100) < 30) {
                        exitPicked.add(o.id());
                        exit = true;
                    }
                    if (!exit && g.nextInt(100) < 9) {
                        continue; // not evaluated this year
                    }
                    Grade grade;
                    if (exit) {
                        grade = Grade.C;
                    } else {
                        int x = g.nextInt(100);
                        grade = x < 30 ? Grade.A : x < 88 ? Grade.B : Grade.C;
                    }
                    String text = switch (grade) {
                        case A -> g.nextBoolean() ? "A" : "优秀";
                        case B -> new String[] {"B", "良好", "合格"}[g.nextInt(3)];
                        case C -> new String[] {"C", "基本合格", "不合格"}[g.nextInt(3)];
                    };
                    double score = switch (grade) {
                        case A -> 85 + g.nextInt(14);
                        case B -> 70 + g.nextInt(15);
                        case C -> 50 + g.nextInt(20);
                    };
                    if (!exit && !unmappedDone && g.nextInt(100) < 10) {
                        unmappedDone = true;
                        out.add(Row.bad(new EvalRow(o, year, null, "待定", null), ProblemCode.UNMAPPED_GRADE));
                        continue;
                    }
                    out.add(Row.ok(new EvalRow(o, year, grade, text, score + g.nextInt(10) / 10.0)));
                }
            }
            unmappedDone = false;
        }
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private String provinceShort(String code) {
        String n = gaz.require(code.substring(0, 2)).name();
        for (String s : new String[] {"回族自治区", "壮族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市"}) {
            if (n.endsWith(s)) {
                return n.substring(0, n.length() - s.length());
            }
        }
        return n;
    }

    private static LocalDate between(SplittableRandom r, LocalDate a, LocalDate b) {
        long days = b.toEpochDay() - a.toEpochDay();
        return days <= 0 ? a : a.plusDays(r.nextLong(days + 1));
    }

    private static int poisson(SplittableRandom r, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda > 30) {
            double g = r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble()
                    + r.nextDouble() - 3.0; // approx. normal with variance 0.5
            return Math.max(0, (int) Math.round(lambda + g * Math.sqrt(2 * lambda)));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
