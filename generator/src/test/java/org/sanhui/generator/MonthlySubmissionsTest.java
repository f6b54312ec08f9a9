package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Severity;
import org.sanhui.model.schema.Datasets;

/**
 * A province that reports monthly: {@code --from 2024-05 --to 2024-08} writes one submission per county and
 * month (it used to take the months as their quarters and write 2024Q2 and 2024Q3), and ingestion reads each
 * as a submission for its month with the rows truth.json expects.
 */
class MonthlySubmissionsTest {

    private static final List<String> MONTHS = List.of("2024-05", "2024-06", "2024-07", "2024-08");

    @Test
    void writesMonthlySubmissionsThatIngestForTheirMonths(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("yinchuan");
        GenerateSummary summary = Generator.generate(GenerateOptions.builder().scope("6401")
                .from(Period.parse("2024-05")).to(Period.parse("2024-08")).out(out).build(), null);
        assertThat(summary.files()).isGreaterThan(MONTHS.size() * 6);

        // one folder per month, each file named and titled for its month
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList())
                    .containsAll(MONTHS).allMatch(n -> MONTHS.contains(n) || n.equals("evaluations"));
        }
        JsonNode truth = new ObjectMapper().readTree(out.resolve(Generator.TRUTH).toFile());
        assertThat(truth.get("from").asText()).isEqualTo("2024-05");
        assertThat(truth.get("to").asText()).isEqualTo("2024-08");
        Set<String> expected = new TreeSet<>();
        for (JsonNode s : truth.get("submissions")) {
            expected.add(s.get("county").asText() + " " + s.get("period").asText());
        }
        // six counties, four months, a few planted missing submissions
        assertThat(expected).hasSizeBetween(20, 24)
                .allMatch(k -> MONTHS.contains(k.substring(7)) && k.startsWith("6401"));

        List<Path> inputs = new ArrayList<>();
        for (String m : MONTHS) {
            inputs.add(out.resolve(m));
        }
        IngestReport report = new Ingestor().ingest(inputs, IngestOptions.builder(tmp.resolve("wh")).build());
        Set<String> ingested = new TreeSet<>();
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Set<String>> errorCodes = new TreeMap<>();
        Path root = out.toAbsolutePath().normalize();
        for (IngestReport.FileReport f : report.files()) {
            String rel = root.relativize(f.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
            for (IngestReport.SubmissionReport s : f.submissions()) {
                assertThat(s.period().kind()).as(rel).isEqualTo(Period.Kind.MONTH);
                assertThat(rel).startsWith(s.period() + "/");
                ingested.add(s.county() + " " + s.period());
                s.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                        .forEach(p -> errorCodes.computeIfAbsent(rel, k -> new TreeSet<>()).add(p.code().name()));
            }
            for (IngestReport.SheetReport sh : f.sheets()) {
                String sheet = rel.endsWith(".csv") ? Datasets.byName(sh.dataset()).orElseThrow().sheets().get(0)
                        : sh.sheet();
                counts.merge(rel + " " + sheet, new long[] {sh.accepted(), sh.rejected()},
                        (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        assertThat(ingested).isEqualTo(expected);

        // every file's rows are accepted or rejected as truth.json says (the planted problems only)
        List<String> differences = new ArrayList<>();
        Map<String, long[]> want = new TreeMap<>();
        Map<String, Set<String>> wantCodes = new TreeMap<>();
        for (JsonNode f : truth.get("files")) {
            if (f.get("file").asText().startsWith("evaluations/")) {
                continue;
            }
            f.get("rejected_codes").fieldNames().forEachRemaining(
                    c -> wantCodes.computeIfAbsent(f.get("file").asText(), k -> new TreeSet<>()).add(c));
            want.merge(f.get("file").asText() + " " + f.get("sheet").asText(),
                    new long[] {f.get("accepted").asLong(), f.get("rejected").asLong()},
                    (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        }
        want.forEach((k, v) -> {
            long[] got = counts.getOrDefault(k, new long[2]);
            if (got[0] != v[0] || got[1] != v[1]) {
                differences.add(k + ": truth " + v[0] + "/" + v[1] + ", ingested " + got[0] + "/" + got[1]);
            }
        });
        // and for the planted reasons only: a planted row dated outside its month would add DATE_AFTER_PERIOD
        assertThat(errorCodes).isEqualTo(wantCodes);
        assertThat(differences).as("files whose accepted/rejected rows differ from truth.json").isEmpty();
        assertThat(want.values().stream().mapToLong(v -> v[0]).sum()).isGreaterThan(100);
        assertThat(want.values().stream().mapToLong(v -> v[1]).sum()).isPositive();
    }

    @Test
    void refusesAMonthAndAQuarterTogether() {
        assertThatThrownBy(() -> GenerateOptions.builder().from(Period.parse("2024-05")).to(Period.parse("2024Q4"))
                .out(Path.of("x")).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-05").hasMessageContaining("2024Q4");
    }
}
