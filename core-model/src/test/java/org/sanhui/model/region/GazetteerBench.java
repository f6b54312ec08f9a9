package org.sanhui.model.region;

import java.time.Duration;
import java.util.Arrays;

/**
 * Gazetteer benchmark, run by {@code bench/gazetteer.sh} in a fresh JVM per run: every sanhui command loads
 * the national gazetteer at start, and builds the name index of the scope it resolves names in on the first
 * look-up. Prints, on one line, the cold load (class loading and JIT warm-up included, as at a start), the
 * first look-up under a province (Ningxia's index) and under the whole country (an index of every region),
 * 20,000 look-ups, the process CPU time of all that, and then the median process CPU time of {@code WARM}
 * further loads and national name indexes (less disturbed by other processes than wall time).
 *
 * <p>Usage: {@code GazetteerBench [WARM]} (default 10). Timing lives here, not in a unit test: a loaded
 * machine would make a time limit fail at random.
 */
public final class GazetteerBench {

    private GazetteerBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code [WARM]}: how many warm loads and national indexes to time after the cold ones
     */
    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        Gazetteer g = Gazetteer.load();
        long cold = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        boolean province = g.byName("64", "兴庆").found();
        long firstProvince = System.nanoTime() - t1;

        long t2 = System.nanoTime();
        boolean nation = g.byName("00", "掌政镇").found();
        long firstNation = System.nanoTime() - t2;

        long t3 = System.nanoTime();
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            found += g.byName("64", i % 2 == 0 ? "兴庆" : "掌政镇").found() ? 1 : 0;
        }
        long lookups = System.nanoTime() - t3;
        long coldCpu = cpuNanos() - cpu0;
        if (!province || !nation || found != 20_000 || g.size() != 1 + 31 + 342 + 2_978 + 41_352) {
            throw new IllegalStateException("the gazetteer answered wrongly: " + province + " " + nation + " " + found
                    + " " + g.size());
        }

        long[] loads = new long[warm];
        long[] indexes = new long[warm];
        for (int i = 0; i < warm; i++) {
            long s = cpuNanos();
            Gazetteer again = Gazetteer.load();
            loads[i] = cpuNanos() - s;
            s = cpuNanos();
            if (!again.byName("00", "掌政镇").found()) {
                throw new IllegalStateException("a reload differs");
            }
            indexes[i] = cpuNanos() - s;
        }
        Arrays.sort(loads);
        Arrays.sort(indexes);
        System.out.printf("cold load %s ms; first look-up under 64 %s ms, under 00 %s ms; 20,000 look-ups %s ms"
                + " (process CPU %s ms); warm, median process CPU of %d: load %s ms, index of 00 %s ms%n", ms(cold),
                ms(firstProvince), ms(firstNation), ms(lookups), ms(coldCpu), warm,
                warm == 0 ? "-" : ms(loads[warm / 2]), warm == 0 ? "-" : ms(indexes[warm / 2]));
    }

    /** The process's CPU time, every thread's (the JIT's and GC's too); ThreadMXBean is outside java.base. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static String ms(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }
}
