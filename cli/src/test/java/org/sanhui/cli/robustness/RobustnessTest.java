package org.sanhui.cli.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's robustness run: the fixed corpus (at most 150 inputs), each fed to {@code sanhui validate} in its
 * own JVM ({@code -Xmx512m}, 60 s), two at a time. No input may crash, hang, run out of memory, lose
 * rows, leak a file's content or write outside its directories; every valid seed must be read. The
 * table and the per-run details are written to {@code target/robustness/}.
 */
class RobustnessTest {

    @Test
    void fixedCorpusNeverCrashesHangsRunsOutOfMemoryOrLosesRows(@TempDir Path tmp) throws IOException {
        assertThat(ChildJvm.cliPresent()).as("the CLI (org.sanhui.cli.Main) on the test classpath").isTrue();
        Path corpus = tmp.resolve("corpus");
        List<CorpusEntry> entries = new CorpusBuilder(corpus).buildFixed();
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        List<ValidateHarness.Run> results = new ValidateHarness(corpus, runs, 2, ValidateHarness.LIMIT).runAll(entries);

        Path out = Files.createDirectories(Path.of("target", "robustness"));
        String table = ValidateHarness.table(results);
        Files.writeString(out.resolve("table.md"), table);
        Files.writeString(out.resolve("runs.tsv"), ValidateHarness.details(results));

        String bad = results.stream().filter(r -> !r.outcome().acceptable())
                .map(r -> r.outcome().label() + ": " + r.entry().name() + " (" + r.entry().what() + "): " + r.verdict().detail()
                        + "\n    stderr: " + abbreviate(r.result().stderr()))
                .collect(Collectors.joining("\n"));
        assertThat(bad).as("inputs with an unacceptable outcome\n" + table).isEmpty();
        assertThat(results).filteredOn(r -> r.entry().kind() == InputKind.VALID)
                .as("every valid seed is read with every row accepted (exit 0)\n" + ValidateHarness.details(results))
                .allSatisfy(r -> {
                    assertThat(r.outcome()).isEqualTo(Outcome.PARSED);
                    assertThat(r.result().exit()).as(r.entry().name() + ": " + abbreviate(r.result().stdout())).isZero();
                });
    }

    private static String abbreviate(String s) {
        String one = s.strip().replace("\n", " | ");
        return one.length() > 400 ? one.substring(0, 400) + "..." : one;
    }
}
