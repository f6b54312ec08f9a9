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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.sanhui.analytics.AnalyzeOptions;
import org.sanhui.analytics.AnalyzeResult;
import org.sanhui.analytics.Analyzer;
import org.sanhui.analytics.IndicatorOutput;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
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

        Sql(Path wh, Period p, String scope, LiveManifest m) {
            this.p = p;
            this.scope = scope;
            org.sanhui.model.rules.Rules rules = org.sanhui.model.rules.Rules.DEFAULTS;
            Map<String, Map<Period, List<LiveFile>>> byCounty = new HashMap<>();
            for (LiveFile f : m.of("organisations")) {
                byCounty.computeIfAbsent(f.county(), k -> new HashMap<>())
                        .computeIfAbsent(Period.parse(f.period()), k -> new ArrayList<>()).add(f);
            }
            List<String> of = new ArrayList<>();
            for (Map<Period, List<LiveFile>> e : byCounty.values()) {
                Period best = null;
                for (Period q : e.keySet()) {
                    if (!q.end().isAfter(p.end()) && (best == null || q.end().isAfter(best.end()))) {
                        best = q;
                    }
                }
                if (best != null) {
                    e.get(best).forEach(f -> of.add(wh.resolve(f.path()).toString()));
                }
            }
            orgs = list(of);
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
            Gazetteer g = Gazetteer.national();
            counties = g.require(scope).level() == RegionLevel.COUNTY ? 1 : g.within(scope, RegionLevel.COUNTY).size();
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

    private static void coverage(Statement st, Sql s, Map<String, Double> out) throws Exception {
        String q = "WITH ex AS (" + s.existing() + ") SELECT county_code, count(*) AS n, CASE WHEN count(DISTINCT CASE WHEN"
                + " kind IN ('SCI_EDU_SOCIETY', 'MEDICAL_SOCIETY', 'AGRI_SOCIETY') THEN kind END) = 3 THEN 1 ELSE 0 END"
                + " AS full FROM ex GROUP BY county_code";
        long full = 0;
        long total = 0;
        try (ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                out.put(key(s.p.toString(), "C0.count", rs.getString(1), "", "value"), (double) rs.getLong(2));
                total += rs.getLong(2);
                full += rs.getLong(3);
            }
        }
        out.put(key(s.p.toString(), "C0.count", s.scope, "", "value"), (double) total);
        out.put(key(s.p.toString(), "C1.full", s.scope, "", "num"), (double) full);
        out.put(key(s.p.toString(), "C1.full", s.scope, "", "value"), (double) full / s.counties);
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
