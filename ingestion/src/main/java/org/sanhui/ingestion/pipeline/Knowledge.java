package org.sanhui.ingestion.pipeline;

import static org.sanhui.model.schema.Datasets.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanhui.ingestion.warehouse.Warehouse;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.value.Text;
import org.sanhui.model.warehouse.LiveFile;

/**
 * What earlier accepted submissions say, read from the warehouse's live files (and, in a dry run,
 * from the files checked earlier in the same run): organisations known per county, the previous
 * snapshot rows to carry forward, activities and evaluations already received. Cached per county
 * until {@link #invalidate()}. Not thread-safe.
 */
public final class Knowledge {

    private final Warehouse warehouse;
    private final Map<String, OrgIndex> overlay = new HashMap<>();
    private final Map<String, Set<String>> activityCache = new HashMap<>();
    /** The submission records read so far, by live file path (each file holds one record, and never changes). */
    private final Map<String, List<Map<String, Object>>> submissionCache = new HashMap<>();

    /**
     * Creates the view.
     *
     * @param warehouse the warehouse, null not permitted
     */
    public Knowledge(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * Returns the warehouse.
     *
     * @return the warehouse, never null
     */
    public Warehouse warehouse() {
        return warehouse;
    }

    /** Forgets cached reads (after a commit). */
    public void invalidate() {
        activityCache.clear();
    }

    /**
     * Remembers organisations accepted in this run (a dry run writes nothing, yet later files may point to them).
     *
     * @param county the county, null not permitted
     * @param orgs the organisations, null not permitted
     */
    public void remember(String county, OrgIndex orgs) {
        overlay.computeIfAbsent(county, c -> new OrgIndex()).addAll(orgs);
    }

    /**
     * Returns the organisations known for a county in live submissions of periods up to one.
     *
     * @param county the county, null not permitted
     * @param upTo the period, or null for every period
     * @return a fresh index, never null
     */
    public OrgIndex organisations(String county, Period upTo) {
        OrgIndex idx = new OrgIndex();
        for (LiveFile f : warehouse.manifest().of(ORGANISATIONS.name())) {
            if (!f.county().equals(county) || !upTo(f, upTo)) {
                continue;
            }
            for (Map<String, Object> r : warehouse.rows(f, ORGANISATIONS)) {
                idx.add((String) r.get(ORG_KEY), (String) r.get(ORG_ID), (String) r.get(ORG_NAME),
                        (String) r.get(REGION_CODE));
            }
        }
        OrgIndex o = overlay.get(county);
        if (o != null) {
            idx.addAll(o);
        }
        return idx;
    }

    /** The organisations of a county in every period, with the live files they were read from. */
    private record EverKnown(List<String> paths, OrgIndex index) {
    }

    private final Map<String, EverKnown> everCache = new HashMap<>();

    /**
     * Returns the organisations of a county in the live snapshots of every period, and those remembered in this
     * run. The live files' organisations are read again only when the county's live organisation files changed.
     *
     * @param county the county, null not permitted
     * @return a fresh index, never null
     */
    public OrgIndex everOrganisations(String county) {
        List<String> paths = new ArrayList<>();
        for (LiveFile f : warehouse.manifest().of(ORGANISATIONS.name())) {
            if (f.county().equals(county)) {
                paths.add(f.path());
            }
        }
        EverKnown e = everCache.get(county);
        if (e == null || !e.paths().equals(paths)) {
            e = new EverKnown(paths, organisations(county, null));
            everCache.put(county, e);
        }
        OrgIndex idx = new OrgIndex();
        idx.addAll(e.index());
        OrgIndex o = overlay.get(county);
        if (o != null) {
            idx.addAll(o);
        }
        return idx;
    }

    /**
     * Returns the rows of the latest live snapshot of a dataset for a county at or before a period.
     *
     * @param dataset organisations or posts, null not permitted
     * @param county the county, null not permitted
     * @param upTo the period, null not permitted
     * @return the rows, never null
     */
    public List<Map<String, Object>> previousSnapshot(DatasetSchema dataset, String county, Period upTo) {
        LiveFile best = null;
        Period bestP = null;
        List<LiveFile> same = new ArrayList<>();
        for (LiveFile f : warehouse.manifest().of(dataset.name())) {
            if (!f.county().equals(county)) {
                continue;
            }
            Optional<Period> p = Period.tryParse(f.period());
            if (p.isEmpty() || p.get().compareTo(upTo) > 0) {
                continue;
            }
            if (bestP == null || p.get().compareTo(bestP) > 0) {
                bestP = p.get();
                best = f;
                same.clear();
                same.add(f);
            } else if (p.get().equals(bestP)) {
                same.add(f);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (best != null) {
            for (LiveFile f : same) {
                out.addAll(warehouse.rows(f, dataset));
            }
        }
        return out;
    }

    /**
     * Returns the keys of the activities live for a county in periods other than one.
     *
     * @param county the county, null not permitted
     * @param except the period being replaced, null not permitted
     * @return the keys, never null
     */
    public Set<String> activityKeys(String county, Period except) {
        return activityCache.computeIfAbsent(county + "|" + except, k -> {
            Set<String> keys = new HashSet<>();
            for (LiveFile f : warehouse.manifest().of(ACTIVITIES.name())) {
                if (f.county().equals(county) && !f.period().equals(except.toString())) {
                    for (Map<String, Object> r : warehouse.rows(f, ACTIVITIES)) {
                        keys.add(activityKey(r));
                    }
                }
            }
            return keys;
        });
    }

    /**
     * Returns the submission records of the counties within a region (the submissions dataset keeps one per
     * submission); each file is read once.
     *
     * @param within the county, city or province code the counties' codes start with ("" or "00" for all), null
     *        not permitted
     * @return the records, never null
     */
    public List<Map<String, Object>> submissions(String within) {
        String prefix = within.equals("00") ? "" : within;
        List<LiveFile> live = warehouse.manifest().of(SUBMISSIONS.name());
        Set<String> paths = new HashSet<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveFile f : live) {
            paths.add(f.path());
            if (f.county().startsWith(prefix)) {
                out.addAll(submissionCache.computeIfAbsent(f.path(), p -> warehouse.rows(f, SUBMISSIONS)));
            }
        }
        submissionCache.keySet().retainAll(paths);
        return out;
    }

    /**
     * Remembers a submission record as it is written, so that it need not be read back once it is live (a
     * record whose file never becomes live is never returned).
     *
     * @param path the file's path relative to the warehouse, as the manifest will list it
     * @param record the record's values, as stored
     */
    void submitted(String path, Map<String, Object> record) {
        submissionCache.put(path, List.of(record));
    }

    /**
     * Returns the live evaluation rows of a year and county.
     *
     * @param year the year period, null not permitted
     * @param county the county, null not permitted
     * @return the rows, never null
     */
    public List<Map<String, Object>> evaluations(Period year, String county) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LiveFile f : warehouse.manifest().of(Datasets.EVALUATIONS.name())) {
            if (f.county().equals(county) && f.period().equals(year.toString())) {
                out.addAll(warehouse.rows(f, Datasets.EVALUATIONS));
            }
        }
        return out;
    }

    /**
     * Returns an activity's identity: organiser, date and normalised title.
     *
     * @param v the values, null not permitted
     * @return the key, never null
     */
    public static String activityKey(Map<String, ?> v) {
        return v.get(ORG_KEY) + "|" + v.get(ACTIVITY_DATE) + "|" + keyTitle(v);
    }

    /**
     * Returns a 64-bit hash of the parts of {@link #activityKey(Map)} (organisation, date, title as compared),
     * for the duplicate check within a file, without building the key.
     *
     * @param v the values, null not permitted
     * @return the hash
     */
    public static long activityHash(Map<String, ?> v) {
        Object date = v.get(ACTIVITY_DATE);
        long d = date instanceof java.time.LocalDate ld ? ld.toEpochDay() : String.valueOf(date).hashCode();
        long h = SeenKeys.hash(String.valueOf(v.get(ORG_KEY)));
        h = (h ^ d) * 0x9E3779B97F4A7C15L;
        return h ^ Long.rotateLeft(SeenKeys.hash(keyTitle(v)), 29);
    }

    private static String keyTitle(Map<String, ?> v) {
        String title = (String) v.get(TITLE);
        if (title == null) {
            return "";
        }
        if (title.indexOf(' ') >= 0 || title.indexOf('（') >= 0 || title.indexOf('）') >= 0) {
            return Text.normalizeAll(title).replace(" ", "");
        }
        return title;
    }

    /**
     * Returns an evaluation's content identity (organisation, year, grade, score).
     *
     * @param v the values, null not permitted
     * @return the key, never null
     */
    public static String evaluationContent(Map<String, ?> v) {
        return v.get(ORG_KEY) + "|" + v.get(YEAR) + "|" + v.get(GRADE) + "|" + v.get(SCORE);
    }

    private static boolean upTo(LiveFile f, Period upTo) {
        if (upTo == null) {
            return true;
        }
        Optional<Period> p = Period.tryParse(f.period());
        return p.isPresent() && p.get().kind() != Period.Kind.YEAR && p.get().compareTo(upTo) <= 0;
    }
}
