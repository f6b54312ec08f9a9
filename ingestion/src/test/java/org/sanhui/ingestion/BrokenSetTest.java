package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanhui.ingestion.IngestReport.FileReport;
import org.sanhui.ingestion.IngestReport.Outcome;
import org.sanhui.ingestion.IngestReport.SubmissionReport;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.Severity;

/**
 * Ingests every file of the committed {@code datasets/broken/}, each alone into an empty warehouse, and checks
 * the outcome written in its {@code EXPECTED.md} table (outcome, refusal or rejection codes, accepted and rejected
 * rows, warnings).
 */
class BrokenSetTest {

    private static final Path BROKEN = Path.of("../datasets/broken");

    static Stream<Arguments> expected() throws IOException {
        List<Arguments> out = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(BROKEN.resolve("EXPECTED.md"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("|")) {
                continue;
            }
            String[] c = line.substring(1).split("\\|", -1);
            if (header || c[0].trim().startsWith("---")) {
                header = c[0].trim().equals("file");
                continue;
            }
            out.add(Arguments.of(c[0].trim(), c[1].trim(), c[2].trim(), Long.parseLong(c[3].trim()),
                    Long.parseLong(c[4].trim()), c[5].trim()));
        }
        return out.stream();
    }

    @Test
    void theTableCoversEveryFile() throws IOException {
        List<String> listed = expected().map(a -> (String) a.get()[0]).sorted().toList();
        List<String> files;
        try (Stream<Path> s = Files.walk(BROKEN)) {
            files = s.filter(Files::isRegularFile).map(p -> BROKEN.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> !n.equals("EXPECTED.md") && !n.endsWith("received.csv")).sorted().toList();
        }
        assertThat(listed).hasSizeGreaterThan(20).isEqualTo(files);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void givesTheExpectedOutcome(String file, String outcome, String codes, long accepted, long rejected,
            String warnings, @TempDir Path tmp) {
        IngestReport report = new Ingestor().ingest(List.of(BROKEN.resolve(file)),
                IngestOptions.builder(tmp.resolve("wh")).build());
        assertThat(report.files()).hasSize(1);
        FileReport f = report.files().get(0);
        List<Problem> all = new ArrayList<>(f.problems());
        for (SubmissionReport s : f.submissions()) {
            all.addAll(s.problems());
        }
        String described = all.stream().map(p -> p.severity() + " " + p.code() + " " + p.messageEn())
                .collect(Collectors.joining("\n"));
        if (outcome.equals("REFUSED")) {
            assertThat(f.outcome()).as(described).isEqualTo(Outcome.REFUSED);
            assertThat(all).as(described)
                    .anyMatch(p -> p.severity() == Severity.FATAL && p.code().name().equals(codes));
            assertThat(f.submissions()).isEmpty();
            return;
        }
        assertThat(f.outcome()).as(described).isNotEqualTo(Outcome.REFUSED);
        long acc = f.sheets().stream().mapToLong(IngestReport.SheetReport::accepted).sum();
        long rej = f.sheets().stream().mapToLong(IngestReport.SheetReport::rejected).sum();
        assertThat(acc).as("accepted rows\n" + described).isEqualTo(accepted);
        assertThat(rej).as("rejected rows\n" + described).isEqualTo(rejected);
        assertThat(f.outcome()).isEqualTo(rejected > 0 ? Outcome.PARTIAL : Outcome.ACCEPTED);
        Map<String, Long> byCode = new TreeMap<>(all.stream().filter(p -> p.severity() == Severity.ERROR)
                .collect(Collectors.groupingBy(p -> p.code().name(), Collectors.counting())));
        String got = byCode.isEmpty() ? "-" : byCode.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(";"));
        assertThat(got).as(described).isEqualTo(codes);
        if (!warnings.equals("-")) {
            for (String w : warnings.split(";")) {
                assertThat(all).as(described)
                        .anyMatch(p -> p.severity() == Severity.WARNING && p.code().name().equals(w));
            }
        }
    }
}
