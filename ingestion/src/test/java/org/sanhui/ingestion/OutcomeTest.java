package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;

/** A file's outcome has one definition, which the report, the exit code and the 回执 share. */
class OutcomeTest {

    @TempDir
    Path tmp;

    private IngestReport ingest(Path file) {
        return new Ingestor().ingest(List.of(file),
                IngestOptions.builder(tmp.resolve("wh")).feedbackDir(tmp.resolve("fb")).build());
    }

    /** The 处理结果 cells of a 回执's summary sheet. */
    private static List<String> outcomesInFeedback(Path workbook) throws Exception {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("报送回执");
            boolean table = false;
            for (int r = 0; r <= s.getLastRowNum(); r++) {
                var row = s.getRow(r);
                if (row == null || row.getCell(1) == null) {
                    continue;
                }
                if (table) {
                    out.add(row.getCell(1).getStringCellValue());
                }
                table |= row.getCell(1).getStringCellValue().equals("处理结果");
            }
        }
        return out;
    }

    // Before: the console said ACCEPTED (exit 0) while the 回执 said 部分接收, because the 回执 marked every file
    // with a file-level problem as partly accepted, warnings included.
    @Test
    void fileWithOnlyFileLevelWarningsIsAcceptedInTheReportAndInTheFeedback() throws Exception {
        var s = Workbooks.sheets();
        s.put("Sheet1", List.of(row("兴庆区基层科协组织信息（2024年第三季度）"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协"), row("XQ002", "掌政镇科协", "乡镇科协")));
        IngestReport rep = ingest(Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s));

        IngestReport.FileReport f = rep.files().get(0);
        assertThat(f.problems()).extracting(Problem::code).containsExactly(ProblemCode.SHEET_NAME_GUESSED);
        assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(rep.exitCode()).isZero();
        assertThat(f.feedback()).hasSize(1);
        assertThat(outcomesInFeedback(f.feedback().get(0))).containsOnly(IngestReport.Outcome.ACCEPTED.label())
                .isNotEmpty();
    }

    @Test
    void aRefusedSheetMakesTheFilePartlyAcceptedInTheReportAndInTheFeedback() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协")));
        s.put("活动记录", List.of(row("组织编号", "活动类型", "活动日期"), row("XQ001", "科普宣传", "2024-09-15")));
        IngestReport rep = ingest(Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s));

        IngestReport.FileReport f = rep.files().get(0);
        assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.PARTIAL);
        assertThat(rep.exitCode()).isEqualTo(1);
        assertThat(outcomesInFeedback(f.feedback().get(0))).containsOnly(IngestReport.Outcome.PARTIAL.label())
                .isNotEmpty();
    }

    // Before: a file whose only sheet lacks a column got a FATAL MISSING_SHEET ("no sheet of the file could be
    // recognised ... sheets: [活动记录]") on top of the true MISSING_COLUMN.
    @Test
    void aFileMissingAColumnIsRefusedForTheMissingColumnOnly() throws Exception {
        var s = Workbooks.sheets();
        s.put("活动记录", List.of(row("兴庆区基层科协活动记录（2024年第三季度）"), row("组织编号", "活动类型", "活动日期"),
                row("XQ001", "科普宣传", "2024-09-15")));
        IngestReport rep = ingest(Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s));

        IngestReport.FileReport f = rep.files().get(0);
        assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.REFUSED);
        assertThat(f.problems()).extracting(Problem::code, Problem::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.MISSING_COLUMN, Severity.FATAL));
        Problem p = f.problems().get(0);
        assertThat(p.location().sheet()).isEqualTo("活动记录");
        assertThat(p.location().row()).isEqualTo(2);
        assertThat(p.location().column()).isEqualTo("活动名称");
        assertThat(outcomesInFeedback(f.feedback().get(0))).containsOnly(IngestReport.Outcome.REFUSED.label());
    }
}
