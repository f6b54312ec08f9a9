package org.sanhui.cli.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.cli.robustness.ChildJvm;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * kill -9 of {@code sanhui ingest} and of {@code sanhui analyze} at random points (5 times each; the
 * system property {@code sanhui.faults.kills} sets another number, {@code sanhui.faults.seed} the seed),
 * then a rerun: the warehouse is whole after every kill and the rerun's results equal an undisturbed
 * run's (live data read back with DuckDB; the indicator JSON less generated_at). Reporting refuses an
 * output without {@code _SUCCESS}; analyze refuses a manifest naming a missing file and tampered Parquet.
 *
 * <p>Input: the sample's 2024Q3 and 2024Q4 folders and its evaluations; the analysed period is 2024Q4.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

    static final String PERIOD = "2024Q4";
    static final int KILLS = Integer.getInteger("sanhui.faults.kills", 5);
    static final long SEED = Long.getLong("sanhui.faults.seed", 20241123L);

    @TempDir
    static Path base;
    Cli cli;
    List<String> inputs;
    Path reference;
    long ingestMillis;
    long analyzeMillis;
    Map<String, List<String>> referenceContent;
    JsonNode referenceJson;

    @BeforeAll
    void undisturbedRun() throws Exception {
        assertThat(ChildJvm.cliPresent()).as("the CLI (org.sanhui.cli.Main) on the test classpath").isTrue();
        assertThat(Cli.sample()).as("the bundled sample, which this test reads").isDirectory();
        cli = new Cli(base.resolve("cli"));
        inputs = Cli.sampleInput(base.resolve("input"), "2024Q3", PERIOD, "evaluations").stream()
                .map(p -> p.toAbsolutePath().toString()).toList();
        reference = base.resolve("reference");
        long t0 = System.nanoTime();
        ChildJvm.Result ingest = cli.run(ingestArgs(reference));
        ingestMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ingest.exit()).as(Cli.show(ingest)).isIn(0, 1);
        referenceContent = WarehouseContent.read(reference);
        assertThat(referenceContent).containsKeys("organisations", "posts", "activities", "submissions");
        Path analysed = base.resolve("analysed");
        Cli.copyTree(reference, analysed);
        t0 = System.nanoTime();
        ChildJvm.Result analyze = cli.run("analyze", "--warehouse", analysed.toString(), "--period", PERIOD);
        analyzeMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(analyze.exit()).as(Cli.show(analyze)).isZero();
        referenceJson = json(analysed);
    }

    private String[] ingestArgs(Path warehouse) {
        List<String> a = new ArrayList<>(List.of("ingest", "--warehouse", warehouse.toString()));
        a.addAll(inputs);
        return a.toArray(String[]::new);
    }

    @Test
    void killedIngestLeavesAWholeWarehouseAndARerunEqualsTheUndisturbedRun() throws Exception {
        Random rnd = new Random(SEED);
        List<String> report = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            Path wh = base.resolve("ingest-kill-" + i);
            long delay = 200 + (long) (rnd.nextDouble() * ingestMillis);
            boolean killed = killAfter(cli.start(ingestArgs(wh)), delay);
            List<String> problems = WarehouseContent.check(wh);
            assertThat(problems).as("warehouse after kill -9 at %d ms (run %d)", delay, i).isEmpty();
            ChildJvm.Result rerun = cli.run(ingestArgs(wh));
            assertThat(rerun.exit()).as(Cli.show(rerun)).isIn(0, 1);
            // Strict (issue 8): the mismatch once seen here was ingestion filing a late-filing warning under
            // the rejects of whichever dataset an identity set's order (which changes between JVM runs) gave
            // first; it now takes the first in the canonical order. What a rerun legitimately adds (later
            // receipts of the same files, evaluations noted as already received) is left out by WarehouseContent.
            assertThat(WarehouseContent.read(wh)).as("rerun after kill -9 at %d ms (run %d)", delay, i)
                    .isEqualTo(referenceContent);
            report.add(delay + " ms" + (killed ? "" : " (finished first)"));
            Cli.delete(wh);
        }
        System.out.println("ingest kills: " + report);
    }

    @Test
    void aRerunOverAFinishedIngestEqualsTheUndisturbedRun() throws Exception {
        // the limiting case of a kill (the ingest had finished): every file is taken again, the evaluations
        // among them are found already received; the content must still equal the undisturbed run's
        Path wh = base.resolve("rerun-finished");
        Cli.copyTree(reference, wh);
        ChildJvm.Result rerun = cli.run(ingestArgs(wh));
        assertThat(rerun.exit()).as(Cli.show(rerun)).isIn(0, 1);
        assertThat(WarehouseContent.check(wh)).isEmpty();
        assertThat(WarehouseContent.read(wh)).isEqualTo(referenceContent);
        Cli.delete(wh);
    }

    @Test
    void killedAnalyzeIsRefusedByReportingOrCompleteAndARerunEqualsTheUndisturbedRun() throws Exception {
        Random rnd = new Random(SEED + 1);
        List<String> report = new ArrayList<>();
        for (int i = 0; i < KILLS; i++) {
            Path wh = base.resolve("analyze-kill-" + i);
            Cli.copyTree(reference, wh);
            boolean previous = i % 2 == 1;
            if (previous) {
                // an earlier complete output is there: a killed re-analysis must not damage it
                Cli.copyTree(base.resolve("analysed").resolve("indicators"), wh.resolve("indicators"));
            }
            long delay = 500 + (long) (rnd.nextDouble() * analyzeMillis);
            boolean killed = killAfter(cli.start("analyze", "--warehouse", wh.toString(), "--period", PERIOD), delay);
            Path dir = wh.resolve("indicators").resolve(PERIOD);
            String state;
            if (Files.isRegularFile(dir.resolve("_SUCCESS"))) {
                assertThat(json(wh)).as("complete output after kill at %d ms", delay).isEqualTo(referenceJson);
                state = "complete";
            } else {
                assertRefusedByReporting(wh, "after kill -9 of analyze at " + delay + " ms");
                state = previous ? "previous output lost, refused" : "refused";
            }
            ChildJvm.Result rerun = cli.run("analyze", "--warehouse", wh.toString(), "--period", PERIOD);
            assertThat(rerun.exit()).as(Cli.show(rerun)).isZero();
            assertThat(json(wh)).as("rerun after kill at %d ms", delay).isEqualTo(referenceJson);
            report.add(delay + " ms: " + state + (killed ? "" : " (finished first)"));
            Cli.delete(wh);
        }
        System.out.println("analyze kills: " + report);
    }

    @Test
    void reportingRefusesAnOutputWithoutItsSuccessMarker() throws Exception {
        Path wh = base.resolve("incomplete");
        Cli.copyTree(base.resolve("analysed"), wh);
        Files.delete(wh.resolve("indicators").resolve(PERIOD).resolve("_SUCCESS"));
        assertRefusedByReporting(wh, "indicators without _SUCCESS");
    }

    @Test
    void analyzeRefusesAManifestNamingAMissingFile() throws Exception {
        Path wh = base.resolve("missing-file");
        Cli.copyTree(reference, wh);
        LiveFile victim = LiveManifest.read(wh).of("activities").get(0);
        Files.delete(wh.resolve(victim.path()));
        ChildJvm.Result r = cli.run("analyze", "--warehouse", wh.toString(), "--period", PERIOD);
        assertCleanIntegrityError(r, victim, "a live file deleted");
    }

    @ParameterizedTest
    // a flipped byte may leave the footer parseable (a statistic, a page): the SHA-256 the manifest recorded
    // when the file was made live catches it, before Spark reads the file
    @ValueSource(strings = {"truncated", "zero-length", "flipped-byte-footer", "flipped-byte-data"})
    void analyzeDetectsTamperedParquet(String how) throws Exception {
        Path wh = base.resolve("tampered-" + how);
        Cli.copyTree(reference, wh);
        LiveFile victim = LiveManifest.read(wh).of("activities").stream().max((a, b) -> Long.compare(a.rows(), b.rows())).orElseThrow();
        Path f = wh.resolve(victim.path());
        long size = Files.size(f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            switch (how) {
                case "truncated" -> raf.setLength(size / 2);
                case "zero-length" -> raf.setLength(0);
                case "flipped-byte-footer" -> flip(raf, size - 12);
                default -> flip(raf, size / 3);
            }
        }
        assertThat(Files.size(f)).isEqualTo(how.startsWith("flipped") ? size : how.equals("truncated") ? size / 2 : 0);
        ChildJvm.Result r = cli.run("analyze", "--warehouse", wh.toString(), "--period", PERIOD);
        assertCleanIntegrityError(r, victim, how + " Parquet file");
        if (how.startsWith("flipped")) {
            assertThat(r.stderr()).as("the checksum names the change\n%s", Cli.show(r)).contains("SHA-256");
        }
        assertThat(wh.resolve("indicators").resolve(PERIOD).resolve("_SUCCESS")).as("no output").doesNotExist();
    }

    private static void flip(RandomAccessFile raf, long pos) throws IOException {
        raf.seek(pos);
        int b = raf.read();
        raf.seek(pos);
        raf.write(b ^ 0xFF);
    }

    private void assertCleanIntegrityError(ChildJvm.Result r, LiveFile victim, String what) {
        String name = Path.of(victim.path()).getFileName().toString();
        assertThat(r.exit()).as("analyze with %s: exit 3 expected\n%s", what, Cli.show(r)).isEqualTo(3);
        assertThat(r.stderr()).as("the message names the file\n%s", Cli.show(r)).contains(name).contains("sanhui: ");
        assertThat(Cli.javaLeaks(r)).as("no stack trace or Java class name\n%s", Cli.show(r)).isFalse();
    }

    private void assertRefusedByReporting(Path wh, String what) throws IOException {
        Path out = base.resolve("report-" + System.nanoTime());
        ChildJvm.Result r = cli.run("report", "--warehouse", wh.toString(), "--period", PERIOD, "--out", out.toString());
        assertThat(r.exit()).as("report of %s: exit 3 expected\n%s", what, Cli.show(r)).isEqualTo(3);
        assertThat(r.stderr()).as("a clear message\n%s", Cli.show(r)).contains("sanhui: ").containsIgnoringCase("_SUCCESS");
        assertThat(Cli.javaLeaks(r)).as("no stack trace\n%s", Cli.show(r)).isFalse();
        if (Files.exists(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                assertThat(s.filter(p -> p.toString().endsWith(".pdf")).toList()).as("no briefing written").isEmpty();
            }
        }
    }

    private static boolean killAfter(Process p, long millis) throws InterruptedException {
        if (p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        ChildJvm.killTree(p.toHandle());
        p.waitFor(30, TimeUnit.SECONDS);
        return true;
    }

    static JsonNode json(Path warehouse) throws IOException {
        Path f = warehouse.resolve("indicators").resolve(PERIOD).resolve("indicators-" + PERIOD + ".json");
        JsonNode n = new ObjectMapper().readTree(f.toFile());
        ((ObjectNode) n).remove("generated_at");
        return n;
    }
}
