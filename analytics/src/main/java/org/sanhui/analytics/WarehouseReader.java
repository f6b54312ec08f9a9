package org.sanhui.analytics;

import static org.sanhui.model.schema.Datasets.*;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Reads the live files the manifest lists, with explicit schemas from core-model, and reduces them to
 * {@link Facts}: snapshot files are pruned through the manifest (only the file each snapshot needs is read),
 * activities are aggregated by Spark with built-in functions in one pass per grain.
 */
final class WarehouseReader {

    private static final String[] ORG_COLUMNS = {COUNTY_CODE, PERIOD, ORG_KEY, ORG_NAME, KIND, REGION_CODE,
        ESTABLISHED, ESTABLISHED_PRECISION, STATUS, LEADER_NAME, MEMBERS, MEMBER_UNITS, PAIRED_SOCIETY, CHARTER,
        CONGRESS, COUNCIL, FINANCIAL_RULES, MEMBERSHIP_RULES, PARTY_ORG, CIVIL_RATING, LACKS_STAFFING, LACKS_STAFF,
        LACKS_FUNDS, LACKS_VENUE};
    private static final String[] POST_COLUMNS = {COUNTY_CODE, PERIOD, ORG_KEY, ROLE, POST, START_DATE, END_DATE,
        EFFECTIVE_END};
    private static final String[] EVAL_COLUMNS = {SUBMISSION_ID, COUNTY_CODE, ORG_KEY, ORG_NAME, KIND, YEAR, GRADE};
    private static final String[] SUB_COLUMNS = {COUNTY_CODE, PERIOD, FILING_DATE, INGESTED_AT, ROWS_ACCEPTED,
        ROWS_REJECTED, SUBMISSION_ID, DATASETS};
    private static final String[] KEY_COLUMNS = {PERIOD, ORG_KEY, KIND};
    private static final String[] ACT_COLUMNS = {COUNTY_CODE, ORG_KEY, TYPE, ACTIVITY_DATE, PLACE_CODE,
        TARGET_GROUPS, PARTICIPANTS, CO_HOST, FORM};
    private static final String[] REJECT_COLUMNS = {COUNTY_CODE, PERIOD, CODE};

    private final SparkSession spark;
    private final Path warehouse;
    private final LiveManifest manifest;
    private final Set<String> counties;
    private final Consumer<String> progress;
    private final int secondedYears;
    /** The organisation files read for the snapshots. */
    private final Set<LiveFile> orgFilesRead = new HashSet<>();

    /**
     * Creates a reader; {@code secondedYears} is how long a seconded post without an end lasts (the rules'
     * {@code posts.seconded_years}), for post files written before ingestion recorded each post's effective end.
     */
    WarehouseReader(SparkSession spark, Path warehouse, LiveManifest manifest, Set<String> counties,
            Consumer<String> progress, int secondedYears) {
        this.secondedYears = secondedYears;
        this.spark = spark;
        this.warehouse = warehouse;
        this.manifest = manifest;
        this.counties = counties;
        this.progress = progress;
    }

    /**
     * Reads everything the indicators of period P need.
     *
     * @param p the analysed period
     * @param cutoffs the snapshot cutoff dates needed
     * @param placeWindows date ranges [from, to] for which A7 needs "an activity took place in the township"
     * @return the facts
     */
    Facts read(Period p, Collection<LocalDate> cutoffs, List<LocalDate[]> placeWindows) {
        return readAll(p, cutoffs, placeWindows);
    }

    private Facts readAll(Period p, Collection<LocalDate> cutoffs, List<LocalDate[]> placeWindows) {
        Facts f = new Facts();
        long t = System.nanoTime();
        readOrganisations(f, cutoffs);
        readPosts(f, cutoffs);
        t = lap(f, "coverage", t);
        readEvaluations(f, p);
        readKnownOrganisations(f, p);
        t = lap(f, "grades", t);
        readSubmissions(f, p);
        readRejects(f, p);
        t = lap(f, "submissions", t);
        readActivities(f, p, placeWindows);
        lap(f, "activity", t);
        return f;
    }

    private static long lap(Facts f, String family, long since) {
        long now = System.nanoTime();
        f.nanos.merge(family, now - since, Long::sum);
        return now;
    }

    private List<LiveFile> live(DatasetSchema ds) {
        return manifest.of(ds.name()).stream().filter(lf -> counties.contains(lf.county())).toList();
    }

    /** Picks, for every county and cutoff, the snapshot file(s) it needs. */
    private List<LiveFile> snapshotFiles(DatasetSchema ds, Collection<LocalDate> cutoffs) {
        Map<String, Map<Period, List<LiveFile>>> byCounty = new TreeMap<>();
        for (LiveFile lf : live(ds)) {
            Period per = Period.tryParse(lf.period()).orElseThrow(() -> new AnalyticsException(
                    "manifest line for " + lf.path() + " has period '" + lf.period() + "', expected 2024Q3 or 2024-07"));
            byCounty.computeIfAbsent(lf.county(), k -> new TreeMap<>()).computeIfAbsent(per, k -> new ArrayList<>())
                    .add(lf);
        }
        Set<LiveFile> out = new LinkedHashSet<>();
        for (Map<Period, List<LiveFile>> m : byCounty.values()) {
            for (LocalDate c : cutoffs) {
                Period chosen = Facts.choose(m.keySet(), c);
                if (chosen != null) {
                    out.addAll(m.get(chosen));
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Reads some live files of a dataset by the live-file source; each task checks its files (checksum, footer,
     * row count, columns) as it decodes them.
     */
    private LiveSource.Read load(DatasetSchema ds, List<LiveFile> files, String... columns) {
        StructType wanted = SparkSchemas.of(ds, columns);
        if (files.isEmpty()) {
            return new LiveSource.Read(spark.createDataFrame(List.of(), wanted), null);
        }
        return LiveSource.read(spark, warehouse, files, wanted);
    }

    /** Collects a read's rows, once its tasks have found every file whole, and says how long it took. */
    private List<Row> collect(LiveSource.Read read, String what) {
        long t = System.nanoTime();
        List<Row> rows = read.rows().collectAsList();
        read.check();
        progress.accept(String.format(java.util.Locale.ROOT, "read %,d %s rows in %.1f s", rows.size(), what,
                (System.nanoTime() - t) / 1e9));
        return rows;
    }

    private void readOrganisations(Facts f, Collection<LocalDate> cutoffs) {
        List<LiveFile> files = snapshotFiles(ORGANISATIONS, cutoffs);
        orgFilesRead.addAll(files);
        progress.accept("reading " + files.size() + " organisation files");
        for (Row r : collect(load(ORGANISATIONS, files, ORG_COLUMNS), "organisation")) {
            Records.Org o = new Records.Org(r.getString(0), Period.parse(r.getString(1)), r.getString(2),
                    r.getString(3), kind(r.getString(4)), r.getString(5), date(r.get(6)), r.getString(7),
                    status(r.getString(8)), r.getString(9), (Integer) r.get(10), (Integer) r.get(11),
                    blankToNull(r.getString(12)), (Boolean) r.get(13), (Boolean) r.get(14), (Boolean) r.get(15),
                    (Boolean) r.get(16), (Boolean) r.get(17), (Boolean) r.get(18), blankToNull(r.getString(19)),
                    (Boolean) r.get(20), (Boolean) r.get(21), (Boolean) r.get(22), (Boolean) r.get(23));
            f.orgs.computeIfAbsent(o.county(), k -> new TreeMap<>(Facts.BY_END))
                    .computeIfAbsent(o.period(), k -> new ArrayList<>()).add(o);
        }
    }

    private void readPosts(Facts f, Collection<LocalDate> cutoffs) {
        List<LiveFile> files = snapshotFiles(POSTS, cutoffs);
        progress.accept("reading " + files.size() + " post files");
        for (Row r : collect(load(POSTS, files, POST_COLUMNS), "post")) {
            Post post = enumOrNull(Post.class, r.getString(4));
            LocalDate start = date(r.get(5));
            LocalDate end = date(r.get(7));
            if (end == null) {
                end = date(r.get(6));
            }
            if (end == null && post == Post.SECONDED_VICE_CHAIR && start != null) {
                end = start.plusYears(secondedYears);
            }
            Records.PostRow pr = new Records.PostRow(r.getString(0), Period.parse(r.getString(1)), r.getString(2),
                    enumOrNull(PersonRole.class, r.getString(3)), post, start, end);
            f.posts.computeIfAbsent(pr.county(), k -> new TreeMap<>(Facts.BY_END))
                    .computeIfAbsent(pr.period(), k -> new ArrayList<>()).add(pr);
        }
    }

    private void readEvaluations(Facts f, Period p) {
        List<LiveFile> files = live(EVALUATIONS).stream()
                .filter(lf -> Period.tryParse(lf.period()).map(x -> x.year() <= p.year()).orElse(false)).toList();
        progress.accept("reading " + files.size() + " evaluation files");
        for (Row r : collect(load(EVALUATIONS, files, EVAL_COLUMNS), "evaluation")) {
            if (r.get(5) == null || r.getString(6) == null || r.getString(2) == null) {
                continue;
            }
            f.evals.add(new Records.Eval(r.getString(2), r.getString(1), r.getString(3), kind(r.getString(4)),
                    r.getInt(5), r.getString(6), r.getString(0)));
        }
    }

    private void readSubmissions(Facts f, Period p) {
        List<LiveFile> files = live(SUBMISSIONS);
        progress.accept("reading " + files.size() + " submission records");
        for (Row r : collect(load(SUBMISSIONS, files, SUB_COLUMNS), "submission")) {
            Period per = Period.tryParse(r.getString(1)).orElse(null);
            if (per == null || per.end().isAfter(p.end())) {
                continue;
            }
            f.submissions.add(new Records.Submission(r.getString(6), r.getString(0), per, date(r.get(2)),
                    micros(r.get(3)), datasets(r.getString(7)), r.get(4) == null ? 0 : r.getLong(4),
                    r.get(5) == null ? 0 : r.getLong(5)));
        }
    }

    /** The datasets a submission record names; a blank list (not written by ingestion) stands for every input. */
    static Set<String> datasets(String list) {
        Set<String> out = new java.util.TreeSet<>();
        if (list != null) {
            for (String d : list.split(",")) {
                if (!d.isBlank()) {
                    out.add(d.trim());
                }
            }
        }
        if (out.isEmpty()) {
            INPUTS.forEach(d -> out.add(d.name()));
        }
        return out;
    }

    /**
     * Fills {@link Facts#knownOrgs}: the keys of the snapshot files already read, then, only for counties where an
     * evaluation names a key those files lack, the keys of the county's other live organisation files of periods
     * up to P's end (one column read; usually nothing is left to read).
     */
    private void readKnownOrganisations(Facts f, Period p) {
        for (NavigableMap<Period, List<Records.Org>> byPeriod : f.orgs.values()) {
            for (List<Records.Org> rows : byPeriod.values()) { // ascending: the latest row's kind stays
                for (Records.Org o : rows) {
                    f.knownOrgs.put(o.key(), o.kind());
                }
            }
        }
        Set<String> pending = new HashSet<>();
        for (Records.Eval e : f.evals) {
            if (!f.knownOrgs.containsKey(e.orgKey())) {
                pending.add(e.orgKey().contains("/") ? e.orgKey().substring(0, e.orgKey().indexOf('/')) : e.county());
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        List<LiveFile> files = live(ORGANISATIONS).stream()
                .filter(lf -> pending.contains(lf.county()) && !orgFilesRead.contains(lf)
                        && Period.tryParse(lf.period()).map(x -> !x.end().isAfter(p.end())).orElse(false))
                .toList();
        if (files.isEmpty()) {
            return;
        }
        progress.accept("reading the organisation keys of " + files.size() + " more organisation files");
        List<Row> rows = new ArrayList<>(collect(load(ORGANISATIONS, files, KEY_COLUMNS), "organisation key"));
        rows.sort(java.util.Comparator.comparing(r -> Period.parse(r.getString(0)), Facts.BY_END));
        for (Row r : rows) {
            OrgKind k = kind(r.getString(2));
            String key = r.getString(1);
            if (key != null && (k != null || !f.knownOrgs.containsKey(key))) {
                f.knownOrgs.put(key, k);
            }
        }
    }

    private void readRejects(Facts f, Period p) {
        List<LiveFile> files = live(REJECTS).stream()
                .filter(lf -> Period.tryParse(lf.period()).map(x -> within(x, p)).orElse(false)).toList();
        long t = System.nanoTime();
        // a few rows per file (8,478 in the 10M benchmark's 2,826 files): collected and counted on the driver,
        // where a groupBy would add a shuffle stage that costs more than the rows
        LiveSource.Read rejects = load(REJECTS, files, REJECT_COLUMNS);
        List<Row> rows = rejects.rows().collectAsList();
        rejects.check();
        Map<List<String>, Long> counts = new LinkedHashMap<>();
        for (Row r : rows) {
            counts.merge(java.util.Arrays.asList(r.getString(0), r.getString(1), r.getString(2)), 1L, Long::sum);
        }
        progress.accept(String.format(java.util.Locale.ROOT, "counted the problems of %d reject files in %.1f s",
                files.size(), (System.nanoTime() - t) / 1e9));
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            List<String> k = e.getKey();
            f.problems.add(new Records.Problems(k.get(0), Period.parse(k.get(1)), k.get(2), e.getValue()));
        }
    }

    private static boolean within(Period x, Period p) {
        return !x.start().isBefore(p.start()) && !x.end().isAfter(p.end());
    }

    private void readActivities(Facts f, Period p, List<LocalDate[]> placeWindows) {
        LocalDate from = LocalDate.of(p.year() - 1, 1, 1);
        LocalDate p3 = p.plus(-3).start();
        if (p3.isBefore(from)) {
            from = p3;
        }
        LocalDate placeFrom = from;
        for (LocalDate[] w : placeWindows) {
            if (w[0].isBefore(placeFrom)) {
                placeFrom = w[0];
            }
        }
        LocalDate readFrom = placeFrom;
        List<LiveFile> files = live(ACTIVITIES).stream().filter(lf -> Period.tryParse(lf.period())
                .map(x -> !x.end().isBefore(readFrom) && !x.start().isAfter(p.end())).orElse(false)).toList();
        progress.accept("aggregating " + files.stream().mapToLong(LiveFile::rows).sum() + " activities in "
                + files.size() + " files");
        long started = System.nanoTime();
        LiveSource.Read read = load(ACTIVITIES, files, ACT_COLUMNS);
        Dataset<Row> acts = read.rows();
        // One scan, four grains (GROUPING SETS): per organisation (window counts), per county and month
        // (trends, participants, joint activities), per county x type x form x target groups (the period's
        // breakdowns), per place (A7 windows). Every aggregate is a built-in conditional sum.
        LocalDate ytd = LocalDate.of(p.year(), 1, 1);
        List<LocalDate[]> windows = new ArrayList<>(placeWindows);
        String dt = ACTIVITY_DATE;
        StringBuilder sql = new StringBuilder("SELECT grouping_id() AS gid, ").append(ORG_KEY).append(", ")
                .append(COUNTY_CODE).append(", ym, type_p, form_p, tg_p, ").append(PLACE_CODE).append(", count(1) AS n, ")
                .append("coalesce(sum(").append(PARTICIPANTS).append("), 0) AS participants, ")
                .append("sum(CASE WHEN trim(").append(CO_HOST).append(") <> '' THEN 1 ELSE 0 END) AS cohost");
        Period[] ps = {p, p.plus(-1), p.plus(-2), p.plus(-3)};
        for (int i = 0; i < ps.length; i++) {
            sql.append(", sum(").append(flag(dt, ps[i].start(), ps[i].end())).append(") AS p").append(i);
        }
        sql.append(", sum(").append(flag(dt, ytd, p.end())).append(") AS ytd");
        sql.append(", sum(CASE WHEN ").append(TYPE).append(" = 'CONFERENCE' THEN ")
                .append(flag(dt, ytd, p.end())).append(" ELSE 0 END) AS conf_ytd");
        // the year to date at the end of each period the headline figures are compared with (A2 then)
        List<Period> then = ComparisonFamily.periods(p);
        for (int i = 0; i < then.size(); i++) {
            LocalDate jan1 = LocalDate.of(then.get(i).year(), 1, 1);
            sql.append(", sum(").append(flag(dt, jan1, then.get(i).end())).append(") AS ytd_c").append(i);
            sql.append(", sum(CASE WHEN ").append(TYPE).append(" = 'CONFERENCE' THEN ")
                    .append(flag(dt, jan1, then.get(i).end())).append(" ELSE 0 END) AS conf_c").append(i);
        }
        sql.append(", sum(CASE WHEN ").append(flag(dt, p.start(), p.end())).append(" = 1 THEN coalesce(")
                .append(PARTICIPANTS).append(", 0) ELSE 0 END) AS participants_p");
        for (int i = 0; i < windows.size(); i++) {
            sql.append(", max(").append(flag(dt, windows.get(i)[0], windows.get(i)[1])).append(") AS w").append(i);
        }
        // the breakdown grain keys only the period's own rows (the rest of the window falls into one group per
        // county): its size is that of one period's combinations, not of the whole window's
        String inPeriod = dt + " >= DATE'" + p.start() + "' AND " + dt + " <= DATE'" + p.end() + "'";
        sql.append(" FROM (SELECT *, year(").append(dt).append(") * 100 + month(").append(dt).append(") AS ym")
                .append(", CASE WHEN ").append(inPeriod).append(" THEN ").append(TYPE).append(" END AS type_p")
                .append(", CASE WHEN ").append(inPeriod).append(" THEN ").append(FORM).append(" END AS form_p")
                .append(", CASE WHEN ").append(inPeriod).append(" THEN ").append(TARGET_GROUPS).append(" END AS tg_p")
                .append(" FROM acts")
                .append(" WHERE ").append(dt).append(" >= DATE'").append(readFrom).append("' AND ").append(dt)
                .append(" <= DATE'").append(p.end()).append("')")
                .append(" GROUP BY GROUPING SETS ((").append(ORG_KEY).append(", ").append(COUNTY_CODE).append("), (")
                .append(COUNTY_CODE).append(", ym), (").append(COUNTY_CODE).append(", type_p, form_p, tg_p), (")
                .append(PLACE_CODE).append("))");
        acts.createOrReplaceTempView("acts");
        // streamed to the driver partition by partition, not collected at once: at national scale the grains
        // hold hundreds of thousands of rows
        java.util.Iterator<Row> out = spark.sql(sql.toString()).toLocalIterator();
        // grouping_id bits, first column highest: org_key, county_code, ym, type, form, target_groups, place_code
        final int orgGrain = 0b0011111;
        final int monthGrain = 0b1001111;
        final int typeGrain = 0b1010001;
        final int placeGrain = 0b1111110;
        while (out.hasNext()) {
            Row r = out.next();
            int gid = ((Number) r.getAs("gid")).intValue();
            long n = r.getAs("n");
            if (gid == orgGrain) {
                String key = r.getString(1);
                if (key == null) {
                    continue;
                }
                long[] ytdThen = new long[then.size()];
                long[] confThen = new long[then.size()];
                for (int i = 0; i < ytdThen.length; i++) {
                    ytdThen[i] = r.<Long>getAs("ytd_c" + i);
                    confThen[i] = r.<Long>getAs("conf_c" + i);
                }
                f.orgActivity.put(key, new Facts.OrgActivity(key, r.getString(2), r.<Long>getAs("p0"),
                        r.<Long>getAs("p1"), r.<Long>getAs("p2"), r.<Long>getAs("p3"), r.<Long>getAs("ytd"),
                        r.<Long>getAs("conf_ytd"), ytdThen, confThen));
            } else if (gid == monthGrain) {
                f.countyMonths.add(new Facts.CountyMonth(r.getString(2), r.getInt(3), n,
                        ((Number) r.getAs("participants")).longValue(), r.<Long>getAs("cohost")));
            } else if (gid == typeGrain) {
                long inP = r.getAs("p0");
                if (inP > 0) {
                    f.breakdowns.add(new Records.Breakdown(r.getString(2), r.getString(4), r.getString(5),
                            r.getString(6), inP, ((Number) r.getAs("participants_p")).longValue()));
                }
            } else if (gid == placeGrain) {
                String place = r.getString(7);
                if (place == null || place.length() != 9) {
                    continue;
                }
                boolean[] b = new boolean[windows.size()];
                boolean any = false;
                for (int i = 0; i < b.length; i++) {
                    b[i] = ((Number) r.getAs("w" + i)).intValue() > 0;
                    any |= b[i];
                }
                if (any) {
                    f.places.put(place, b);
                }
            }
        }
        spark.catalog().dropTempView("acts");
        read.check(); // the grains above count only if every file was whole
        progress.accept(String.format(java.util.Locale.ROOT, "aggregated the activities in %.1f s",
                (System.nanoTime() - started) / 1e9));
    }

    private static String flag(String col, LocalDate a, LocalDate b) {
        return "CASE WHEN " + col + " >= DATE'" + a + "' AND " + col + " <= DATE'" + b + "' THEN 1 ELSE 0 END";
    }

    static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof LocalDate ld) {
            return ld;
        }
        return ((java.sql.Date) o).toLocalDate();
    }

    private static long micros(Object o) {
        if (o == null) {
            return 0;
        }
        Instant i = o instanceof Instant in ? in : ((Timestamp) o).toInstant();
        return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static OrgKind kind(String s) {
        return enumOrNull(OrgKind.class, s);
    }

    private static OrgStatus status(String s) {
        OrgStatus st = enumOrNull(OrgStatus.class, s);
        return st == null ? OrgStatus.ACTIVE : st;
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Returns the counties that have any submission record, for the default scope. */
    static Set<String> submittingCounties(LiveManifest m) {
        Set<String> out = new HashSet<>();
        for (LiveFile lf : m.files()) {
            out.add(lf.county());
        }
        return out;
    }
}
