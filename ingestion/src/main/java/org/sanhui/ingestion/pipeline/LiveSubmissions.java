package org.sanhui.ingestion.pipeline;

import static org.sanhui.model.schema.Datasets.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.model.period.Period;

/**
 * Tells whether a file is already ingested and unchanged: its last ingest, with the same bytes (SHA-256) and
 * the same options, resolved to the same county, period, sender and filing date, and each submission it gave
 * is still the live one of every dataset it holds (no later submission of that county and period replaced
 * it). Such a file is read again only to report it; nothing is written.
 */
final class LiveSubmissions {

    private LiveSubmissions() {
    }

    /**
     * Returns the fingerprint of the options that shape what a file gives: the period, submitter and filing
     * date stated, the rules ingestion applies (grade words, seconded-post years), the limits (the lock timeout
     * aside) and the row check.
     *
     * @param o the options, null not permitted
     * @return the SHA-256 of their canonical text, hex, never null
     */
    static String fingerprint(IngestOptions o) {
        IngestLimits l = o.limits();
        StringBuilder b = new StringBuilder("sanhui ingest options v1\n");
        b.append("period=").append(o.period()).append('\n');
        b.append("submitter=").append(o.submitter()).append('\n');
        b.append("received=").append(o.received()).append('\n');
        b.append("gradeWords=").append(new TreeMap<>(o.rules().gradeWords().entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.getKey().name(),
                        e -> new java.util.TreeSet<>(e.getValue()).toString())))).append('\n');
        b.append("secondedPostYears=").append(o.rules().secondedPostYears()).append('\n');
        b.append("limits=").append(l.maxFileBytes()).append(',').append(l.maxZipEntries()).append(',')
                .append(l.maxInflatedBytes()).append(',').append(l.maxInflationRatio()).append(',').append(l.maxCells())
                .append(',').append(l.maxCellChars()).append(',').append(l.maxRowsPerSheet()).append('\n');
        b.append("rowCheck=").append(o.rowCheck().getClass().getName()).append('\n');
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Returns the live submission records of a file when it is already ingested and unchanged.
     *
     * @param records every submission record of the warehouse, null not permitted
     * @param sha256 the file's SHA-256, null not permitted
     * @param options the options' fingerprint, null not permitted
     * @param facts what the file says about itself now, null not permitted
     * @return the records of its last ingest (one per submission), or empty when the file is to be ingested
     */
    static List<Map<String, Object>> ofUnchanged(List<Map<String, Object>> records, String sha256, String options,
            FileJob.Facts facts) {
        // the records of each earlier ingest of these bytes with these options, by the ingest (its id's tail)
        Map<String, List<Map<String, Object>>> runs = new LinkedHashMap<>();
        for (Map<String, Object> r : records) {
            if (sha256.equals(r.get(SHA256)) && options.equals(r.get(OPTIONS))) {
                runs.computeIfAbsent(runOf(r), k -> new ArrayList<>()).add(r);
            }
        }
        // the latest of them that gave what the file says now (the same bytes may stand for another period: a
        // CSV states its period in its name only, and a snapshot that did not change gives the same bytes)
        List<Map<String, Object>> last = runs.values().stream()
                .filter(run -> run.stream().allMatch(r -> sameFacts(r, facts)))
                .max(Comparator.comparing(x -> order(x.get(0)))).orElse(List.of());
        for (Map<String, Object> r : last) {
            if (!live(r, records)) {
                return List.of();
            }
        }
        return last;
    }

    /** Whether a record says what the file says now: county, period, sender and filing date. */
    private static boolean sameFacts(Map<String, Object> r, FileJob.Facts facts) {
        Period p = Period.tryParse((String) r.get(PERIOD)).orElse(null);
        if (p == null || !Objects.equals(r.get(VIA), facts.via())
                || !Objects.equals(r.get(FILING_DATE), facts.filingDate())) {
            return false;
        }
        if (p.kind() == Period.Kind.YEAR) {
            return true; // evaluations: split by each row's county and year
        }
        return p.equals(facts.period()) && (facts.county() == null || facts.county().equals(r.get(COUNTY_CODE)));
    }

    /** Whether no later submission of the record's county and period holds one of its datasets. */
    private static boolean live(Map<String, Object> r, List<Map<String, Object>> records) {
        Comparable<Order> mine = order(r);
        for (String ds : datasets(r)) {
            for (Map<String, Object> o : records) {
                if (o != r && Objects.equals(o.get(COUNTY_CODE), r.get(COUNTY_CODE))
                        && Objects.equals(o.get(PERIOD), r.get(PERIOD)) && datasets(o).contains(ds)
                        && mine.compareTo(order(o)) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> datasets(Map<String, Object> r) {
        Object d = r.get(DATASETS);
        return d == null || d.toString().isEmpty() ? List.of() : List.of(d.toString().split(","));
    }

    /** The ingest a record comes from: its id without the county and period ({@code <stamp>-<n>}). */
    private static String runOf(Map<String, Object> r) {
        String id = (String) r.get(SUBMISSION_ID);
        String prefix = r.get(COUNTY_CODE) + "-" + r.get(PERIOD) + "-";
        return id != null && id.startsWith(prefix) ? id.substring(prefix.length()) : String.valueOf(id);
    }

    /** When a submission was made: its ingest time, then its number within the run. */
    private record Order(Instant at, long n) implements Comparable<Order> {
        @Override
        public int compareTo(Order o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(n, o.n);
        }
    }

    private static Order order(Map<String, Object> r) {
        Object at = r.get(INGESTED_AT);
        String id = String.valueOf(r.get(SUBMISSION_ID));
        long n;
        try {
            n = Long.parseLong(id.substring(id.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            n = 0;
        }
        return new Order(at instanceof Instant i ? i : Instant.EPOCH, n);
    }
}
