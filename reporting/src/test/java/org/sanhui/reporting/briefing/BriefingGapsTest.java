package org.sanhui.reporting.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.Masthead;
import org.sanhui.reporting.chart.ChartTheme;
import org.sanhui.reporting.chart.Charts;
import org.sanhui.reporting.data.Figures;
import org.sanhui.reporting.data.IndicatorFile;
import org.sanhui.reporting.font.BundledFonts;
import org.sanhui.reporting.font.GlyphCheck;

/**
 * What the briefing says where the figures have gaps or breakdowns: vice-chairs by key-person role (C3.N's
 * {@code role=} rows), a grade year whose not-evaluated count is unknown, a milestone without data at its deadline.
 */
class BriefingGapsTest {

    private static IndicatorRow row(String period, String ind, String code, String bd, Long n, Long d, Double v) {
        RegionLevel level = code.length() == 2 ? RegionLevel.PROVINCE : code.length() == 4 ? RegionLevel.CITY
                : RegionLevel.COUNTY;
        return new IndicatorRow(period, ind, code, level, bd, n, d, v);
    }

    private static Briefing build(List<IndicatorRow> rows, String region) {
        IndicatorFile f = IndicatorFile.of("2024Q1", "64", rows, Map.of());
        BundledFonts fonts = BundledFonts.get();
        return new BriefingBuilder(new Figures(f, Map.of()), new Regions(Gazetteer.national()),
                new Charts(new ChartTheme(fonts)), Lang.ZH, Masthead.DEFAULT).build(region, new GlyphCheck(fonts));
    }

    private static String text(Briefing b) {
        return b.blocks().stream().filter(x -> x instanceof Block.Paragraph).map(x -> ((Block.Paragraph) x).text())
                .collect(Collectors.joining("\n"));
    }

    private static Block.Table table(Briefing b, String caption) {
        return b.tables().stream().filter(t -> t.caption().equals(caption)).findFirst().orElse(null);
    }

    @Test
    void keyPersonViceChairsAreShownByRoleWithChineseLabels() {
        // Before the fix the briefing gave only the mean per 科协 (C3.N); the N of "N+1" could not be read.
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(row("2024Q1", "C3.N", "64", "", 12L, 7L, 12 / 7.0));
        long[] n = {4, 4, 1, 2, 0, 0, 0, 0, 1, 0};
        PersonRole[] roles = {PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD, PersonRole.AGRI_STATION_HEAD,
            PersonRole.SOCIAL_SERVICE_HEAD, PersonRole.SCIENCE_MUSEUM_HEAD, PersonRole.POPULARISATION_BASE_HEAD,
            PersonRole.LECTURER_GROUP_HEAD, PersonRole.RESEARCH_INSTITUTE_HEAD, PersonRole.TECH_ENTERPRISE_HEAD,
            PersonRole.HIGH_SKILL_TALENT};
        for (int i = 0; i < roles.length; i++) {
            rows.add(row("2024Q1", "C3.N", "64", "role=" + roles[i].name(), n[i], 7L, n[i] / 7.0));
        }
        Briefing b = build(rows, "64");
        assertThat(text(b)).contains("现任关键人物兼职、挂职副主席共12名，其中医院院长4名、学校校长4名、"
                + "社会服务中心主任2名、农技站站长1名、科技型企业负责人1名（“N+1”中的N）。");
        Block.Table t = table(b, "关键人物副主席构成");
        assertThat(t).isNotNull();
        assertThat(t.headers()).containsExactly("关键人物类别", "人数", "平均每个科协");
        assertThat(t.rows()).hasSize(10);
        assertThat(t.rows().get(0).get(0).text()).isEqualTo("医院院长");
        assertThat(t.rows().get(0).get(1).number()).isEqualTo(4.0);
        assertThat(t.rows().get(0).get(2).text()).isEqualTo("0.57");
        // no enum name reaches the page
        String all = text(b) + t.rows().stream().flatMap(List::stream).map(Block.Cell::text)
                .collect(Collectors.joining());
        for (PersonRole r : PersonRole.values()) {
            assertThat(all).doesNotContain(r.name());
        }
    }

    @Test
    void theWorkbookCarriesTheRolesAsASheetAndAsLabelledRows() throws Exception {
        // Before the fix the workbook had no sheet of vice-chairs by role.
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(row("2024Q1", "C3.N", "64", "", 5L, 2L, 2.5));
        rows.add(row("2024Q1", "C3.N", "64", "role=HOSPITAL_HEAD", 2L, 2L, 1.0));
        rows.add(row("2024Q1", "C3.N", "64", "role=SCIENCE_MUSEUM_HEAD", 3L, 2L, 1.5));
        IndicatorFile f = IndicatorFile.of("2024Q1", "64", rows, Map.of());
        Briefing b = build(rows, "64");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new org.sanhui.reporting.xlsx.WorkbookWriter(new Regions(Gazetteer.national())).write(f, "64", b, out);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet roles = null;
            for (org.apache.poi.ss.usermodel.Sheet s : wb) {
                if (s.getSheetName().endsWith("关键人物副主席构成")) {
                    roles = s;
                }
            }
            assertThat(roles).isNotNull();
            assertThat(roles.getRow(1).getCell(0).getStringCellValue()).isEqualTo("科技馆馆长");
            assertThat(roles.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
            List<String> breakdowns = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : wb.getSheet("指标")) {
                breakdowns.add(r.getCell(7) == null ? "" : r.getCell(7).getStringCellValue()); // 分组
            }
            assertThat(breakdowns).contains("关键人物类别：医院院长", "关键人物类别：科技馆馆长");
        }
    }

    @Test
    void anUnknownNotEvaluatedCountIsSaidSoNotShownAsZero() {
        // Before the fix a null G1.NOT_EVALUATED (a county graded without a year-end snapshot) read as
        // "未评价0个（0.0%）" and the shares counted it as 0.
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(row("2023", "G1.A", "64", "", null, null, 2.0));
        rows.add(row("2023", "G1.B", "64", "", null, null, 1.0));
        rows.add(row("2023", "G1.C", "64", "", null, null, 1.0));
        rows.add(row("2023", "G1.NOT_EVALUATED", "64", "", null, null, null));
        String text = text(build(rows, "64"));
        assertThat(text).contains("2023年度参与等级评价的学会中，A等2个（50.0%），B等1个（25.0%），C等1个（25.0%）；"
                + "部分县（区）该年末尚无组织信息报送，未评价学会数无法确定，占比按已评价学会计算。");
        assertThat(text).doesNotContain("未评价0个");
    }

    @Test
    void aMilestoneWithoutDataAtItsDeadlineIsUnknownNotFlaggedAsMissed() {
        // Before the fix the status said 期限时无数据 but its cell was flagged like a missed milestone.
        List<IndicatorRow> rows = new ArrayList<>();
        rows.add(row("2024Q1", "M1.ningxia_sanhui_full", "64", "", 1L, 22L, 1 / 22.0));
        rows.add(row("2024Q1", "M1.ningxia_sanhui_full", "64", "at=target;indicator=C1.full;deadline=2023-11-30",
                null, null, 1.0));
        rows.add(row("2024Q1", "M1.ningxia_sanhui_full", "64", "at=deadline", null, null, null));
        rows.add(row("2024Q1", "M1.ningxia_sanhui_full", "64", "at=met_on_time", null, null, null));
        Briefing b = build(rows, "64");
        assertThat(text(b)).contains("目前为4.5%，期限时无数据。");
        Block.Table t = table(b, "目标任务完成情况");
        Block.Cell status = t.rows().get(0).get(5);
        assertThat(status.text()).isEqualTo("期限时无数据");
        assertThat(status.strong()).isFalse();
        // a milestone missed at its deadline stays flagged
        rows.set(2, row("2024Q1", "M1.ningxia_sanhui_full", "64", "at=deadline", 0L, 22L, 0.0));
        rows.set(3, row("2024Q1", "M1.ningxia_sanhui_full", "64", "at=met_on_time", null, null, 0.0));
        Block.Cell missed = table(build(rows, "64"), "目标任务完成情况").rows().get(0).get(5);
        assertThat(missed.text()).isEqualTo("尚未完成");
        assertThat(missed.strong()).isTrue();
    }
}
