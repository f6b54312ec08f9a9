package org.sanhui.generator.warehouse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.sanhui.generator.GenerateSummary;
import org.sanhui.generator.ProgressCallback;
import org.sanhui.generator.world.Activity;
import org.sanhui.generator.world.Channel;
import org.sanhui.generator.world.CountyPlan;
import org.sanhui.generator.world.KeyPost;
import org.sanhui.generator.world.Org;
import org.sanhui.generator.world.WorldBuilder;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.DatePrecision;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Writes a ready warehouse for a scope (the whole country for {@code 00}): for every county and quarter one
 * Parquet file of organisations, posts and activities and a one-row submissions file, evaluations per year and
 * county, and the live manifest {@code _live.tsv}; as ingestion would have left them after every county reported
 * every quarter with no problem.
 *
 * <p>Activities: exactly N (when given) spread over counties, quarters, organisations and months by each
 * organisation's rate and the season (peaks in May and September). Counties are generated in parallel, each from
 * its own random source, so the output does not depend on the thread count.
 */
public final class WarehouseGenerator {

    private final Gazetteer gaz = Gazetteer.national();
    private final String scope;
    private final List<Period> periods;
    private final long seed;
    private final Long activities;
    private final Path out;
    private final WorldBuilder builder;

    /**
     * Prepares a generation.
     *
     * @param scope the scope code
     * @param periods the quarters
     * @param seed the seed
     * @param activities the number of activities, or null for the natural rate
     * @param out the warehouse root
     */
    public WarehouseGenerator(String scope, List<Period> periods, long seed, Long activities, Path out) {
        this.scope = scope;
        this.periods = List.copyOf(periods);
        this.seed = seed;
        this.activities = activities;
        this.out = out;
        this.builder = new WorldBuilder(scope, periods, seed, activities, WorldBuilder.Channels.SAMPLE, false);
    }

    /**
     * Generates the warehouse.
     *
     * @param cb progress (stage "counties")
     * @return what was written
     */
    public GenerateSummary generate(ProgressCallback cb) {
        List<Region> counties = new ArrayList<>(gaz.within(scope, RegionLevel.COUNTY));
        counties.sort(Comparator.comparing(Region::code));
        int n = counties.size();
        CountyPlan[] plans = new CountyPlan[n];
        double[][] weights = new double[n][periods.size()];
        double total = 0;
        double natural = 0;
        for (int i = 0; i < n; i++) {
            Region c = counties.get(i);
            SplittableRandom r = WorldBuilder.rng(seed, c.code() + "/lag");
            plans[i] = builder.county(c, Channel.XLSX, r.nextInt(100) < 14 ? 1 : 0, true, false);
            for (int p = 0; p < periods.size(); p++) {
                for (Cell cell : cells(plans[i], periods.get(p))) {
                    weights[i][p] += cell.weight;
                    natural += cell.org.activityRate() / 3.0 * WorldBuilder.season(cell.month) / WorldBuilder.SEASON_MEAN;
                }
                total += weights[i][p];
            }
        }
        long wanted = activities != null ? activities : Math.round(natural);
        long[][] quota = new long[n][periods.size()];
        double cum = 0;
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < periods.size(); p++) {
                cum += weights[i][p];
                long upTo = total == 0 ? 0 : Math.round(cum / total * wanted);
                quota[i][p] = upTo - assigned;
                assigned = upTo;
            }
        }
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong done = new AtomicLong();
        List<Future<List<LiveFile>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                List<LiveFile> f = county(plans[k], quota[k]);
                cb.progress("counties", done.incrementAndGet(), n);
                return f;
            }));
        }
        List<LiveFile> live = new ArrayList<>();
        try {
            for (Future<List<LiveFile>> f : futures) {
                live.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        new LiveManifest(live).writeAtomically(out);
        long rows = live.stream().mapToLong(LiveFile::rows).sum();
        long acts = live.stream().filter(f -> f.dataset().equals(Datasets.ACTIVITIES.name()))
                .mapToLong(LiveFile::rows).sum();
        return new GenerateSummary(out, live.size() + 1, rows, acts);
    }

    private record Cell(Org org, int month, LocalDate start, double weight) {
    }

    /** The (organisation, month) cells of a quarter in which an organisation is active the whole month. */
    private List<Cell> cells(CountyPlan plan, Period q) {
        List<Cell> out = new ArrayList<>();
        for (Org o : plan.orgs()) {
            for (Period m : q.months()) {
                if (o.activeOn(m.start()) && o.activeOn(m.end())) {
                    out.add(new Cell(o, m.index(), m.start(), o.activityRate() * WorldBuilder.season(m.index())));
                }
            }
        }
        return out;
    }

    private List<LiveFile> county(CountyPlan plan, long[] quota) throws IOException {
        String code = plan.county().code();
        List<LiveFile> files = new ArrayList<>();
        SplittableRandom r = WorldBuilder.rng(seed, code + "/warehouse");
        List<Region> towns = new ArrayList<>(gaz.children(code));
        towns.sort(Comparator.comparing(Region::code));
        Map<String, Org> byId = new HashMap<>();
        plan.orgs().forEach(o -> byId.put(o.id(), o));
        for (int p = 0; p < periods.size(); p++) {
            Period q = periods.get(p);
            String sid = code + "-" + q + "-0001";
            String ps = q.toString();
            // organisations
            List<Org> listed = plan.orgs().stream().filter(o -> !o.established().isAfter(q.end())).toList();
            long orgRows;
            try (RowParquetWriter w = open(Datasets.ORGANISATIONS, ps, code, sid, files)) {
                int row = 4;
                for (Org o : listed) {
                    Object[] v = new Object[Datasets.ORGANISATIONS.storedColumns().size()];
                    Setter s = new Setter(Datasets.ORGANISATIONS, v);
                    s.put(Datasets.SUBMISSION_ID, sid).put(Datasets.COUNTY_CODE, code).put(Datasets.PERIOD, ps)
                            .put(Datasets.SOURCE_ROW, row++).put(Datasets.ORG_KEY, code + "/" + o.id())
                            .put(Datasets.ORG_ID, o.id()).put(Datasets.ORG_NAME, o.name())
                            .put(Datasets.KIND, o.kind().name()).put(Datasets.REGION_CODE, o.region())
                            .put(Datasets.ESTABLISHED, o.established())
                            .put(Datasets.ESTABLISHED_PRECISION, (o.monthOnly() ? DatePrecision.MONTH : DatePrecision.DAY)
                                    .name())
                            .put(Datasets.STATUS, OrgStatus.ACTIVE.name()).put(Datasets.LEADER_NAME, o.leader())
                            .put(Datasets.LEADER_TITLE, o.leaderTitle()).put(Datasets.HOST_UNIT, o.host())
                            .put(Datasets.MEMBER_UNITS, o.memberUnits()).put(Datasets.MEMBERS, o.members())
                            .put(Datasets.PAIRED_SOCIETY, o.paired())
                            .put(Datasets.CHARTER, o.governance()[0]).put(Datasets.CONGRESS, o.governance()[1])
                            .put(Datasets.COUNCIL, o.governance()[2]).put(Datasets.FINANCIAL_RULES, o.governance()[3])
                            .put(Datasets.MEMBERSHIP_RULES, o.governance()[4]).put(Datasets.PARTY_ORG, o.party())
                            .put(Datasets.CIVIL_RATING, o.rating() == null ? null : o.rating().name())
                            .put(Datasets.CARRIED_FORWARD, false);
                    if (o.gaps() != null) {
                        s.put(Datasets.LACKS_STAFFING, o.gaps()[0]).put(Datasets.LACKS_STAFF, o.gaps()[1])
                                .put(Datasets.LACKS_FUNDS, o.gaps()[2]).put(Datasets.LACKS_VENUE, o.gaps()[3]);
                    }
                    w.write(v);
                }
                orgRows = w.rows();
            }
            finish(files, Datasets.ORGANISATIONS, ps, code, sid, orgRows);
            // posts
            long postRows;
            try (RowParquetWriter w = open(Datasets.POSTS, ps, code, sid, files)) {
                int row = 4;
                for (KeyPost kp : plan.posts()) {
                    LocalDate e = kp.effectiveEnd();
                    if (kp.start().isAfter(q.end()) || (e != null && e.isBefore(q.start().minusYears(1)))) {
                        continue;
                    }
                    Object[] v = new Object[Datasets.POSTS.storedColumns().size()];
                    new Setter(Datasets.POSTS, v).put(Datasets.SUBMISSION_ID, sid).put(Datasets.COUNTY_CODE, code)
                            .put(Datasets.PERIOD, ps).put(Datasets.SOURCE_ROW, row++)
                            .put(Datasets.PERSON_NAME, kp.person()).put(Datasets.WORK_UNIT, kp.unit())
                            .put(Datasets.ROLE, kp.role().name()).put(Datasets.ORG_KEY, code + "/" + kp.orgId())
                            .put(Datasets.ORG_ID, kp.orgId()).put(Datasets.ORG_NAME, kp.orgName())
                            .put(Datasets.POST, kp.post().name()).put(Datasets.START_DATE, kp.start())
                            .put(Datasets.END_DATE, kp.end()).put(Datasets.EFFECTIVE_END, e)
                            .put(Datasets.CARRIED_FORWARD, false);
                    w.write(v);
                }
                postRows = w.rows();
            }
            finish(files, Datasets.POSTS, ps, code, sid, postRows);
            // activities
            List<Cell> cells = cells(plan, q);
            double[] cum = new double[cells.size()];
            double t = 0;
            for (int i = 0; i < cells.size(); i++) {
                t += cells.get(i).weight;
                cum[i] = t;
            }
            List<Activity> acts = new ArrayList<>((int) quota[p]);
            Set<String> keys = new HashSet<>();
            for (long k = 0; k < quota[p] && t > 0; k++) {
                int i = java.util.Arrays.binarySearch(cum, r.nextDouble() * t);
                i = i < 0 ? -i - 1 : i;
                Cell c = cells.get(Math.min(i, cells.size() - 1));
                LocalDate d = c.start.plusDays(r.nextInt(c.start.lengthOfMonth()));
                acts.add(builder.activity(r, plan, c.org, d, towns, keys));
            }
            acts.sort(Comparator.comparing(Activity::date));
            long actRows;
            try (RowParquetWriter w = open(Datasets.ACTIVITIES, ps, code, sid, files)) {
                int row = 4;
                Object[] v = new Object[Datasets.ACTIVITIES.storedColumns().size()];
                Setter s = new Setter(Datasets.ACTIVITIES, v);
                for (Activity a : acts) {
                    Org o = byId.get(a.orgId());
                    s.put(Datasets.SUBMISSION_ID, sid).put(Datasets.COUNTY_CODE, code).put(Datasets.PERIOD, ps)
                            .put(Datasets.SOURCE_ROW, row++).put(Datasets.ORG_KEY, code + "/" + a.orgId())
                            .put(Datasets.ORG_ID, a.orgId()).put(Datasets.ORG_NAME, a.orgName())
                            .put(Datasets.TITLE, a.title()).put(Datasets.TYPE, a.type().name())
                            .put(Datasets.ACTIVITY_DATE, a.date())
                            .put(Datasets.PLACE_CODE, a.placeCode() != null ? a.placeCode() : o.region())
                            .put(Datasets.PLACE_DEFAULTED, a.placeCode() == null)
                            .put(Datasets.TARGET_GROUPS, groups(a.groups())).put(Datasets.PARTICIPANTS, a.participants())
                            .put(Datasets.CO_HOST, a.coHost()).put(Datasets.FORM, a.form().name())
                            .put(Datasets.REPORTED_LATE, false);
                    w.write(v);
                }
                actRows = w.rows();
            }
            finish(files, Datasets.ACTIVITIES, ps, code, sid, actRows);
            // the submission
            LocalDate filing = q.end().plusDays(r.nextInt(100) < 12 ? 16 + r.nextInt(30) : 3 + r.nextInt(12));
            try (RowParquetWriter w = open(Datasets.SUBMISSIONS, ps, code, sid, files)) {
                Object[] v = new Object[Datasets.SUBMISSIONS.storedColumns().size()];
                long micros = filing.plusDays(1).atTime(9, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
                new Setter(Datasets.SUBMISSIONS, v).put(Datasets.SUBMISSION_ID, sid).put(Datasets.COUNTY_CODE, code)
                        .put(Datasets.PERIOD, ps).put(Datasets.FILING_DATE, filing).put(Datasets.INGESTED_AT, micros)
                        .put(Datasets.SOURCE_FILE, code + "_" + plan.county().name() + "_" + ps + ".xlsx")
                        .put(Datasets.SHA256, sha256(seed + "/" + sid))
                        .put(Datasets.DATASETS, "organisations,posts,activities")
                        .put(Datasets.ROWS_READ, orgRows + postRows + actRows)
                        .put(Datasets.ROWS_ACCEPTED, orgRows + postRows + actRows)
                        .put(Datasets.ROWS_REJECTED, 0L).put(Datasets.ROWS_SKIPPED, 0L);
                w.write(v);
            }
            finish(files, Datasets.SUBMISSIONS, ps, code, sid, 1);
            // the year's evaluations, sent by the province
            if (q.index() == 4) {
                String year = Integer.toString(q.year());
                String esid = code.substring(0, 2) + "-" + year + "-0001";
                long evalRows;
                try (RowParquetWriter w = open(Datasets.EVALUATIONS, year, code, esid, files)) {
                    int row = 4;
                    for (Org o : listed) {
                        SplittableRandom g = WorldBuilder.rng(seed, o.id() + "/" + year);
                        if (!o.graded() || g.nextInt(100) < 9) {
                            continue;
                        }
                        int x = g.nextInt(100);
                        Grade grade = x < 30 ? Grade.A : x < 88 ? Grade.B : Grade.C;
                        Object[] v = new Object[Datasets.EVALUATIONS.storedColumns().size()];
                        new Setter(Datasets.EVALUATIONS, v).put(Datasets.SUBMISSION_ID, esid)
                                .put(Datasets.COUNTY_CODE, code).put(Datasets.PERIOD, year).put(Datasets.SOURCE_ROW, row++)
                                .put(Datasets.ORG_KEY, code + "/" + o.id()).put("county", plan.county().name())
                                .put(Datasets.ORG_ID, o.id()).put(Datasets.ORG_NAME, o.name())
                                .put(Datasets.KIND, o.kind().name()).put(Datasets.YEAR, q.year())
                                .put(Datasets.GRADE, grade.name())
                                .put(Datasets.SCORE, (double) (grade == Grade.A ? 85 + g.nextInt(14)
                                        : grade == Grade.B ? 70 + g.nextInt(15) : 50 + g.nextInt(20)));
                        w.write(v);
                    }
                    evalRows = w.rows();
                }
                finish(files, Datasets.EVALUATIONS, year, code, esid, evalRows);
            }
        }
        return files;
    }

    private String rel(DatasetSchema ds, String period, String county, String sid) {
        return "data/" + ds.name() + "/period=" + period + "/county=" + county + "/" + sid + "-"
                + sha256(seed + "/" + ds.name() + "/" + sid).substring(0, 8) + ".parquet";
    }

    private RowParquetWriter open(DatasetSchema ds, String period, String county, String sid, List<LiveFile> files) {
        return new RowParquetWriter(ds, out.resolve(rel(ds, period, county, sid)));
    }

    private void finish(List<LiveFile> files, DatasetSchema ds, String period, String county, String sid, long rows) {
        String rel = rel(ds, period, county, sid);
        String sha256;
        try {
            sha256 = org.sanhui.model.warehouse.Checksums.sha256(out.resolve(rel)); // the closed file, as readers verify it
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read back " + out.resolve(rel), e);
        }
        files.add(new LiveFile(ds.name(), period, county, rel, rows, sha256));
    }

    private static String groups(List<TargetGroup> gs) {
        List<String> names = new ArrayList<>();
        for (TargetGroup g : gs) {
            names.add(g.name());
        }
        names.sort(null);
        return String.join(";", names);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fills a row array by column name. */
    private static final class Setter {
        private static final Map<String, Map<String, Integer>> INDEX = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, Integer> index;
        private final Object[] row;

        Setter(DatasetSchema ds, Object[] row) {
            this.index = INDEX.computeIfAbsent(ds.name(), k -> {
                Map<String, Integer> m = new HashMap<>();
                List<Column> cols = ds.storedColumns();
                for (int i = 0; i < cols.size(); i++) {
                    m.put(cols.get(i).name(), i);
                }
                return m;
            });
            this.row = row;
        }

        Setter put(String column, Object value) {
            Integer i = index.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no stored column " + column);
            }
            row[i] = value;
            return this;
        }
    }
}
