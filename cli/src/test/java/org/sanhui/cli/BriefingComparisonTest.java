package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The briefing compares every headline rate with the quarter before and the same quarter a year before, in
 * percentage points, with figures that one {@code sanhui run} computed from the warehouse. Regression: the
 * columns 上季度, 较上季度 and 去年同期 of table 1 showed "—" for every rate although the earlier quarters were
 * in the warehouse, because only P was analysed.
 *
 * <p>Input: one CSV per sheet, as counties send them, for three quarters of two counties of Ningxia (22 counties,
 * 243 townships of the denominator):
 * <pre>
 * 640104 兴庆区, 2023Q4, 2024Q3, 2024Q4: 县科协 (the three roles), the three societies, 掌政镇科协 (the three
 *   roles); 2024Q4 adds 大新镇科协 (est 2024-11-01). Activities: 2023-11-20 科普 (30 people), 2024-08-10 学术会议
 *   of the 科技教育学会 (50), 2024-10-20 科普 of 掌政镇科协 (40)
 * 640105 西夏区, 2024Q3 and 2024Q4 only: 县科协 (school principal; 2024Q4 adds the other two from 2024-11-01),
 *   科技教育 and 农业技术学会, 兴泾镇科协 (no vice-chair); 2024Q4 adds the 医疗卫生学会 (est 2024-10-15) and a
 *   学术会议 of the 农业技术学会 on 2024-11-05 (60)
 * every organisation: 10 members
 * </pre>
 * Expected, worked out by hand (now / 2024Q3 / 2023Q4): 三会 full coverage 2/22 9.1% / 1/22 4.5% / 1/22 4.5%;
 * township 科协 3/243 1.2% / 2/243 0.8% / 1/243 0.4%; county "3+1" 2/2 / 1/2 / 1/1; township "3+1" 1/3 / 1/2 /
 * 1/1; norms (a conference to date, medical also ceil(5q/4) activities) 2/6 / 1/5 / 0/3; reporting 2/22 / 2/22 /
 * 1/22; organisations 11 / 9 / 5; members 110 / 90 / 50; participants 100 / 50 / 30. Changes in points are
 * taken between the rates as printed (9.1 − 4.5 = 4.6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BriefingComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORG_HEADER = "组织编号,组织名称,组织类型,所在地区,成立日期,状态,会员人数";
    private static final String POST_HEADER = "姓名,工作单位,关键人物类别,组织编号,任职组织,科协职务,任职开始日期,任职结束日期";
    private static final String ACT_HEADER = "组织编号,主办单位,活动名称,活动类型,活动日期,活动地点,服务对象,参加人数,活动形式";

    @TempDir
    static Path in;
    @TempDir
    static Path out;

    private int exit;
    private String stdout;
    private JsonNode json;
    private String pdf;

    @BeforeAll
    void runOnce() throws IOException {
        for (String q : List.of("2023Q4", "2024Q3", "2024Q4")) {
            List<String> orgs = new ArrayList<>(List.of(
                    "640104-001,兴庆区科学技术协会,县级科协,兴庆区,2015-01-01,正常,10",
                    "640104-002,兴庆区基层科技教育学会,基层科技教育学会,兴庆区,2020-01-01,正常,10",
                    "640104-003,兴庆区基层医疗卫生学会,基层医疗卫生学会,兴庆区,2020-01-01,正常,10",
                    "640104-004,兴庆区基层农业技术学会,基层农业技术学会,兴庆区,2020-01-01,正常,10",
                    "640104-005,掌政镇科学技术协会,乡镇（街道）科协,掌政镇,2018-01-01,正常,10"));
            if (q.equals("2024Q4")) {
                orgs.add("640104-006,大新镇科学技术协会,乡镇（街道）科协,大新镇,2024-11-01,正常,10");
            }
            csv(q, "640104_兴庆区_" + q + "_组织信息.csv", ORG_HEADER, orgs);
            csv(q, "640104_兴庆区_" + q + "_关键人物.csv", POST_HEADER, List.of(
                    "甲,兴庆区人民医院,医院院长,640104-001,兴庆区科学技术协会,兼职副主席,2023-03-01,",
                    "乙,兴庆区第一中学,学校校长,640104-001,兴庆区科学技术协会,兼职副主席,2023-03-01,",
                    "丙,兴庆区农技推广中心,农技站站长,640104-001,兴庆区科学技术协会,兼职副主席,2023-03-01,",
                    "丁,掌政镇卫生院,医院院长,640104-005,掌政镇科学技术协会,兼职副主席,2022-01-01,",
                    "戊,掌政镇中心小学,学校校长,640104-005,掌政镇科学技术协会,兼职副主席,2022-01-01,",
                    "己,掌政镇农技站,农技站站长,640104-005,掌政镇科学技术协会,兼职副主席,2022-01-01,"));
        }
        csv("2023Q4", "640104_兴庆区_2023Q4_活动记录.csv", ACT_HEADER, List.of(
                "640104-002,兴庆区基层科技教育学会,科普进校园,科普宣传,2023-11-20,兴庆区,青少年,30,线下"));
        csv("2024Q3", "640104_兴庆区_2024Q3_活动记录.csv", ACT_HEADER, List.of(
                "640104-002,兴庆区基层科技教育学会,科学教育年会,学术会议,2024-08-10,兴庆区,教师,50,线下"));
        csv("2024Q4", "640104_兴庆区_2024Q4_活动记录.csv", ACT_HEADER, List.of(
                "640104-005,掌政镇科学技术协会,科普大集,科普宣传,2024-10-20,掌政镇,农民,40,线下"));
        for (String q : List.of("2024Q3", "2024Q4")) {
            List<String> orgs = new ArrayList<>(List.of(
                    "640105-001,西夏区科学技术协会,县级科协,西夏区,2016-01-01,正常,10",
                    "640105-002,西夏区基层科技教育学会,基层科技教育学会,西夏区,2020-01-01,正常,10",
                    "640105-003,西夏区基层农业技术学会,基层农业技术学会,西夏区,2020-01-01,正常,10",
                    "640105-005,兴泾镇科学技术协会,乡镇（街道）科协,兴泾镇,2019-01-01,正常,10"));
            List<String> posts = new ArrayList<>(List.of(
                    "庚,西夏区第一中学,学校校长,640105-001,西夏区科学技术协会,兼职副主席,2024-01-10,"));
            if (q.equals("2024Q4")) {
                orgs.add("640105-004,西夏区基层医疗卫生学会,基层医疗卫生学会,西夏区,2024-10-15,正常,10");
                posts.add("辛,西夏区人民医院,医院院长,640105-001,西夏区科学技术协会,兼职副主席,2024-11-01,");
                posts.add("壬,西夏区农技推广中心,农技站站长,640105-001,西夏区科学技术协会,兼职副主席,2024-11-01,");
            }
            csv(q, "640105_西夏区_" + q + "_组织信息.csv", ORG_HEADER, orgs);
            csv(q, "640105_西夏区_" + q + "_关键人物.csv", POST_HEADER, posts);
        }
        csv("2024Q4", "640105_西夏区_2024Q4_活动记录.csv", ACT_HEADER, List.of(
                "640105-003,西夏区基层农业技术学会,农业技术学术会议,学术会议,2024-11-05,西夏区,农民,60,线下"));

        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            exit = Main.run("run", "--period", "2024Q4", "--input", in.toString(), "--out", out.toString());
        } finally {
            System.setOut(saved);
        }
        stdout = buf.toString(StandardCharsets.UTF_8);
        json = JSON.readTree(out.resolve("reports/2024Q4/indicators-2024Q4.json").toFile());
        try (PDDocument d = Loader.loadPDF(out.resolve("reports/2024Q4/briefing-64-2024Q4.pdf").toFile())) {
            // the text without white space and page numbers (— 7 —), which may fall inside a sentence
            pdf = new PDFTextStripper().getText(d).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
        }
    }

    private static void csv(String quarter, String name, String header, List<String> rows) throws IOException {
        Path dir = Files.createDirectories(in.resolve(quarter));
        Files.writeString(dir.resolve(name), header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }

    private JsonNode row(String period, String id) {
        for (JsonNode r : json.get("indicators")) {
            if (r.get("period").asText().equals(period) && r.get("indicator").asText().equals(id)
                    && r.get("region_code").asText().equals("64") && r.get("breakdown").asText().isEmpty()) {
                return r;
            }
        }
        throw new AssertionError("no row " + period + " " + id + " 64 in the indicator file");
    }

    @Test
    void theRunAcceptsEveryRow() {
        assertThat(exit).as(stdout).isEqualTo(Main.OK);
    }

    @Test
    void theIndicatorFileHoldsTheEarlierQuartersOfTheHeadlineRates() {
        assertThat(json.get("comparisons").get("previous").asText()).isEqualTo("2024Q3");
        assertThat(json.get("comparisons").get("year_ago").asText()).isEqualTo("2023Q4");
        assertThat(row("2024Q3", "C1.full").get("numerator").asLong()).isEqualTo(1);
        assertThat(row("2024Q4", "C1.full").get("numerator").asLong()).isEqualTo(2);
        assertThat(row("2023Q4", "C3.county").get("numerator").asLong()).isEqualTo(1);
        assertThat(row("2023Q4", "C3.county").get("denominator").asLong()).isEqualTo(1);
        assertThat(row("2024Q3", "A2.rate").get("numerator").asLong()).isEqualTo(1);
        assertThat(row("2024Q3", "A2.rate").get("denominator").asLong()).isEqualTo(5);
        assertThat(row("2023Q4", "S1.rate").get("numerator").asLong()).isEqualTo(1);
    }

    @Test
    void tableOneShowsEachRateThenAndItsChangeInPoints() {
        // 指标 本期 上季度 较上季度 去年同期 较去年同期
        assertThat(pdf).contains("基层“三会”全覆盖县（区）比例9.1%4.5%+4.6个百分点4.5%+4.6个百分点");
        assertThat(pdf).contains("乡镇（街道）科协覆盖率1.2%0.8%+0.4个百分点0.4%+0.8个百分点");
        assertThat(pdf).contains("县级科协“3+1”完成率100.0%50.0%+50.0个百分点100.0%0.0个百分点");
        assertThat(pdf).contains("乡镇（街道）科协“3+1”完成率33.3%50.0%-16.7个百分点100.0%-66.7个百分点");
        assertThat(pdf).contains("活动规范达标率（参考目标）33.3%20.0%+13.3个百分点0.0%+33.3个百分点");
        assertThat(pdf).contains("县（区）报送率9.1%9.1%0.0个百分点4.5%+4.6个百分点");
        // the counts of table 1 a year before as well
        assertThat(pdf).contains("组织总数（个）119+25+6");
        assertThat(pdf).contains("会员总数（人）11090+2050+60");
        assertThat(pdf).contains("活动参与（人次）10050+5030+70");
    }

    @Test
    void theTextComparesRatesInPointsWithBothPeriods() {
        assertThat(pdf).contains("覆盖率9.1%，较上季度提高4.6个百分点，较去年同期提高4.6个百分点");
        assertThat(pdf).contains("乡镇（街道）科协覆盖率1.2%（3/243），较上季度提高0.4个百分点，较去年同期提高0.8个百分点");
        assertThat(pdf).contains("完成率100.0%，较上季度提高50.0个百分点，与去年同期持平");
        assertThat(pdf).contains("达标率33.3%，较上季度提高13.3个百分点，较去年同期提高33.3个百分点");
        assertThat(pdf).contains("报送率9.1%，与上季度持平，较去年同期提高4.6个百分点");
    }

    @Test
    void theWorkbooksTableOneHasTheSameCells() throws IOException {
        try (InputStream s = Files.newInputStream(out.resolve("reports/2024Q4/indicators-64-2024Q4.xlsx"));
                Workbook wb = WorkbookFactory.create(s)) {
            Sheet t1 = wb.getSheet("表1 主要指标");
            assertThat(t1).isNotNull();
            DataFormatter f = new DataFormatter();
            Row c1 = null;
            for (Row r : t1) {
                if (f.formatCellValue(r.getCell(0)).equals("基层“三会”全覆盖县（区）比例")) {
                    c1 = r;
                }
            }
            assertThat(c1).isNotNull();
            assertThat(c1.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(c1.getCell(2).getNumericCellValue()).isCloseTo(1.0 / 22, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.formatCellValue(c1.getCell(3))).isEqualTo("+4.6个百分点");
            assertThat(c1.getCell(4).getNumericCellValue()).isCloseTo(1.0 / 22, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(f.formatCellValue(c1.getCell(5))).isEqualTo("+4.6个百分点");
        }
    }

    @Test
    void aMonthOfThisQuarterlyProvinceIsAUsageError() {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.run("analyze", "--warehouse", out.resolve("warehouse").toString(), "--period", "2024-11");
        } finally {
            System.setErr(saved);
        }
        String err = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err).isEqualTo(Main.USAGE);
        assertThat(err).contains("2024-11 is a month", "province 64 reports quarterly", "--period 2024Q4");
        assertThat(out.resolve("warehouse/indicators/2024-11")).doesNotExist();
    }
}
