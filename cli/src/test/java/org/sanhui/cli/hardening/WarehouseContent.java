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
import java.util.TreeSet;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * The content of a warehouse as its live manifest lists it, read back with DuckDB (an engine independent
 * of the writer), in a canonical form for comparing two warehouses: per dataset, the sorted rows without
 * the columns that legitimately differ between runs (submission id, ingest time); the submission history
 * as the set of distinct submissions (a rerun adds history rows for the files it takes again).
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
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (LiveFile f : m.files()) {
                List<String> rows = out.computeIfAbsent(f.dataset(), k -> new ArrayList<>());
                try (ResultSet rs = st.executeQuery("SELECT * FROM read_parquet(" + quote(warehouse.resolve(f.path())) + ")")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            String col = md.getColumnName(i);
                            if (!VOLATILE.contains(col) && !(f.dataset().equals("submissions") && col.equals(Datasets.SOURCE_FILE))) {
                                b.append(col).append('=').append(rs.getObject(i)).append('\t');
                            }
                        }
                        rows.add(b.toString());
                    }
                }
            }
        }
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            if (e.getKey().equals("submissions")) {
                e.setValue(new ArrayList<>(new TreeSet<>(e.getValue())));
            } else {
                e.getValue().sort(null);
            }
        }
        return out;
    }

    /**
     * Checks that the warehouse is whole: the manifest reads, every listed file exists, DuckDB reads it
     * and finds the number of rows the manifest states.
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

    static String quote(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
