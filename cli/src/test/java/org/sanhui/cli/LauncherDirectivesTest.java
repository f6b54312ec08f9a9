package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives {@code ./sanhui} passes to the JVM: a file the JVM cannot read stops every
 * command before it starts, so the JVM this build runs on reads it here, and says what it understood.
 */
class LauncherDirectivesTest {

    /** Tests run in the module's folder. */
    private static final Path DIRECTIVES = Path.of("src/main/jvm/compiler-directives.json");
    private static final Path LAUNCHER = Path.of("../sanhui");

    /** One directive as {@code -XX:+CompilerDirectivesPrint} prints it: what it matches, then the C1 and C2 lines. */
    private record Printed(String matching, String c1, String c2) {
    }

    private static List<Printed> print() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES.toAbsolutePath(),
                "-XX:+CompilerDirectivesPrint", "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("2 compiler directives added");
        List<Printed> found = new ArrayList<>();
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(" matching: ")) {
                // " matching: ...", " c1 directives:", "  inline: -", "  Enable:...", blank, " c2 directives:", "  inline: -", "  Enable:..."
                String c1 = next(lines, i, " c1 directives:");
                String c2 = next(lines, i, " c2 directives:");
                found.add(new Printed(lines[i].substring(" matching: ".length()).trim(), c1, c2));
            }
        }
        return found;
    }

    /** The options line ("Enable:... Exclude:...") after the given header, from line i on. */
    private static String next(String[] lines, int i, String header) {
        for (int j = i; j < lines.length; j++) {
            if (lines[j].equals(header)) {
                for (int k = j + 1; k < lines.length; k++) {
                    if (lines[k].trim().startsWith("Enable:")) {
                        return lines[k].trim();
                    }
                }
            }
        }
        throw new AssertionError("no '" + header + "' after line " + i);
    }

    @Test
    void theJvmReadsTheDirectivesAsMeant() throws Exception {
        List<Printed> printed = print();
        assertThat(printed).hasSize(3); // the two of the file, then the JVM's default
        Printed bench = printed.get(0);
        assertThat(bench.matching()).isEqualTo("org/sanhui/ingestion/bench/*.*");
        // matched first and enabled for both compilers, so the benchmarks' loops are compiled as usual
        assertThat(bench.c1()).startsWith("Enable:true Exclude:false");
        assertThat(bench.c2()).startsWith("Enable:true Exclude:false");
        Printed ingestion = printed.get(1);
        assertThat(ingestion.matching().split(", ")).containsExactlyInAnyOrder("org/sanhui/ingestion/*.*",
                "org/sanhui/model/validation/*.*", "org/sanhui/model/value/*.*", "org/sanhui/model/problem/*.*");
        assertThat(ingestion.c1()).startsWith("Enable:false"); // C1 as usual
        assertThat(ingestion.c2()).startsWith("Enable:true Exclude:true"); // never C2
        assertThat(printed.get(2).matching()).isEqualTo("*.*");
    }

    @Test
    void theLauncherPassesThemAndKeepsTheJvmsNoteOffStdout() throws Exception {
        String script = Files.readString(LAUNCHER);
        assertThat(script).contains("\"-XX:CompilerDirectivesFile=$ROOT/cli/src/main/jvm/compiler-directives.json\"")
                .contains("-XX:+UnlockDiagnosticVMOptions").contains("-XX:-DisplayVMOutput");
    }
}
