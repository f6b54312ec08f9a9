package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.IngestReport.FileReport;
import org.sanhui.ingestion.IngestReport.SheetReport;
import org.sanhui.ingestion.IngestReport.SubmissionReport;
import org.sanhui.model.schema.Datasets;

/**
 * Ingests the whole committed Ningxia sample, folder by folder as {@code sanhui run} does, and checks the
 * accepted / rejected / skipped counts of every file, sheet and county against the generator's
 * {@code truth.json} ("files").
 */
class SampleTruthTest {

    private static final Path SAMPLE = Path.of("../datasets/ningxia-sample");
    private static final Pattern ENTRY = Pattern.compile("\\{\"file\":\"([^\"]+)\",\"sheet\":\"([^\"]+)\","
            + "\"county\":\"([^\"]+)\",\"period\":\"([^\"]+)\",\"accepted\":(\\d+),\"rejected\":(\\d+),"
            + "\"skipped\":(\\d+)");

    /** One truth entry. */
    private record Entry(String file, String sheet, String county, String period, long accepted, long rejected,
            long skipped) {
        String counts() {
            return accepted + "/" + rejected + "/" + skipped;
        }
    }

    @Test
    void everyFileSheetAndCountyMatchesTheTruth(@TempDir Path tmp) throws IOException {
        List<Entry> truth = truth();
        assertThat(truth).hasSizeGreaterThan(400);

        IngestReport report = new Ingestor().ingest(folders(), IngestOptions.builder(tmp.resolve("wh")).build());
        Map<String, FileReport> byFile = new HashMap<>();
        Path root = SAMPLE.toAbsolutePath().normalize();
        for (FileReport f : report.files()) {
            String rel = root.relativize(f.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
            byFile.put(rel, f);
        }
        Map<String, Integer> entriesPerSheet = new HashMap<>();
        for (Entry e : truth) {
            entriesPerSheet.merge(e.file() + "|" + e.sheet(), 1, Integer::sum);
        }

        List<String> differences = new ArrayList<>();
        for (Entry e : truth) {
            FileReport f = byFile.get(e.file());
            if (f == null) {
                differences.add(e.file() + ": not ingested");
                continue;
            }
            boolean csv = e.file().endsWith(".csv");
            long[] got;
            if (entriesPerSheet.get(e.file() + "|" + e.sheet()) == 1) {
                got = counts(f.sheets(), e.sheet(), csv);
            } else {
                // a city's workbook: one entry per county (its submission) plus the city's layout rows
                got = new long[3];
                boolean city = f.submissions().stream().noneMatch(s -> s.county().equals(e.county()));
                if (city) {
                    got = counts(f.sheets(), e.sheet(), csv);
                }
                for (SubmissionReport s : f.submissions()) {
                    if (city || s.county().equals(e.county()) && s.period().toString().equals(e.period())) {
                        long[] c = counts(s.sheets(), e.sheet(), csv);
                        for (int i = 0; i < 3; i++) {
                            got[i] += city ? -c[i] : c[i];
                        }
                    }
                }
            }
            String g = got[0] + "/" + got[1] + "/" + got[2];
            if (!g.equals(e.counts())) {
                differences.add(e.file() + " " + e.sheet() + " " + e.county() + " " + e.period()
                        + ": truth accepted/rejected/skipped " + e.counts() + ", ingested " + g + " (" + f.outcome()
                        + ", problems " + f.problems().stream().map(p -> p.code().name()).distinct().toList() + ")");
            }
        }
        assertThat(differences).as("entries differing from truth.json").isEmpty();
        assertThat(byFile.keySet()).as("every ingested file has a truth entry")
                .allMatch(k -> truth.stream().anyMatch(e -> e.file().equals(k)));
    }

    /** Sums the counts of the sheets standing for {@code sheet} (a CSV's sheet is its dataset's canonical name). */
    private static long[] counts(List<SheetReport> sheets, String sheet, boolean csv) {
        long[] c = new long[3];
        for (SheetReport s : sheets) {
            boolean same = csv ? s.dataset() != null && Datasets.byName(s.dataset())
                    .map(d -> d.sheets().get(0).equals(sheet)).orElse(false) : s.sheet().equals(sheet);
            if (same) {
                c[0] += s.accepted();
                c[1] += s.rejected();
                c[2] += s.skipped();
            }
        }
        return c;
    }

    private static List<Path> folders() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(SAMPLE);
        try (Stream<Path> s = Files.list(SAMPLE)) {
            s.filter(Files::isDirectory).sorted().forEach(out::add);
        }
        return out;
    }

    private static List<Entry> truth() throws IOException {
        List<Entry> out = new ArrayList<>();
        boolean inFiles = false;
        for (String line : Files.readAllLines(SAMPLE.resolve("truth.json"), StandardCharsets.UTF_8)) {
            if (line.startsWith("  \"")) {
                inFiles = line.startsWith("  \"files\"");
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (inFiles && m.find()) {
                out.add(new Entry(m.group(1), m.group(2), m.group(3), m.group(4), Long.parseLong(m.group(5)),
                        Long.parseLong(m.group(6)), Long.parseLong(m.group(7))));
            }
        }
        return out;
    }
}
