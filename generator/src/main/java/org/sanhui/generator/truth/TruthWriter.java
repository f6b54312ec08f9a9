package org.sanhui.generator.truth;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanhui.generator.world.Submission;
import org.sanhui.generator.world.World;
import org.sanhui.model.indicator.IndicatorRow;

/**
 * Writes {@code truth.json}: the figures, lists, submissions and per-file row outcomes of a generated sample
 * (format documented in datasets/README.md).
 */
public final class TruthWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthWriter() {
    }

    /**
     * Renders the root object with one array element (or list row) per line, so diffs stay readable.
     */
    static String json(Map<String, Object> root) throws IOException {
        StringBuilder b = new StringBuilder("{\n");
        int i = 0;
        for (var e : root.entrySet()) {
            b.append("  ").append(JSON.writeValueAsString(e.getKey())).append(": ");
            Object v = e.getValue();
            if (v instanceof List<?> l) {
                array(b, l, "  ");
            } else if (v instanceof Map<?, ?> m && !m.isEmpty() && m.values().iterator().next() instanceof List) {
                b.append("{\n");
                int j = 0;
                for (var f : m.entrySet()) {
                    b.append("    ").append(JSON.writeValueAsString(f.getKey())).append(": ");
                    array(b, (List<?>) f.getValue(), "    ");
                    b.append(++j < m.size() ? ",\n" : "\n");
                }
                b.append("  }");
            } else {
                b.append(JSON.writeValueAsString(v));
            }
            b.append(++i < root.size() ? ",\n" : "\n");
        }
        return b.append("}\n").toString();
    }

    private static void array(StringBuilder b, List<?> l, String indent) throws IOException {
        if (l.isEmpty()) {
            b.append("[]");
            return;
        }
        b.append("[\n");
        for (int k = 0; k < l.size(); k++) {
            b.append(indent).append("  ").append(JSON.writeValueAsString(l.get(k)));
            b.append(k + 1 < l.size() ? ",\n" : "\n");
        }
        b.append(indent).append("]");
    }

    /**
     * Writes the truth file.
     *
     * @param file the target file
     * @param world the world
     * @param calc the calculated figures
     * @param files the per-file truth
     * @param submissionFiles the files of each submission ({@code county|period})
     * @param mismatches the planted 合计 mismatches
     */
    public static void write(Path file, World world, TruthCalculator calc, List<FileTruth> files,
            Map<String, List<String>> submissionFiles, List<Map<String, Object>> mismatches) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "sanhui-truth/1");
        root.put("scope", world.scope());
        root.put("from", world.periods().get(0).toString());
        root.put("to", world.periods().get(world.periods().size() - 1).toString());
        root.put("seed", world.seed());
        List<Map<String, Object>> ind = new ArrayList<>();
        for (IndicatorRow r : calc.indicators()) {
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
        root.put("lists", calc.lists());
        List<Map<String, Object>> subs = new ArrayList<>();
        for (Submission s : world.submissions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("county", s.county());
            m.put("period", s.period().toString());
            m.put("via", s.via());
            m.put("filing_date", s.filingDate().toString());
            m.put("on_time", s.onTime());
            m.put("files", submissionFiles.getOrDefault(s.county() + "|" + s.period(), List.of()));
            subs.add(m);
        }
        root.put("submissions", subs);
        List<Map<String, Object>> fl = new ArrayList<>();
        for (FileTruth f : files) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("sheet", f.sheet());
            m.put("county", f.county());
            m.put("period", f.period());
            m.put("accepted", f.accepted());
            m.put("rejected", f.rejected());
            m.put("skipped", f.skipped());
            m.put("skipped_detail", f.skippedDetail());
            m.put("rejected_codes", f.rejectedCodes());
            fl.add(m);
        }
        root.put("files", fl);
        root.put("total_mismatches", mismatches);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, json(root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
