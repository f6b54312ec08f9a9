package org.sanhui.ingestion.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.ingestion.ProgressListener;

/**
 * Benchmark (not a unit test), ingestion workload (b): a national quarter of county workbooks, one .xlsx per
 * county of the country (2,978), made by the generator ({@code --scope 00 --format xlsx-only}, one quarter, a
 * fixed seed and number of activities). Two sides run alternately, each in a child JVM of its own with the same
 * flags ({@code -Xmx512m} and the launcher's collector, {@code -XX:+UseParallelGC}):
 * <ul>
 *   <li>anchor: a bare fastexcel-reader pass over every workbook of the folder, in name order, touching every
 *       cell's raw value with the reading options ingestion uses ({@link IngestBenchmark#touchEveryCell});</li>
 *   <li>ingest: sanhui's {@link Ingestor} over the folder into a fresh warehouse, without feedback workbooks
 *       (as {@code sanhui ingest} without {@code --feedback}).</li>
 * </ul>
 * Each run prints files, rows, seconds, rows per second and the ratio ingest / anchor, and each child its
 * CPU time and the cores it kept busy; several runs end with the medians. The ingest child also prints its
 * preparation time (every file sniffed and planned before the first is read), the mean time per file over the
 * first and the last hundred files (a cost that grows with the warehouse shows there), and what the warehouse
 * holds at the end.
 *
 * <p>The quarter is generated once (a child JVM running the generator's {@code GeneratorMain}, whose classes
 * must be on the classpath; {@code bench/ingest-quarter.sh} puts them there) and kept in
 * {@code DIR/quarter-00-<period>-a<activities>-s<seed>/} (DIR defaults to {@code ingestion/target/bench}).
 *
 * <p>Usage: {@code QuarterBenchmark [--dir DIR] [--runs K] [--activities N] [--seed S] [--period P]
 * [--timeline MS] [--jfr OUT]}. {@code --jfr OUT} records the last run's ingest child with Java Flight Recorder
 * into {@code OUT} (that run is slower by the recording) and prints a summary of its CPU samples; the mode
 * {@code profile FILE.jfr} prints that summary for any recording. Internal modes {@code anchor DIR} and
 * {@code ingest DIR WAREHOUSE} are what the child JVMs run.
 */
public final class QuarterBenchmark {

    /** The heap of both children: what the targets name, smaller than the launcher's default. */
    static final String CHILD_HEAP = "-Xmx512m";
    /** The activities of the default quarter: with organisations, posts and layout rows, about 1.28M rows. */
    static final long DEFAULT_ACTIVITIES = 850_000;
    /** The generator's default seed, that of the committed sample. */
    static final long DEFAULT_SEED = 20231130L;

    /** Threads of the JVM's own that wait for work all the time: their waits say nothing about the ingest. */
    private static final java.util.Set<String> IDLE_THREADS = java.util.Set.of("Common-Cleaner", "Finalizer",
            "Reference Handler", "Signal Dispatcher", "process reaper");

    private QuarterBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        ChildJvm.timelineIfAsked();
        if (args.length > 0) {
            switch (args[0]) {
                case "anchor" -> {
                    anchor(Path.of(args[1]));
                    return;
                }
                case "ingest" -> {
                    ingest(Path.of(args[1]), Path.of(args[2]));
                    return;
                }
                case "profile" -> {
                    profile(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 25);
                    return;
                }
                default -> {
                    // options follow
                }
            }
        }
        Path dir = Path.of("ingestion/target/bench");
        int runs = 3;
        long activities = DEFAULT_ACTIVITIES;
        long seed = DEFAULT_SEED;
        String period = "2024Q3";
        Path jfr = null;
        List<String> flags = new ArrayList<>(List.of(CHILD_HEAP, ChildJvm.LAUNCHER_GC));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--activities" -> activities = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--period" -> period = args[++i];
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--timeline" -> flags.add("-D" + ChildJvm.TIMELINE + "=" + Integer.parseInt(args[++i]));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + ", expected --dir DIR,"
                        + " --runs K, --activities N, --seed S, --period P, --timeline MS or --jfr OUT.jfr");
            }
        }
        Path quarter = dir.resolve("quarter-00-" + period + "-a" + activities + "-s" + seed);
        if (!Files.isDirectory(quarter)) {
            generate(quarter, period, activities, seed);
        }
        Path input = quarter.resolve(period);
        List<Path> files = workbooks(input);
        System.out.printf(Locale.ROOT, "workload: %s, %d xlsx files, %.1f MB%n", input, files.size(), bytes(files) / 1e6);
        ChildJvm jvm = new ChildJvm(QuarterBenchmark.class, flags);
        System.out.println("child JVMs: " + String.join(" ", flags));
        int cores = Runtime.getRuntime().availableProcessors();
        double[] ratios = new double[runs];
        double[] anchorS = new double[runs];
        double[] ingestS = new double[runs];
        Path wh = dir.resolve("warehouse-quarter");
        for (int r = 0; r < runs; r++) {
            ChildJvm.Result a = jvm.run("anchor", input.toString());
            ChildJvm.deleteTree(wh);
            List<String> extra = List.of();
            if (jfr != null && r == runs - 1) {
                Files.createDirectories(jfr.toAbsolutePath().getParent());
                extra = List.of("-XX:FlightRecorderOptions=stackdepth=256",
                        "-XX:StartFlightRecording=settings=profile,jdk.FileForce#threshold=0ms,filename="
                        + jfr.toAbsolutePath());
            }
            ChildJvm.Result b = jvm.run(extra, "ingest", input.toString(), wh.toString());
            ratios[r] = b.perSecond() / a.perSecond();
            anchorS[r] = a.ns() / 1e9;
            ingestS[r] = b.ns() / 1e9;
            System.out.printf(Locale.ROOT, "run %d%s: %d files; fastexcel-reader %d rows in %.2f s (%.0f rows/s), sanhui ingest"
                    + " %d rows in %.2f s (%.0f rows/s), ratio %.3f%n", r + 1, extra.isEmpty() ? "" : " (ingest recorded by JFR)",
                    files.size(), a.rows(), a.ns() / 1e9, a.perSecond(), b.rows(), b.ns() / 1e9, b.perSecond(), ratios[r]);
            System.out.printf(Locale.ROOT, "  cores busy: anchor %.2f (%.2f s of CPU), ingest %.2f of %d (%.2f s of CPU; spread"
                    + " perfectly over %d cores it would give at most ratio %.2f)%n", a.coresBusy(), a.cpuNs() / 1e9,
                    b.coresBusy(), cores, b.cpuNs() / 1e9, cores, b.ceiling(a, cores));
        }
        if (runs > 1) {
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "over %d runs: anchor median %.2f s, ingest median %.2f s, ratio median %.3f"
                    + " (%.3f-%.3f)%n", runs, ChildJvm.median(anchorS), ChildJvm.median(ingestS), ChildJvm.median(ratios),
                    sorted[0], sorted[runs - 1]);
        }
        if (jfr != null) {
            profile(jfr, 25);
        }
    }

    /** Runs the generator in a child JVM into a temporary folder, then renames it: a cut-short run leaves no cache. */
    private static void generate(Path quarter, String period, long activities, long seed) throws Exception {
        Path tmp = quarter.resolveSibling(quarter.getFileName() + ".tmp");
        ChildJvm.deleteTree(tmp);
        Files.createDirectories(quarter.getParent());
        try {
            Class.forName("org.sanhui.generator.GeneratorMain");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the generator's classes are not on the classpath, so " + quarter
                    + " cannot be made; run bench/ingest-quarter.sh, which adds them", e);
        }
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                ChildJvm.LAUNCHER_GC, "-cp", System.getProperty("java.class.path"), "org.sanhui.generator.GeneratorMain",
                "--scope", "00", "--from", period, "--to", period, "--seed", Long.toString(seed), "--activities",
                Long.toString(activities), "--format", "xlsx-only", "--out", tmp.toString());
        System.out.println("generating: GeneratorMain " + String.join(" ", cmd.subList(6, cmd.size())));
        long t0 = System.nanoTime();
        int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("the generator failed with exit code " + rc);
        }
        Files.move(tmp, quarter, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(Locale.ROOT, "generated %s in %.0f s%n", quarter, (System.nanoTime() - t0) / 1e9);
    }

    /** The workbooks under a folder, in name order. */
    private static List<Path> workbooks(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".xlsx") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static long bytes(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            n += Files.size(f);
        }
        return n;
    }

    private static void anchor(Path dir) throws IOException {
        long c0 = ChildJvm.cpuNow();
        long t0 = System.nanoTime();
        List<Path> files = workbooks(dir);
        long rows = 0;
        long[] chars = {0};
        for (Path f : files) {
            rows += IngestBenchmark.touchEveryCell(f, chars);
        }
        long ns = System.nanoTime() - t0;
        long cpu = ChildJvm.cpuNow() - c0;
        System.out.printf(Locale.ROOT, "anchor: %d files, %d rows (%d chars) in %.2f s, heap max %d MB%n", files.size(), rows,
                chars[0], ns / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        ChildJvm.result(rows, ns, cpu);
    }

    private static void ingest(Path dir, Path warehouse) throws IOException {
        long c0 = ChildJvm.cpuNow();
        long t0 = System.nanoTime();
        long[] started = {0};
        long[] fileStart = {0};
        List<Long> perFile = new ArrayList<>();
        ProgressListener timing = new ProgressListener() {
            @Override
            public void started(int files) {
                started[0] = System.nanoTime();
            }

            @Override
            public void fileStarted(Path file, int index) {
                fileStart[0] = System.nanoTime();
            }

            @Override
            public void fileFinished(IngestReport.FileReport report) {
                perFile.add(System.nanoTime() - fileStart[0]);
            }
        };
        IngestReport rep = new Ingestor().ingest(List.of(dir), IngestOptions.builder(warehouse).progress(timing).build());
        long ns = System.nanoTime() - t0;
        long cpu = ChildJvm.cpuNow() - c0;
        IngestReport.Totals t = rep.totals();
        System.out.printf(Locale.ROOT, "ingest: %d files (%d refused), %d submissions; read %d accepted %d rejected %d skipped %d"
                + " in %.2f s, heap max %d MB%n", t.files(), t.refused(), t.submissions(), t.read(), t.accepted(), t.rejected(),
                t.skipped(), ns / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        if (started[0] > 0 && !perFile.isEmpty()) {
            int n = perFile.size();
            int k = Math.min(100, n);
            System.out.printf(Locale.ROOT, "  before the first file (find, sniff and plan every file): %.2f s; then %.2f s for"
                    + " %d files, %.1f ms each on average: files 1-%d %.1f ms, files %d-%d %.1f ms%n",
                    (started[0] - t0) / 1e9, sum(perFile, 0, n) / 1e9, n, sum(perFile, 0, n) / 1e6 / n, k,
                    sum(perFile, 0, k) / 1e6 / k, n - k + 1, n, sum(perFile, n - k, n) / 1e6 / k);
        }
        System.out.println("  warehouse: " + contents(warehouse));
        ChildJvm.result(t.read(), ns, cpu);
    }

    private static long sum(List<Long> v, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += v.get(i);
        }
        return s;
    }

    /** The warehouse's files by kind: count and size per extension (or name, for files without one). */
    private static String contents(Path warehouse) throws IOException {
        Map<String, long[]> byKind = new TreeMap<>();
        try (Stream<Path> s = Files.walk(warehouse)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                String kind = dot > 0 ? name.substring(dot) : name;
                long[] c = byKind.computeIfAbsent(kind, x -> new long[2]);
                c[0]++;
                c[1] += Files.size(p);
            }
        }
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, c) -> b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d %s (%.1f MB)",
                c[0], k, c[1] / 1e6)));
        return b.toString();
    }

    /**
     * Summarises a flight recording's CPU samples ({@code jdk.ExecutionSample}): per thread; per method of
     * sanhui's own code on the stack (inclusive, so a method's callees count for it); and per top frame. Then the
     * time threads spent blocked, off the CPU: forcing files to disk (every {@code jdk.FileForce}, as the
     * benchmark records them), and file reads and writes, parks and monitor waits of 10 ms or more; by event and
     * thread, and by event and the innermost sanhui method that asked for it.
     *
     * @param jfr the recording
     * @param top how many lines of each list
     */
    static void profile(Path jfr, int top) throws IOException {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfPackage = new HashMap<>();
        Map<String, double[]> blockedByThread = new TreeMap<>();
        Map<String, double[]> blockedByCaller = new HashMap<>();
        java.util.Set<String> blocking = java.util.Set.of("jdk.FileForce", "jdk.FileRead", "jdk.FileWrite", "jdk.ThreadPark",
                "jdk.JavaMonitorWait", "jdk.JavaMonitorEnter", "jdk.ThreadSleep");
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String event = e.getEventType().getName();
            if (blocking.contains(event)) {
                var t = e.getThread();
                String tn = t == null || t.getJavaName() == null ? "?" : t.getJavaName().replaceAll("-\\d+$", "-N");
                if (IDLE_THREADS.contains(tn) || tn.startsWith("JFR ")) {
                    continue; // the JVM's housekeeping threads, waiting for work
                }
                double sec = e.getDuration().toNanos() / 1e9;
                double[] c = blockedByThread.computeIfAbsent(event.substring(4) + " " + tn, k -> new double[2]);
                c[0]++;
                c[1] += sec;
                String caller = "?";
                if (e.getStackTrace() != null) {
                    for (RecordedFrame f : e.getStackTrace().getFrames()) {
                        if (f.getMethod().getType().getName().startsWith("org.sanhui.")) {
                            caller = name(f);
                            break;
                        }
                    }
                }
                double[] d = blockedByCaller.computeIfAbsent(event.substring(4) + " " + caller, k -> new double[2]);
                d[0]++;
                d[1] += sec;
                continue;
            }
            if (!event.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            var thread = e.getThread("sampledThread");
            String tn = thread == null ? "?" : thread.getJavaName();
            byThread.merge(tn == null ? "?" : tn.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
            List<RecordedFrame> frames = st.getFrames();
            RecordedFrame f0 = frames.get(0);
            self.merge(name(f0), 1, Integer::sum);
            String type = f0.getMethod().getType().getName();
            selfPackage.merge(type.contains(".") ? type.substring(0, type.lastIndexOf('.')) : type, 1, Integer::sum);
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (RecordedFrame f : frames) {
                if (f.getMethod().getType().getName().startsWith("org.sanhui.") && seen.add(name(f))) {
                    inclusive.merge(name(f), 1, Integer::sum);
                }
            }
        }
        System.out.printf(Locale.ROOT, "profile %s: %d CPU samples (jdk.ExecutionSample, Java code only)%n", jfr, samples);
        print("by thread", byThread, samples, top);
        print("sanhui methods on the stack (inclusive)", inclusive, samples, top);
        print("top frames (self) by package", selfPackage, samples, top);
        print("top frames (self)", self, samples, top);
        printBlocked("blocked, by event and thread", blockedByThread, top);
        printBlocked("blocked, by event and the sanhui method that asked", blockedByCaller, top);
    }

    private static void printBlocked(String title, Map<String, double[]> byKey, int top) {
        System.out.println("  " + title + " (count, seconds):");
        byKey.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %7.0f  %8.2f s  %s%n", e.getValue()[0], e.getValue()[1],
                        e.getKey()));
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int top) {
        System.out.println("  " + title + ":");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %6d  %s%n", 100.0 * e.getValue() / samples,
                        e.getValue(), e.getKey()));
    }
}
