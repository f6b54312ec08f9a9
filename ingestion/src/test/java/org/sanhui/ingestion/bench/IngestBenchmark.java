package org.sanhui.ingestion.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.ingestion.read.xlsx.XlsxFormat;

/**
 * Benchmark (not a unit test): a 1,000,000-row activities xlsx, read (a) by a bare fastexcel-reader
 * pass touching every cell's raw value with the same reading options and (b) by sanhui's ingestion
 * into a fresh warehouse, each in a fresh JVM with -Xmx256m; prints rows/s and the ratio b/a
 * (target ≥ 0.70). A second anchor, EasyExcel's listener read of the same file, is printed beside it. Each
 * run also prints how many cores the ingest kept busy and the ratio its CPU time would allow if spread
 * perfectly over the machine's cores: when the measured ratio is close to that ceiling, the run is
 * CPU-bound, and only less CPU, not more overlap, can raise it.
 * Every child JVM gets the collector {@code ./sanhui} runs with ({@code -XX:+UseParallelGC});
 * {@code --gc default} leaves the JVM's own choice (G1 on a server-class machine) to compare.
 *
 * <p>Usage: {@code IngestBenchmark [--dir DIR] [--rows N] [--runs K] [--gc parallel|default]
 * [--warm K] [--timeline MS]}; {@code --warm K} first runs the same ingest K times in one JVM, to show how much of a
 * cold run is warm-up; {@code --timeline MS} makes every child print its threads' CPU shares every MS
 * milliseconds. The workbook is written once and kept in DIR (default {@code ingestion/target/bench}).
 * Internal modes {@code anchor FILE}, {@code easyexcel FILE}, {@code ingest FILE WAREHOUSE} and
 * {@code warm FILE WAREHOUSE K} are what the child JVMs run.
 */
public final class IngestBenchmark {

    /** The heap of every child JVM. */
    private static final String CHILD_HEAP = "-Xmx256m";

    private IngestBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception on any failure
     */
    public static void main(String[] args) throws Exception {
        ChildJvm.timelineIfAsked();
        if (args.length > 0 && args[0].equals("anchor")) {
            anchor(Path.of(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("easyexcel")) {
            easyExcel(Path.of(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("ingest")) {
            ingest(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args.length > 0 && args[0].equals("warm")) {
            warm(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path dir = Path.of("ingestion/target/bench");
        int rows = 1_000_000;
        int runs = 1;
        int warm = 0;
        List<String> childGc = List.of(ChildJvm.LAUNCHER_GC);
        List<String> childTimeline = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--timeline" -> childTimeline = List.of("-D" + ChildJvm.TIMELINE + "=" + Integer.parseInt(args[++i]));
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--rows" -> rows = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--gc" -> childGc = switch (args[++i]) {
                    case "parallel" -> List.of(ChildJvm.LAUNCHER_GC);
                    case "default" -> List.of();
                    default -> throw new IllegalArgumentException("unknown collector " + args[i]
                            + ", expected parallel (as ./sanhui runs) or default (the JVM's choice)");
                };
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + ", expected --dir DIR, --rows N, --runs K, --gc parallel|default, --warm K, --timeline MS");
            }
        }
        List<String> flags = new ArrayList<>(List.of(CHILD_HEAP));
        flags.addAll(childGc);
        flags.addAll(childTimeline);
        ChildJvm jvm = new ChildJvm(IngestBenchmark.class, flags);
        System.out.println("child JVMs: " + String.join(" ", flags));
        Files.createDirectories(dir);
        Path file = dir.resolve("640104_2024Q3_activities_" + rows + ".xlsx");
        if (!Files.exists(file)) {
            long t0 = System.nanoTime();
            write(file, rows);
            System.out.printf(Locale.ROOT, "wrote %s (%d rows, %.1f MB) in %.1f s%n", file, rows,
                    Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9);
        }
        if (warm > 0) {
            Path wh = dir.resolve("warehouse");
            ChildJvm.deleteTree(wh);
            jvm.run("warm", file.toString(), wh.toString(), Integer.toString(warm));
        }
        double[] ratios = new double[runs];
        double[] overEasy = new double[runs];
        double[] ceilings = new double[runs];
        int cores = Runtime.getRuntime().availableProcessors();
        for (int r = 0; r < runs; r++) {
            ChildJvm.Result a = jvm.run("anchor", file.toString());
            ChildJvm.Result e = jvm.run("easyexcel", file.toString());
            Path wh = dir.resolve("warehouse");
            ChildJvm.deleteTree(wh);
            ChildJvm.Result b = jvm.run("ingest", file.toString(), wh.toString());
            ratios[r] = b.perSecond() / a.perSecond();
            overEasy[r] = b.perSecond() / e.perSecond();
            ceilings[r] = b.ceiling(a, cores);
            System.out.printf(Locale.ROOT, "run %d: fastexcel-reader %.0f rows/s, sanhui ingest %.0f rows/s, ratio %.2f (target >= 0.70);"
                    + " EasyExcel %.0f rows/s, ingest / EasyExcel %.2f%n", r + 1, a.perSecond(), b.perSecond(), ratios[r],
                    e.perSecond(), overEasy[r]);
            System.out.printf(Locale.ROOT, "  the ingest kept %.2f of %d cores busy (%.2f s of CPU in %.2f s); that CPU, perfectly"
                    + " spread over %d cores, would give at most ratio %.2f%n", b.coresBusy(), cores, b.cpuNs() / 1e9,
                    b.ns() / 1e9, cores, ceilings[r]);
        }
        if (runs > 1) {
            // single runs on a small shared machine vary by several percent: the median is the figure to quote
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "over %d runs: ratio median %.2f (%.2f-%.2f), %d of %d runs >= 0.70;"
                    + " ingest / EasyExcel median %.2f; CPU-bound ceiling median %.2f%n", runs, ChildJvm.median(ratios), sorted[0],
                    sorted[runs - 1], Arrays.stream(ratios).filter(x -> x >= 0.70).count(), runs, ChildJvm.median(overEasy),
                    ChildJvm.median(ceilings));
        }
    }

    private static void anchor(Path file) throws IOException {
        long c0 = ChildJvm.cpuNow();
        long t0 = System.nanoTime();
        long[] chars = {0};
        long rows = touchEveryCell(file, chars);
        long ns = System.nanoTime() - t0;
        long cpu = ChildJvm.cpuNow() - c0;
        System.out.printf(Locale.ROOT, "anchor: %d rows (%d chars) in %.2f s, heap max %d MB%n", rows, chars[0], ns / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        ChildJvm.result(rows, ns, cpu);
    }

    /**
     * The anchor's work on one workbook: a bare fastexcel-reader pass over every sheet with the reading options
     * ingestion uses, touching every cell's raw value.
     *
     * @param file the xlsx file
     * @param chars incremented by the length of every raw value
     * @return the rows read
     */
    static long touchEveryCell(Path file, long[] chars) throws IOException {
        long rows = 0;
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), XlsxFormat.OPTIONS)) {
            for (Sheet s : wb.getSheets().toList()) {
                try (var stream = s.openStream()) {
                    for (Row r : (Iterable<Row>) stream::iterator) {
                        rows++;
                        for (int i = 0; i < r.getCellCount(); i++) {
                            Cell c = r.getCell(i);
                            if (c != null) {
                                String v = c.getRawValue();
                                if (v != null) {
                                    chars[0] += v.length();
                                }
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /**
     * The second anchor: EasyExcel (4.0.3, test scope only) reads every row of every sheet into its default
     * row map of cell texts, as a listener-based EasyExcel import does; no row is taken as a header.
     */
    private static void easyExcel(Path file) {
        long c0 = ChildJvm.cpuNow();
        long t0 = System.nanoTime();
        long[] rows = {0};
        long[] chars = {0};
        com.alibaba.excel.EasyExcel.read(file.toFile(),
                new com.alibaba.excel.read.listener.ReadListener<java.util.Map<Integer, String>>() {
                    @Override
                    public void invoke(java.util.Map<Integer, String> row, com.alibaba.excel.context.AnalysisContext c) {
                        rows[0]++;
                        for (String v : row.values()) {
                            if (v != null) {
                                chars[0] += v.length();
                            }
                        }
                    }

                    @Override
                    public void doAfterAllAnalysed(com.alibaba.excel.context.AnalysisContext c) {
                        // counted as read
                    }
                }).headRowNumber(0).doReadAll();
        long ns = System.nanoTime() - t0;
        long cpu = ChildJvm.cpuNow() - c0;
        System.out.printf(Locale.ROOT, "easyexcel: %d rows (%d chars) in %.2f s, heap max %d MB%n", rows[0], chars[0], ns / 1e9,
                Runtime.getRuntime().maxMemory() >> 20);
        ChildJvm.result(rows[0], ns, cpu);
    }

    private static void ingest(Path file, Path warehouse) {
        long c0 = ChildJvm.cpuNow();
        long t0 = System.nanoTime();
        long[] mark = {t0};
        org.sanhui.ingestion.ProgressListener phases = new org.sanhui.ingestion.ProgressListener() {
            @Override
            public void fileStarted(Path f, int index) {
                System.out.printf(Locale.ROOT, "  prepared (sniff, zip check, layout, hash) after %.2f s%n", (System.nanoTime() - t0) / 1e9);
                mark[0] = System.nanoTime();
            }

            @Override
            public void fileFinished(IngestReport.FileReport r) {
                System.out.printf(Locale.ROOT, "  read, checked, written and committed in %.2f s%n", (System.nanoTime() - mark[0]) / 1e9);
            }
        };
        IngestReport rep = new Ingestor().ingest(List.of(file), IngestOptions.builder(warehouse).progress(phases).build());
        long ns = System.nanoTime() - t0;
        long cpu = ChildJvm.cpuNow() - c0;
        IngestReport.Totals t = rep.totals();
        System.out.printf(Locale.ROOT, "ingest: read %d accepted %d rejected %d skipped %d in %.2f s, heap max %d MB%n",
                t.read(), t.accepted(), t.rejected(), t.skipped(), ns / 1e9, Runtime.getRuntime().maxMemory() >> 20);
        if (t.rejected() > 0) {
            System.out.println("problems: " + rep.files().get(0).submissions().get(0).problems().subList(0, 3));
        }
        ChildJvm.result(t.read(), ns, cpu);
    }

    /**
     * The same ingest K times in one JVM, each into a fresh warehouse: how much of a cold run is the JVM
     * warming up (class loading, interpretation, JIT compilation) rather than the work itself.
     */
    private static void warm(Path file, Path warehouse, int times) throws IOException {
        long first = 0;
        for (int k = 1; k <= times; k++) {
            ChildJvm.deleteTree(warehouse);
            long t0 = System.nanoTime();
            IngestReport rep = new Ingestor().ingest(List.of(file), IngestOptions.builder(warehouse).build());
            long ns = System.nanoTime() - t0;
            first = k == 1 ? ns : first;
            System.out.printf(Locale.ROOT, "warm: ingest %d of %d in one JVM: %d rows in %.2f s (%.2f of the first)%n", k,
                    times, rep.totals().read(), ns / 1e9, ns / (double) first);
        }
        System.out.println("RESULT " + 1 + " " + first + " " + 0);
    }

    private static final String[] TYPES = {"科普宣传", "实用技术培训", "健康讲座义诊", "学术交流", "科技志愿服务", "青少年科技竞赛"};
    private static final String[] PLACES = {"掌政镇", "大新镇", "通贵乡", "月牙湖乡", "凤凰北街街道", "文化街街道"};
    private static final String[] GROUPS = {"青少年、老年人", "农民", "社区居民", "医务人员", "教师、青少年"};

    /** Writes the workbook directly as a streamed zip (inline strings, a date style), in seconds rather than minutes. */
    static void write(Path file, int rows) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tmp))) {
            put(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
                    + "</Types>");
            put(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            put(z, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"组织信息\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"活动记录\" sheetId=\"2\" r:id=\"rId2\"/>"
                    + "</sheets></workbook>");
            put(z, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
                    + "</Relationships>");
            put(z, "xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
                    + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
                    + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                    + "<borders count=\"1\"><border/></borders>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                    + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                    + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
                    + "</styleSheet>");
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(z, StandardCharsets.UTF_8), 1 << 16);
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(w, 1, "兴庆区基层科协组织信息（2024年第三季度）");
            row(w, 2, "组织编号", "组织名称", "组织类型", "所在地区");
            for (int i = 0; i < 50; i++) {
                row(w, i + 3, org(i), "兴庆区组织" + i, i % 2 == 0 ? "乡镇科协" : "医疗卫生学会", PLACES[i % PLACES.length]);
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            z.closeEntry();
            z.putNextEntry(new ZipEntry("xl/worksheets/sheet2.xml"));
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            row(w, 1, "兴庆区基层科协活动记录（2024年第三季度）");
            row(w, 2, "组织编号", "活动名称", "活动类型", "活动日期", "活动地点", "服务对象", "参加人数", "活动形式");
            long start = LocalDate.of(2024, 7, 1).toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
            StringBuilder b = new StringBuilder(512);
            for (int i = 0; i < rows; i++) {
                int r = i + 3;
                b.setLength(0);
                b.append("<row r=\"").append(r).append("\">");
                str(b, "A", r, org(i % 50));
                str(b, "B", r, "科普活动第" + i + "场");
                str(b, "C", r, TYPES[i % TYPES.length]);
                b.append("<c r=\"D").append(r).append("\" s=\"1\"><v>").append(start + i % 92).append("</v></c>");
                str(b, "E", r, PLACES[i % PLACES.length]);
                str(b, "F", r, GROUPS[i % GROUPS.length]);
                b.append("<c r=\"G").append(r).append("\"><v>").append(10 + i % 190).append("</v></c>");
                str(b, "H", r, i % 3 == 0 ? "线上" : "线下");
                b.append("</row>");
                w.write(b.toString());
            }
            w.write("</sheetData></worksheet>");
            w.flush();
            z.closeEntry();
        }
        Files.move(tmp, file);
    }

    private static String org(int i) {
        return String.format(Locale.ROOT, "XQ%03d", i);
    }

    private static void row(BufferedWriter w, int r, String... cells) throws IOException {
        StringBuilder b = new StringBuilder("<row r=\"").append(r).append("\">");
        for (int i = 0; i < cells.length; i++) {
            str(b, String.valueOf((char) ('A' + i)), r, cells[i]);
        }
        w.write(b.append("</row>").toString());
    }

    private static void str(StringBuilder b, String col, int r, String v) {
        b.append("<c r=\"").append(col).append(r).append("\" t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
    }

    private static void put(ZipOutputStream z, String name, String text) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }
}
