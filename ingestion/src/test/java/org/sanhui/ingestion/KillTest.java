package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.warehouse.ParquetRows;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * A child JVM ingesting a resubmission is killed (SIGKILL) at random moments; every time, the
 * warehouse (its manifest and the files it lists, read back) equals the state before the ingest or
 * the state after it. Runs 5 times by default; {@code -Dsanhui.kill.runs=N} for more.
 */
class KillTest {

    @TempDir
    Path tmp;

    @Test
    void warehouseIsAlwaysTheBeforeOrTheAfterState() throws Exception {
        int runs = Integer.getInteger("sanhui.kill.runs", 5);
        long seed = Long.getLong("sanhui.kill.seed", System.nanoTime());
        Random random = new Random(seed);
        Path base = tmp.resolve("base");
        var q3 = Workbooks.sheets();
        q3.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"), row("XQ001", "兴庆区科协", "县级科协")));
        q3.put("活动记录", List.of(row("组织编号", "活动名称", "活动类型", "活动日期"), row("XQ001", "科普日", "科普宣传", "2024-09-15")));
        new Ingestor().ingest(List.of(Workbooks.xlsx(tmp.resolve("a/兴庆区2024Q3.xlsx"), q3)), IngestOptions.builder(base).build());
        List<String> before = state(base);

        var big = Workbooks.sheets();
        List<List<Object>> orgs = new ArrayList<>();
        orgs.add(row("兴庆区 2024年第三季度"));
        orgs.add(row("组织编号", "组织名称", "组织类型", "会员人数"));
        for (int i = 0; i < 40; i++) {
            orgs.add(row("XQ" + (100 + i), "组织" + i, "乡镇科协", i % 7 == 0 ? -1 : i));
        }
        List<List<Object>> acts = new ArrayList<>();
        acts.add(row("组织编号", "活动名称", "活动类型", "活动日期", "参加人数"));
        for (int i = 0; i < 8_000; i++) {
            acts.add(row("XQ" + (100 + i % 40), "活动" + i, "科普宣传", "2024-08-" + (1 + i % 28), i % 100));
        }
        big.put("组织信息", orgs);
        big.put("活动记录", acts);
        Path input = Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q3.xlsx"), big);

        // The kills fall within the time of a whole ingest: the shorter of two, since the first one (a cold
        // JVM, a busy machine) can take several times longer, and kills timed by it would mostly come too late.
        long full = Long.MAX_VALUE;
        List<String> after = null;
        for (int i = 0; i < 2; i++) {
            Path ref = tmp.resolve("ref" + i);
            copy(base, ref);
            long t0 = System.nanoTime();
            assertThat(child(ref, input).waitFor(300, TimeUnit.SECONDS)).isTrue();
            full = Math.min(full, (System.nanoTime() - t0) / 1_000_000);
            List<String> state = state(ref);
            assertThat(state).isEqualTo(after == null ? state : after);
            after = state;
        }
        assertThat(after).isNotEqualTo(before);

        int killed = 0;
        for (int k = 0; k < runs; k++) {
            Path w = tmp.resolve("run" + k);
            copy(base, w);
            Process p = child(w, input);
            long delay = (long) (random.nextDouble() * full * 1.1);
            boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly();
                p.waitFor(60, TimeUnit.SECONDS);
            }
            List<String> got = state(w);
            String run = String.format("run %d (seed %d, killed after %d ms of ~%d ms)", k, seed, delay, full);
            if (ended) {
                // it finished before the kill came: a normal exit, and the resubmission is live as a whole
                assertThat(p.exitValue()).as(run + ": ended by itself").isZero();
                assertThat(got).as(run + ": ended by itself").isEqualTo(after);
            } else {
                // killed: the resubmission is live as a whole (killed after its commit) or not at all
                killed++;
                assertThat(got).as(run).isIn(before, after);
            }
            // the warehouse stays usable: a later ingest cleans up and reaches the after state, submission
            // history included (when the killed run had completed, the file is already ingested and unchanged,
            // and the ingest writes nothing)
            assertThat(child(w, input).waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(state(w)).isEqualTo(after);
            try (Stream<Path> files = Files.walk(w)) {
                assertThat(files.map(x -> x.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                        .as("temporary files left after a clean run").isEmpty();
            }
        }
        assertThat(killed).as("runs killed before they ended (seed %d, ~%d ms an ingest)", seed, full).isPositive();
    }

    private static Process child(Path warehouse, Path input) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), KillTarget.class.getName(),
                warehouse.toString(), input.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The logical state: each live file's keys, row count and rows (ids and ingest times left out), read back. */
    static List<String> state(Path w) {
        List<String> out = new ArrayList<>();
        for (LiveFile f : LiveManifest.read(w).files()) {
            var ds = Datasets.byName(f.dataset()).orElseThrow();
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> r : ParquetRows.read(w.resolve(f.path()), ds)) {
                TreeMap<String, Object> t = new TreeMap<>(r);
                t.remove(Datasets.SUBMISSION_ID);
                t.remove(Datasets.INGESTED_AT);
                rows.add(t.toString());
            }
            rows.sort(Comparator.naturalOrder());
            assertThat((long) rows.size()).isEqualTo(f.rows());
            out.add(f.dataset() + "|" + f.period() + "|" + f.county() + "|" + f.rows() + "|" + rows.hashCode());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals(".lock")) {
                    Files.copy(p, t);
                }
            }
        }
    }
}
