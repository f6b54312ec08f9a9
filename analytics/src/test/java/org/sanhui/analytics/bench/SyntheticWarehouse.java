package org.sanhui.analytics.bench;

import static org.sanhui.model.schema.Datasets.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.types.StructType;
import org.sanhui.analytics.SyntheticAccess;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * A synthetic warehouse for benchmarks and the cluster test, laid out as ingestion lays it out (one file
 * per dataset, period and county, listed in the manifest): every county of the scope reports 2023Q1..2024Q4
 * (months for monthly-reporting provinces); organisation and post snapshots for the last five quarters;
 * evaluations for 2023 and 2024; {@code activities} activities spread over counties and periods.
 * Deterministic for given arguments.
 *
 * <p>Usage: {@code SyntheticWarehouse DIR SCOPE ACTIVITIES [THREADS]}.
 */
public final class SyntheticWarehouse {

    private static final String[] KINDS_EXTRA = {"VOLUNTEER_TEAM", "RURAL_TECH_ASSOCIATION", "RURAL_TECH_ASSOCIATION",
        "ENTERPRISE_KEXIE", "OTHER_SOCIETY", "OTHER_SOCIETY"};
    private static final String[] ROLES = {"HOSPITAL_HEAD", "SCHOOL_HEAD", "AGRI_STATION_HEAD", "SOCIAL_SERVICE_HEAD",
        "TECH_ENTERPRISE_HEAD", "OTHER"};
    private static final String[] GRADES = {"A", "B", "B", "C"};
    private static final String[] FORMS = {"OFFLINE", "ONLINE", "BOTH"};

    private SyntheticWarehouse() {
    }

    /**
     * Builds the warehouse.
     *
     * @param args DIR SCOPE ACTIVITIES [THREADS]
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        build(Path.of(args[0]), args[1], Long.parseLong(args[2]), args.length > 3 ? Integer.parseInt(args[3]) : 2);
        System.out.printf("built %s in %.1f s%n", args[0], (System.nanoTime() - t0) / 1e9);
    }

    record Org(String key, String name, String kind, String region, LocalDate established, String status) {
    }

    /** Builds; returns the manifest written. */
    public static LiveManifest build(Path dir, String scope, long activities, int threads) throws Exception {
        Gazetteer g = Gazetteer.national();
        List<Region> counties = g.byCode(scope).orElseThrow().level() == RegionLevel.COUNTY
                ? List.of(g.require(scope)) : g.within(scope, RegionLevel.COUNTY);
        org.sanhui.model.rules.Rules rules = org.sanhui.model.rules.Rules.DEFAULTS;
        long perCounty = activities / counties.size();
        long remainder = activities % counties.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<LiveFile>>> futures = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            Region c = counties.get(i);
            long n = perCounty + (i < remainder ? 1 : 0);
            futures.add(pool.submit(() -> county(dir, g, c, n, rules.reportingFrequency(c.code().substring(0, 2)))));
        }
        List<LiveFile> files = Collections.synchronizedList(new ArrayList<>());
        for (Future<List<LiveFile>> f : futures) {
            files.addAll(f.get());
        }
        pool.shutdown();
        LiveManifest m = new LiveManifest(files);
        m.writeAtomically(dir);
        return m;
    }

    private static List<LiveFile> county(Path dir, Gazetteer g, Region county, long activities, Period.Kind kind) {
        String c = county.code();
        Random rnd = new Random(Long.parseLong(c));
        List<Region> towns = new ArrayList<>();
        for (Region t : g.children(c)) {
            if (t.level() == RegionLevel.TOWNSHIP) {
                towns.add(t);
            }
        }
        // organisations
        List<Org> orgs = new ArrayList<>();
        orgs.add(new Org(c + "/K", county.name() + "科协", "COUNTY_KEXIE", c, LocalDate.of(2010, 1, 1), "ACTIVE"));
        int tk = 0;
        for (Region t : towns) {
            if (rnd.nextDouble() < 0.8 && tk++ < 25) {
                orgs.add(new Org(c + "/T" + t.code(), t.name() + "科协", "TOWNSHIP_KEXIE", t.code(),
                        date(rnd, 2012, 2024), rnd.nextDouble() < 0.05 ? "RECTIFYING" : "ACTIVE"));
            }
        }
        String[] three = {"SCI_EDU_SOCIETY", "MEDICAL_SOCIETY", "AGRI_SOCIETY"};
        for (String k : three) {
            if (rnd.nextDouble() < 0.85) {
                orgs.add(new Org(c + "/" + k, county.name() + k, k, c, date(rnd, 2018, 2024),
                        rnd.nextDouble() < 0.03 ? "REVOKED" : "ACTIVE"));
            }
        }
        for (int i = 0; i < KINDS_EXTRA.length; i++) {
            String region = towns.isEmpty() ? c : towns.get(rnd.nextInt(towns.size())).code();
            orgs.add(new Org(c + "/X" + i, county.name() + "组织" + i, KINDS_EXTRA[i], region, date(rnd, 2015, 2024),
                    "ACTIVE"));
        }
        List<Period> periods = new ArrayList<>();
        for (Period q = Period.quarter(2023, 1); !q.equals(Period.quarter(2025, 1)); q = q.next()) {
            if (kind == Period.Kind.MONTH) {
                periods.addAll(q.months());
            } else {
                periods.add(q);
            }
        }
        List<LiveFile> out = new ArrayList<>();
        long left = activities;
        for (int pi = 0; pi < periods.size(); pi++) {
            Period p = periods.get(pi);
            String sub = c + "-" + p + "-1";
            boolean reports = rnd.nextDouble() < 0.95 || pi == 0;
            if (!reports) {
                continue;
            }
            long accepted = 0;
            // activities of this period
            long n = pi == periods.size() - 1 ? left : Math.min(left, Math.round(activities / (double) periods.size()
                    * (0.7 + 0.6 * rnd.nextDouble())));
            left -= n;
            List<Object[]> acts = new ArrayList<>((int) n);
            int days = (int) (p.end().toEpochDay() - p.start().toEpochDay()) + 1;
            ActivityType[] types = ActivityType.values();
            TargetGroup[] groups = TargetGroup.values();
            for (long i = 0; i < n; i++) {
                Org o = orgs.get(rnd.nextInt(orgs.size()));
                LocalDate d = p.start().plusDays(rnd.nextInt(days));
                String place = o.region().length() == 9 || towns.isEmpty() ? o.region()
                        : rnd.nextBoolean() ? towns.get(rnd.nextInt(towns.size())).code() : c;
                TargetGroup t1 = groups[rnd.nextInt(groups.length)];
                TargetGroup t2 = groups[rnd.nextInt(groups.length)];
                String tg = t1 == t2 ? t1.name() : t1.compareTo(t2) < 0 ? t1 + ";" + t2 : t2 + ";" + t1;
                acts.add(row(ACTIVITIES, sub, c, p, (int) i + 4, ORG_KEY, o.key(), ORG_NAME, o.name(), TITLE,
                        "活动" + i, TYPE, types[rnd.nextInt(types.length)].name(), ACTIVITY_DATE, d, PLACE_CODE, place,
                        PLACE_DEFAULTED, false, TARGET_GROUPS, tg, PARTICIPANTS, 10 + rnd.nextInt(190), CO_HOST,
                        rnd.nextDouble() < 0.1 ? "省级学会" : null, FORM, FORMS[rnd.nextInt(3)], REPORTED_LATE, false));
            }
            accepted += n;
            out.add(write(dir, ACTIVITIES, p, c, sub, acts));
            // snapshots only where analysing 2024Q4 looks (its end, the period before, 2023's end): fewer files
            if (p.end().equals(LocalDate.of(2023, 12, 31)) || !p.end().isBefore(LocalDate.of(2024, 9, 30))) {
                List<Object[]> os = new ArrayList<>();
                List<Object[]> ps = new ArrayList<>();
                int r = 4;
                for (Org o : orgs) {
                    os.add(row(ORGANISATIONS, sub, c, p, r++, ORG_KEY, o.key(), ORG_NAME, o.name(), KIND, o.kind(),
                            REGION_CODE, o.region(), ESTABLISHED, o.established(), ESTABLISHED_PRECISION, "DAY", STATUS,
                            o.status(), LEADER_NAME, "负责人" + (r % 97), MEMBERS, 20 + (int) (Long.parseLong(c) % 80),
                            PAIRED_SOCIETY, r % 3 == 0 ? null : "省级学会", CHARTER, true, CONGRESS, r % 4 != 0, COUNCIL,
                            true, FINANCIAL_RULES, true, MEMBERSHIP_RULES, r % 5 != 0, PARTY_ORG, r % 2 == 0,
                            LACKS_STAFFING, r % 3 == 0, LACKS_STAFF, false, LACKS_FUNDS, r % 7 == 0, LACKS_VENUE, false,
                            CIVIL_RATING, r % 11 == 0 ? "A3" : null, CARRIED_FORWARD, false));
                    if (o.kind().endsWith("KEXIE") && !o.kind().startsWith("ENTERPRISE")) {
                        Random pr = new Random(o.key().hashCode());
                        for (int j = 0; j < 4; j++) {
                            String role = ROLES[pr.nextInt(ROLES.length)];
                            boolean seconded = pr.nextDouble() < 0.3;
                            LocalDate start = date(pr, 2021, 2024);
                            ps.add(row(POSTS, sub, c, p, r++, PERSON_NAME, "某某", WORK_UNIT, "单位", ROLE, role, ORG_KEY,
                                    o.key(), ORG_NAME, o.name(), POST, seconded ? "SECONDED_VICE_CHAIR"
                                            : "PART_TIME_VICE_CHAIR", START_DATE, start, EFFECTIVE_END,
                                    seconded ? start.plusYears(2) : null, CARRIED_FORWARD, false));
                        }
                    }
                }
                accepted += os.size() + ps.size();
                out.add(write(dir, ORGANISATIONS, p, c, sub, os));
                out.add(write(dir, POSTS, p, c, sub, ps));
            }
            LocalDate filed = p.end().plusDays(1 + rnd.nextInt(25));
            out.add(write(dir, SUBMISSIONS, p, c, sub, List.<Object[]>of(row(SUBMISSIONS, sub, c, p, 0, FILING_DATE,
                    filed, INGESTED_AT, Instant.parse("2025-02-01T00:00:00Z"), SOURCE_FILE, c + ".xlsx", SHA256, "0",
                    DATASETS, "organisations,posts,activities", ROWS_READ, accepted + 3, ROWS_ACCEPTED, accepted,
                    ROWS_REJECTED, 3L, ROWS_SKIPPED, 0L))));
            List<Object[]> rej = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                rej.add(row(REJECTS, sub, c, p, 0, DATASET, "activities", SOURCE_FILE, c + ".xlsx", SHEET, "活动记录",
                        SOURCE_ROW, 5 + j, CODE, j == 0 ? "DATE_AFTER_PERIOD" : "NEGATIVE_COUNT", SEVERITY, "ERROR",
                        MESSAGE_ZH, "错误", MESSAGE_EN, "error"));
            }
            if (p.end().equals(LocalDate.of(2024, 12, 31))) {
                out.add(write(dir, REJECTS, p, c, sub, rej));
            }
        }
        for (int y : new int[] {2023, 2024}) {
            List<Object[]> ev = new ArrayList<>();
            String sub = "64-" + y + "-eval";
            for (Org o : orgs) {
                if (o.kind().endsWith("SOCIETY") && rnd.nextDouble() < 0.9) {
                    ev.add(row(EVALUATIONS, sub, c, Period.year(y), 0, ORG_KEY, o.key(), ORG_NAME, o.name(), KIND,
                            o.kind(), YEAR, y, GRADE, GRADES[rnd.nextInt(GRADES.length)]));
                }
            }
            out.add(write(dir, EVALUATIONS, Period.year(y), c, sub, ev));
        }
        return out;
    }

    private static LocalDate date(Random rnd, int from, int to) {
        return LocalDate.of(from + rnd.nextInt(to - from + 1), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
    }

    private static final java.util.Map<String, List<Column>> COLUMNS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Map<String, Integer> INDEX = new java.util.concurrent.ConcurrentHashMap<>();

    private static Object[] row(DatasetSchema ds, String sub, String county, Period p, int sourceRow, Object... kv) {
        List<Column> cols = COLUMNS.computeIfAbsent(ds.name(), k -> ds.storedColumns());
        Object[] r = new Object[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            switch (cols.get(i).name()) {
                case SUBMISSION_ID -> r[i] = sub;
                case COUNTY_CODE -> r[i] = county;
                case PERIOD -> r[i] = p.toString();
                case SOURCE_ROW -> r[i] = sourceRow;
                default -> { }
            }
        }
        for (int i = 0; i < kv.length; i += 2) {
            String name = (String) kv[i];
            int idx = INDEX.computeIfAbsent(ds.name() + "." + name, k -> {
                for (int j = 0; j < cols.size(); j++) {
                    if (cols.get(j).name().equals(name)) {
                        return j;
                    }
                }
                return -1;
            });
            if (idx < 0) {
                throw new IllegalArgumentException("no column " + name + " in " + ds.name());
            }
            r[idx] = kv[i + 1];
        }
        return r;
    }

    private static LiveFile write(Path dir, DatasetSchema ds, Period p, String county, String sub, List<Object[]> rows) {
        String rel = "data/" + ds.name() + "/period=" + p + "/county=" + county + "/" + sub + "-0.parquet";
        StructType st = SyntheticAccess.schema(ds);
        String sha256;
        try {
            SyntheticAccess.write(dir.resolve(rel), st, rows);
            sha256 = org.sanhui.model.warehouse.Checksums.sha256(dir.resolve(rel));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + rel, e);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("cannot write " + rel, e));
        }
        return new LiveFile(ds.name(), p.toString(), county, rel, rows.size(), sha256);
    }
}
