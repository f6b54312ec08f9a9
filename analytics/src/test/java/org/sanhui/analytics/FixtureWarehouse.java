package org.sanhui.analytics;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * Builds a small warehouse in a temporary folder: rows given as column -> value maps (names from
 * {@link Datasets}), written by Spark with the explicit schema as one Parquet file per (dataset, period,
 * county), listed in a {@link LiveManifest} as ingestion would.
 */
final class FixtureWarehouse {

    private final Path root;
    private final Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();

    FixtureWarehouse(Path root) {
        this.root = root;
    }

    /** Adds a row; kv alternates column name and value (LocalDate for dates). */
    FixtureWarehouse add(DatasetSchema ds, String period, String county, Object... kv) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            ds.column((String) kv[i]);
            row.put((String) kv[i], kv[i + 1]);
        }
        groups.computeIfAbsent(ds.name() + "|" + period + "|" + county, k -> new ArrayList<>()).add(row);
        return this;
    }

    /** Adds an accepted submission record. */
    FixtureWarehouse submission(String county, String period, LocalDate filed, long accepted, long rejected) {
        return add(Datasets.SUBMISSIONS, period, county, Datasets.FILING_DATE, filed, Datasets.ROWS_ACCEPTED, accepted,
                Datasets.ROWS_REJECTED, rejected, Datasets.ROWS_READ, accepted + rejected, Datasets.ROWS_SKIPPED, 0L,
                Datasets.INGESTED_AT, Instant.parse("2025-02-01T00:00:00Z"), Datasets.SOURCE_FILE, county + ".xlsx",
                Datasets.SHA256, "0", Datasets.DATASETS, "organisations,posts,activities");
    }

    /**
     * Adds an accepted submission record with its own id, ingest time and datasets (a county sending one CSV
     * per sheet makes one submission per dataset).
     */
    FixtureWarehouse submission(String county, String period, LocalDate filed, long accepted, long rejected,
            String id, Instant ingestedAt, String datasets) {
        return add(Datasets.SUBMISSIONS, period, county, Datasets.SUBMISSION_ID, id, Datasets.FILING_DATE, filed,
                Datasets.ROWS_ACCEPTED, accepted, Datasets.ROWS_REJECTED, rejected, Datasets.ROWS_READ,
                accepted + rejected, Datasets.ROWS_SKIPPED, 0L, Datasets.INGESTED_AT, ingestedAt,
                Datasets.SOURCE_FILE, id + ".csv", Datasets.SHA256, id, Datasets.DATASETS, datasets);
    }

    /** Writes every group and the manifest. */
    LiveManifest write(SparkSession spark) {
        List<LiveFile> files = new ArrayList<>();
        for (Map.Entry<String, List<Map<String, Object>>> e : groups.entrySet()) {
            String[] k = e.getKey().split("\\|");
            DatasetSchema ds = Datasets.byName(k[0]).orElseThrow();
            String sub = k[2] + "-" + k[1] + "-1";
            List<Object[]> rows = new ArrayList<>();
            int n = 0;
            for (Map<String, Object> m : e.getValue()) {
                n++;
                List<Object> vals = new ArrayList<>();
                for (Column c : ds.storedColumns()) {
                    Object v = m.get(c.name());
                    if (v == null) {
                        v = switch (c.name()) {
                            case Datasets.SUBMISSION_ID -> sub;
                            case Datasets.COUNTY_CODE -> k[2];
                            case Datasets.PERIOD -> k[1];
                            case Datasets.SOURCE_ROW -> n + 3;
                            default -> null;
                        };
                    }
                    if (v instanceof Integer i && c.type() == org.sanhui.model.schema.ColumnType.LONG) {
                        v = (long) i;
                    }
                    vals.add(v);
                }
                rows.add(vals.toArray());
            }
            String rel = "data/" + ds.name() + "/period=" + k[1] + "/county=" + k[2] + "/" + sub + "-x.parquet";
            ParquetTables.write(root.resolve(rel), SparkSchemas.of(ds), rows);
            files.add(new LiveFile(ds.name(), k[1], k[2], rel, rows.size(), sha256(root.resolve(rel))));
        }
        LiveManifest m = new LiveManifest(files);
        m.writeAtomically(root);
        return m;
    }

    static String sha256(java.nio.file.Path file) {
        try {
            return org.sanhui.model.warehouse.Checksums.sha256(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
