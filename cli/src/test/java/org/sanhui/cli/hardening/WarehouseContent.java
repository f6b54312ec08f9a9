package org.sanhui.cli.hardening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.Checksums;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * The content of a warehouse as its live manifest lists it, read back with DuckDB (an engine independent
 * of the writer), in a canonical form for comparing two warehouses: per dataset, the sorted rows without
 * the columns that legitimately differ between runs (submission id, ingest time).
 *
 * <p>A rerun after a killed ingest takes again the files the killed run had already made live, and the
 * warehouse records that truthfully; the canonical form leaves out exactly that record, nothing else:
 * <ul>
 * <li>the submission history is the first receipt of each submission (county, period, the file's SHA-256,
 *     datasets), by ingest time: a rerun adds later receipts of the same bytes;
 * <li>an evaluations file taken again finds every evaluation identical to a live one, so its rows are
 *     skipped as {@code ALREADY_RECEIVED} (INFO, documented in docs/ingestion.md) and the live evaluations
 *     stay as they were; those INFO notes of the evaluations rejects are left out. (Activities are not
 *     affected: rows of the same county and period are not compared, a resubmission replaces them.)
 * </ul>
 */
final class WarehouseContent {

    private static final Set<String> VOLATILE = Set.of(Datasets.SUBMISSION_ID, Datasets.INGESTED_AT);

    private WarehouseContent() {
    }

    /**
     * Reads the live content.
     *
     * @param warehouse the warehouse root
     * @return dataset name to its canonical sorted rows
     * @throws SQLException if DuckDB cannot read a listed file
     */
    static Map<String, List<String>> read(Path warehouse) throws SQLException {
        LiveManifest m = LiveManifest.read(warehouse);
        Map<String, List<String>> out = new TreeMap<>();
        // submissions: receipt key -> (ingest time, canonical row) of the first receipt
        Map<String, Object[]> firstReceipt = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (LiveFile f : m.files()) {
                boolean submissions = f.dataset().equals(Datasets.SUBMISSIONS.name());
                List<String> rows = out.computeIfAbsent(f.dataset(), k -> new ArrayList<>());
                try (ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + quote(warehouse.resolve(f.path())) + ")")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        Map<String, Object> values = new TreeMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            values.put(col, rs.getObject(i));
                            if (!VOLATILE.contains(col) && !(submissions && col.equals(Datasets.SOURCE_FILE))) {
                                b.append(col).append('=').append(rs.getObject(i)).append('\t');
                            }
                        }
                        if (f.dataset().equals(Datasets.REJECTS.name()) && "ALREADY_RECEIVED".equals(values.get(Datasets.CODE))
                                && Datasets.EVALUATIONS.name().equals(values.get(Datasets.DATASET))) {
                            continue;
                        }
                        if (submissions) {
                            String key = values.get(Datasets.COUNTY_CODE) + "|" + values.get(Datasets.PERIOD) + "|"
                                    + values.get(Datasets.SHA256) + "|" + values.get(Datasets.DATASETS);
                            Object at = values.get(Datasets.INGESTED_AT); // a timestamp type, Comparable to itself
                            Object[] prev = firstReceipt.get(key);
                            if (prev == null || earlier(at, prev[0])) {
                                firstReceipt.put(key, new Object[] {at, b.toString()});
                            }
                        } else {
                            rows.add(b.toString());
                        }
                    }
                }
            }
        }
        if (out.containsKey(Datasets.SUBMISSIONS.name())) {
            List<String> subs = new ArrayList<>();
            firstReceipt.values().forEach(v -> subs.add((String) v[1]));
            out.put(Datasets.SUBMISSIONS.name(), subs);
        }
        out.values().forEach(l -> l.sort(null));
        return out;
    }

    /**
     * Checks that the warehouse is whole: the manifest reads, every listed file exists, has the SHA-256
     * the manifest recorded, and DuckDB reads it and finds the number of rows the manifest states.
     *
     * @param warehouse the warehouse root
     * @return the problems found, empty when whole
     */
    static List<String> check(Path warehouse) {
        List<String> problems = new ArrayList<>();
        LiveManifest m;
        try {
            m = LiveManifest.read(warehouse);
        } catch (RuntimeException e) {
            problems.add("manifest unreadable: " + e.getMessage());
            return problems;
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (LiveFile f : m.files()) {
                Path p = warehouse.resolve(f.path());
                if (!Files.isRegularFile(p)) {
                    problems.add("listed but missing: " + f.path());
                    continue;
                }
                try {
                    if (f.sha256() == null || !f.sha256().equals(Checksums.sha256(p))) {
                        problems.add(f.path() + " does not have the SHA-256 the manifest recorded (" + f.sha256() + ")");
                    }
                } catch (java.io.IOException e) {
                    problems.add(f.path() + " unreadable: " + e.getMessage());
                }
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet(" + quote(p) + ")")) {
                    rs.next();
                    if (rs.getLong(1) != f.rows()) {
                        problems.add(f.path() + " holds " + rs.getLong(1) + " rows, the manifest says " + f.rows());
                    }
                } catch (SQLException e) {
                    problems.add(f.path() + " unreadable: " + e.getMessage());
                }
            }
        } catch (SQLException e) {
            problems.add("DuckDB: " + e.getMessage());
        }
        return problems;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean earlier(Object a, Object b) {
        return a != null && (b == null || ((Comparable) a).compareTo(b) < 0);
    }

    static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
