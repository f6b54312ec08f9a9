package org.sanhui.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Runs the analysis of one period: reads the warehouse's live files, computes every indicator and list
 * of DOMAIN.md section 4 and writes {@code WAREHOUSE/indicators/<P>/} atomically.
 *
 * <p>Embedded by default: a {@code local[*]} session bound to 127.0.0.1 with the UI off and few shuffle
 * partitions, unless a master came from outside ({@link AnalyzeOptions#master()} or {@code spark.master}
 * set by spark-submit), or a session is already active (tests), which is then used and left running.
 */
public final class Analyzer {

    private Analyzer() {
    }

    /**
     * Runs the analysis.
     *
     * @param options what to analyse, null not permitted
     * @return what was written, never null
     * @throws AnalyticsException if the warehouse holds nothing for the scope or a file lacks a column
     * @throws IllegalArgumentException if the scope is not a gazetteer region
     */
    public static AnalyzeResult run(AnalyzeOptions options) {
        Objects.requireNonNull(options, "options");
        long t0 = System.nanoTime();
        Path wh = options.warehouse();
        if (!Files.isDirectory(wh)) {
            throw new AnalyticsException("warehouse " + wh + " is not a directory: give the folder `sanhui ingest` wrote");
        }
        LiveManifest manifest = LiveManifest.read(wh);
        String scope = options.scope() != null ? options.scope() : defaultScope(manifest, wh);
        Gazetteer g = Gazetteer.national();
        if (g.byCode(scope).isEmpty()) {
            throw new IllegalArgumentException("scope " + scope + " is not a region of the gazetteer, expected 00, a province, city or county code");
        }
        refuseMonthsOfQuarterlyProvinces(options.period(), scope, options.rules(), g);
        Regions regions = new Regions(g, scope);
        options.progress().accept("scope " + scope + ": " + regions.counties.size() + " counties");
        AnalysisRules rules = new AnalysisRules(options.rules());
        boolean[] created = new boolean[1];
        SparkSession spark = session(options.master(), created);
        try {
            Period p = options.period();
            Facts facts;
            try {
                facts = new WarehouseReader(spark, wh, manifest, new HashSet<>(regions.counties), options.progress(),
                        options.rules().secondedPostYears())
                        .read(p, cutoffs(p, manifest, rules, regions),
                                CompositeFamily.placeWindows(p, rules, regions));
            } catch (Exception e) { // Spark's job failure is a checked exception Scala throws undeclared
                RuntimeException known = LiveFileCheck.translate(e);
                if (known != null) {
                    throw known;
                }
                throw e;
            }
            options.progress().accept("computing indicators");
            long t = System.nanoTime();
            Context ctx = new Context(p, facts, regions, rules);
            CoverageFamily.compute(ctx);
            t = lap(facts, "coverage", t);
            ActivityFamily activity = new ActivityFamily(ctx);
            activity.compute();
            t = lap(facts, "activity", t);
            GradeFamily grades = new GradeFamily(ctx);
            grades.compute();
            t = lap(facts, "grades", t);
            SubmissionFamily.compute(ctx);
            t = lap(facts, "submissions", t);
            ComparisonFamily.compute(ctx);
            t = lap(facts, "comparisons", t);
            CompositeFamily.m1(ctx);
            CompositeFamily.r1(ctx, activity, grades);
            t = lap(facts, "composite", t);
            List<IndicatorRow> rows = ctx.sink.rows();
            Map<String, List<Map<String, Object>>> lists = ctx.lists.sorted();
            options.progress().accept("writing " + rows.size() + " indicator rows");
            Path dir = IndicatorOutput.write(wh, p, scope, rows, lists, ctx.warnings, ComparisonFamily.describe(p));
            lap(facts, "write", t);
            Map<String, Long> counts = new LinkedHashMap<>();
            lists.forEach((k, v) -> counts.put(k, (long) v.size()));
            return new AnalyzeResult(dir, dir.resolve("indicators-" + p + ".json"), scope, rows.size(), counts,
                    Duration.ofNanos(System.nanoTime() - t0), ctx.warnings, timings(facts));
        } finally {
            if (created[0]) {
                spark.stop();
            }
        }
    }

    private static long lap(Facts f, String family, long since) {
        long now = System.nanoTime();
        f.nanos.merge(family, now - since, Long::sum);
        return now;
    }

    private static Map<String, Duration> timings(Facts f) {
        Map<String, Duration> out = new LinkedHashMap<>();
        f.nanos.forEach((k, v) -> out.put(k, Duration.ofNanos(v)));
        return out;
    }

    /** The province the warehouse's submissions come from, or 00 when they come from several. */
    static String defaultScope(LiveManifest manifest, Path wh) {
        Set<String> provinces = new TreeSet<>();
        for (LiveFile f : manifest.of(Datasets.SUBMISSIONS.name())) {
            provinces.add(f.county().substring(0, 2));
        }
        if (provinces.isEmpty()) {
            for (LiveFile f : manifest.files()) {
                provinces.add(f.county().substring(0, 2));
            }
        }
        if (provinces.isEmpty()) {
            throw new AnalyticsException("warehouse " + wh + " has no live files (" + LiveManifest.FILE_NAME
                    + " empty or absent): run `sanhui ingest` first");
        }
        return provinces.size() == 1 ? provinces.iterator().next() : "00";
    }

    /**
     * The snapshot cutoffs: P, the periods it is compared with (the one before, the same one a year before), the
     * ends of graded years before P's, milestone deadlines.
     */
    static List<LocalDate> cutoffs(Period p, LiveManifest manifest, AnalysisRules rules, Regions regions) {
        Set<LocalDate> out = new TreeSet<>();
        out.add(p.end());
        for (Period q : ComparisonFamily.periods(p)) {
            out.add(q.end());
        }
        for (LiveFile f : manifest.of(Datasets.EVALUATIONS.name())) {
            Period.tryParse(f.period()).ifPresent(y -> {
                if (y.year() < p.year()) {
                    out.add(LocalDate.of(y.year(), 12, 31));
                }
            });
        }
        for (org.sanhui.model.rules.Milestone m : CompositeFamily.milestones(rules, regions)) {
            if (!m.deadline().isAfter(p.end())) {
                LocalDate e = CompositeFamily.deadlinePeriod(rules, m).end();
                out.add(e.isAfter(p.end()) ? p.end() : e);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Refuses a month when a province of the scope reports quarterly: its quarterly files cannot say in which
     * month a figure falls, so every county would show as missing and every figure as empty.
     */
    static void refuseMonthsOfQuarterlyProvinces(Period p, String scope, org.sanhui.model.rules.Rules rules,
            Gazetteer g) {
        if (p.kind() != Period.Kind.MONTH) {
            return;
        }
        List<String> provinces = "00".equals(scope)
                ? g.within("00", org.sanhui.model.region.RegionLevel.PROVINCE).stream()
                        .map(org.sanhui.model.region.Region::code).toList()
                : List.of(scope.substring(0, 2));
        List<String> quarterly = provinces.stream()
                .filter(pr -> rules.reportingFrequency(pr) != Period.Kind.MONTH).toList();
        if (quarterly.isEmpty()) {
            return;
        }
        String which = quarterly.size() == 1 ? "province " + quarterly.get(0) + " reports"
                : "provinces " + String.join(", ", quarterly.subList(0, Math.min(5, quarterly.size())))
                        + (quarterly.size() > 5 ? " and " + (quarterly.size() - 5) + " more" : "") + " report";
        throw new IllegalArgumentException("period " + p + " is a month, but " + which + " quarterly (scope "
                + scope + "): a quarterly file cannot say in which month each figure falls. Analyse the quarter, "
                + "--period " + p.as(Period.Kind.QUARTER) + ", or, if the province reports monthly, say so in the "
                + "--config file: reporting.frequency." + quarterly.get(0) + " = MONTH"
                + ("00".equals(scope) ? " (or analyse a monthly province alone with --scope)" : ""));
    }

    /** Opens (or reuses) the session; created[0] tells whether this call created it. */
    static SparkSession session(String master, boolean[] created) {
        // a session already running in this JVM (tests, an embedding application) is used and left running;
        // Spark allows one SparkContext per JVM, so a master given here could not replace it anyway
        if (SparkSession.getActiveSession().isDefined()) {
            return SparkSession.getActiveSession().get();
        }
        if (SparkSession.getDefaultSession().isDefined()) {
            return SparkSession.getDefaultSession().get();
        }
        SparkSession.Builder b = SparkSession.builder().appName("sanhui-analyze");
        boolean external = master == null && System.getProperty("spark.master") != null;
        if (!external) {
            String m = master == null ? "local[*]" : master;
            b.master(m);
            if (m.startsWith("local")) {
                b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4");
            }
        }
        b.config("spark.sql.session.timeZone", "UTC");
        // verify the CRC of every Parquet page read: a damaged warehouse file fails loudly, never silently
        b.config("spark.hadoop.parquet.page.verify-checksum.enabled", "true");
        SparkSession s = b.getOrCreate();
        created[0] = true;
        return s;
    }
}
