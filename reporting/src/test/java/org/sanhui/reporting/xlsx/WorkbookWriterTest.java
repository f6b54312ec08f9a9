package org.sanhui.reporting.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.briefing.Briefing;
import org.sanhui.reporting.briefing.BriefingBuilder;
import org.sanhui.reporting.briefing.Regions;
import org.sanhui.reporting.chart.ChartTheme;
import org.sanhui.reporting.chart.Charts;
import org.sanhui.reporting.data.Figures;
import org.sanhui.reporting.data.IndicatorFile;
import org.sanhui.reporting.font.BundledFonts;
import org.sanhui.reporting.font.GlyphCheck;

/**
 * The workbook of fixture A (every list as analytics writes it: English reasons, codes), read back with POI.
 * Regression: list sheets had English reasons ("no activity in 2024Q3 and 2024Q4"), headers such as
 * {@code reported}, {@code activities_by_period} and {@code last_period}, and role codes such as SCHOOL_HEAD.
 */
class WorkbookWriterTest {

    @TempDir
    static Path dir;

    /** Sheet name to its rows, each a header-to-text map (as Excel shows the cells). */
    static final Map<String, List<Map<String, String>>> SHEETS = new LinkedHashMap<>();
    static final Map<String, List<String>> HEADERS = new LinkedHashMap<>();

    @BeforeAll
    static void write() throws IOException, URISyntaxException {
        IndicatorFile file = IndicatorFile.read(Path.of(WorkbookWriterTest.class
                .getResource("/org/sanhui/reporting/fixtures/ningxia-a-2024Q4.json").toURI()));
        BundledFonts fonts = BundledFonts.get();
        Regions regions = new Regions(Gazetteer.national());
        Briefing b = new BriefingBuilder(new Figures(file, Map.of()), regions, new Charts(new ChartTheme(fonts)),
                Lang.ZH, Masthead.DEFAULT).build("64", new GlyphCheck(fonts));
        Path xlsx = dir.resolve("w.xlsx");
        try (OutputStream o = Files.newOutputStream(xlsx)) {
            new WorkbookWriter(regions).write(file, "64", b, o);
        }
        DataFormatter fmt = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Sheet s : wb) {
                List<String> headers = new ArrayList<>();
                s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
                HEADERS.put(s.getSheetName(), headers);
                List<Map<String, String>> rows = new ArrayList<>();
                for (Row r : s) {
                    if (r.getRowNum() == 0) {
                        continue;
                    }
                    Map<String, String> m = new HashMap<>();
                    for (int i = 0; i < headers.size(); i++) {
                        Cell c = r.getCell(i);
                        m.put(headers.get(i), c == null ? "" : fmt.formatCellValue(c));
                    }
                    rows.add(m);
                }
                SHEETS.put(s.getSheetName(), rows);
            }
        }
    }

    private static Map<String, String> first(String sheet) {
        assertThat(SHEETS).containsKey(sheet);
        assertThat(SHEETS.get(sheet)).isNotEmpty();
        return SHEETS.get(sheet).get(0);
    }

    @Test
    void everyHeaderIsChinese() {
        HEADERS.forEach((sheet, headers) -> assertThat(headers).as(sheet).allSatisfy(h ->
                assertThat(h).doesNotContainPattern("[A-Za-z]{2,}")));
        assertThat(SHEETS.keySet()).allSatisfy(n -> assertThat(n).doesNotContainPattern("[A-Za-z]{2,}"));
    }

    @Test
    void onlyCodeColumnsHoldCodesAndNoCellHasEnglishWords() {
        List<String> leaks = new ArrayList<>();
        SHEETS.forEach((sheet, rows) -> rows.forEach(r -> r.forEach((h, v) -> {
            if (!h.endsWith("代码") && !h.equals("组织标识") && v.matches("(?s).*[A-Za-z]{2,}.*")) {
                leaks.add(sheet + " / " + h + ": " + v);
            }
        })));
        assertThat(leaks).isEmpty();
    }

    @Test
    void listsShowLabelsWithTheirCodesBeside() {
        Map<String, String> seconded = SHEETS.get("下季度届满的挂职").stream()
                .filter(r -> r.get("关键人物类别代码").equals("SCHOOL_HEAD")).findFirst().orElseThrow();
        assertThat(seconded.get("关键人物类别")).isEqualTo("学校校长");
        assertThat(seconded.get("组织类型")).isEqualTo("乡镇（街道）科协");
        assertThat(seconded.get("组织类型代码")).isEqualTo("TOWNSHIP_KEXIE");
        assertThat(seconded.get("原因")).isEqualTo("挂职副主席任期于2025-03-05届满");
        assertThat(seconded.get("县（区）")).isEqualTo("银川市兴庆区");

        Map<String, String> missingKinds = SHEETS.get("缺少学会类型的县（区）").stream()
                .filter(r -> r.get("县（区）代码").equals("640181")).findFirst().orElseThrow();
        assertThat(missingKinds.get("缺少的学会类型")).isEqualTo("基层医疗卫生学会、基层农业技术学会");
        assertThat(missingKinds.get("缺少的学会类型代码")).isEqualTo("MEDICAL_SOCIETY;AGRI_SOCIETY");
        assertThat(missingKinds.get("原因")).isEqualTo("尚未建立基层医疗卫生学会、基层农业技术学会");
        assertThat(missingKinds.get("本期是否报送")).isEqualTo("否");
        assertThat(missingKinds.get("市")).isEqualTo("银川市");

        Map<String, String> inactive = SHEETS.get("不活跃组织").stream()
                .filter(r -> r.get("组织标识").equals("640104/O-02")).findFirst().orElseThrow();
        assertThat(inactive.get("各期活动场次")).isEqualTo("2024年第三季度0场、2024年第四季度0场");
        assertThat(inactive.get("原因")).isEqualTo("2024年第三季度、2024年第四季度均未开展活动");
        assertThat(first("休眠组织").get("原因"))
                .isEqualTo("2024年第一季度、2024年第二季度、2024年第三季度、2024年第四季度均未开展活动");
        assertThat(first("活动情况无法判断的组织").get("原因")).isEqualTo("所在县（区）2024年第三季度未报送，无法判断是否开展活动");
        assertThat(first("活动情况无法判断的组织").get("未报送期间")).isEqualTo("2024年第三季度");
        assertThat(first("整改中组织").get("原因")).isEqualTo("状态为整改中");

        Map<String, String> late = SHEETS.get("逾期报送").stream()
                .filter(r -> r.get("县（区）代码").equals("640303")).findFirst().orElseThrow();
        // filed 2025-02-08: 39 days after 2024-12-31, 24 beyond the 15 allowed
        assertThat(late.get("原因")).isEqualTo("期末后39天报送（期限15天）");
        assertThat(late.get("期间")).isEqualTo("2024年第四季度");
        assertThat(late.get("期间代码")).isEqualTo("2024Q4");
        assertThat(late.get("逾期天数")).isEqualTo("24");

        Map<String, String> missing = SHEETS.get("未报送").stream()
                .filter(r -> r.get("县（区）代码").equals("640521")).findFirst().orElseThrow();
        assertThat(missing.get("原因")).isEqualTo("2024年第四季度未报送");
        assertThat(missing.get("最近一次报送期间")).isEqualTo("2024年第三季度");

        Map<String, String> outlier = first("异常数值");
        assertThat(outlier.get("异常项")).isEqualTo("本期活动场次");
        assertThat(outlier.get("原因")).isEqualTo("本期活动场次5，与同类组织中位数1.5相差较大（修正Z分数4.72）");

        Map<String, String> exit = SHEETS.get("拟撤销团体会员资格").stream()
                .filter(r -> r.get("组织标识").equals("640303/S-01")).findFirst().orElseThrow();
        assertThat(exit.get("评价等次")).isEqualTo("2022年B、2023年C、2024年C");
        assertThat(exit.get("原因")).isEqualTo("2023年、2024年评价均为C等");
        assertThat(exit.get("负责人")).isEqualTo("李秀英");
    }

    @Test
    void theIndicatorSheetNamesEveryCodeInChinese() {
        List<Map<String, String>> rows = SHEETS.get("指标");
        Map<String, String> m1 = rows.stream().filter(r -> r.get("指标代码").equals("M1.ningxia_sanhui_full")
                && r.get("分组代码").isEmpty()).findFirst().orElseThrow();
        assertThat(m1.get("指标名称")).isEqualTo("目标任务（基层“三会”覆盖：全覆盖率）");
        Map<String, String> norm = rows.stream().filter(r -> r.get("指标代码").equals("A2.rate")
                && r.get("分组代码").equals("norm=conference")).findFirst().orElseThrow();
        assertThat(norm.get("分组")).isEqualTo("参考目标：学术会议");
        assertThat(norm.get("期间")).isEqualTo("2024年第四季度");
        Map<String, String> trend = rows.stream().filter(r -> r.get("期间代码").equals("2024-09")).findFirst()
                .orElseThrow();
        assertThat(trend.get("期间")).isEqualTo("2024年9月");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("分组代码")).isEqualTo("target=FARMERS");
            assertThat(r.get("分组")).isEqualTo("服务对象：农民");
        });
    }

    @Test
    void tableOneShowsTheChangeOfEveryRate() {
        Map<String, String> c3t = SHEETS.get("表1 主要指标").stream()
                .filter(r -> r.get("指标").equals("乡镇（街道）科协“3+1”完成率")).findFirst().orElseThrow();
        assertThat(c3t.get("较上季度")).isEqualTo("+3.2个百分点");
        assertThat(c3t.get("较去年同期")).isEqualTo("+11.0个百分点");
    }
}
