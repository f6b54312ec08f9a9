package org.sanhui.reporting.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.indicator.IndicatorRow;

class FiguresTest {

    @TempDir
    Path dir;

    private static String row(String period, String ind, String region, String level, double value) {
        return "{\"period\":\"" + period + "\",\"indicator\":\"" + ind + "\",\"region_code\":\"" + region
                + "\",\"region_level\":\"" + level + "\",\"breakdown\":\"\",\"numerator\":null,\"denominator\":null,"
                + "\"value\":" + value + "}";
    }

    private IndicatorFile file(String name, String period, String comparisons, String... rows) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, "{\"period\":\"" + period + "\",\"scope\":\"64\"," + comparisons + "\"indicators\":["
                + String.join(",", rows) + "],\"lists\":{}}", StandardCharsets.UTF_8);
        return IndicatorFile.read(f);
    }

    /**
     * The earlier figures the reported file says it holds come from it alone: an older output of that period
     * (here one written before a resubmission, with other values) is not mixed in, even where the reported file
     * has no row; figures it does not restate still come from the older output.
     */
    @Test
    void comparisonFiguresComeOnlyFromTheReportedFile() throws IOException {
        String block = "\"comparisons\":{\"previous\":\"2024Q3\",\"year_ago\":\"2023Q4\",\"indicators\":[\"C1.full\"]},";
        IndicatorFile now = file("now.json", "2024Q4", block, row("2024Q4", "C1.full", "64", "PROVINCE", 0.9),
                row("2024Q3", "C1.full", "64", "PROVINCE", 0.5));
        IndicatorFile stale = file("old.json", "2024Q3", "", row("2024Q3", "C1.full", "64", "PROVINCE", 0.4),
                row("2024Q3", "C1.full", "6401", "CITY", 0.3), row("2024Q3", "C2.township", "64", "PROVINCE", 0.7));
        assertThat(now.comparisons()).hasValueSatisfying(c -> {
            assertThat(c.previous()).isEqualTo("2024Q3");
            assertThat(c.yearAgo()).isEqualTo("2023Q4");
            assertThat(c.covers("2023Q4", "C1.full")).isTrue();
            assertThat(c.covers("2024Q2", "C1.full")).isFalse();
            assertThat(c.covers("2024Q3", "C2.township")).isFalse();
        });
        Figures f = new Figures(now, Map.of("2024Q3", stale));
        assertThat(f.earlier("2024Q3", "C1.full", "64").map(IndicatorRow::value)).contains(0.5);
        assertThat(f.earlier("2024Q3", "C1.full", "6401")).isEmpty();
        assertThat(f.earlier("2024Q3", "C2.township", "64").map(IndicatorRow::value)).contains(0.7);
        // a file written before analytics restated the earlier figures: the older outputs are all there is
        IndicatorFile before = file("before.json", "2024Q4", "", row("2024Q4", "C1.full", "64", "PROVINCE", 0.9));
        assertThat(before.comparisons()).isEmpty();
        assertThat(new Figures(before, Map.of("2024Q3", stale)).earlier("2024Q3", "C1.full", "6401")
                .map(IndicatorRow::value)).contains(0.3);
    }
}
