package org.sanhui.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReporterTest {

    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Masthead MAST = Masthead.DEFAULT.withDate(LocalDate.of(2025, 1, 15))
            .withIssue("2024年第4期（总第12期）")
            .withDistribution("中国科协组织人事部", "自治区党委组织部", "各市、县（区）科协", 20);

    @TempDir
    static Path outA;
    @TempDir
    static Path outB;

    static List<Path> filesA;
    static List<Path> filesB;
    static List<String> warningsA = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void run() {
        filesA = Reporter.run(ReportOptions.builder().indicators(Fixtures.a()).outDir(outA).masthead(MAST)
                .warnings(warningsA::add).build());
        filesB = Reporter.run(ReportOptions.builder().indicators(Fixtures.b()).outDir(outB).masthead(MAST).build());
    }

    static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(d);
        }
    }

    /** The text without white space and page numbers (— 2 —), which may fall inside a sentence. */
    static String flat(Path pdf) throws IOException {
        return text(pdf).replaceAll("\\s+", "").replaceAll("—\\d+—", "");
    }

    @Test
    void writesProvinceAndCityBriefingsChartsWorkbookAndJson() {
        assertThat(filesA).contains(outA.resolve("briefing-64-2024Q4.pdf"), outA.resolve("briefing-6401-2024Q4.pdf"),
                outA.resolve("briefing-6405-2024Q4.pdf"), outA.resolve("indicators-64-2024Q4.xlsx"),
                outA.resolve("ningxia-a-2024Q4.json"));
        assertThat(filesA.stream().filter(p -> p.toString().endsWith(".pdf"))).hasSize(6);
        assertThat(outA.resolve("charts/64/01-coverage-sanhui.png")).isRegularFile();
        assertThat(outA.resolve("charts/64/01-coverage-sanhui.svg")).isRegularFile();
        assertThat(outA.resolve("charts/6404/01-coverage-sanhui.png")).isRegularFile();
        for (Path p : filesA) {
            assertThat(p).isRegularFile();
        }
        assertThat(warningsA).isEmpty();
    }

    @Test
    void provinceBriefingHasExtractableChineseTitleCountiesAndSections() throws IOException {
        String t = text(outA.resolve("briefing-64-2024Q4.pdf"));
        assertThat(t).contains("基层科协组织建设工作简报", "2024年第4期（总第12期）", "宁夏回族自治区科学技术协会",
                "2025年1月15日", "2024年第四季度宁夏回族自治区基层科协组织建设情况");
        // county names, from the county x kind matrix and the sentences
        assertThat(t).contains("西吉县", "隆德县", "同心县", "沙坡头区", "红寺堡区");
        // numbered headings of every section
        assertThat(t).contains("一、总体情况", "二、组织覆盖情况", "（一）基层“三会”覆盖", "（二）科协组织覆盖",
                "三、目标任务进展", "四、“3+1”关键人物任职情况", "五、活动开展情况", "六、等级评价情况", "七、不活跃组织情况",
                "八、报送情况与数据质量", "九、综合评分", "十、指标说明");
        // figures and tables numbered, with captions and the source line
        assertThat(t).contains("图1", "表1", "主要指标", "数据来源：各县（区）科协季度报送");
        // the 报/送/发 end matter
        assertThat(t).contains("报：中国科协组织人事部", "发：各市、县（区）科协", "共印20份");
        // page numbers
        assertThat(t).contains("— 1 —", "— 2 —");
    }

    @Test
    void sentencesAreGeneratedFromTheFigures() throws IOException {
        String a = flat(outA.resolve("briefing-64-2024Q4.pdf"));
        String b = flat(outB.resolve("briefing-64-2024Q4.pdf"));
        // A: 3 counties lack a kind (西吉, 隆德: agri; 同心: medical); 19 of 22; last quarter 17 -> +2, a year
        // before 14; changes in points between the rates as printed: 86.4 - 77.3 = 9.1, 86.4 - 63.6 = 22.8
        assertThat(a).contains("全区22个县（区）中已有19个实现基层“三会”全覆盖，较上季度增加2个，覆盖率86.4%，"
                + "较上季度提高9.1个百分点，较去年同期提高22.8个百分点。");
        assertThat(a).contains("固原市西吉县、固原市隆德县尚未建立基层农业技术学会");
        assertThat(a).contains("吴忠市同心县尚未建立基层医疗卫生学会");
        // B: only 西夏区 lacks the medical society; 21 of 22, last quarter 20 -> +1
        assertThat(b).contains("全区22个县（区）中已有21个实现基层“三会”全覆盖，较上季度增加1个，覆盖率95.5%，"
                + "较上季度提高4.6个百分点");
        assertThat(b).contains("银川市西夏区尚未建立基层医疗卫生学会");
        assertThat(b).doesNotContain("西吉县、");
        // activity types ranked from the data: A popularisation first, B tech training first
        assertThat(a).contains("从活动类型看，居前的是科普宣传");
        assertThat(b).contains("从活动类型看，居前的是实用技术培训");
        // highest and lowest composite score
        assertThat(a).contains("得分最高的是银川市（86.4分），最低的是固原市（61.2分）");
        assertThat(b).contains("得分最高的是石嘴山市（90.1分），最低的是银川市（66.0分）");
        // milestones as analytics writes them: 17 of 22 at the deadline, not met on time; now 19 / 21 of 22
        assertThat(a).contains("基层“三会”县（区）全覆盖目标为100.0%（期限2023-11-30），期限时完成77.3%，目前为86.4%，尚未完成");
        assertThat(b).contains("目前为95.5%，尚未完成");
        // inactive: 26 of 750 organisations (the numerator of the A3 rate), 5 fewer than last period's 31
        assertThat(a).contains("本期及上期均未开展活动的组织26个，占可判断组织的3.5%，较上期减少5个");
        // grades of the exit candidates, from "2023=C;2024=C"
        assertThat(a).contains("2023年C、2024年C");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void tableOneAndTheTextCompareEveryRateWithBothEarlierPeriodsInPoints() throws IOException {
        // regression: the rates' 上季度 and 去年同期 showed "—"; the rows now come with the file (its comparisons)
        String a = flat(outA.resolve("briefing-64-2024Q4.pdf"));
        // 指标 本期 上季度 较上季度 去年同期 较去年同期; township "3+1": 113/256 44.1%, 104/254 40.9%, 83/251 33.1%
        assertThat(a).contains("乡镇（街道）科协“3+1”完成率44.1%40.9%+3.2个百分点33.1%+11.0个百分点");
        // norms: 39/64 60.9%, 30/63 47.6%, 41/60 68.3%
        assertThat(a).contains("活动规范达标率（参考目标）60.9%47.6%+13.3个百分点68.3%-7.4个百分点");
        // reporting: 21/22 95.5% both quarters, 18/22 81.8% a year before
        assertThat(a).contains("县（区）报送率95.5%95.5%0.0个百分点81.8%+13.7个百分点");
        assertThat(a).contains("达标率60.9%，较上季度提高13.3个百分点，较去年同期下降7.4个百分点。");
        assertThat(a).contains("报送率95.5%，与上季度持平，较去年同期提高13.7个百分点");
        assertThat(a).contains("乡镇（街道）科协完成率44.1%，较上季度提高3.2个百分点，较去年同期提高11.0个百分点");
    }

    /**
     * Regression: English and code names leaked into the Chinese output (chart labels 23年Q1). Every briefing
     * of fixture A, read back with PDFBox, has no Latin word and no enumeration name; what remains after the
     * known notations (grades A/B/C, p=, the "3+1" and "N+1" names) is no Latin letter at all.
     */
    @Test
    void theChineseBriefingsHaveNoEnglishOrCodeNames() throws IOException {
        for (Path p : filesA) {
            if (!p.toString().endsWith(".pdf")) {
                continue;
            }
            String t = text(p);
            assertThat(t).as(p.toString()).doesNotContainPattern("[A-Z]{2,}_[A-Z_]+").doesNotContainPattern("[A-Za-z]{2,}");
            String rest = t.replaceAll("(?<![A-Za-z])[ABC](?=等|、|\\s|）|$|C)", "").replaceAll("p[=<]", "");
            assertThat(rest).as(p.toString()).doesNotContainPattern("[A-Za-z]");
        }
    }

    @Test
    void fontsAreEmbeddedSubsetsAndChartTextIsRealText() throws IOException {
        try (PDDocument d = Loader.loadPDF(outA.resolve("briefing-64-2024Q4.pdf").toFile())) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : d.getPages()) {
                collectFonts(page.getResources(), fonts);
            }
            assertThat(fonts).isNotEmpty();
            for (PDFont f : fonts) {
                assertThat(f.getName()).matches("[A-Z]{6}\\+.*");
                assertThat(f).isInstanceOf(PDType0Font.class);
                PDType0Font t0 = (PDType0Font) f;
                assertThat(t0.getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                assertThat(f.isEmbedded()).isTrue();
            }
            // one subset per face for the whole document (text and charts share it)
            assertThat(fonts.stream().map(PDFont::getName).distinct().count()).isLessThanOrEqualTo(2);
            assertThat(d.getDocumentInformation().getTitle()).contains("基层科协组织建设工作简报");
            assertThat(d.getDocumentInformation().getAuthor()).isEqualTo("宁夏回族自治区科学技术协会");
            assertThat(d.getDocumentInformation().getSubject()).contains("宁夏回族自治区");
            assertThat(d.getDocumentInformation().getCreationDate()).isNotNull();
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem i : d.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(i.getTitle());
            }
            assertThat(bookmarks).contains("一、总体情况", "六、等级评价情况", "十、指标说明");
            assertThat(d.getNumberOfPages()).isBetween(6, 16);
        }
        // chart text (the legend of figure 1) is real text from the chart's form XObject, not outlines
        String t = text(outA.resolve("briefing-64-2024Q4.pdf"));
        assertThat(t).contains("科技教育学会 医疗卫生学会 农业技术学会 全覆盖");
    }

    private static void collectFonts(PDResources res, List<PDFont> out) throws IOException {
        if (res == null) {
            return;
        }
        for (COSName n : res.getFontNames()) {
            out.add(res.getFont(n));
        }
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDFormXObject form) {
                collectFonts(form.getResources(), out);
            }
        }
    }

    @Test
    void noPhoneNumberAndOnlyExitCandidateLeadersAreNamed() throws IOException {
        List<Path> all = new ArrayList<>(filesA);
        for (Path p : all) {
            String content;
            if (p.toString().endsWith(".pdf")) {
                content = text(p);
            } else if (p.toString().endsWith(".xlsx")) {
                content = workbookText(p);
            } else if (p.toString().endsWith(".svg")) {
                content = Files.readString(p, StandardCharsets.UTF_8);
            } else {
                continue;
            }
            assertThat(MOBILE.matcher(content).find()).as("phone number in %s", p).isFalse();
            assertThat(content).as("non-candidate name in %s", p).doesNotContain("张伟");
        }
        String province = text(outA.resolve("briefing-64-2024Q4.pdf"));
        assertThat(province).contains("马建国", "李秀英");
        assertThat(workbookText(outA.resolve("indicators-64-2024Q4.xlsx"))).contains("马建国");
        // the city briefing names only its own candidate
        String guyuan = text(outA.resolve("briefing-6404-2024Q4.pdf"));
        assertThat(guyuan).contains("马建国").doesNotContain("李秀英");
        // the city briefing of 银川 shows its own milestone (met on time)
        assertThat(flat(outA.resolve("briefing-6401-2024Q4.pdf")))
                .contains("县级科协“3+1”完成目标为100.0%（期限2019-07-15），期限时完成100.0%，目前为83.3%，按期完成");
    }

    static String workbookText(Path xlsx) throws IOException {
        StringBuilder sb = new StringBuilder();
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                sb.append(s.getSheetName()).append('\n');
                for (Row r : s) {
                    r.forEach(c -> sb.append(fmt.formatCellValue(c)).append('\t'));
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Test
    void workbookHasChineseHeadersNumbersAndEveryList() throws IOException {
        try (InputStream in = Files.newInputStream(outA.resolve("indicators-64-2024Q4.xlsx"));
                XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet ind = wb.getSheet("指标");
            assertThat(ind).isNotNull();
            Row h = ind.getRow(0);
            assertThat(h.getCell(0).getStringCellValue()).isEqualTo("期间");
            assertThat(h.getCell(1).getStringCellValue()).isEqualTo("期间代码");
            assertThat(h.getCell(4).getStringCellValue()).isEqualTo("地区名称");
            assertThat(h.getCell(11).getStringCellValue()).isEqualTo("数值");
            boolean found = false;
            for (Row r : ind) {
                if (r.getRowNum() > 0 && r.getCell(3).getStringCellValue().equals("C1.full")
                        && r.getCell(5).getStringCellValue().equals("64")
                        && r.getCell(1).getStringCellValue().equals("2024Q4")) {
                    assertThat(r.getCell(0).getStringCellValue()).isEqualTo("2024年第四季度");
                    assertThat(r.getCell(2).getStringCellValue()).isEqualTo("基层“三会”覆盖：全覆盖率");
                    assertThat(r.getCell(4).getStringCellValue()).isEqualTo("宁夏回族自治区");
                    assertThat(r.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(r.getCell(9).getNumericCellValue()).isEqualTo(19.0);
                    assertThat(r.getCell(10).getNumericCellValue()).isEqualTo(22.0);
                    assertThat(r.getCell(11).getNumericCellValue()).isCloseTo(19.0 / 22, org.assertj.core.data.Offset.offset(1e-9));
                    found = true;
                }
            }
            assertThat(found).isTrue();
            assertThat(wb.getSheet("拟撤销团体会员资格")).isNotNull();
            assertThat(wb.getSheet("不活跃组织")).isNotNull();
            assertThat(wb.getSheet("未报送")).isNotNull();
            Sheet t1 = wb.getSheet("表1 主要指标");
            assertThat(t1).isNotNull();
            assertThat(t1.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
            assertThat(t1.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(t1.getRow(1).getCell(1).getNumericCellValue()).isCloseTo(19.0 / 22,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void svgKeepsTheChineseText() throws IOException {
        String svg = Files.readString(outA.resolve("charts/64/01-coverage-sanhui.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains("银川市", "固原市", "覆盖率", "数据来源");
        try (Stream<Path> s = Files.list(outA.resolve("charts/64"))) {
            assertThat(s.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void oneCityOnly(@TempDir Path out) throws IOException {
        List<Path> files = Reporter.run(ReportOptions.builder().indicators(Fixtures.a()).outDir(out).city("6404")
                .masthead(MAST).build());
        assertThat(files.stream().filter(p -> p.toString().endsWith(".pdf")).toList())
                .containsExactly(out.resolve("briefing-6404-2024Q4.pdf"));
        assertThat(out.resolve("indicators-6404-2024Q4.xlsx")).isRegularFile();
        String t = text(out.resolve("briefing-6404-2024Q4.pdf"));
        assertThat(t).contains("2024年第四季度固原市基层科协组织建设情况", "西吉县", "彭阳县");
        assertThat(flat(out.resolve("briefing-6404-2024Q4.pdf"))).contains("全市5个县（区）中已有3个实现基层“三会”全覆盖");
    }

    @Test
    void cityOutsideTheScopeIsRefused(@TempDir Path out) {
        assertThatThrownBy(() -> Reporter.run(ReportOptions.builder().indicators(Fixtures.a()).outDir(out)
                .city("6501").build())).isInstanceOf(ReportException.class).hasMessageContaining("6501");
    }

    @Test
    void warehouseWithoutSuccessMarkerIsRefused(@TempDir Path wh) throws IOException {
        Path dir = Files.createDirectories(wh.resolve("indicators/2024Q4"));
        Files.copy(Fixtures.a(), dir.resolve("indicators-2024Q4.json"));
        assertThatThrownBy(() -> ReportOptions.builder().warehouse(wh, "2024Q4"))
                .isInstanceOf(org.sanhui.model.error.DataIntegrityException.class).hasMessageContaining("_SUCCESS")
                .hasMessageContaining("2024Q4");
        Files.createFile(dir.resolve("_SUCCESS"));
        ReportOptions o = ReportOptions.builder().warehouse(wh, "2024年第四季度").outDir(wh.resolve("out"))
                .chartFiles(false).workbook(false).city("6401").build();
        assertThat(o.indicators()).isEqualTo(dir.resolve("indicators-2024Q4.json"));
        assertThat(Reporter.run(o)).containsExactly(wh.resolve("out/briefing-6401-2024Q4.pdf"));
    }

    @Test
    void missingGlyphIsReportedNotBoxed(@TempDir Path out) throws IOException {
        String json = Files.readString(Fixtures.a(), StandardCharsets.UTF_8)
                .replace("兴庆区老科技工作者协会", "兴庆区\uD840\uDC00科技工作者协会");
        Path f = out.resolve("in.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        Reporter.run(ReportOptions.builder().indicators(f).outDir(out.resolve("o")).chartFiles(false)
                .warnings(warnings::add).build());
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("briefing-64-2024Q4.pdf", "U+20000"));
        assertThat(text(out.resolve("o/briefing-64-2024Q4.pdf"))).contains("兴庆区?科技工作者协会");
    }

    @Test
    void englishEditionWorks(@TempDir Path out) throws IOException {
        List<Path> files = Reporter.run(ReportOptions.builder().indicators(Fixtures.a()).outDir(out).lang(Lang.EN)
                .city("6401").chartFiles(false).build());
        String t = text(files.get(0));
        assertThat(files.get(0).getFileName().toString()).isEqualTo("briefing-6401-2024Q4-en.pdf");
        assertThat(t).contains("Headline figures", "Coverage", "银川市");
    }
}
