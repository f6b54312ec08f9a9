package org.sanhui.reporting.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.ReportOptions;
import org.sanhui.reporting.Reporter;

/**
 * The reporting benchmark (docs/benchmarks.md, Reporting): the province briefing warm, and every city
 * briefing of a national-scale run (342 cities) from a synthetic national indicator file.
 *
 * <p>Usage: {@code ReportBench PROVINCE_INDICATORS.json WORK_DIR}
 */
public final class ReportBench {

    private static final String[] KINDS = {"SCI_EDU_SOCIETY", "MEDICAL_SOCIETY", "AGRI_SOCIETY"};
    private static final String[] TYPES = {"POPULARISATION", "HEALTH_SERVICE", "TECH_TRAINING", "ACADEMIC_EXCHANGE",
        "YOUTH_COMPETITION", "CONFERENCE", "VOLUNTEER_SERVICE", "CONSULTING"};
    private static final String[] GROUPS = {"FARMERS", "YOUTH", "ELDERLY", "RESIDENTS", "WORKERS", "CADRES"};

    private ReportBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the province indicator file and a work folder
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path province = Path.of(args[0]);
        Path work = Path.of(args[1]);
        Masthead mast = Masthead.DEFAULT.withDate(LocalDate.of(2025, 1, 15));

        // 1. province briefing (PDF + its chart files), warm
        int runs = 8;
        double[] t = new double[runs];
        double[] c = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpu();
            long t0 = System.nanoTime();
            Reporter.run(ReportOptions.builder().indicators(province).outDir(work.resolve("province"))
                    .masthead(mast).cityBriefings(false).workbook(false).build());
            t[i] = (System.nanoTime() - t0) / 1e9;
            c[i] = (cpu() - c0) / 1e9;
        }
        double[] warmCpu = Arrays.stream(c).skip(3).sorted().toArray();
        System.out.printf("province briefing warm CPU median: %.3f s (process CPU time, all threads)%n",
                warmCpu[warmCpu.length / 2]);
        System.out.printf("province briefing (pdf + charts): first %.2f s, warm runs %s%n", t[0],
                Arrays.toString(Arrays.stream(t).skip(3).mapToObj(x -> String.format("%.2f", x)).toArray()));
        double[] warm = Arrays.stream(t).skip(3).sorted().toArray();
        System.out.printf("province briefing warm median: %.3f s%n", warm[warm.length / 2]);

        // 2. a national-scale run: the national briefing, 342 city briefings, charts, workbook
        Path dir = work.resolve("national/indicators/2024Q4");
        Files.createDirectories(dir);
        Path json = dir.resolve("indicators-2024Q4.json");
        long rows = national(json);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        System.out.printf("synthetic national indicator file: %d rows, %.1f MB%n", rows, Files.size(json) / 1e6);
        Path out = work.resolve("national-out");
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        List<Path> files = Reporter.run(ReportOptions.builder().warehouse(work.resolve("national"), "2024Q4")
                .outDir(out).masthead(mast).build());
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuSecs = (cpu() - cpu0) / 1e9;
        long pdfs = files.stream().filter(p -> p.toString().endsWith(".pdf")).count();
        long maxPdf = 0;
        long totalPdf = 0;
        for (Path p : files) {
            if (p.toString().endsWith(".pdf")) {
                maxPdf = Math.max(maxPdf, Files.size(p));
                totalPdf += Files.size(p);
            }
        }
        System.out.printf("national run: %d files (%d PDFs) in %.1f s wall, %.1f s CPU (process); largest PDF %.0f KB,"
                + " mean %.0f KB; load average %.1f%n", files.size(), pdfs, secs, cpuSecs, maxPdf / 1024.0,
                totalPdf / 1024.0 / pdfs, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
        try (Stream<Path> s = Files.list(out)) {
            System.out.println("xlsx: " + s.filter(p -> p.toString().endsWith(".xlsx")).map(p -> {
                try {
                    return p.getFileName() + " " + Files.size(p) / 1024 + " KB";
                } catch (IOException e) {
                    return p.toString();
                }
            }).toList());
        }
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Writes a synthetic national indicator file (every province, city and county of the gazetteer). */
    static long national(Path json) throws IOException {
        Gazetteer g = Gazetteer.national();
        Random rnd = new Random(42);
        long n = 0;
        try (JsonGenerator w = new JsonFactory().createGenerator(json.toFile(), JsonEncoding.UTF8)) {
            w.writeStartObject();
            w.writeStringField("period", "2024Q4");
            w.writeStringField("scope", "00");
            w.writeStringField("generated_at", "2025-01-10T08:00:00Z");
            w.writeArrayFieldStart("indicators");
            List<Region> all = new ArrayList<>();
            all.add(Region.NATION);
            all.addAll(g.within("00", RegionLevel.PROVINCE));
            all.addAll(g.within("00", RegionLevel.CITY));
            all.addAll(g.within("00", RegionLevel.COUNTY));
            for (Region r : all) {
                n += region(w, r, rnd);
            }
            w.writeEndArray();
            w.writeObjectFieldStart("lists");
            w.writeArrayFieldStart("exit_candidates");
            List<Region> counties = g.within("00", RegionLevel.COUNTY);
            for (int i = 0; i < 600; i++) {
                Region c = counties.get(rnd.nextInt(counties.size()));
                w.writeStartObject();
                w.writeStringField("org_key", c.code() + "/S" + i);
                w.writeStringField("org_name", c.name() + "基层医疗卫生学会");
                w.writeStringField("county_code", c.code());
                w.writeStringField("kind", "MEDICAL_SOCIETY");
                w.writeStringField("reason", "C_TWO_YEARS");
                w.writeStringField("leader_name", "负责人" + i);
                w.writeObjectFieldStart("grades");
                w.writeStringField("2023", "C");
                w.writeStringField("2024", "C");
                w.writeEndObject();
                w.writeBooleanField("serious", i % 3 == 0);
                w.writeEndObject();
            }
            w.writeEndArray();
            w.writeArrayFieldStart("inactive");
            for (int i = 0; i < 8000; i++) {
                Region c = counties.get(rnd.nextInt(counties.size()));
                w.writeStartObject();
                w.writeStringField("org_key", c.code() + "/T" + i);
                w.writeStringField("org_name", c.name() + "第" + (i % 20 + 1) + "乡镇科协");
                w.writeStringField("county_code", c.code());
                w.writeStringField("kind", "TOWNSHIP_KEXIE");
                w.writeStringField("reason", "NO_ACTIVITY_2_PERIODS");
                w.writeEndObject();
            }
            w.writeEndArray();
            w.writeEndObject();
            w.writeEndObject();
        }
        return n;
    }

    private static int region(JsonGenerator w, Region r, Random rnd) throws IOException {
        String lvl = r.level().name();
        int n = 0;
        double full = 0;
        for (String k : KINDS) {
            double v = r.level() == RegionLevel.COUNTY ? (rnd.nextDouble() < 0.9 ? 1 : 0) : 0.7 + rnd.nextDouble() * 0.3;
            n += row(w, "C1." + k, r.code(), lvl, "", v);
            full = Math.min(1, v);
        }
        n += row(w, "C1.full", r.code(), lvl, "", full * (0.8 + rnd.nextDouble() * 0.2));
        if (r.level() == RegionLevel.COUNTY) {
            n += row(w, "A1.count", r.code(), lvl, "", rnd.nextInt(60));
            n += row(w, "R1.score", r.code(), lvl, "", 50 + rnd.nextInt(500) / 10.0);
            return n;
        }
        for (String ind : List.of("C2.township", "C2.county", "C3.county", "C3.township", "A2.rate", "A5.rate",
                "C4.rate", "C5.all_five", "C5.party", "C6.rate", "C7.rate", "C8.rate", "S1.rate", "S1.ontime",
                "S2.reject_rate", "A7.rate")) {
            n += row(w, ind, r.code(), lvl, "", rnd.nextDouble());
        }
        double acts = 100 + rnd.nextInt(2000);
        n += row(w, "A1.count", r.code(), lvl, "", acts);
        n += rowAt(w, "2024Q3", "A1.count", r.code(), lvl, "", acts * 0.9);
        n += rowAt(w, "2023Q4", "A1.count", r.code(), lvl, "", acts * 0.8);
        n += row(w, "A1.participants", r.code(), lvl, "", acts * 40);
        n += row(w, "A1.mean", r.code(), lvl, "", rnd.nextDouble() * 4);
        n += row(w, "A3.inactive", r.code(), lvl, "", rnd.nextInt(40));
        n += row(w, "A3.dormant", r.code(), lvl, "", rnd.nextInt(10));
        n += row(w, "C0.count", r.code(), lvl, "", 200 + rnd.nextInt(800));
        n += row(w, "R1.score", r.code(), lvl, "", 50 + rnd.nextInt(500) / 10.0);
        for (String t : TYPES) {
            n += row(w, "A1.count", r.code(), lvl, "type=" + t, rnd.nextInt(300));
        }
        for (String t : GROUPS) {
            n += row(w, "A1.count", r.code(), lvl, "group=" + t, rnd.nextInt(300));
        }
        for (String gr : List.of("A", "B", "C", "NOT_EVALUATED")) {
            n += rowAt(w, "2024", "G1." + gr, r.code(), lvl, "", rnd.nextInt(30));
        }
        for (int q = 1; q <= 3; q++) {
            n += rowAt(w, "2024Q" + q, "A1.count", r.code(), lvl, "", acts * (0.6 + q * 0.1));
        }
        for (int m = 1; m <= 12; m++) {
            n += rowAt(w, String.format("2024-%02d", m), "A1.count", r.code(), lvl, "", acts / 3 * (m == 9 ? 2 : 1));
        }
        return n;
    }

    private static int row(JsonGenerator w, String ind, String code, String lvl, String bd, double v)
            throws IOException {
        return rowAt(w, "2024Q4", ind, code, lvl, bd, v);
    }

    private static int rowAt(JsonGenerator w, String period, String ind, String code, String lvl, String bd,
            double v) throws IOException {
        w.writeStartObject();
        w.writeStringField("period", period);
        w.writeStringField("indicator", ind);
        w.writeStringField("region_code", code);
        w.writeStringField("region_level", lvl);
        w.writeStringField("breakdown", bd);
        w.writeNullField("numerator");
        w.writeNullField("denominator");
        w.writeNumberField("value", Math.round(v * 1e9) / 1e9);
        w.writeEndObject();
        return 1;
    }
}
