package org.sanhui.ingestion.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.IngestOptions;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.Ingestor;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;

class TemplateWriterTest {

    @TempDir
    Path tmp;

    private Path template() {
        Path f = tmp.resolve("模板.xlsx");
        new TemplateWriter(Gazetteer.national()).write(f, "640104", Period.parse("2024Q4"));
        return f;
    }

    @Test
    void templateHasInstructionsFrozenCommentedHeadersAndDropdowns() throws Exception {
        try (InputStream in = Files.newInputStream(template()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("填报说明");
            assertThat(wb.getSheet("组织信息")).isNotNull();
            assertThat(wb.getSheet("关键人物")).isNotNull();
            assertThat(wb.getSheet("活动记录")).isNotNull();
            assertThat(wb.isSheetHidden(wb.getSheetIndex("_lists"))).isTrue();
            Sheet org = wb.getSheet("组织信息");
            assertThat(org.getRow(0).getCell(0).getStringCellValue()).isEqualTo("银川市兴庆区基层科协组织信息统计表（2024年第四季度）");
            assertThat(org.getPaneInformation().isFreezePane()).isTrue();
            assertThat(org.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 3);
            Row h = org.getRow(2);
            assertThat(h.getCell(1).getStringCellValue()).isEqualTo("组织名称*");
            assertThat(h.getCell(1).getCellComment().getString().getString()).startsWith("必填。");
            for (Cell c : h) {
                assertThat(c.getCellComment()).as(c.getStringCellValue()).isNotNull();
            }
            List<? extends DataValidation> v = org.getDataValidations();
            assertThat(v).anySatisfy(d -> assertThat(d.getValidationConstraint().getFormula1()).isEqualTo("list_kind"));
            assertThat(v).anySatisfy(d -> assertThat(d.getValidationConstraint().getFormula1()).isEqualTo("list_township"));
            assertThat(v).anySatisfy(d -> assertThat(d.getValidationConstraint().getFormula1()).isEqualTo("list_boolean"));
            assertThat(v).anySatisfy(d -> assertThat(d.getValidationConstraint().getFormula1()).isEqualTo("0"));
            assertThat(v).anySatisfy(d -> assertThat(d.getValidationConstraint().getFormula1()).isEqualTo("DATE(1949,10,1)"));
            Sheet lists = wb.getSheet("_lists");
            boolean township = false;
            for (Row r : lists) {
                for (Cell c : r) {
                    township |= c.getStringCellValue().equals("掌政镇");
                }
            }
            assertThat(township).isTrue();
            for (Cell c : wb.getSheet("关键人物").getRow(2)) {
                assertThat(c.getStringCellValue()).doesNotContain("电话");
            }
        }
    }

    @Test
    void templateFilledWithValidRowsIngestsWithoutAnyProblem() throws Exception {
        Path f = template();
        Path filled = tmp.resolve("in/兴庆区_2024Q4.xlsx");
        Files.createDirectories(filled.getParent());
        try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            fill(wb.getSheet("组织信息"), List.of(
                    Map.ofEntries(Map.entry("组织编号", "XQ001"), Map.entry("组织名称", "兴庆区科协"), Map.entry("组织类型", "县级科协"),
                            Map.entry("所在地区", "掌政镇"), Map.entry("成立日期", "2019-05-01"), Map.entry("状态", "正常"),
                            Map.entry("负责人姓名", "王小芳"), Map.entry("负责人职务", "主席"), Map.entry("依托单位", "兴庆区科技局"),
                            Map.entry("会员单位数", "12"), Map.entry("会员人数", "300"), Map.entry("对口省级学会", "宁夏科协"),
                            Map.entry("章程", "是"), Map.entry("会员（代表）大会", "是"), Map.entry("理事会", "是"),
                            Map.entry("财务制度", "是"), Map.entry("会员管理制度", "否"), Map.entry("是否建立党组织", "是"),
                            Map.entry("社会组织等级", "3A"), Map.entry("缺编制", "否"), Map.entry("缺人员", "否"),
                            Map.entry("缺经费", "是"), Map.entry("缺场地", "否"))));
            fill(wb.getSheet("关键人物"), List.of(Map.of("姓名", "李明", "工作单位", "兴庆区人民医院", "关键人物类别", "医院院长",
                    "组织编号", "XQ001", "任职组织", "兴庆区科协", "科协职务", "兼职副主席", "任职开始日期", "2023-01-01",
                    "任职结束日期", "2025-12-31")));
            fill(wb.getSheet("活动记录"), List.of(Map.of("组织编号", "XQ001", "主办单位", "兴庆区科协", "活动名称", "科普讲座",
                    "活动类型", "科普宣传", "活动日期", "2024-11-05", "活动地点", "掌政镇", "服务对象", "青少年、老年人",
                    "参加人数", "80", "合作省级学会", "宁夏医学会", "活动形式", "线下")));
            for (String s : List.of("组织信息", "关键人物", "活动记录")) {
                Row line = wb.getSheet(s).getRow(1);
                for (Cell c : line) {
                    if (c.getStringCellValue().startsWith("填报日期")) {
                        c.setCellValue("填报日期：2025年1月8日");
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(filled)) {
                wb.write(os);
            }
        }
        IngestReport rep = new Ingestor().ingest(List.of(filled), IngestOptions.builder(tmp.resolve("wh")).build());
        IngestReport.FileReport fr = rep.files().get(0);
        assertThat(fr.problems()).isEmpty();
        assertThat(fr.submissions()).hasSize(1);
        IngestReport.SubmissionReport s = fr.submissions().get(0);
        assertThat(s.problems()).as(s.problems().toString()).isEmpty();
        assertThat(s.county()).isEqualTo("640104");
        assertThat(s.period()).isEqualTo(Period.parse("2024Q4"));
        assertThat(s.filingDate()).hasToString("2025-01-08");
        assertThat(s.datasets()).containsExactly("organisations", "posts", "activities");
        assertThat(fr.sheets()).extracting(IngestReport.SheetReport::accepted).containsExactly(1L, 1L, 1L);
        assertThat(fr.sheets()).extracting(IngestReport.SheetReport::rejected).containsExactly(0L, 0L, 0L);
        assertThat(rep.exitCode()).isZero();
    }

    @Test
    void refusesANonCountyCode() {
        assertThatThrownBy(() -> new TemplateWriter(Gazetteer.national()).write(tmp.resolve("x.xlsx"), "6401",
                Period.parse("2024Q4"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-digit county");
    }

    private static void fill(Sheet s, List<Map<String, String>> rows) {
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : s.getRow(TemplateWriter.HEADER_ROW - 1)) {
            col.put(c.getStringCellValue().replace("*", ""), c.getColumnIndex());
        }
        int r = TemplateWriter.HEADER_ROW;
        for (Map<String, String> values : rows) {
            Row row = s.createRow(r++);
            values.forEach((k, v) -> {
                Integer i = col.get(k);
                assertThat(i).as("template column " + k + " in " + col.keySet()).isNotNull();
                row.createCell(i).setCellValue(v);
            });
        }
    }
}
