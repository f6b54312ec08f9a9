package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the bundled Ningxia sample for 2024Q4, through the command line, checked
 * against the figures the generator knows ({@code datasets/ningxia-sample/truth.json}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    private static final Path SAMPLE = Paths.get("..", "datasets", "ningxia-sample");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;

    private int exit;
    private String stdout;
    private JsonNode indicators;
    private JsonNode truth;

    @BeforeAll
    void runThePipelineOnce() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            exit = Main.run("run", "--period", "2024Q4", "--input", SAMPLE.toString(), "--out", out.toString());
        } finally {
            System.setOut(saved);
        }
        stdout = buf.toString(StandardCharsets.UTF_8);
        indicators = JSON.readTree(out.resolve("reports/2024Q4/indicators-2024Q4.json").toFile());
        truth = JSON.readTree(SAMPLE.resolve("truth.json").toFile());
    }

    @Test
    void exitsWithOneBecauseTheSampleHasRejectedRows() {
        assertThat(exit).as(stdout).isEqualTo(Main.REJECTED);
        assertThat(stdout).contains("done in").contains("accepted").contains("rejected");
    }

    @Test
    void headlineFiguresEqualTheTruth() {
        Map<String, JsonNode> got = index(indicators.get("indicators"));
        List<String> compared = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : truth.get("indicators")) {
            String period = t.get("period").asText();
            if (!period.equals("2024Q4") && !period.equals("2024")) {
                continue;
            }
            String k = key(t);
            JsonNode g = got.get(k);
            compared.add(k);
            if (g == null || g.get("value").isNull()
                    || Math.abs(g.get("value").asDouble() - t.get("value").asDouble()) > 1e-9) {
                wrong.add(k + " truth=" + t.get("value") + " got=" + (g == null ? "missing" : g.get("value")));
            }
        }
        assertThat(compared).as("truth has 2024Q4 figures to compare")
                .anyMatch(k -> k.contains("|C1.full|64|"))
                .anyMatch(k -> k.contains("|C2.township|64|"))
                .anyMatch(k -> k.contains("|C3.county|64|"))
                .anyMatch(k -> k.contains("|A1.count|"))
                .anyMatch(k -> k.contains("|S1.rate|64|"))
                .anyMatch(k -> k.contains("|G1.C|64|"));
        assertThat(wrong).as("figures differing from truth.json").isEmpty();
    }

    /**
     * The headline rates of the quarter before and of the same quarter a year before, which the run computes for
     * the briefing's comparisons, equal the generator's figures of those quarters.
     */
    @Test
    void comparisonFiguresEqualTheTruth() {
        JsonNode c = indicators.get("comparisons");
        assertThat(c.get("previous").asText()).isEqualTo("2024Q3");
        assertThat(c.get("year_ago").asText()).isEqualTo("2023Q4");
        List<String> ids = new ArrayList<>();
        c.get("indicators").forEach(n -> ids.add(n.asText()));
        Map<String, JsonNode> got = index(indicators.get("indicators"));
        List<String> compared = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode t : truth.get("indicators")) {
            String period = t.get("period").asText();
            if (!(period.equals("2024Q3") || period.equals("2023Q4")) || !ids.contains(t.get("indicator").asText())) {
                continue;
            }
            String k = key(t);
            JsonNode g = got.get(k);
            compared.add(k);
            if (g == null || g.get("value").isNull()
                    || Math.abs(g.get("value").asDouble() - t.get("value").asDouble()) > 1e-9) {
                wrong.add(k + " truth=" + t.get("value") + " got=" + (g == null ? "missing" : g.get("value")));
            }
        }
        assertThat(compared).anyMatch(k -> k.equals("2024Q3|C1.full|64|")).anyMatch(k -> k.equals("2023Q4|C1.full|64|"))
                .anyMatch(k -> k.equals("2023Q4|C3.township|64|")).anyMatch(k -> k.equals("2024Q3|S1.rate|64|"))
                .anyMatch(k -> k.equals("2023Q4|C2.township|64|"));
        assertThat(wrong).as("comparison figures differing from truth.json").isEmpty();
    }

    @Test
    void exitCandidatesEqualTheTruth() {
        Set<String> expected = new TreeSet<>();
        truth.get("lists").get("exit_candidates").forEach(n -> {
            if (n.get("period").asText().equals("2024Q4")) {
                expected.add(n.get("org_key").asText());
            }
        });
        assertThat(expected).isNotEmpty();
        Set<String> got = new TreeSet<>();
        indicators.get("lists").get("exit_candidates").forEach(n -> got.add(n.get("org_key").asText()));
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void everyOutputIsThereWithItsPages() throws Exception {
        Path reports = out.resolve("reports/2024Q4");
        assertThat(reports.resolve("indicators-64-2024Q4.xlsx")).isRegularFile();
        for (String region : List.of("64", "6401", "6402", "6403", "6404", "6405")) {
            Path pdf = reports.resolve("briefing-" + region + "-2024Q4.pdf");
            assertThat(pdf).isRegularFile();
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).as(pdf.toString()).isBetween(4, 20);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("基层科协组织建设工作简报");
            }
        }
        try (PDDocument doc = Loader.loadPDF(reports.resolve("briefing-64-2024Q4.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("宁夏回族自治区").contains("银川市").contains("兴庆区").contains("固原市");
        }
        try (Workbook wb = WorkbookFactory.create(reports.resolve("indicators-64-2024Q4.xlsx").toFile(), null, true)) {
            assertThat(wb.getNumberOfSheets()).isGreaterThan(1);
        }
        try (Stream<Path> charts = Files.walk(reports.resolve("charts"))) {
            assertThat(charts.filter(p -> p.toString().endsWith(".svg")).count()).isGreaterThan(3);
        }
        assertThat(out.resolve("warehouse/_live.tsv")).isRegularFile();
        try (Stream<Path> fb = Files.walk(out.resolve("feedback"))) {
            assertThat(fb.filter(p -> p.toString().endsWith(".xlsx")).count()).isGreaterThan(20);
        }
    }

    @Test
    void runningTwiceGivesTheSameFigures() throws Exception {
        PrintStream saved = System.out;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            Main.run("run", "--period", "2024Q4", "--input", SAMPLE.toString(), "--out", out.toString());
        } finally {
            System.setOut(saved);
        }
        JsonNode again = JSON.readTree(out.resolve("reports/2024Q4/indicators-2024Q4.json").toFile());
        assertThat(again.get("indicators")).isEqualTo(indicators.get("indicators"));
        assertThat(again.get("lists")).isEqualTo(indicators.get("lists"));
    }

    private static Map<String, JsonNode> index(JsonNode rows) {
        Map<String, JsonNode> m = new HashMap<>();
        rows.forEach(r -> m.put(key(r), r));
        return m;
    }

    private static String key(JsonNode r) {
        return r.get("period").asText() + "|" + r.get("indicator").asText() + "|" + r.get("region_code").asText() + "|"
                + r.get("breakdown").asText();
    }
}
