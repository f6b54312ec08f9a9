package org.sanhui.cli.robustness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Feeds each corpus input to {@code sanhui validate} in its own child JVM ({@code -Xmx512m}, a time
 * limit, a fresh working directory and java.io.tmpdir inside the run's own directory), classifies the
 * outcome, and checks that nothing was written outside the run's working and temporary directories.
 *
 * <p>Layout under the harness root: {@code run-NNN/input/<file>} (a copy of the corpus input, which must
 * stay unchanged), {@code run-NNN/work} (the child's working directory), {@code run-NNN/tmp} (its
 * java.io.tmpdir), {@code logs/run-NNN.out|.err}. A run directory is deleted after its check; at the
 * end the root must hold nothing but {@code logs}.
 */
public final class ValidateHarness {

    /** The heap of each child. */
    public static final String HEAP = "512m";
    /** The time limit of each child. */
    public static final Duration LIMIT = Duration.ofSeconds(60);

    /**
     * One classified run.
     *
     * @param index the run number
     * @param entry the input
     * @param verdict the classification
     * @param result what the child did
     */
    public record Run(int index, CorpusEntry entry, Classifier.Verdict verdict, ChildJvm.Result result) {
        /** The outcome. */
        public Outcome outcome() {
            return verdict.outcome();
        }
    }

    private final Path corpus;
    private final Path root;
    private final int parallel;
    private final Duration limit;

    /**
     * Creates a harness.
     *
     * @param corpus the corpus directory
     * @param root an empty directory for the runs
     * @param parallel how many children at once
     * @param limit the time limit of each child
     */
    public ValidateHarness(Path corpus, Path root, int parallel, Duration limit) {
        this.corpus = corpus;
        this.root = root;
        this.parallel = parallel;
        this.limit = limit;
    }

    /**
     * Runs every entry, {@code parallel} at a time, then checks the root and the corpus are as before.
     *
     * @param entries the inputs
     * @return the runs, in entry order
     */
    public List<Run> runAll(List<CorpusEntry> entries) {
        Map<String, String> corpusBefore = snapshot(corpus, List.of());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Run>> futures = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i + 1;
            CorpusEntry e = entries.get(i);
            futures.add(pool.submit(() -> runOne(index, e)));
        }
        List<Run> runs = new ArrayList<>();
        try {
            for (Future<Run> f : futures) {
                runs.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<String> stray = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("logs")).forEach(stray::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!stray.isEmpty()) {
            throw new AssertionError("written outside every run's directories, in " + root + ": " + stray);
        }
        if (!snapshot(corpus, List.of()).equals(corpusBefore)) {
            throw new AssertionError("the corpus directory " + corpus + " changed during the runs");
        }
        return runs;
    }

    /**
     * Runs one input.
     *
     * @param index the run number
     * @param e the input
     * @return the classified run
     */
    public Run runOne(int index, CorpusEntry e) {
        String id = String.format("run-%03d", index);
        Path runDir = root.resolve(id);
        Path input = runDir.resolve("input");
        Path work = runDir.resolve("work");
        Path tmp = runDir.resolve("tmp");
        try {
            Files.createDirectories(input);
            Files.createDirectories(work);
            Files.createDirectories(tmp);
            copy(corpus.resolve(e.name()), input.resolve(e.name()));
            List<String> names = new ArrayList<>();
            names.add(e.name());
            if (Files.isDirectory(input.resolve(e.name()))) {
                try (Stream<Path> s = Files.list(input.resolve(e.name()))) {
                    s.map(p -> p.getFileName().toString()).forEach(names::add);
                }
            }
            List<String> excluded = List.of("work", "tmp");
            Map<String, String> before = snapshot(runDir, excluded);
            List<String> args = new ArrayList<>();
            args.add("validate");
            args.addAll(e.args());
            args.add(input.resolve(e.name()).toAbsolutePath().toString());
            ChildJvm.Result r = ChildJvm.run(ChildJvm.command(HEAP, tmp, List.of(), args), work, root.resolve("logs").resolve(id), limit);
            Classifier.Verdict v = Classifier.classify(e, r, names);
            Map<String, String> after = snapshot(runDir, excluded);
            List<String> escaped = new ArrayList<>();
            for (Map.Entry<String, String> a : after.entrySet()) {
                if (!a.getValue().equals(before.get(a.getKey()))) {
                    escaped.add(a.getKey());
                }
            }
            for (String b : before.keySet()) {
                if (!after.containsKey(b)) {
                    escaped.add(b + " (deleted)");
                }
            }
            Map<String, String> inside = snapshot(runDir, List.of());
            inside.keySet().stream().filter(k -> k.toLowerCase().contains("evil") && !k.startsWith("input/")).forEach(escaped::add);
            long leftInWork = snapshot(work, List.of()).size();
            if (!escaped.isEmpty()) {
                v = new Classifier.Verdict(Outcome.ESCAPE, "wrote outside its directories: " + escaped, v.counts());
            } else if (leftInWork > 0) {
                v = new Classifier.Verdict(v.outcome(), v.detail() + " [dry run left " + leftInWork + " file(s) in its working directory]", v.counts());
            }
            delete(runDir);
            return new Run(index, e, v, r);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The outcome table: counts by kind of input, a total row, in Markdown. */
    public static String table(List<Run> runs) {
        Map<InputKind, Map<Outcome, Integer>> by = new EnumMap<>(InputKind.class);
        Map<Outcome, Integer> total = new EnumMap<>(Outcome.class);
        for (Run r : runs) {
            by.computeIfAbsent(r.entry().kind(), k -> new EnumMap<>(Outcome.class)).merge(r.outcome(), 1, Integer::sum);
            total.merge(r.outcome(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("| kind of input | files |");
        for (Outcome o : Outcome.values()) {
            b.append(' ').append(o.label()).append(" |");
        }
        b.append("\n|---|---:|");
        for (int i = 0; i < Outcome.values().length; i++) {
            b.append("---:|");
        }
        b.append('\n');
        for (Map.Entry<InputKind, Map<Outcome, Integer>> k : by.entrySet()) {
            row(b, k.getKey().label(), k.getValue());
        }
        row(b, "**total**", total);
        return b.toString();
    }

    private static void row(StringBuilder b, String label, Map<Outcome, Integer> counts) {
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        b.append("| ").append(label).append(" | ").append(n).append(" |");
        for (Outcome o : Outcome.values()) {
            b.append(' ').append(counts.getOrDefault(o, 0)).append(" |");
        }
        b.append('\n');
    }

    /** One line per run: number, input, kind, outcome, exit, seconds, detail. Tab-separated. */
    public static String details(List<Run> runs) {
        StringBuilder b = new StringBuilder("run\tinput\tkind\toutcome\texit\tseconds\tdetail\tfirst message\n");
        for (Run r : runs) {
            b.append(r.index()).append('\t').append(r.entry().name().replace("\n", "\\n")).append('\t').append(r.entry().kind().name())
                    .append('\t').append(r.outcome().label()).append('\t').append(r.result().exit()).append('\t')
                    .append(String.format("%.1f", r.result().took().toMillis() / 1000.0)).append('\t')
                    .append(r.verdict().detail().replace('\t', ' ').replace("\n", " ")).append('\t')
                    .append(abbreviate(Classifier.firstMessage(r.result().stderr()).isEmpty() ? r.result().stderr()
                            : Classifier.firstMessage(r.result().stderr()), 600)).append('\n');
        }
        return b.toString();
    }

    static String abbreviate(String s, int max) {
        String one = s.strip().replace("\t", " ").replace("\r", "").replace("\n", " | ");
        return one.length() > max ? one.substring(0, max) + "..." : one;
    }

    /** Path (relative, '/'-separated) to "dir" or "size:sha256", skipping the excluded top-level names. */
    static Map<String, String> snapshot(Path dir, List<String> excluded) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String top = rel.contains("/") ? rel.substring(0, rel.indexOf('/')) : rel;
                if (excluded.contains(top) && !rel.equals(top)) {
                    continue;
                }
                out.put(rel, Files.isDirectory(p) ? "dir" : Files.size(p) + ":" + sha256(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.toList()) {
                    copy(p, to.resolve(p.getFileName().toString()));
                }
            }
        } else {
            Files.copy(from, to);
        }
    }

    /** Deletes a directory tree (the child may have left read-only files). */
    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        }
    }
}
