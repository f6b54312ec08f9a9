package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.warehouse.ParquetRows;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

/**
 * An evaluation row naming an organisation that no accepted 组织信息 of its county knows (in the warehouse or
 * earlier in the same run) is kept, with a located warning; one that names a known organisation by its name
 * or 组织编号 is stored under that organisation's key.
 */
class EvaluatedOrganisationTest {

    @TempDir
    Path tmp;

    private Path county() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协"), row("XQ003", "兴庆区医疗卫生学会", "医疗卫生学会")));
        return Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s);
    }

    private Path evaluations() throws Exception {
        var s = Workbooks.sheets();
        s.put("年度评价", List.of(row("宁夏回族自治区基层学会年度评价结果（2024年度）"),
                row("所在县（区）", "组织编号", "组织名称", "组织类型", "评价年度", "评价等次"),
                row("兴庆区", "XQ003", "兴庆区医疗卫生学会", "医疗卫生学会", 2024, "A"),
                row("兴庆区", "无", "兴庆区农业技术学会", "农业技术学会", 2024, "B"),
                row("兴庆区", null, "兴庆区科协", "县级科协", 2024, "A"),
                row("兴庆区", "XQ777", "兴庆区科技教育学会", "科技教育学会", 2024, "C")));
        return Workbooks.xlsx(tmp.resolve("in/64_宁夏回族自治区_2024年度评价.xlsx"), s);
    }

    private static List<Problem> unknown(IngestReport.FileReport f) {
        return RowAccountingTest.all(f).stream().filter(p -> p.code() == ProblemCode.UNKNOWN_EVALUATED_ORGANISATION)
                .toList();
    }

    private static void checkWarnings(IngestReport.FileReport f) {
        assertThat(f.outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(f.sheets().get(0)).extracting("accepted", "rejected").containsExactly(4L, 0L);
        List<Problem> w = unknown(f);
        assertThat(w).extracting(p -> p.location().row() + "|" + p.location().column() + "|" + p.value())
                .containsExactly("4|组织名称|兴庆区农业技术学会", "6|组织编号|XQ777");
        assertThat(w).allMatch(p -> p.severity() == Severity.WARNING && p.location().sheet().equals("年度评价"));
    }

    // Before: every evaluation row was accepted without a word, whether its organisation was known or not.
    @Test
    void evaluationsOfOrganisationsNoSnapshotKnowsAreKeptWithAWarning() throws Exception {
        Path wh = tmp.resolve("wh");
        new Ingestor().ingest(List.of(county()), IngestOptions.builder(wh).build());
        IngestReport rep = new Ingestor().ingest(List.of(evaluations()),
                IngestOptions.builder(wh).feedbackDir(tmp.resolve("fb")).build());
        IngestReport.FileReport f = rep.files().get(0);
        checkWarnings(f);
        assertThat(rep.exitCode()).isZero();

        // the known ones are stored under their organisation's key, the 组织编号's when it was named by name only
        List<String> keys = new ArrayList<>();
        for (LiveFile lf : LiveManifest.read(wh).of(Datasets.EVALUATIONS.name())) {
            for (Map<String, Object> r : ParquetRows.read(wh.resolve(lf.path()), Datasets.EVALUATIONS)) {
                keys.add(r.get(Datasets.ORG_KEY) + "|" + r.get(Datasets.GRADE));
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("640104/XQ003|A", "640104/兴庆区农业技术学会|B", "640104/XQ001|A",
                "640104/XQ777|C");

        // in the province's 回执
        assertThat(f.feedback()).hasSize(1);
        try (InputStream in = Files.newInputStream(f.feedback().get(0)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet list = wb.getSheet("问题清单");
            List<String> rows = new ArrayList<>();
            for (int r = 1; r <= list.getLastRowNum(); r++) {
                var row = list.getRow(r);
                if (row.getCell(2).getStringCellValue().equals(ProblemCode.UNKNOWN_EVALUATED_ORGANISATION.labelZh())) {
                    rows.add(row.getCell(1).getStringCellValue() + "|" + row.getCell(4).getStringCellValue() + "|"
                            + row.getCell(5).getStringCellValue() + "|" + row.getCell(6).getStringCellValue());
                }
            }
            assertThat(rows).containsExactly("警告|年度评价|4|组织名称", "警告|年度评价|6|组织编号");
        }
    }

    @Test
    void organisationsAcceptedEarlierInTheSameRunAreKnown() throws Exception {
        IngestReport rep = new Ingestor().ingest(List.of(evaluations(), county()),
                IngestOptions.builder(tmp.resolve("wh")).build());
        checkWarnings(rep.files().stream().filter(x -> x.file().getFileName().toString().contains("评价")).findFirst()
                .orElseThrow());
    }

    @Test
    void aDryRunKnowsTheOrganisationsOfTheFilesBeforeIt() throws Exception {
        IngestReport rep = new Ingestor().ingest(List.of(evaluations(), county()),
                IngestOptions.builder(tmp.resolve("wh")).dryRun(true).build());
        checkWarnings(rep.files().stream().filter(x -> x.file().getFileName().toString().contains("评价")).findFirst()
                .orElseThrow());
    }
}
