package org.sanhui.reporting.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
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

class BriefingBuilderTest {

    private static IndicatorRow row(String period, String ind, String code, String bd, Long n, Long d, Double v) {
        RegionLevel level = code.length() == 2 ? RegionLevel.PROVINCE : code.length() == 4 ? RegionLevel.CITY
                : RegionLevel.COUNTY;
        return new IndicatorRow(period, ind, code, level, bd, n, d, v);
    }

    private static String text(Briefing b) {
        return b.blocks().stream().filter(x -> x instanceof Block.Paragraph).map(x -> ((Block.Paragraph) x).text())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void theMonthChartOfAQuarterReachesItsLastMonth() {
        // a Q4 briefing: the months of the year up to December count, including the quarter's own months
        List<IndicatorRow> rows = new ArrayList<>();
        long[] perMonth = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120};
        for (int m = 1; m <= 12; m++) {
            rows.add(row(String.format("2024-%02d", m), "A4.count", "64", "", null, null, (double) perMonth[m - 1]));
        }
        rows.add(row("2025-01", "A4.count", "64", "", null, null, 999.0)); // after the period: left out
        String text = text(build("2024Q4", rows, "64"));
        assertThat(text).contains("2024年以来，12月开展活动最多（120场）。");
    }

    private static Briefing build(List<IndicatorRow> rows, String region) {
        return build("2024Q1", rows, region);
    }

    private static Briefing build(String period, List<IndicatorRow> rows, String region) {
        IndicatorFile f = IndicatorFile.of(period, "64", rows, Map.of());
        BundledFonts fonts = BundledFonts.get();
        return new BriefingBuilder(new Figures(f, Map.of()), new Regions(Gazetteer.national()),
                new Charts(new ChartTheme(fonts)), Lang.ZH, Masthead.DEFAULT).build(region, new GlyphCheck(fonts));
    }

    @Test
    void gradesComeFromTheLatestGradedYearAndMilestonesWithoutDeadlineDataSaySo() {
        List<IndicatorRow> rows = new ArrayList<>();
        // Q1 2024: this year's grades are not in yet, 2023's are (2 A, 1 B, 1 C of 4)
        rows.add(row("2023", "G1.A", "64", "", 2L, 4L, 0.5));
        rows.add(row("2023", "G1.B", "64", "", 1L, 4L, 0.25));
        rows.add(row("2023", "G1.C", "64", "", 1L, 4L, 0.25));
        rows.add(row("2023", "G1.NOT_EVALUATED", "64", "", 0L, 4L, 0.0));
        // a milestone whose deadline period had no data (denominator 0)
        rows.add(row("2024Q1", "M1.yinchuan_c3_county", "6401", "", 5L, 6L, 5 / 6.0));
        rows.add(row("2024Q1", "M1.yinchuan_c3_county", "6401", "at=target;indicator=C3.county;deadline=2019-07-15", null, null, 1.0));
        rows.add(row("2024Q1", "M1.yinchuan_c3_county", "6401", "at=deadline", 0L, 0L, null));
        rows.add(row("2024Q1", "M1.yinchuan_c3_county", "6401", "at=met_on_time", null, null, null));
        String province = text(build(rows, "64"));
        assertThat(province).contains("2023年度参与等级评价的学会中，A等2个（50.0%），B等1个（25.0%），C等1个（25.0%），未评价0个（0.0%）。");
        // the province briefing shows the milestone of a city within it, named with the city
        assertThat(province).contains("银川市县级科协“3+1”完成目标为100.0%（期限2019-07-15），目前为83.3%，期限时无数据。");
        assertThat(text(build(rows, "6401"))).contains("县级科协“3+1”完成目标为100.0%（期限2019-07-15），目前为83.3%，期限时无数据。");
        assertThat(text(build(rows, "6402"))).contains("本期无适用于石嘴山市的目标任务。");
    }
}
