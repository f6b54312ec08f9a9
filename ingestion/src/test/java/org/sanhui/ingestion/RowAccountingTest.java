package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.IngestReport.SheetReport;
import org.sanhui.ingestion.IngestReport.SkipReason;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;

/**
 * Every non-blank row of a sheet is read and ends accepted, rejected or skipped with a reason, header rows
 * included; cells outside the header's columns are reported, not dropped silently.
 */
class RowAccountingTest {

    @TempDir
    Path tmp;

    private IngestReport ingest(Path wh, Path feedback, Path... files) {
        return new Ingestor().ingest(List.of(files), IngestOptions.builder(wh).feedbackDir(feedback).build());
    }

    /** Non-blank rows of a fixture sheet, counted by hand from its cells. */
    private static long nonBlank(List<List<Object>> rows) {
        return rows.stream().filter(r -> r.stream().anyMatch(c -> c != null && !c.toString().isBlank())).count();
    }

    // Before: header rows were counted nowhere (组织信息 read 9 of its 11 non-blank rows), and a row of empty
    // cells was read and skipped as if it held something.
    @Test
    void rowsReadAreTheSheetsNonBlankRowsHeaderRowsSkippedAsHeader() throws Exception {
        var s = IngestorTest.xingqing2024Q3();
        List<List<Object>> orgs = new ArrayList<>(s.get("组织信息"));
        orgs.add(6, row("", "", null, "")); // a row of empty cells between the detail rows
        s.put("组织信息", orgs);
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s);
        IngestReport rep = ingest(tmp.resolve("wh"), tmp.resolve("fb"), f);

        Map<String, SheetReport> sheets = rep.files().get(0).sheets().stream()
                .collect(Collectors.toMap(SheetReport::sheet, x -> x));
        // 组织信息: title, 填报 line, 2 header rows, 4 detail rows, 合计, 注, 填报人 = 11 non-blank rows
        assertThat(sheets.get("组织信息").read()).isEqualTo(nonBlank(orgs)).isEqualTo(11);
        assertThat(sheets.get("组织信息")).extracting("accepted", "rejected", "skipped").containsExactly(2L, 2L, 7L);
        assertThat(sheets.get("组织信息").skippedBy()).containsExactlyInAnyOrderEntriesOf(Map.of(SkipReason.TITLE, 1L,
                SkipReason.FILING_LINE, 1L, SkipReason.HEADER, 2L, SkipReason.TOTAL, 1L, SkipReason.NOTE, 1L,
                SkipReason.FOOTER, 1L));
        // 活动记录: title, header, 6 detail rows (3 accepted, 3 rejected)
        assertThat(sheets.get("活动记录").read()).isEqualTo(nonBlank(s.get("活动记录"))).isEqualTo(8);
        assertThat(sheets.get("活动记录")).extracting("accepted", "rejected", "skipped").containsExactly(3L, 3L, 2L);
        assertThat(sheets.get("活动记录").skippedBy()).containsExactlyInAnyOrderEntriesOf(
                Map.of(SkipReason.TITLE, 1L, SkipReason.HEADER, 1L));
        // the submission's counts are the same rows
        IngestReport.SubmissionReport sub = rep.files().get(0).submissions().get(0);
        assertThat(sub.sheets()).containsExactlyInAnyOrderElementsOf(rep.files().get(0).sheets());

        // the 回执's summary gives the same counts, and the reasons
        try (InputStream in = Files.newInputStream(rep.files().get(0).feedback().get(0));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheet("报送回执");
            List<String> lines = new ArrayList<>();
            for (int r = 0; r <= summary.getLastRowNum(); r++) {
                var row = summary.getRow(r);
                if (row == null || row.getCell(2) == null) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 2; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c).getStringCellValue());
                }
                lines.add(String.join("|", cells));
            }
            assertThat(lines).contains("组织信息|11|2|2|7|标题 1、填报单位行 1、表头 2、合计行 1、注释 1、落款 1",
                    "活动记录|8|3|3|2|标题 1、表头 1");
        }
    }

    // Before: the header row was not counted, so a CSV of a header and 3 rows read 3.
    @Test
    void csvHeaderLineIsReadAndSkippedAsHeader() throws Exception {
        Path f = tmp.resolve("in/640104_兴庆区_2024Q3_组织信息.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\nXQ002,掌政镇科协,乡镇科协\n"
                + "XQ003,通贵乡科协,乡镇科协\n", StandardCharsets.UTF_8);
        SheetReport s = ingest(tmp.resolve("wh"), null, f).files().get(0).sheets().get(0);
        assertThat(s).extracting("read", "accepted", "rejected", "skipped").containsExactly(4L, 3L, 0L, 1L);
        assertThat(s.skippedBy()).containsExactlyEntriesOf(Map.of(SkipReason.HEADER, 1L));
    }

    // Before: cells right of the last header column (and under a blank header) were dropped without a word.
    @Test
    void cellsOutsideTheHeadersColumnsAreOneLocatedWarningPerSheet() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型", null, "会员人数"),
                row("XQ001", "兴庆区科协", "县级科协", null, 30),
                row("XQ002", "掌政镇科协", "乡镇科协", null, 20, null, "多出的内容", "再多一格"),
                row("XQ003", "通贵乡科协", "乡镇科协", "表头空白的列", 10),
                row("XQ004", "月牙湖乡科协", "乡镇科协", null, 5, null, null, "x")));
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s);
        IngestReport rep = ingest(tmp.resolve("wh"), tmp.resolve("fb"), f);

        IngestReport.FileReport fr = rep.files().get(0);
        assertThat(fr.outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(fr.sheets().get(0)).extracting("accepted", "rejected").containsExactly(4L, 0L);
        List<Problem> extra = all(fr).stream().filter(p -> p.code() == ProblemCode.EXTRA_CELLS).toList();
        assertThat(extra).hasSize(1);
        Problem p = extra.get(0);
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        // the first such row (4) and its first such column (G: the 7th)
        assertThat(p.location().sheet()).isEqualTo("组织信息");
        assertThat(p.location().row()).isEqualTo(4);
        assertThat(p.location().column()).isEqualTo("G");
        assertThat(p.messageZh()).contains("第 4、5、6 行").contains("3 行");
        assertThat(p.messageEn()).contains("rows 4, 5, 6").contains("3 rows");
        // and in the 回执's problem list
        try (InputStream in = Files.newInputStream(fr.feedback().get(0)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet list = wb.getSheet("问题清单");
            boolean found = false;
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                var row = list.getRow(r);
                if (row.getCell(2).getStringCellValue().equals(ProblemCode.EXTRA_CELLS.labelZh())) {
                    found = true;
                    assertThat(row.getCell(1).getStringCellValue()).isEqualTo("警告");
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("组织信息");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("4");
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("G");
                }
            }
            assertThat(found).isTrue();
        }
    }

    // Before: a row with 200,000 cells right of its header was accepted without a warning.
    @Test
    void aRowOfTwoHundredThousandExtraCellsGivesOneWarning() throws Exception {
        Path f = tmp.resolve("in/640104_兴庆区_2024Q3_组织信息.csv");
        Files.createDirectories(f.getParent());
        StringBuilder b = new StringBuilder("组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协");
        for (int i = 0; i < 200_000; i++) {
            b.append(",x");
        }
        b.append("\nXQ002,掌政镇科协,乡镇科协\n");
        Files.writeString(f, b, StandardCharsets.UTF_8);
        IngestReport.FileReport fr = ingest(tmp.resolve("wh"), null, f).files().get(0);
        assertThat(fr.sheets().get(0)).extracting("read", "accepted", "rejected").containsExactly(3L, 2L, 0L);
        List<Problem> extra = all(fr).stream().filter(p -> p.code() == ProblemCode.EXTRA_CELLS).toList();
        assertThat(extra).hasSize(1);
        assertThat(extra.get(0).location().row()).isEqualTo(2);
        assertThat(extra.get(0).location().column()).isEqualTo("D");
        assertThat(fr.submissions().get(0).problemCounts()).containsEntry(ProblemCode.EXTRA_CELLS, 1L);
    }

    static List<Problem> all(IngestReport.FileReport fr) {
        List<Problem> out = new ArrayList<>(fr.problems());
        fr.submissions().forEach(s -> out.addAll(s.problems()));
        return out;
    }
}
