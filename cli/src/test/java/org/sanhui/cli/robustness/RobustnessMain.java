package org.sanhui.cli.robustness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The full robustness run for {@code bench/robustness.sh}: the fixed corpus, many more mutations of the
 * seeds (and of the sample's workbooks when given), each fed to {@code sanhui validate} in its own JVM;
 * prints the outcome table and writes {@code table.md} and {@code runs.tsv} to the output directory.
 *
 * <p>Arguments: {@code --out DIR} (required), {@code --mutations N} (default 500), {@code --seed S},
 * {@code --parallel P} (default 2), {@code --sample DIR} (valid files to mutate as well),
 * {@code --only REGEX} (only inputs whose name matches), {@code --keep} (keep the corpus).
 * Exit code 0 when no input crashed, hung, ran out of memory, lost rows, leaked or escaped; else 1.
 */
public final class RobustnessMain {

    private RobustnessMain() {
    }

    /**
     * Runs.
     *
     * @param args see the class comment
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = null;
        int mutations = 500;
        long seed = 20241123L;
        int parallel = 2;
        Path sample = null;
        String only = null;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--mutations" -> mutations = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--parallel" -> parallel = Integer.parseInt(args[++i]);
                case "--sample" -> sample = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is required");
        }
        Files.createDirectories(out);
        Path corpus = out.resolve("corpus");
        ValidateHarness.delete(corpus);
        ValidateHarness.delete(out.resolve("runs"));
        CorpusBuilder builder = new CorpusBuilder(corpus);
        List<CorpusEntry> entries = new ArrayList<>(builder.buildFixed());
        entries.addAll(builder.buildMutations(mutations, seed));
        if (sample != null && Files.isDirectory(sample)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(sample)) {
                files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(xlsx|xls|csv)$")).sorted().toList();
            }
            entries.addAll(builder.buildMutationsOf(files, Math.min(200, files.size() * 4), seed + 1));
        }
        if (only != null) {
            String re = only;
            entries.removeIf(e -> !e.name().matches(re));
        }
        System.out.println("robustness: " + entries.size() + " inputs, " + parallel + " at a time, limit "
                + ValidateHarness.LIMIT.toSeconds() + " s, heap " + ValidateHarness.HEAP);
        long t0 = System.nanoTime();
        Path runs = Files.createDirectories(out.resolve("runs"));
        List<ValidateHarness.Run> results = new ValidateHarness(corpus, runs, parallel, ValidateHarness.LIMIT).runAll(entries);
        String table = ValidateHarness.table(results);
        Files.writeString(out.resolve("table.md"), table);
        Files.writeString(out.resolve("runs.tsv"), ValidateHarness.details(results));
        System.out.println(table);
        long bad = results.stream().filter(r -> !r.outcome().acceptable()).count();
        for (ValidateHarness.Run r : results) {
            if (!r.outcome().acceptable()) {
                System.out.println(r.outcome().label() + "\t" + r.entry().name() + "\t" + r.verdict().detail());
            }
        }
        System.out.printf("%d inputs in %d s; %d not acceptable; details in %s%n", results.size(),
                Duration.ofNanos(System.nanoTime() - t0).toSeconds(), bad, out.resolve("runs.tsv"));
        if (!keep) {
            ValidateHarness.delete(corpus);
        }
        System.exit(bad == 0 ? 0 : 1);
    }
}
