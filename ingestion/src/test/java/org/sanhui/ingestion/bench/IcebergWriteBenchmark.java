package org.sanhui.ingestion.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.sanhui.ingestion.iceberg.Batch;
import org.sanhui.ingestion.iceberg.BatchWriter;
import org.sanhui.ingestion.iceberg.CatalogSettings;
import org.sanhui.ingestion.iceberg.Slice;
import org.sanhui.ingestion.iceberg.WarehouseCatalog;
import org.sanhui.ingestion.iceberg.WarehouseLocation;
import org.sanhui.ingestion.iceberg.WarehouseTables;
import org.sanhui.ingestion.iceberg.WriterLock;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.Datasets;

/**
 * Measures ingestion's Iceberg writer (not a test). Build the classpath once, then run each shape in a fresh JVM:
 * <pre>
 * ./mvnw -B -q -pl ingestion -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=$PWD/ingestion/target/bench-cp.txt
 * CP=ingestion/target/test-classes:ingestion/target/classes:$(cat ingestion/target/bench-cp.txt)
 * java -Xmx512m -XX:+UseParallelGC -cp $CP org.sanhui.ingestion.bench.IcebergWriteBenchmark DIR one-batch 1000000
 * java -Xmx512m -XX:+UseParallelGC -cp $CP org.sanhui.ingestion.bench.IcebergWriteBenchmark DIR national 31 100 400
 * java -Xmx512m -XX:+UseParallelGC -cp $CP org.sanhui.ingestion.bench.IcebergWriteBenchmark DIR county-rewrite 150 1000
 * java -Xmx512m -XX:+UseParallelGC -cp $CP org.sanhui.ingestion.bench.IcebergWriteBenchmark DIR rows-only 1000000
 * </pre>
 * DIR must not exist yet. {@code one-batch}: one county's 1,000,000 activities in one batch (the 1M-row workbook);
 * {@code national}: a quarter of 31 provinces × 100 counties × 400 activities in one batch; {@code county-rewrite}:
 * a province-period of 150 counties × 1,000 activities, then one county resubmitted three times (the copy-on-write
 * rewrite of its province-period file); {@code rows-only}: the cost of making the rows, nothing written.
 *
 * <p>Rows are made in chunks of 10,000 before they are added, so that the main thread's CPU splits into making rows
 * and writing them; they are handed over as the pipeline hands them, an array in stored-column order
 * ({@link Slice#add(Object[])}), or with {@code -Drows=map} as maps ({@link Slice#add(Map)}). {@code -Dbudget=BYTES}
 * sets the batch's memory budget; {@code -Drepeat=K} runs the shape K times in the same JVM (into DIR/run0, DIR/run1,
 * …), to see the cost once the write path is compiled. Each run prints, per phase, wall time and process CPU, then the CPU of each group of
 * threads (from {@code /proc/self/task}: the main thread, the writer's encoder thread, the JIT compilers, GC), and
 * the writer's CPU per row: process CPU of adding and committing, less the main thread's CPU making the rows, per row.
 *
 * <p>Current figures and where the time goes: the package documentation of {@code org.sanhui.ingestion.iceberg}.
 * Against the writer before its tuning (rows as maps, converted and encoded on the caller's thread, statistics on every
 * column), alternated with it run by run, same flags, load average 3-4, medians of three (writer CPU per row; the
 * caller's thread; without the compilers and the collector):
 * <ul>
 * <li>one-batch 1,000,000: 6.2 → 5.2 µs (5.9-7.4 → 4.8-5.9); caller 3.3 → 0.5 µs; 3.5 → 2.7 µs. Process CPU 9.9 →
 * 8.9 s.</li>
 * <li>national 31 × 100 × 400: 7.8 → 6.4 µs (7.4-8.2 → 6.0-6.6); caller 4.3 → 0.7 µs; 4.7 → 3.6 µs. Process CPU
 * 13.4 → 11.5 s.</li>
 * <li>county-rewrite 150 × 1,000: unchanged within noise, 0.9-1.4 s of CPU a resubmission once warm, 1.6-2.7 s the
 * first.</li>
 * <li>one-batch 1,000 (the fixed cost): 4.0-4.3 → 4.0-4.8 s of process CPU.</li>
 * </ul>
 * Wall times moved by a third between runs of the same side; on a loaded machine the second thread rarely had a core
 * to itself, so wall per row improved less than CPU (one-batch 5.4 → 5.6 µs, national 6.7 → 5.1 µs).
 */
public final class IcebergWriteBenchmark {

    private static final String[] TYPES = {"POPULARISATION", "HEALTH_SERVICE", "TECH_TRAINING", "ACADEMIC_EXCHANGE",
        "VOLUNTEER_SERVICE", "YOUTH_COMPETITION"};
    private static final String[] TITLES = {"健康义诊进社区", "农村实用技术培训班", "青少年科技创新大赛", "科普讲座：防范电信诈骗",
        "科技志愿服务下乡", "学术交流会"};
    private static final int CHUNK = 10_000;

    private IcebergWriteBenchmark() {
    }

    /**
     * Makes activities with realistic variety: unique titles, 40 organisations a county, 12 places, random dates,
     * types and counts; the values a county shares are made once per county, as the pipeline shares them.
     */
    static final class Rows {
        private static final List<Column> STORED = Datasets.ACTIVITIES.storedColumns();
        private static final LocalDate[] DATES = new LocalDate[92];

        static {
            for (int i = 0; i < DATES.length; i++) {
                DATES[i] = LocalDate.of(2024, 10, 1).plusDays(i);
            }
        }

        private final Random random = new Random(42);
        private final boolean maps;
        private long serial;
        private String county;
        private String submission;
        private String countyTail;
        private final String[] orgKeys = new String[40];
        private final String[] orgIds = new String[40];
        private final String[] orgNames = new String[40];
        private final String[] places = new String[12];

        Rows(boolean maps) {
            this.maps = maps;
        }

        private static int at(String name) {
            for (int i = 0; i < STORED.size(); i++) {
                if (STORED.get(i).name().equals(name)) {
                    return i;
                }
            }
            throw new IllegalStateException(name);
        }

        private static final int SUBMISSION_ID = at(Datasets.SUBMISSION_ID);
        private static final int COUNTY_CODE = at(Datasets.COUNTY_CODE);
        private static final int PERIOD = at(Datasets.PERIOD);
        private static final int SOURCE_ROW = at(Datasets.SOURCE_ROW);
        private static final int ORG_KEY = at(Datasets.ORG_KEY);
        private static final int ORG_ID = at(Datasets.ORG_ID);
        private static final int ORG_NAME = at(Datasets.ORG_NAME);
        private static final int TITLE = at(Datasets.TITLE);
        private static final int TYPE = at(Datasets.TYPE);
        private static final int ACTIVITY_DATE = at(Datasets.ACTIVITY_DATE);
        private static final int PLACE_CODE = at(Datasets.PLACE_CODE);
        private static final int PLACE_DEFAULTED = at(Datasets.PLACE_DEFAULTED);
        private static final int TARGET_GROUPS = at(Datasets.TARGET_GROUPS);
        private static final int PARTICIPANTS = at(Datasets.PARTICIPANTS);
        private static final int FORM = at(Datasets.FORM);
        private static final int REPORTED_LATE = at(Datasets.REPORTED_LATE);

        void county(String code, String tag) {
            county = code;
            submission = code + "-2024Q4-" + tag;
            countyTail = code.substring(4);
            for (int o = 0; o < 40; o++) {
                orgKeys[o] = code + "/ORG" + o;
                orgIds[o] = "ORG" + o;
                orgNames[o] = "基层医疗卫生学会第" + o + "分会";
            }
            for (int p = 0; p < 12; p++) {
                places[p] = code + (p < 9 ? "00" : "0") + (p + 1);
            }
        }

        /** Makes rows {@code from} to {@code to - 1} of the current county. */
        Object[] chunk(int from, int to) {
            Object[] out = new Object[to - from];
            Random r = random;
            for (int i = from; i < to; i++) {
                Object[] v = new Object[STORED.size()];
                v[SUBMISSION_ID] = submission;
                v[COUNTY_CODE] = county;
                v[PERIOD] = "2024Q4";
                v[SOURCE_ROW] = i + 4;
                int org = r.nextInt(40);
                v[ORG_KEY] = orgKeys[org];
                v[ORG_ID] = orgIds[org];
                v[ORG_NAME] = orgNames[org];
                v[TITLE] = TITLES[r.nextInt(TITLES.length)] + "（" + countyTail + "第" + serial++ + "期）";
                v[TYPE] = TYPES[r.nextInt(TYPES.length)];
                v[ACTIVITY_DATE] = DATES[r.nextInt(92)];
                v[PLACE_CODE] = places[r.nextInt(12)];
                v[PLACE_DEFAULTED] = r.nextInt(7) == 0;
                v[TARGET_GROUPS] = r.nextInt(3) == 0 ? "FARMERS;YOUTH" : "RESIDENTS";
                v[PARTICIPANTS] = 20 + r.nextInt(300);
                v[FORM] = "OFFLINE";
                v[REPORTED_LATE] = Boolean.FALSE;
                if (maps) {
                    Map<String, Object> m = new HashMap<>();
                    for (int c = 0; c < v.length; c++) {
                        if (v[c] != null) {
                            m.put(STORED.get(c).name(), v[c]);
                        }
                    }
                    out[i - from] = m;
                } else {
                    out[i - from] = v;
                }
            }
            return out;
        }
    }

    private static double making;

    /** Adds a county's rows to a slice, made in chunks; the main thread's CPU making them goes to {@link #making}. */
    @SuppressWarnings("unchecked")
    private static void county(Rows rows, Slice s, String county, String tag, int n) {
        rows.county(county, tag);
        for (int from = 0; from < n; from += CHUNK) {
            double c0 = threadCpu();
            Object[] chunk = rows.chunk(from, Math.min(n, from + CHUNK));
            making += threadCpu() - c0;
            for (Object o : chunk) {
                if (o instanceof Map<?, ?> m) {
                    s.add((Map<String, ?>) m);
                } else {
                    s.add((Object[]) o);
                }
            }
        }
    }

    /**
     * Runs one measurement.
     *
     * @param args DIR, then {@code one-batch ROWS}, {@code national PROVINCES COUNTIES ROWS_PER_COUNTY},
     *        {@code county-rewrite COUNTIES ROWS_PER_COUNTY} or {@code rows-only ROWS}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int repeat = Integer.getInteger("repeat", 1);
        for (int i = 0; i < repeat; i++) {
            if (repeat > 1) {
                System.out.printf(Locale.ROOT, "-- run %d of %d in this JVM%n", i + 1, repeat);
            }
            making = 0;
            run(repeat > 1 ? Path.of(args[0], "run" + i) : Path.of(args[0]), args);
        }
    }

    private static void run(Path dir, String[] args) throws Exception {
        Map<String, Double> threads0 = cpuByGroup();
        boolean maps = "map".equals(System.getProperty("rows"));
        Rows rows = new Rows(maps);
        long t0 = System.nanoTime();
        if (args[1].equals("rows-only")) {
            int n = Integer.parseInt(args[2]);
            rows.county("640104", "a");
            long h = 0;
            for (int from = 0; from < n; from += CHUNK) {
                h += rows.chunk(from, Math.min(n, from + CHUNK)).length;
            }
            System.out.printf(Locale.ROOT, "made %,d rows (%s) in %.2f s, main thread CPU %.2f s, process CPU %.2f s%n",
                    h, maps ? "maps" : "arrays", (System.nanoTime() - t0) / 1e9, threadCpu(), cpu());
            threads();
            return;
        }
        double cpu0 = cpu();
        WarehouseLocation loc = WarehouseLocation.of(dir);
        WarehouseCatalog catalog = WarehouseCatalog.open(loc, CatalogSettings.DEFAULT);
        long rowsWritten = 0;
        double addCpu = 0;
        long tCatalog = System.nanoTime();
        double cpuCatalog = cpu();
        try (WriterLock lock = WriterLock.acquire(loc, catalog.conf(), Duration.ofSeconds(10))) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            long tTables = System.nanoTime();
            double cpuTables = cpu();
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withMemoryBudget(
                    Long.getLong("budget", BatchWriter.Options.DEFAULTS.memoryBudgetBytes())));
            long t1 = System.nanoTime();
            double cpuOpen = cpu();
            double mainOpen = threadCpu();
            System.out.printf(Locale.ROOT, "open: %.2f s wall, process CPU %.2f s (catalog %.2f s / %.2f s CPU, lock and"
                    + " 6 tables created %.2f s / %.2f s, writer opened %.2f s / %.2f s)%n", (t1 - t0) / 1e9,
                    cpuOpen - cpu0, (tCatalog - t0) / 1e9, cpuCatalog - cpu0, (tTables - tCatalog) / 1e9,
                    cpuTables - cpuCatalog, (t1 - tTables) / 1e9, cpuOpen - cpuTables);
            Table act = tables.table("activities");
            if (args[1].equals("one-batch") || args[1].equals("national")) {
                boolean one = args[1].equals("one-batch");
                int provinces = one ? 1 : Integer.parseInt(args[2]);
                int counties = one ? 1 : Integer.parseInt(args[3]);
                int per = Integer.parseInt(args[one ? 2 : 4]);
                Map<String, Double> groups0 = cpuByGroup();
                Batch b = w.begin("bench");
                for (int p = 0; p < provinces; p++) {
                    for (int c = 0; c < counties; c++) {
                        String county = one ? "640104" : String.format(Locale.ROOT, "%02d%04d", 11 + p, 100 + c);
                        county(rows, b.replace(Datasets.ACTIVITIES, county, "2024Q4"), county, "q", per);
                        rowsWritten += per;
                    }
                }
                long t2 = System.nanoTime();
                double cpuAdded = cpu();
                b.commit();
                long t3 = System.nanoTime();
                double cpuCommitted = cpu();
                double mainCpu = threadCpu() - mainOpen;
                Map<String, Double> groups1 = cpuByGroup();
                double jitGc = 0;
                for (String g : List.of("jit-c1", "jit-c2", "gc")) {
                    jitGc += groups1.getOrDefault(g, 0.0) - groups0.getOrDefault(g, 0.0);
                }
                addCpu = cpuCommitted - cpuOpen;
                System.out.printf(Locale.ROOT, "one batch of %d x %d x %,d = %,d activity rows: %.2f s wall (adding %.2f s,"
                        + " commit %.2f s), process CPU %.2f s (adding %.2f s, commit %.2f s), making rows %.2f s%n",
                        provinces, counties, per, rowsWritten, (t3 - t1) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                        addCpu, cpuAdded - cpuOpen, cpuCommitted - cpuAdded, making);
                System.out.printf(Locale.ROOT, "writer: %.2f µs CPU per row (process CPU of adding and committing, less"
                        + " making rows; main thread alone %.2f µs; without JIT and GC %.2f µs), %.2f µs wall per row%n",
                        (addCpu - making) / rowsWritten * 1e6, (mainCpu - making) / rowsWritten * 1e6,
                        (addCpu - making - jitGc) / rowsWritten * 1e6, (t3 - t1) / 1e3 / rowsWritten);
                report(act);
            } else if (args[1].equals("county-rewrite")) {
                int counties = Integer.parseInt(args[2]);
                int per = Integer.parseInt(args[3]);
                Batch b = w.begin("load");
                for (int c = 0; c < counties; c++) {
                    String county = "51" + String.format(Locale.ROOT, "%04d", 100 + c);
                    county(rows, b.replace(Datasets.ACTIVITIES, county, "2024Q4"), county, "a", per);
                }
                b.commit();
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "province-period of %d counties x %,d rows written: %.2f s wall, process"
                        + " CPU %.2f s%n", counties, per, (t2 - t1) / 1e9, cpu() - cpuOpen);
                report(act);
                for (int round = 1; round <= 3; round++) {
                    long r0 = System.nanoTime();
                    double cpuR = cpu();
                    double making0 = making;
                    Batch again = w.begin("resubmit-" + round);
                    String county = "51" + String.format(Locale.ROOT, "%04d", 100 + counties / 2);
                    county(rows, again.replace(Datasets.ACTIVITIES, county, "2024Q4"), county, "r" + round, per);
                    again.commit();
                    long r1 = System.nanoTime();
                    double used = cpu() - cpuR - (making - making0);
                    act.refresh();
                    Snapshot snap = act.currentSnapshot();
                    long removed = 0;
                    long added = 0;
                    SnapshotChanges changes = SnapshotChanges.builderFor(act).snapshot(snap).build();
                    for (DataFile f : changes.removedDataFiles()) {
                        removed += f.fileSizeInBytes();
                    }
                    for (DataFile f : changes.addedDataFiles()) {
                        added += f.fileSizeInBytes();
                    }
                    System.out.printf(Locale.ROOT, "resubmission %d of one county (%,d rows): %.2f s wall, %.2f s CPU"
                            + " (%.2f µs per row of the %,d rewritten), rewrote %,d bytes into %,d bytes (%s partition)%n",
                            round, per, (r1 - r0) / 1e9, used, used / (counties * per) * 1e6, counties * per, removed,
                            added, snap.summary().get("changed-partition-count"));
                }
            } else {
                throw new IllegalArgumentException("unknown shape " + args[1]
                        + "; expected one-batch, national, county-rewrite or rows-only");
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                peak += p.getPeakUsage().getUsed();
            }
        }
        long gcMs = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += g.getCollectionTime();
        }
        System.out.printf(Locale.ROOT, "max heap %d MB, peak heap used (sum of pools) %d MB, GC %.2f s, process CPU %.2f s,"
                + " wall %.2f s%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20, gcMs / 1e3, cpu(),
                (System.nanoTime() - t0) / 1e9);
        threads();
        Map<String, Double> threads1 = cpuByGroup();
        double jit = threads1.getOrDefault("jit-c1", 0.0) + threads1.getOrDefault("jit-c2", 0.0)
                - threads0.getOrDefault("jit-c1", 0.0) - threads0.getOrDefault("jit-c2", 0.0);
        System.out.printf(Locale.ROOT, "this run: JIT compiler threads %.2f s CPU%n", jit);
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    /** The CPU seconds of the live threads by group, from {@code /proc/self/task}; empty without /proc. */
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

    /** Prints the CPU seconds of each group of threads since the JVM started; silent without /proc. */
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
        StringBuilder b = new StringBuilder("thread CPU since the JVM started (s):");
        byGroup.forEach((g, s) -> b.append(String.format(Locale.ROOT, " %s %.2f", g, s)));
        System.out.println(b);
    }

    private static void report(Table act) throws IOException {
        act.refresh();
        List<Long> sizes = new ArrayList<>();
        long count = 0;
        try (var tasks = act.newScan().planFiles()) {
            for (var t : tasks) {
                sizes.add(t.file().fileSizeInBytes());
                count += t.file().recordCount();
            }
        }
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "activities: %d data files, %,d rows, %,d bytes%s%n", sizes.size(), count, total,
                sizes.size() <= 4 ? " " + sizes : "");
    }
}
