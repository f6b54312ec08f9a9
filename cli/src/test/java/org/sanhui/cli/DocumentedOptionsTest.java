package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every {@code --option} the user docs name (README.md, docs/*.md and the example rules file) exists on some
 * sanhui sub-command, read from picocli's model of each; the few options of other tools that the docs show
 * are listed below, each with the tool and why. docs/configuration.md used to say {@code --rules FILE},
 * an option no command has ({@code --config} is).
 */
class DocumentedOptionsTest {

    private static final Path ROOT = Path.of("..");

    /**
     * An option of another tool that the docs show.
     *
     * @param tool the tool
     * @param source a file of this repository that defines the option (so that the entry cannot outlive it),
     *     or null for a tool outside it
     * @param why where and why the docs show it
     */
    private record OtherTool(String tool, String source, String why) {
    }

    private static final Map<String, OtherTool> OTHER_TOOLS = Map.ofEntries(
            Map.entry("--class", new OtherTool("spark-submit", null,
                    "README and docs/cluster.md show how to submit the analytics job to a cluster")),
            Map.entry("--conf", new OtherTool("spark-submit", null, "docs/cluster.md passes a Spark setting")),
            Map.entry("--add-opens", new OtherTool("java", null,
                    "docs/cluster.md and docs/robustness.md name the JVM flags Spark needs on Java 17")),
            Map.entry("--events", new OtherTool("jfr print", null,
                    "docs/benchmarks.md says how the compilation figures were read from a flight recording")),
            Map.entry("--runs", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--anchor", new OtherTool("bench/ingest-ab.sh", "bench/ingest-ab.sh",
                    "the A/B ingestion benchmark")),
            Map.entry("--gc", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--warm", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--timeline", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--rows", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--dir", new OtherTool("bench/ingest.sh", "bench/ingest.sh", "the ingestion benchmark")),
            Map.entry("--only", new OtherTool("bench/robustness.sh",
                    "cli/src/test/java/org/sanhui/cli/robustness/RobustnessMain.java", "the robustness run")),
            Map.entry("--keep", new OtherTool("bench/robustness.sh",
                    "cli/src/test/java/org/sanhui/cli/robustness/RobustnessMain.java", "the robustness run")));

    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-zA-Z][\\w-]*");

    @Test
    void everyDocumentedOptionExists() throws IOException {
        Set<String> sanhui = sanhuiOptions(Main.commandLine(false));
        assertThat(sanhui).contains("--config", "--warehouse", "--period", "--help");

        Map<String, List<String>> named = documentedOptions();
        assertThat(named).as("options found in the docs").containsKeys("--config", "--period", "--class");
        List<String> unknown = new ArrayList<>();
        named.forEach((option, where) -> {
            if (!sanhui.contains(option) && !OTHER_TOOLS.containsKey(option)) {
                unknown.add(option + " at " + String.join(", ", where));
            }
        });
        assertThat(unknown).as("options the docs name that no sanhui command has; sanhui's are %s", sanhui).isEmpty();
    }

    @Test
    void theListOfOtherToolsOptionsIsNeededAndTrue() throws IOException {
        Set<String> sanhui = sanhuiOptions(Main.commandLine(false));
        Map<String, List<String>> named = documentedOptions();
        OTHER_TOOLS.forEach((option, tool) -> {
            assertThat(named).as("%s (%s) is still named by the docs", option, tool.tool()).containsKey(option);
            assertThat(sanhui).as("%s is not a sanhui option (else it needs no entry)", option).doesNotContain(option);
            if (tool.source() != null) {
                try {
                    assertThat(Files.readString(ROOT.resolve(tool.source()), StandardCharsets.UTF_8))
                            .as("%s defines %s", tool.source(), option).contains(option);
                } catch (IOException e) {
                    throw new AssertionError("cannot read " + tool.source(), e);
                }
            }
        });
    }

    /** Every option name of the command and its sub-commands, at any depth. */
    private static Set<String> sanhuiOptions(CommandLine cl) {
        Set<String> out = new TreeSet<>();
        for (OptionSpec o : cl.getCommandSpec().options()) {
            out.addAll(List.of(o.names()));
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            out.addAll(sanhuiOptions(sub));
        }
        return out;
    }

    /** Each {@code --option} written in the user docs, with where (file:line). */
    private static Map<String, List<String>> documentedOptions() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> s = Files.list(ROOT.resolve("docs"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".md")
                    || p.getFileName().toString().endsWith(".properties")).sorted().forEach(docs::add);
        }
        assertThat(docs).hasSizeGreaterThan(5);
        Map<String, List<String>> out = new TreeMap<>();
        for (Path doc : docs) {
            List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = OPTION.matcher(lines.get(i));
                while (m.find()) {
                    out.computeIfAbsent(m.group(), k -> new ArrayList<>())
                            .add(ROOT.relativize(doc).toString() + ":" + (i + 1));
                }
            }
        }
        return out;
    }
}
