package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.ProblemCode;

/**
 * The 回执 shows values as the clerk typed them or saw them in Excel: date cells as dates, numbers without a
 * trailing ".0", and a plain number (-5) without the apostrophe that guards text a spreadsheet could run.
 */
class FeedbackValuesTest {

    @TempDir
    Path tmp;

    private Path feedback(Path file) {
        IngestReport rep = new Ingestor().ingest(List.of(file),
                IngestOptions.builder(tmp.resolve("wh")).feedbackDir(tmp.resolve("fb")).build());
        return rep.files().get(0).feedback().get(0);
    }

    /** The 问题清单 as code label -> 填写内容 (the first of each code). */
    private static Map<String, String> valuesByCode(XSSFWorkbook wb) {
        Map<String, String> out = new HashMap<>();
        Sheet s = wb.getSheet("问题清单");
        for (int r = 1; r <= s.getLastRowNum(); r++) {
            var row = s.getRow(r);
            out.putIfAbsent(row.getCell(2).getStringCellValue(), row.getCell(7).getStringCellValue());
        }
        return out;
    }

    /** A rejected-rows sheet as header -> cell of its first row. */
    private static Map<String, String> firstRejected(XSSFWorkbook wb, String sheet) {
        Sheet s = wb.getSheet("退回行-" + sheet);
        Map<String, String> out = new HashMap<>();
        for (Cell h : s.getRow(0)) {
            Cell c = s.getRow(1).getCell(h.getColumnIndex());
            out.put(h.getStringCellValue(), c == null ? "" : c.getStringCellValue());
        }
        return out;
    }

    // Before: 序号 4.0, 成立日期 45139.0 (the Excel serial), 会员人数 '-5.0 and 活动日期 45584.0.
    @Test
    void workbookValuesAppearAsTypedDatesAsDatesNumbersWhole() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区基层科协组织信息（2024年第三季度）"),
                row("序号", "组织编号", "组织名称", "组织类型", "成立日期", "会员人数"),
                row(1, "XQ001", "兴庆区科协", "县级科协", LocalDate.of(2001, 5, 1), 30),
                row(4, "XQ004", "兴庆区医疗卫生学会", "医疗卫生学会", LocalDate.of(2023, 8, 1), -5)));
        s.put("活动记录", List.of(row("组织编号", "活动名称", "活动类型", "活动日期", "参加人数"),
                row("XQ001", "冬季讲座", "科普宣传", LocalDate.of(2024, 10, 20), 40)));
        Path fb = feedback(Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s));

        try (InputStream in = Files.newInputStream(fb); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Map<String, String> values = valuesByCode(wb);
            assertThat(values.get(ProblemCode.NEGATIVE_COUNT.labelZh())).isEqualTo("-5");
            assertThat(values.get(ProblemCode.DATE_AFTER_PERIOD.labelZh())).isEqualTo("2024-10-20");
            Map<String, String> org = firstRejected(wb, "组织信息");
            assertThat(org).containsEntry("序号", "4").containsEntry("成立日期", "2023-08-01")
                    .containsEntry("会员人数", "-5");
            Map<String, String> act = firstRejected(wb, "活动记录");
            assertThat(act).containsEntry("活动日期", "2024-10-20").containsEntry("参加人数", "40");
        }
    }

    @Test
    void csvValuesAppearExactlyAsWritten() throws Exception {
        Path f = tmp.resolve("in/640104_兴庆区_2024Q3_组织信息.csv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "序号,组织编号,组织名称,组织类型,成立日期,会员人数\n4.0,XQ004,兴庆区医疗卫生学会,医疗卫生学会,45139,-5.0\n",
                StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(feedback(f)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(firstRejected(wb, "640104_兴庆区_2024Q3_组织信息")).containsEntry("序号", "4.0")
                    .containsEntry("成立日期", "45139").containsEntry("会员人数", "-5.0");
        }
    }

    @Test
    void textThatASpreadsheetCouldRunIsStillGuarded() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区基层科协组织信息（2024年第三季度）"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "=HYPERLINK(\"http://x\")", "不存在的类型"), row("XQ002", "-1+2", "也不存在")));
        try (InputStream in = Files.newInputStream(feedback(Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s)));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet rows = wb.getSheet("退回行-组织信息");
            assertThat(rows.getRow(1).getCell(2).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
            assertThat(rows.getRow(2).getCell(2).getStringCellValue()).isEqualTo("'-1+2");
        }
    }
}
