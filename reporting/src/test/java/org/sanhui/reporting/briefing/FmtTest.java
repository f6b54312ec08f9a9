package org.sanhui.reporting.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FmtTest {

    private final Fmt zh = new Fmt(true);

    /**
     * Regression: the change was rounded from the unrounded rates, so 9.1% (2/22) against 4.5% (1/22) printed
     * "+4.5个百分点", which a reader cannot check against the two rates beside it.
     */
    @Test
    void pointsAreTakenBetweenTheRatesAsPrinted() {
        assertThat(zh.pct(2 / 22.0)).isEqualTo("9.1%");
        assertThat(zh.pct(1 / 22.0)).isEqualTo("4.5%");
        assertThat(zh.ppCell(2 / 22.0, 1 / 22.0)).isEqualTo("+4.6个百分点");
        assertThat(zh.ppWords(1 / 22.0, 2 / 22.0)).isEqualTo("下降4.6个百分点");
        // 44.1% (113/256) against 33.1% (83/251): 11.0, not 10.1 or 11.1
        assertThat(zh.ppCell(113 / 256.0, 83 / 251.0)).isEqualTo("+11.0个百分点");
        assertThat(zh.ppCell(1 / 3.0, 1 / 3.0)).isEqualTo("0.0个百分点");
        assertThat(zh.ppWords(1 / 3.0, 1 / 3.0)).isEqualTo("持平");
        assertThat(zh.ppCell(0.5, null)).isEqualTo("—");
    }

    @Test
    void aRateIsComparedWithEachEarlierPeriodInTurn() {
        Map<String, Double> earlier = new LinkedHashMap<>();
        earlier.put("上季度", 0.5);
        earlier.put("去年同期", 0.25);
        assertThat(zh.ppClause(0.5, earlier)).isEqualTo("，与上季度持平，较去年同期提高25.0个百分点");
        earlier.put("上季度", null);
        assertThat(zh.ppClause(0.2, earlier)).isEqualTo("，较去年同期下降5.0个百分点");
        earlier.put("去年同期", null);
        assertThat(zh.ppClause(0.2, earlier)).isEmpty();
        assertThat(zh.ppClause(null, Map.of("上季度", 0.1))).isEmpty();
        Map<String, Double> en = new LinkedHashMap<>();
        en.put("last period", 0.1);
        en.put("last year", 0.2);
        assertThat(new Fmt(false).ppClause(0.2, en)).isEqualTo(" (up 10.0 points on last period, unchanged on last year)");
    }
}
