package org.sanhui.analytics.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.sanhui.analytics.AnalyzeOptions;
import org.sanhui.analytics.AnalyzeResult;
import org.sanhui.analytics.Analyzer;
import org.sanhui.analytics.IndicatorOutput;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Benchmark (not a unit test): the analytics job on a warehouse with the Spark session already started, then
 * the same figures computed by DuckDB (2 threads, plain SQL per indicator family, reading the same Parquet
 * files the manifest lists, timed from query to last row) in the same process. Asserts that the figures
 * agree after rounding and prints the times and the Spark/DuckDB ratios.
 *
 * <p>Both engines run everything twice ({@code -Dsanhui.bench.runs=K} to change): the first run is Spark's
 * first job in its session (JIT and code generation cold), the second the same job again in the same JVM; both
 * are printed. Figures are compared from the last run.
 *
 * <p>Usage: {@code AnalyticsBenchmark WAREHOUSE PERIOD [SCOPE]}; run by {@code bench/analytics.sh}.
 */
public final class AnalyticsBenchmark {

    private static final String SOCIETIES = "('SCI_EDU_SOCIETY','MEDICAL_SOCIETY','AGRI_SOCIETY','OTHER_SOCIETY')";

    private AnalyticsBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args WAREHOUSE PERIOD [SCOPE]
     * @throws Exception on failure or when the engines disagree
     */
    public static void main(String[] args) throws Exception {
        Path wh = Path.of(args[0]);
        Period p = Period.parse(args[1]);
        String scope = args.length > 2 ? args[2] : "00";
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("sanhui-bench")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC").getOrCreate();
        spark.range(1).count();
        System.out.printf("spark session started in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        int runs = Integer.getInteger("sanhui.bench.runs", 2);
        List<AnalyzeResult> results = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            AnalyzeResult r = Analyzer.run(AnalyzeOptions.builder(wh, p).scope(scope).build());
            results.add(r);
            long heapPeak = peakHeap();
            long rss = vmHwm();
            System.out.printf("spark job, run %d%s: %.2f s, %d indicator rows; peak heap %d MB, process peak RSS %d MB%n",
                    i + 1, i == 0 ? " (first in the session)" : "", r.wallTime().toMillis() / 1e3, r.indicatorRows(),
                    heapPeak >> 20, rss >> 10);
            r.timings().forEach((k, v) -> System.out.printf("  spark %-12s %8.2f s%n", k, v.toMillis() / 1e3));
        }
        spark.stop();

        Map<String, IndicatorRow> sparkRows = readSpark(wh, p);
        LiveManifest m = LiveManifest.read(wh);
        List<Map<String, Double>> duckRuns = new ArrayList<>();
        Map<String, Double> duck = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET threads = 2");
            Sql sql = new Sql(wh, p, scope, m);
            for (int i = 0; i < runs; i++) {
                Map<String, Double> duckTimes = new LinkedHashMap<>();
                duck.clear();
                time(duckTimes, "coverage", () -> coverage(st, sql, duck));
                time(duckTimes, "activity", () -> activity(st, sql, duck));
                time(duckTimes, "grades", () -> grades(st, sql, duck));
                time(duckTimes, "submissions", () -> submissions(st, sql, duck));
                duckRuns.add(duckTimes);
            }
        }
        // compare
        int compared = 0;
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, Double> e : duck.entrySet()) {
            String[] k = e.getKey().split("\\|");
            IndicatorRow row = sparkRows.get(k[0] + "|" + k[1] + "|" + k[2] + "|" + k[3]);
            Double sv = row == null ? null : switch (k[4]) {
                case "num" -> row.numerator() == null ? null : row.numerator().doubleValue();
                case "den" -> row.denominator() == null ? null : row.denominator().doubleValue();
                default -> row.value();
            };
            double dv = IndicatorRow.round9(e.getValue());
            compared++;
            if (sv == null || Double.compare(sv, dv) != 0) {
                bad.add(e.getKey() + " spark=" + sv + " duckdb=" + dv);
            }
        }
        for (int i = 0; i < runs; i++) {
            AnalyzeResult r = results.get(i);
            System.out.printf("run %d%s%n", i + 1, i == 0 ? ": Spark's first job in the session, DuckDB's first queries"
                    : ": the same again in the same processes");
            double sparkTotal = 0;
            double duckTotal = 0;
            System.out.printf("%-12s %10s %10s %7s%n", "family", "spark s", "duckdb s", "ratio");
            for (Map.Entry<String, Double> e : duckRuns.get(i).entrySet()) {
                Duration d = r.timings().getOrDefault(e.getKey(), Duration.ZERO);
                double ss = d.toMillis() / 1e3;
                sparkTotal += ss;
                duckTotal += e.getValue();
                System.out.printf("%-12s %10.2f %10.2f %7.2f%n", e.getKey(), ss, e.getValue(), ss / e.getValue());
            }
            double whole = r.wallTime().toMillis() / 1e3;
            System.out.printf("%-12s %10.2f %10.2f %7.2f   (spark job wall time %.2f s incl. composite and write)%n",
                    "total", sparkTotal, duckTotal, sparkTotal / duckTotal, whole);
        }
        System.out.printf("process peak RSS after DuckDB: %d MB%n", vmHwm() >> 10);
        System.out.println("compared " + compared + " figures: " + (bad.isEmpty() ? "all identical after rounding"
                : bad.size() + " differ"));
        bad.stream().limit(20).forEach(b -> System.out.println("  DIFF " + b));
        if (!bad.isEmpty()) {
            throw new AssertionError(bad.size() + " figures differ between Spark and DuckDB");
        }
    }

    interface Body {
        void run() throws Exception;
    }

    private static void time(Map<String, Double> times, String family, Body b) throws Exception {
        long t = System.nanoTime();
        b.run();
        times.put(family, (System.nanoTime() - t) / 1e9);
    }

    private static Map<String, IndicatorRow> readSpark(Path wh, Period p) throws Exception {
        Map<String, IndicatorRow> out = new HashMap<>();
        var json = IndicatorOutput.readJson(wh, p);
        for (var n : json.get("indicators")) {
            IndicatorRow r = new IndicatorRow(n.get("period").asText(), n.get("indicator").asText(),
                    n.get("region_code").asText(), RegionLevel.valueOf(n.get("region_level").asText()),
                    n.get("breakdown").asText(), n.get("numerator").isNull() ? null : n.get("numerator").asLong(),
                    n.get("denominator").isNull() ? null : n.get("denominator").asLong(),
                    n.get("value").isNull() ? null : n.get("value").asDouble());
            out.put(r.period() + "|" + r.indicator() + "|" + r.regionCode() + "|" + r.breakdown(), r);
        }
        return out;
    }

    /** The file lists and constants the SQL needs, chosen from the manifest as the job chooses them. */
    static final class Sql {
        final Period p;
        final String scope;
        final String orgs;
        final String acts;
        final String subs;
        final String evals;
        final String expected;
        final String monthly;
        final long counties;
        /** Coverage: organisation snapshot files at P's end and at the previous period's end, post files at P's end. */
        final String orgsPrev;
        final String posts;
        /** Coverage: 'county:region' pairs, each county of the scope with itself and the aggregates it rolls up to. */
        final String up;
        /** Coverage: the township denominator's codes (乡, 镇, 街道: suffix below 400) of the scope's counties. */
        final String townships;
        final org.sanhui.model.rules.Rules rules = org.sanhui.model.rules.Rules.DEFAULTS;

        Sql(Path wh, Period p, String scope, LiveManifest m) {
            this.p = p;
            this.scope = scope;
            Gazetteer g = Gazetteer.national();
            // the scope's counties and their aggregates, as the job's Regions has them
            List<String> cs = g.require(scope).level() == RegionLevel.COUNTY ? List.of(scope)
                    : g.within(scope, RegionLevel.COUNTY).stream().map(Region::code).toList();
            Set<String> inScope = new HashSet<>(cs);
            List<String> pairs = new ArrayList<>();
            List<String> tw = new ArrayList<>();
            for (String c : cs) {
                pairs.add(c + ":" + c);
                for (Region a : g.ancestors(c)) {
                    if (a.level() == RegionLevel.COUNTY || a.level() == RegionLevel.TOWNSHIP
                            || !scope.equals("00") && (a.level() == RegionLevel.NATION
                            || a.code().length() < scope.length())) {
                        continue;
                    }
                    pairs.add(c + ":" + a.code());
                }
                for (Region t : g.children(c)) {
                    if (t.isTownshipProper()) {
                        tw.add(t.code());
                    }
                }
            }
            up = String.join(",", pairs);
            townships = String.join(",", tw);
            orgs = list(snapshot(wh, m, "organisations", inScope, p.end()));
            orgsPrev = list(snapshot(wh, m, "organisations", inScope, p.previous().end()));
            posts = list(snapshot(wh, m, "posts", inScope, p.end()));
            LocalDate from = LocalDate.of(p.year() - 1, 1, 1);
            acts = list(m.of("activities").stream().filter(f -> {
                Period q = Period.parse(f.period());
                return !q.end().isBefore(from) && !q.start().isAfter(p.end());
            }).map(f -> wh.resolve(f.path()).toString()).toList());
            subs = list(m.of("submissions").stream().filter(f -> Period.parse(f.period()).end().compareTo(p.end()) <= 0
                    && !Period.parse(f.period()).start().isBefore(p.start()))
                    .map(f -> wh.resolve(f.path()).toString()).toList());
            evals = list(m.of("evaluations").stream().filter(f -> Period.parse(f.period()).year() <= p.year())
                    .map(f -> wh.resolve(f.path()).toString()).toList());
            List<String> exp = new ArrayList<>();
            exp.add("('" + p + "', DATE '" + p.end() + "')");
            for (Period mo : p.months()) {
                exp.add("('" + mo + "', DATE '" + mo.end() + "')");
            }
            expected = String.join(", ", exp);
            List<String> months = new ArrayList<>();
            months.add("'--'");
            for (var prov : Gazetteer.national().within("00", RegionLevel.PROVINCE)) {
                if (rules.reportingFrequency(prov.code()) == Period.Kind.MONTH) {
                    months.add("'" + prov.code() + "'");
                }
            }
            monthly = String.join(", ", months).transform(x -> "(" + x + ")");
            counties = g.require(scope).level() == RegionLevel.COUNTY ? 1 : g.within(scope, RegionLevel.COUNTY).size();
        }

        /**
         * Per county of the scope, the files of the latest period ending on or before the cutoff (a quarter after
         * the month that ends it), as the job's WarehouseReader.snapshotFiles and Facts.choose pick them.
         */
        static List<String> snapshot(Path wh, LiveManifest m, String dataset, Set<String> counties,
                LocalDate cutoff) {
            Comparator<Period> byEnd = Comparator.comparing(Period::end).thenComparing(q -> q.kind().months());
            Map<String, Map<Period, List<LiveFile>>> byCounty = new HashMap<>();
            for (LiveFile f : m.of(dataset)) {
                if (counties.contains(f.county())) {
                    byCounty.computeIfAbsent(f.county(), k -> new HashMap<>())
                            .computeIfAbsent(Period.parse(f.period()), k -> new ArrayList<>()).add(f);
                }
            }
            List<String> out = new ArrayList<>();
            for (Map<Period, List<LiveFile>> e : byCounty.values()) {
                Period best = null;
                for (Period q : e.keySet()) {
                    if (!q.end().isAfter(cutoff) && (best == null || byEnd.compare(q, best) > 0)) {
                        best = q;
                    }
                }
                if (best != null) {
                    e.get(best).forEach(f -> out.add(wh.resolve(f.path()).toString()));
                }
            }
            return out;
        }

        static String list(List<String> files) {
            return files.stream().sorted().map(f -> "'" + f + "'").collect(Collectors.joining(", ", "[", "]"));
        }

        String existing() {
            return "SELECT county_code, org_key, kind FROM read_parquet(" + orgs + ") WHERE coalesce(status, 'ACTIVE') IN"
                    + " ('ACTIVE', 'RECTIFYING') AND kind IS NOT NULL AND coalesce(established_precision, '') <> 'YEAR'"
                    + " AND (established IS NULL OR established <= DATE '" + p.end() + "')";
        }

        /** Counties with an accepted submission for every expected period of P. */
        String reported() {
            return "SELECT county_code FROM read_parquet(" + subs + ") s JOIN (VALUES " + expected + ") e(period, pend)"
                    + " USING (period) WHERE (substr(county_code, 1, 2) IN " + monthly + ") = (length(period) = 7)"
                    + " GROUP BY county_code HAVING count(DISTINCT period) = CASE WHEN substr(county_code, 1, 2) IN "
                    + monthly + " THEN " + p.months().size() + " ELSE 1 END";
        }
    }

    private static String key(String period, String id, String region, String bd, String what) {
        return period + "|" + id + "|" + region + "|" + bd + "|" + what;
    }

    private static final List<OrgKind> GRASSROOTS = List.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
            OrgKind.AGRI_SOCIETY);
    private static final List<OrgKind> KEXIE = List.of(OrgKind.COUNTY_KEXIE, OrgKind.TOWNSHIP_KEXIE);

    /** Enum names quoted for SQL: ('A', 'B'). */
    private static String in(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    /**
     * The organisations of a snapshot that exist at a date: the job's Records.Org.existsAt on rows parsed as
     * WarehouseReader parses them (kind and status trimmed, an unknown kind never exists, a blank or unknown status
     * is ACTIVE), with the per-row flags C4-C6 need (SQL's three-valued AND and OR are CoverageFamily's allOf and
     * anyOf: null when none decides and some are unknown).
     */
    private static String existingAt(String files, LocalDate at) {
        return "SELECT county_code, org_key, trim(kind) AS kind, region_code, members, paired_society, charter AND"
                + " congress AND council AND financial_rules AND membership_rules AS five, party_org, lacks_staffing OR"
                + " lacks_staff OR lacks_funds OR lacks_venue AS gap FROM read_parquet(" + files + ") WHERE trim(kind)"
                + " IN " + in(List.of(OrgKind.values())) + " AND coalesce(trim(status), '') <> 'REVOKED' AND"
                + " coalesce(established_precision, '') <> 'YEAR' AND (established IS NULL OR established <= DATE '"
                + at + "')";
    }

    /**
     * One indicator per county of the scope (all of them, zeros included) from a per (county, kind) table t
     * restricted to some kinds: columns per, ind, bd, c, n, d, ec (whether the county's own row is emitted; the
     * aggregates always are).
     */
    private static String perCounty(String per, String ind, String bd, String n, String d, String ec, String table,
            java.util.Collection<OrgKind> kinds) {
        return "SELECT '" + per + "' AS per, '" + ind + "' AS ind, '" + bd + "' AS bd, cty.c, coalesce(" + n
                + ", 0)::BIGINT AS n, " + d + " AS d, " + ec + " AS ec FROM cty LEFT JOIN " + table + " t ON"
                + " t.county_code = cty.c AND t.kind IN " + in(kinds) + " GROUP BY cty.c";
    }

    /** C0 counts of a snapshot: every county's total, a county's count by kind only where it has that kind. */
    private static List<String> c0(String per, String table) {
        List<String> out = new ArrayList<>();
        List<OrgKind> all = List.of(OrgKind.values());
        out.add(perCounty(per, "C0.count", "", "sum(t.n)", "NULL::BIGINT", "true", table, all));
        out.add(perCounty(per, "C0.members", "", "sum(t.m)", "NULL::BIGINT", "true", table, all));
        for (OrgKind k : all) {
            out.add(perCounty(per, "C0.count", "kind=" + k, "sum(t.n)", "NULL::BIGINT", "count(t.kind) > 0", table,
                    List.of(k)));
            out.add(perCounty(per, "C0.members", "kind=" + k, "sum(t.m)", "NULL::BIGINT", "count(t.kind) > 0", table,
                    List.of(k)));
        }
        return out;
    }

    /** 1/1 for a county with an existing organisation of every kind given, else 0/1 (C1, C2.county, C7). */
    private static String present(String per, String ind, java.util.Collection<OrgKind> kinds) {
        return perCounty(per, ind, "", "CASE WHEN count(DISTINCT t.kind) = " + kinds.size() + " THEN 1 ELSE 0 END",
                "1::BIGINT", "true", "ok", kinds);
    }

    /**
     * C0-C8 as the job's CoverageFamily has them, in one query: the organisation snapshot at P's end and at the
     * previous period's end, the post snapshot at P's end (each county's latest files up to the cutoff), every
     * county of the scope (zeros included) rolled up to its city, province and the nation as IndicatorSink does;
     * township denominators from the gazetteer (inlined). Counts come back with d NULL (value = n), rates with n
     * and d (value n/d when d > 0, else Spark writes null and the value is not compared). Every C0-C8 row the job
     * writes is compared (num, den and value); the lists (missing kinds, rectifying, seconded posts ending) are not.
     *
     * <p>Known gaps, none met by the synthetic warehouses: the street test of C3 looks the township up among the
     * scope's townships (the job: the whole gazetteer); org or post rows with a null org_key never match here (the
     * job's hash maps match null to null); a county whose chosen file has no rows falls back, in the job, to an
     * older period's rows when another cutoff read them, here it has nothing; trim() drops spaces only (Java's
     * trim and isBlank drop every control character too); a scope with no organisation or post file at a cutoff
     * fails here (read_parquet of an empty list).
     */
    private static void coverage(Statement st, Sql s, Map<String, Double> out) throws Exception {
        String ps = s.p.toString();
        String end = "DATE '" + s.p.end() + "'";
        org.sanhui.model.rules.Rules r = s.rules;
        // "3+1": per organisation, whether its current vice-chairs hold each of the three roles (or its street
        // alternative); complete when all three are there
        List<String> roleCols = new ArrayList<>();
        List<String> complete = new ArrayList<>();
        int i = 0;
        for (PersonRole role : r.threeRoles()) {
            roleCols.add("bool_or(role = '" + role + "') AS r" + i);
            String c = "coalesce(r.r" + i + ", false)";
            PersonRole alt = r.streetAlternatives().get(role);
            if (alt != null) {
                roleCols.add("bool_or(role = '" + alt + "') AS a" + i);
                c = "(" + c + " OR (street AND coalesce(r.a" + i + ", false)))";
            }
            complete.add(c);
            i++;
        }
        String q = "WITH up AS (SELECT split_part(t, ':', 1) AS c, split_part(t, ':', 2) AS r FROM (SELECT"
                + " unnest(string_split('" + s.up + "', ',')) AS t)),"
                + " cty AS (SELECT c FROM up WHERE c = r),"
                + " tw AS (SELECT unnest(string_split('" + s.townships + "', ',')) AS code),"
                + " twc AS (SELECT substr(code, 1, 6) AS county_code, count(*) AS d2, count(*) FILTER (WHERE"
                + " substr(code, 7, 3) >= '100') AS d8 FROM tw GROUP BY 1),"
                + " o AS MATERIALIZED (" + existingAt(s.orgs, s.p.end()) + "),"
                + " ok AS MATERIALIZED (SELECT county_code, kind, count(*) AS n, sum(coalesce(members, 0)) AS m,"
                + " count(*) FILTER (WHERE trim(paired_society) <> '') AS paired, count(*) FILTER (WHERE five) AS"
                + " five_n, count(five) AS five_d, count(*) FILTER (WHERE party_org) AS party_n, count(party_org) AS"
                + " party_d, count(*) FILTER (WHERE NOT gap) AS gap_n, count(gap) AS gap_d FROM o GROUP BY ALL),"
                + " okp AS (SELECT county_code, kind, count(*) AS n, sum(coalesce(members, 0)) AS m FROM ("
                + existingAt(s.orgsPrev, s.p.previous().end()) + ") GROUP BY ALL),"
                // townships with an existing township 科协 (C2) or 农技协 (C8) in the county's own townships
                + " tn AS (SELECT o.county_code, count(DISTINCT tw.code) FILTER (WHERE o.kind = 'TOWNSHIP_KEXIE') AS"
                + " n2, count(DISTINCT tw.code) FILTER (WHERE o.kind = 'RURAL_TECH_ASSOCIATION' AND substr(tw.code,"
                + " 7, 3) >= '100') AS n8 FROM o JOIN tw ON tw.code = substr(o.region_code, 1, 9) AND substr(tw.code,"
                + " 1, 6) = o.county_code WHERE o.kind IN ('TOWNSHIP_KEXIE', 'RURAL_TECH_ASSOCIATION') GROUP BY 1),"
                // current vice-chair posts: effective end as WarehouseReader has it (effective_end, else end_date,
                // else start + 2 years for a seconded post)
                + " vc AS MATERIALIZED (SELECT county_code, org_key, role FROM (SELECT county_code, org_key,"
                + " trim(role) AS role, trim(post) AS post, start_date, coalesce(effective_end, end_date, CASE WHEN"
                + " trim(post) = 'SECONDED_VICE_CHAIR' THEN CAST(start_date + INTERVAL 2 YEAR AS DATE) END) AS pend"
                + " FROM read_parquet(" + s.posts + ")) WHERE post IN " + in(r.viceChairPosts()) + " AND role IN "
                + in(List.of(PersonRole.values())) + " AND start_date <= " + end + " AND (pend IS NULL OR pend >= "
                + end + ")),"
                + " roles AS (SELECT county_code, org_key, " + String.join(", ", roleCols) + " FROM vc GROUP BY ALL),"
                + " c3 AS (SELECT county_code, kind, count(*) FILTER (WHERE " + String.join(" AND ", complete)
                + ") AS n, count(*) AS d FROM (SELECT o.county_code, o.org_key, o.kind, tw.code IS NOT NULL AND"
                + " substr(tw.code, 7, 3) < '100' AS street FROM o LEFT JOIN tw ON o.kind = 'TOWNSHIP_KEXIE' AND"
                + " tw.code = substr(o.region_code, 1, 9) WHERE o.kind IN " + in(KEXIE) + ") x LEFT JOIN roles r"
                + " USING (county_code, org_key) GROUP BY ALL),"
                + " ks AS (SELECT DISTINCT county_code, org_key FROM o WHERE kind IN " + in(KEXIE) + "),"
                + " c3n AS (SELECT ks.county_code, count(vc.role) FILTER (WHERE vc.role IN "
                + in(r.keyPersonRoles()) + ") AS n, count(DISTINCT ks.org_key) AS d FROM ks LEFT JOIN vc ON"
                + " vc.county_code = ks.county_code AND vc.org_key = ks.org_key GROUP BY 1),"
                + " long AS (";
        List<String> rows = new ArrayList<>();
        rows.addAll(c0(ps, "ok"));
        rows.addAll(c0(s.p.previous().toString(), "okp"));
        for (OrgKind k : GRASSROOTS) {
            rows.add(present(ps, "C1." + k, List.of(k)));
        }
        rows.add(present(ps, "C1.full", GRASSROOTS));
        rows.add(present(ps, "C2.county", List.of(OrgKind.COUNTY_KEXIE)));
        rows.add(present(ps, "C7.rate", List.of(OrgKind.VOLUNTEER_TEAM)));
        rows.add("SELECT '" + ps + "', 'C2.township', '', cty.c, coalesce(tn.n2, 0), coalesce(twc.d2, 0), true FROM"
                + " cty LEFT JOIN tn ON tn.county_code = cty.c LEFT JOIN twc ON twc.county_code = cty.c");
        rows.add("SELECT '" + ps + "', 'C8.rate', '', cty.c, coalesce(tn.n8, 0), coalesce(twc.d8, 0), true FROM"
                + " cty LEFT JOIN tn ON tn.county_code = cty.c LEFT JOIN twc ON twc.county_code = cty.c");
        rows.add(perCounty(ps, "C3.county", "", "sum(t.n)", "coalesce(sum(t.d), 0)", "true", "c3",
                List.of(OrgKind.COUNTY_KEXIE)));
        rows.add(perCounty(ps, "C3.township", "", "sum(t.n)", "coalesce(sum(t.d), 0)", "true", "c3",
                List.of(OrgKind.TOWNSHIP_KEXIE)));
        rows.add("SELECT '" + ps + "', 'C3.N', '', cty.c, coalesce(c3n.n, 0), coalesce(c3n.d, 0), true FROM cty"
                + " LEFT JOIN c3n ON c3n.county_code = cty.c");
        rows.add(perCounty(ps, "C4.rate", "", "sum(t.paired)", "coalesce(sum(t.n), 0)", "true", "ok", GRASSROOTS));
        for (OrgKind k : GRASSROOTS) {
            rows.add(perCounty(ps, "C4.rate", "kind=" + k, "sum(t.paired)", "coalesce(sum(t.n), 0)", "true", "ok",
                    List.of(k)));
        }
        rows.add(perCounty(ps, "C5.all_five", "", "sum(t.five_n)", "coalesce(sum(t.five_d), 0)", "true", "ok",
                GRASSROOTS));
        rows.add(perCounty(ps, "C5.party", "", "sum(t.party_n)", "coalesce(sum(t.party_d), 0)", "true", "ok",
                GRASSROOTS));
        rows.add(perCounty(ps, "C6.rate", "", "sum(t.gap_n)", "coalesce(sum(t.gap_d), 0)", "true", "ok",
                List.of(OrgKind.TOWNSHIP_KEXIE)));
        q += String.join(" UNION ALL ", rows) + ") SELECT per, ind, bd, up.r, sum(n)::BIGINT, sum(d)::BIGINT FROM long"
                + " JOIN up USING (c) WHERE up.r <> up.c OR ec GROUP BY ALL";
        try (ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                String per = rs.getString(1);
                String id = rs.getString(2);
                String bd = rs.getString(3);
                String region = rs.getString(4);
                long n = rs.getLong(5);
                long d = rs.getLong(6);
                if (rs.wasNull()) {
                    out.put(key(per, id, region, bd, "value"), (double) n);
                    continue;
                }
                out.put(key(per, id, region, bd, "num"), (double) n);
                out.put(key(per, id, region, bd, "den"), (double) d);
                if (d > 0) {
                    out.put(key(per, id, region, bd, "value"), (double) n / d);
                }
            }
        }
    }

    private static void activity(Statement st, Sql s, Map<String, Double> out) throws Exception {
        String ps = s.p.toString();
        String a = "SELECT org_key, county_code, type, co_host, participants, activity_date FROM read_parquet(" + s.acts
                + ") WHERE activity_date BETWEEN DATE '" + LocalDate.of(s.p.year() - 1, 1, 1) + "' AND DATE '"
                + s.p.end() + "'";
        String inP = "activity_date BETWEEN DATE '" + s.p.start() + "' AND DATE '" + s.p.end() + "'";
        String q = "WITH a AS (" + a + "), per_org AS (SELECT org_key, count(*) FILTER (WHERE " + inP + ") AS n FROM a"
                + " GROUP BY org_key), ex AS (" + s.existing() + "), rep AS (" + s.reported() + "),"
                + " u AS (SELECT coalesce(per_org.n, 0) AS n FROM ex JOIN rep USING (county_code)"
                + " LEFT JOIN per_org USING (org_key))"
                + " SELECT sum(n), count(*), quantile_cont(n, 0.5), quantile_cont(n, 0.9), max(n) FROM u";
        try (ResultSet rs = st.executeQuery(q)) {
            rs.next();
            out.put(key(ps, "A1.mean", s.scope, "", "num"), (double) rs.getLong(1));
            out.put(key(ps, "A1.mean", s.scope, "", "den"), (double) rs.getLong(2));
            out.put(key(ps, "A1.mean", s.scope, "", "value"), (double) rs.getLong(1) / rs.getLong(2));
            out.put(key(ps, "A1.median", s.scope, "", "value"), rs.getDouble(3));
            out.put(key(ps, "A1.p90", s.scope, "", "value"), rs.getDouble(4));
            out.put(key(ps, "A1.max", s.scope, "", "value"), (double) rs.getLong(5));
        }
        String q2 = "SELECT type, count(*), count(*) FILTER (WHERE trim(co_host) <> ''), sum(coalesce(participants, 0))"
                + " FROM read_parquet(" + s.acts + ") WHERE " + inP + " GROUP BY type";
        long all = 0;
        long joint = 0;
        long participants = 0;
        try (ResultSet rs = st.executeQuery(q2)) {
            while (rs.next()) {
                out.put(key(ps, "A1.count", s.scope, "type=" + rs.getString(1), "value"), (double) rs.getLong(2));
                all += rs.getLong(2);
                joint += rs.getLong(3);
                participants += rs.getLong(4);
            }
        }
        out.put(key(ps, "A1.count", s.scope, "", "value"), (double) all);
        out.put(key(ps, "A5.rate", s.scope, "", "num"), (double) joint);
        out.put(key(ps, "A5.rate", s.scope, "", "den"), (double) all);
        out.put(key(ps, "A1.participants", s.scope, "", "value"), (double) participants);
    }

    private static void grades(Statement st, Sql s, Map<String, Double> out) throws Exception {
        String q = "WITH ex AS (" + s.existing() + "), ev AS (SELECT org_key, year, grade FROM read_parquet(" + s.evals
                + ")), y AS (SELECT max(year) AS y FROM ev), soc AS (SELECT org_key FROM ex WHERE kind IN " + SOCIETIES
                + ") SELECT coalesce(ev.grade, 'NOT_EVALUATED') AS g, count(*), (SELECT y FROM y) FROM soc LEFT JOIN ev"
                + " ON soc.org_key = ev.org_key AND ev.year = (SELECT y FROM y) GROUP BY g";
        Map<String, Long> n = new TreeMap<>();
        long total = 0;
        int year = 0;
        try (ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                n.put(rs.getString(1), rs.getLong(2));
                total += rs.getLong(2);
                year = rs.getInt(3);
            }
        }
        for (String g : List.of("A", "B", "C", "NOT_EVALUATED")) {
            long v = n.getOrDefault(g, 0L);
            out.put(key(Integer.toString(year), "G1." + g, s.scope, "", "value"), (double) v);
        }
    }

    private static void submissions(Statement st, Sql s, Map<String, Double> out) throws Exception {
        String ps = s.p.toString();
        String q = "WITH sub AS (SELECT county_code, period, min(filing_date) AS filed, any_value(pend) AS pend FROM"
                + " read_parquet(" + s.subs + ") JOIN (VALUES " + s.expected + ") e(period, pend) USING (period)"
                + " GROUP BY county_code, period), rep AS (" + s.reported() + "), c AS (SELECT county_code,"
                + " bool_or(filed - pend > 15) AS late, bool_or(filed IS NULL) AS unknown FROM sub JOIN rep USING"
                + " (county_code) GROUP BY county_code) SELECT count(*), count(*) FILTER (WHERE NOT late AND NOT"
                + " unknown), count(*) FILTER (WHERE late OR NOT unknown) FROM c";
        try (ResultSet rs = st.executeQuery(q)) {
            rs.next();
            out.put(key(ps, "S1.rate", s.scope, "", "num"), (double) rs.getLong(1));
            out.put(key(ps, "S1.rate", s.scope, "", "value"), (double) rs.getLong(1) / s.counties);
            out.put(key(ps, "S1.ontime", s.scope, "", "num"), (double) rs.getLong(2));
            out.put(key(ps, "S1.ontime", s.scope, "", "den"), (double) rs.getLong(3));
            out.put(key(ps, "S1.ontime", s.scope, "", "value"), (double) rs.getLong(2) / rs.getLong(3));
        }
    }

    private static long peakHeap() {
        long max = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                max += pool.getPeakUsage().getUsed();
            }
        }
        return max;
    }

    /** Peak resident set size of this process in kB (Linux), or 0. */
    private static long vmHwm() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return 0;
    }
}
