package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary {@code sanhui ingest} prints: besides refusals, the warnings that concern a whole sheet or file
 * (a 合计 row that differs from its detail rows, cells outside the header's columns, evaluations of
 * organisations no 组织信息 knows), located; and files ingested before and unchanged are said to be.
 */
class IngestSummaryTest {

    /** Runs the command line in this JVM; returns its exit code and what it printed. */
    private static String[] run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run(args);
        } finally {
            System.setOut(saved);
        }
        return new String[] {Integer.toString(rc), buf.toString(StandardCharsets.UTF_8)};
    }

    /** The totals line from its submission count on. */
    private static String totals(List<String> lines) {
        String last = lines.get(lines.size() - 1);
        return last.replaceAll("^.*?(\\d+ submissions: )", "$1");
    }

    private static Path workbook(Path file, String sheet, Object[]... rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet(sheet);
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r);
                for (int i = 0; i < rows[r].length; i++) {
                    Object v = rows[r][i];
                    if (v instanceof Number n) {
                        row.createCell(i).setCellValue(n.doubleValue());
                    } else if (v != null) {
                        row.createCell(i).setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
        }
        return file;
    }

    // Before: the summary printed only refusals: a wrong 合计 row, cells beyond the header and evaluations of
    // unknown organisations appeared in the 回执 alone, and a rerun said nothing of the files it had seen.
    @Test
    void summaryShowsSheetWarningsAndUnchangedFiles(@TempDir Path tmp) throws Exception {
        Path county = workbook(tmp.resolve("in/640104_兴庆区_2024Q3.xlsx"), "活动记录",
                new Object[] {"兴庆区基层科协活动记录（2024年第三季度）"},
                new Object[] {"主办单位", "活动名称", "活动类型", "活动日期", "参加人数"},
                new Object[] {"兴庆区科协", "科普日", "科普宣传", "2024-09-15", 30},
                new Object[] {"兴庆区科协", "科普周", "科普宣传", "2024-09-20", 50, null, "多出的一格"},
                new Object[] {"合计", null, null, null, 99});
        Path orgs = workbook(tmp.resolve("in/640104_兴庆区_2024Q3_组织.xlsx"), "组织信息",
                new Object[] {"兴庆区 2024年第三季度"},
                new Object[] {"组织编号", "组织名称", "组织类型"},
                new Object[] {"XQ001", "兴庆区科协", "县级科协"});
        Path evals = workbook(tmp.resolve("in/64_宁夏回族自治区_2024年度评价.xlsx"), "年度评价",
                new Object[] {"宁夏回族自治区基层学会年度评价结果（2024年度）"},
                new Object[] {"所在县（区）", "组织编号", "组织名称", "评价年度", "评价等次"},
                new Object[] {"兴庆区", "XQ001", "兴庆区科协", 2024, "A"},
                new Object[] {"兴庆区", "XQ009", "兴庆区农业技术学会", 2024, "B"});
        String wh = tmp.resolve("wh").toString();

        String[] first = run("ingest", "--warehouse", wh, county.toString(), orgs.toString(), evals.toString());
        assertThat(first[0]).as(first[1]).isEqualTo("0");
        List<String> lines = first[1].lines().toList();
        assertThat(lines).anyMatch(l -> l.contains("WARNING TOTAL_MISMATCH") && l.contains("sheet '活动记录' row 5")
                && l.contains("column '参加人数'") && l.contains("99") && l.contains("80"));
        assertThat(lines).anyMatch(l -> l.contains("WARNING EXTRA_CELLS") && l.contains("sheet '活动记录' row 4")
                && l.contains("column 'G'"));
        assertThat(lines).anyMatch(l -> l.contains("WARNING UNKNOWN_EVALUATED_ORGANISATION")
                && l.contains("sheet '年度评价' row 4") && l.contains("XQ009"));
        assertThat(lines).noneMatch(l -> l.contains("already ingested"));

        String[] again = run("ingest", "--warehouse", wh, county.toString(), orgs.toString(), evals.toString());
        assertThat(again[0]).isEqualTo("0");
        List<String> second = again[1].lines().toList();
        assertThat(second.stream().filter(l -> l.startsWith("    already ingested, unchanged"))).hasSize(3);
        // the same counts as the first time
        assertThat(totals(second)).isEqualTo(totals(lines));
        assertThat(second.get(second.size() - 1)).contains("3 already ingested, unchanged");
    }

    // Before: ingest and run built their ingestion options without the --config rules, so configured
    // grade words never reached ingestion and the evaluation row was rejected as UNMAPPED_GRADE.
    @Test
    void configuredGradeWordsReachIngestion(@TempDir Path tmp) throws Exception {
        Path orgs = workbook(tmp.resolve("in/640104_兴庆区_2024Q3_组织.xlsx"), "组织信息",
                new Object[] {"兴庆区 2024年第三季度"},
                new Object[] {"组织编号", "组织名称", "组织类型"},
                new Object[] {"XQ001", "兴庆区基层医疗卫生学会", "医疗卫生学会"});
        Path evals = workbook(tmp.resolve("in/64_宁夏回族自治区_2024年度评价.xlsx"), "年度评价",
                new Object[] {"宁夏回族自治区基层学会年度评价结果（2024年度）"},
                new Object[] {"所在县（区）", "组织编号", "组织名称", "评价年度", "评价等次"},
                new Object[] {"兴庆区", "XQ001", "兴庆区基层医疗卫生学会", 2024, "甲等"});
        Path config = tmp.resolve("rules.properties");
        Files.writeString(config, "grade.words.A = A, 优秀, 甲等\n", StandardCharsets.UTF_8);
        String wh = tmp.resolve("wh").toString();

        String[] plain = run("ingest", "--warehouse", tmp.resolve("wh0").toString(), orgs.toString(), evals.toString());
        assertThat(plain[0]).as(plain[1]).isEqualTo("1"); // 甲等 is no default word: the row is rejected
        String[] configured = run("ingest", "--config", config.toString(), "--warehouse", wh, orgs.toString(),
                evals.toString());
        assertThat(configured[0]).as(configured[1]).isEqualTo("0");
        assertThat(configured[1]).doesNotContain("UNMAPPED_GRADE").contains("0 rejected");
    }
}
