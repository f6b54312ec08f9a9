package org.sanhui.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.period.Period;

/**
 * The analytics output of a period, {@code WAREHOUSE/indicators/<P>/}: {@code table/} (Parquet, the long
 * indicator table), {@code lists/<name>/} (Parquet, one table per list), {@code indicators-<P>.json} (the same
 * content for readers without Spark) and {@code _SUCCESS}, written last. The whole directory is built under
 * a temporary name and renamed into place, so readers see the previous output or the new one, never a mix;
 * {@link #requireComplete(Path, Period)} refuses an output without its marker.
 */
public final class IndicatorOutput {

    /** The marker written last. */
    public static final String SUCCESS = "_SUCCESS";

    /** The one Parquet file of each table. */
    public static final String PART = "part-00000.parquet";

    /** The Spark schema of the indicator table (DOMAIN.md section 6). */
    public static final StructType TABLE_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("period", DataTypes.StringType, false),
            DataTypes.createStructField("indicator", DataTypes.StringType, false),
            DataTypes.createStructField("region_code", DataTypes.StringType, false),
            DataTypes.createStructField("region_level", DataTypes.StringType, false),
            DataTypes.createStructField("breakdown", DataTypes.StringType, false),
            DataTypes.createStructField("numerator", DataTypes.LongType, true),
            DataTypes.createStructField("denominator", DataTypes.LongType, true),
            DataTypes.createStructField("value", DataTypes.DoubleType, true)));

    private IndicatorOutput() {
    }

    /**
     * Returns the output directory of a period.
     *
     * @param warehouse the warehouse root, null not permitted
     * @param period the period, null not permitted
     * @return {@code WAREHOUSE/indicators/<P>}, never null
     */
    public static Path directory(Path warehouse, Period period) {
        return warehouse.resolve("indicators").resolve(period.toString());
    }

    /**
     * Returns the JSON file of a complete output.
     *
     * @param warehouse the warehouse root, null not permitted
     * @param period the period, null not permitted
     * @return the JSON path, never null
     * @throws AnalyticsException if the output is absent or incomplete (no {@value #SUCCESS}), with the way out
     */
    public static Path requireComplete(Path warehouse, Period period) {
        Path dir = directory(warehouse, period);
        if (!Files.isRegularFile(dir.resolve(SUCCESS))) {
            throw new AnalyticsException("no complete analytics output for " + period + " in " + dir
                    + " (" + SUCCESS + " missing): run `sanhui analyze --period " + period + "` first");
        }
        return dir.resolve("indicators-" + period + ".json");
    }

    /**
     * Reads the JSON of a complete output.
     *
     * @param warehouse the warehouse root, null not permitted
     * @param period the period, null not permitted
     * @return the JSON tree, never null
     * @throws AnalyticsException if the output is incomplete
     * @throws UncheckedIOException if it cannot be read
     */
    public static JsonNode readJson(Path warehouse, Period period) {
        Path json = requireComplete(warehouse, period);
        try {
            return new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
    }

    /**
     * Writes the output atomically and returns the final directory; {@code comparisons} is the JSON's block naming
     * the periods P is compared with and the figures restated for them.
     */
    static Path write(Path warehouse, Period period, String scope, List<IndicatorRow> rows,
            Map<String, List<Map<String, Object>>> lists, List<String> warnings, Map<String, Object> comparisons) {
        Path parent = warehouse.resolve("indicators");
        Path dir = directory(warehouse, period);
        Path tmp = parent.resolve("." + period + "-" + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(parent);
            List<Object[]> table = new ArrayList<>(rows.size());
            for (IndicatorRow r : rows) {
                table.add(new Object[] {r.period(), r.indicator(), r.regionCode(), r.regionLevel().name(),
                    r.breakdown(), r.numerator(), r.denominator(), r.value()});
            }
            ParquetTables.write(tmp.resolve("table").resolve(PART), TABLE_SCHEMA, table);
            for (Map.Entry<String, List<Map<String, Object>>> e : lists.entrySet()) {
                List<Object[]> lr = new ArrayList<>();
                for (Map<String, Object> m : e.getValue()) {
                    lr.add(m.values().toArray());
                }
                ParquetTables.write(tmp.resolve("lists").resolve(e.getKey()).resolve(PART), listSchema(e.getKey()), lr);
            }
            writeJson(tmp.resolve("indicators-" + period + ".json"), period, scope, rows, lists, warnings, comparisons);
            Files.writeString(tmp.resolve(SUCCESS), "");
            Path old = null;
            if (Files.exists(dir)) {
                old = parent.resolve("." + period + "-" + UUID.randomUUID() + ".old");
                Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + parent + " cannot rename atomically", e);
            }
            if (old != null) {
                delete(old);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the analytics output to " + dir, e);
        } finally {
            try {
                delete(tmp);
            } catch (IOException ignored) {
                // best effort: a stray temporary directory is hidden and never read
            }
        }
    }

    static StructType listSchema(String list) {
        List<StructField> fields = new ArrayList<>();
        for (Map.Entry<String, Lists.Type> c : Lists.SPECS.get(list).entrySet()) {
            DataType t = switch (c.getValue()) {
                case STRING -> DataTypes.StringType;
                case LONG -> DataTypes.LongType;
                case DOUBLE -> DataTypes.DoubleType;
                case BOOLEAN -> DataTypes.BooleanType;
            };
            fields.add(DataTypes.createStructField(c.getKey(), t, true));
        }
        return DataTypes.createStructType(fields);
    }

    private static void writeJson(Path file, Period period, String scope, List<IndicatorRow> rows,
            Map<String, List<Map<String, Object>>> lists, List<String> warnings, Map<String, Object> comparisons)
            throws IOException {
        ObjectMapper om = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        om.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", period.toString());
        root.put("scope", scope);
        root.put("generated_at", Instant.now().toString());
        root.put("comparisons", comparisons);
        List<Map<String, Object>> ind = new ArrayList<>(rows.size());
        for (IndicatorRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", r.period());
            m.put("indicator", r.indicator());
            m.put("region_code", r.regionCode());
            m.put("region_level", r.regionLevel().name());
            m.put("breakdown", r.breakdown());
            m.put("numerator", r.numerator());
            m.put("denominator", r.denominator());
            m.put("value", r.value());
            ind.add(m);
        }
        root.put("indicators", ind);
        root.put("lists", lists);
        root.put("warnings", warnings);
        try (OutputStream out = Files.newOutputStream(file)) {
            om.writerWithDefaultPrettyPrinter().writeValue(out, root);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }

}
