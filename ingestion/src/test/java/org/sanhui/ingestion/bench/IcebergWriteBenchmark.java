package org.sanhui.ingestion.bench;

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
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.sanhui.ingestion.iceberg.Batch;
import org.sanhui.ingestion.iceberg.BatchWriter;
import org.sanhui.ingestion.iceberg.CatalogSettings;
import org.sanhui.ingestion.iceberg.Slice;
import org.sanhui.ingestion.iceberg.WarehouseCatalog;
import org.sanhui.ingestion.iceberg.WarehouseLocation;
import org.sanhui.ingestion.iceberg.WarehouseTables;
import org.sanhui.ingestion.iceberg.WriterLock;
import org.sanhui.model.schema.Datasets;

/**
 * Measures ingestion's Iceberg writer (not a test): run with the heap to check, e.g.
 * {@code java -Xmx512m -cp … org.sanhui.ingestion.bench.IcebergWriteBenchmark DIR one-batch 1000000} or
 * {@code … DIR county-rewrite 150 1000} (a province-period of 150 counties × 1,000 activities, then one county
 * resubmitted).
 */
public final class IcebergWriteBenchmark {

    private static final String[] TYPES = {"POPULARISATION", "HEALTH_SERVICE", "TECH_TRAINING", "ACADEMIC_EXCHANGE",
        "VOLUNTEER_SERVICE", "YOUTH_COMPETITION"};
    private static final String[] TITLES = {"健康义诊进社区", "农村实用技术培训班", "青少年科技创新大赛", "科普讲座：防范电信诈骗",
        "科技志愿服务下乡", "学术交流会"};

    private IcebergWriteBenchmark() {
    }

    private static final java.util.Random RANDOM = new java.util.Random(42);
    private static long serial;

    /** An activity with realistic variety: unique titles, 40 organisations a county, random dates and counts. */
    static Map<String, Object> activity(String county, int row, String tag) {
        java.util.Random r = RANDOM;
        long n = serial++;
        Map<String, Object> m = new HashMap<>();
        m.put(Datasets.SUBMISSION_ID, county + "-2024Q4-" + tag);
        m.put(Datasets.COUNTY_CODE, county);
        m.put(Datasets.PERIOD, "2024Q4");
        m.put(Datasets.SOURCE_ROW, row + 4);
        int org = r.nextInt(40);
        m.put(Datasets.ORG_KEY, county + "/ORG" + org);
        m.put(Datasets.ORG_ID, "ORG" + org);
        m.put(Datasets.ORG_NAME, "基层医疗卫生学会第" + org + "分会");
        m.put(Datasets.TITLE, TITLES[r.nextInt(TITLES.length)] + "（" + county.substring(4) + "第" + n + "期）");
        m.put(Datasets.TYPE, TYPES[r.nextInt(TYPES.length)]);
        m.put(Datasets.ACTIVITY_DATE, LocalDate.of(2024, 10, 1).plusDays(r.nextInt(92)));
        m.put(Datasets.PLACE_CODE, county + String.format("%03d", r.nextInt(12) + 1));
        m.put(Datasets.PLACE_DEFAULTED, r.nextInt(7) == 0);
        m.put(Datasets.TARGET_GROUPS, r.nextInt(3) == 0 ? "FARMERS;YOUTH" : "RESIDENTS");
        m.put(Datasets.PARTICIPANTS, 20 + r.nextInt(300));
        m.put(Datasets.FORM, "OFFLINE");
        m.put(Datasets.REPORTED_LATE, Boolean.FALSE);
        return m;
    }

    /**
     * Runs one measurement.
     *
     * @param args DIR, then {@code one-batch ROWS} or {@code county-rewrite COUNTIES ROWS_PER_COUNTY}
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (args[1].equals("rows-only")) { // the cost of making the rows, to subtract
            long t = System.nanoTime();
            long h = 0;
            for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                h += activity("640104", i, "a").size();
            }
            System.out.printf("made %,d rows (%d) in %.2f s, process CPU %.2f s%n", Integer.parseInt(args[2]), h,
                    (System.nanoTime() - t) / 1e9, cpu());
            return;
        }
        WarehouseLocation loc = WarehouseLocation.of(dir);
        long t0 = System.nanoTime();
        WarehouseCatalog catalog = WarehouseCatalog.open(loc, CatalogSettings.DEFAULT);
        try (WriterLock lock = WriterLock.acquire(loc, catalog.conf(), Duration.ofSeconds(10))) {
            WarehouseTables tables = WarehouseTables.openForWrite(catalog);
            BatchWriter w = BatchWriter.open(tables, lock, BatchWriter.Options.DEFAULTS.withMemoryBudget(
                    Long.getLong("budget", BatchWriter.Options.DEFAULTS.memoryBudgetBytes())));
            long t1 = System.nanoTime();
            System.out.printf("open: %.2f s (catalog, 6 tables)%n", (t1 - t0) / 1e9);
            Table act = tables.table("activities");
            if (args[1].equals("one-batch")) {
                int rows = Integer.parseInt(args[2]);
                Batch b = w.begin("bench");
                Slice s = b.replace(Datasets.ACTIVITIES, "640104", "2024Q4");
                for (int i = 0; i < rows; i++) {
                    s.add(activity("640104", i, "a"));
                }
                long t2 = System.nanoTime();
                b.commit();
                long t3 = System.nanoTime();
                System.out.printf("one batch of %,d activity rows: %.2f s (adding %.2f s, commit %.2f s)%n", rows,
                        (t3 - t1) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
                report(act);
            } else if (args[1].equals("national")) {
                int provinces = Integer.parseInt(args[2]);
                int counties = Integer.parseInt(args[3]);
                int per = Integer.parseInt(args[4]);
                Batch b = w.begin("quarter");
                for (int p = 0; p < provinces; p++) {
                    for (int c = 0; c < counties; c++) {
                        String county = String.format("%02d%04d", 11 + p, 100 + c);
                        Slice s = b.replace(Datasets.ACTIVITIES, county, "2024Q4");
                        for (int i = 0; i < per; i++) {
                            s.add(activity(county, i, "q"));
                        }
                    }
                }
                long t2 = System.nanoTime();
                b.commit();
                long t3 = System.nanoTime();
                System.out.printf("one batch of %d provinces x %d counties x %,d rows: %.2f s (adding %.2f s, commit"
                        + " %.2f s)%n", provinces, counties, per, (t3 - t1) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
                report(act);
            } else {
                int counties = Integer.parseInt(args[2]);
                int per = Integer.parseInt(args[3]);
                Batch b = w.begin("load");
                for (int c = 0; c < counties; c++) {
                    String county = "51" + String.format("%04d", 100 + c);
                    Slice s = b.replace(Datasets.ACTIVITIES, county, "2024Q4");
                    for (int i = 0; i < per; i++) {
                        s.add(activity(county, i, "a"));
                    }
                }
                b.commit();
                long t2 = System.nanoTime();
                System.out.printf("province-period of %d counties x %,d rows written: %.2f s (process CPU so far %.2f s)%n",
                        counties, per, (t2 - t1) / 1e9, cpu());
                report(act);
                for (int round = 1; round <= 3; round++) {
                    long r0 = System.nanoTime();
                    double cpu0 = cpu();
                    Batch again = w.begin("resubmit-" + round);
                    String county = "51" + String.format("%04d", 100 + counties / 2);
                    Slice s = again.replace(Datasets.ACTIVITIES, county, "2024Q4");
                    for (int i = 0; i < per; i++) {
                        s.add(activity(county, i, "r" + round));
                    }
                    again.commit();
                    long r1 = System.nanoTime();
                    act.refresh();
                    Snapshot snap = act.currentSnapshot();
                    long removed = 0;
                    long added = 0;
                    for (DataFile f : org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(snap).build().removedDataFiles()) {
                        removed += f.fileSizeInBytes();
                    }
                    for (DataFile f : org.apache.iceberg.SnapshotChanges.builderFor(act).snapshot(snap).build().addedDataFiles()) {
                        added += f.fileSizeInBytes();
                    }
                    System.out.printf("resubmission %d of one county (%,d rows): %.2f s wall, %.2f s CPU, rewrote %,d"
                            + " bytes into %,d bytes (%s partition)%n", round, per, (r1 - r0) / 1e9, cpu() - cpu0,
                            removed, added, snap.summary().get("changed-partition-count"));
                }
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
        System.out.printf("max heap %d MB, peak heap used (sum of pools) %d MB, GC %.2f s, process CPU %.2f s, wall %.2f s%n",
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20, gcMs / 1e3,
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static void report(Table act) throws Exception {
        act.refresh();
        List<Long> sizes = new ArrayList<>();
        long rows = 0;
        try (var tasks = act.newScan().planFiles()) {
            for (var t : tasks) {
                sizes.add(t.file().fileSizeInBytes());
                rows += t.file().recordCount();
            }
        }
        long total = sizes.stream().mapToLong(Long::longValue).sum();
        System.out.printf("activities: %d data files, %,d rows, %,d bytes (%s)%n", sizes.size(), rows, total, sizes);
        try (var walk = Files.walk(Path.of(java.net.URI.create(act.location())))) {
            System.out.printf("table folder: %d files%n", walk.filter(Files::isRegularFile).count());
        }
    }
}
