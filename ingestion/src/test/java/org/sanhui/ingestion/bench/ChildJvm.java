package org.sanhui.ingestion.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the ingestion benchmarks share: each side runs in a child JVM of its own, started with the given heap
 * and flags, which prints its figures and ends with a line {@code RESULT rows wallNs cpuNs}; the parent reads
 * that line back. The child side prints the process's CPU time, JIT and GC figures, and the CPU of each group
 * of threads from {@code /proc/self/task}.
 */
final class ChildJvm {

    /** The collector the {@code sanhui} launcher picks unless JAVA_OPTS names one. */
    static final String LAUNCHER_GC = "-XX:+UseParallelGC";
    /** The system property that makes a child print its threads' CPU every so many milliseconds. */
    static final String TIMELINE = "sanhui.bench.timeline";

    private final Class<?> main;
    private final List<String> flags;

    /**
     * A way to start children.
     *
     * @param main the class whose {@code main} the child runs
     * @param flags the JVM flags of every child (heap, collector, ...)
     */
    ChildJvm(Class<?> main, List<String> flags) {
        this.main = main;
        this.flags = List.copyOf(flags);
    }

    /** @return the JVM flags every child gets */
    List<String> flags() {
        return flags;
    }

    /**
     * Runs a child to its end, echoes what it printed and returns its RESULT line.
     *
     * @param extraFlags JVM flags for this child only (a flight recording, say)
     * @param args the child's arguments (its mode first)
     * @return what the child measured
     * @throws IllegalStateException if it fails or prints no RESULT line
     */
    Result run(List<String> extraFlags, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(flags);
        cmd.addAll(extraFlags);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        System.out.print(out);
        if (rc != 0) {
            throw new IllegalStateException(args[0] + " failed with exit code " + rc);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new Result(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]));
            }
        }
        throw new IllegalStateException("no RESULT line from " + args[0]);
    }

    /**
     * Runs a child with the common flags only.
     *
     * @param args the child's arguments (its mode first)
     * @return what the child measured
     */
    Result run(String... args) throws IOException, InterruptedException {
        return run(List.of(), args);
    }

    /**
     * What a child reported: rows, wall time and the process's CPU time over the same span.
     *
     * @param rows the rows read
     * @param ns the wall time in nanoseconds
     * @param cpuNs the CPU time of all the child's threads (JIT and GC included) over that span
     */
    record Result(long rows, long ns, long cpuNs) {

        double perSecond() {
            return rows / (ns / 1e9);
        }

        /** @return the cores the child kept busy on average */
        double coresBusy() {
            return cpuNs / (double) ns;
        }

        /**
         * The ratio this run could reach at most with the CPU it used: this run's CPU spread perfectly over
         * the cores, against the anchor's wall time. When it is near the ratio measured, the run is
         * CPU-bound and only less CPU helps; when far above, a thread waits for another (or for the disk).
         */
        double ceiling(Result anchor, int cores) {
            double bestNs = Math.max(cpuNs / (double) cores, 1);
            return (rows / (bestNs / 1e9)) / anchor.perSecond();
        }
    }

    // ------------------------------------------------------------------ the child's side

    /**
     * Prints the child's figures and its RESULT line: call last in a child.
     *
     * @param rows the rows read
     * @param ns the wall time measured
     * @param cpuNs the process CPU time over the same span
     */
    static void result(long rows, long ns, long cpuNs) {
        cpu();
        System.out.println("RESULT " + rows + " " + ns + " " + cpuNs);
    }

    /** The process's CPU time so far, all threads, in nanoseconds. */
    static long cpuNow() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Prints the process CPU, JIT and GC figures, then the CPU by thread group. */
    static void cpu() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long gc = 0;
        for (var g : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            gc += g.getCollectionTime();
        }
        System.out.printf(Locale.ROOT, "  process cpu %.2f s, jit %.2f s, gc pauses %.2f s%n", cpuNow() / 1e9,
                jit.getTotalCompilationTime() / 1e3, gc / 1e3);
        threads();
    }

    /**
     * Prints the CPU time of each group of threads (application, JIT compiler, GC, other) from
     * {@code /proc/self/task}, where the JVM's own threads are visible too; silent where there is no /proc.
     */
    private static void threads() {
        Map<String, Double> byGroup = cpuByGroup();
        if (byGroup.isEmpty()) {
            return;
        }
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double all = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            double seen = byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
            byGroup.put("ended-threads", Math.max(0, all - seen));
        } catch (IOException | RuntimeException e) {
            // no process figure
        }
        StringBuilder b = new StringBuilder("  thread cpu (s):");
        byGroup.forEach((g, s) -> b.append(String.format(Locale.ROOT, " %s %.2f", g, s)));
        System.out.println(b);
    }

    /** The CPU seconds of the live threads by group, from {@code /proc/self/task}; empty where there is no /proc. */
    private static Map<String, Double> cpuByGroup() {
        Map<String, Double> byGroup = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byGroup;
        }
        try (var dirs = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) dirs::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    String g = name.startsWith("C2 ") ? "jit-c2" : name.startsWith("C1 ") ? "jit-c1"
                            : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc"
                            : name.startsWith("sanhui-") || name.equals("java") || name.equals("main") ? "app:" + name
                            : "other";
                    byGroup.merge(g, s, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            }
        } catch (IOException e) {
            return new TreeMap<>();
        }
        return byGroup;
    }

    /**
     * Starts the timeline if the {@link #TIMELINE} property asks for one: every so many milliseconds until the
     * JVM ends, the share of a core each group of live threads used in the interval (from {@code /proc}, so in
     * steps of 10 ms of CPU): where a run is short of CPU, and who has it (the JIT compilers early on, for one).
     */
    static void timelineIfAsked() {
        int ms = Integer.getInteger(TIMELINE, 0);
        if (ms <= 0) {
            return;
        }
        long t0 = System.nanoTime();
        Thread t = new Thread(() -> {
            Map<String, Double> last = cpuByGroup();
            while (true) {
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    return;
                }
                Map<String, Double> now = cpuByGroup();
                StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  timeline %5.1f s:", (System.nanoTime() - t0) / 1e9));
                for (var e : now.entrySet()) {
                    double d = e.getValue() - last.getOrDefault(e.getKey(), 0.0);
                    if (d > 0) {
                        b.append(String.format(Locale.ROOT, " %s %.0f%%", e.getKey(), 100 * d / (ms / 1000.0)));
                    }
                }
                System.out.println(b);
                last = now;
            }
        }, "bench-timeline");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------ small shared pieces

    /** The median of the values (the mean of the middle two for an even count). */
    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** Deletes a folder and everything under it; nothing if it does not exist. */
    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
