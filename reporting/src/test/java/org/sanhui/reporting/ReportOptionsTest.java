package org.sanhui.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReportOptionsTest {

    @Test
    void requiresIndicatorsAndOutDir() {
        assertThatThrownBy(() -> ReportOptions.builder().outDir(Path.of("x")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indicators");
        assertThatThrownBy(() -> ReportOptions.builder().indicators(Path.of("x.json")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outDir");
    }

    @Test
    void rejectsBadCityAndLanguage() {
        assertThatThrownBy(() -> ReportOptions.builder().city("64")).hasMessageContaining("4 digits");
        assertThatThrownBy(() -> Lang.parse("fr")).hasMessageContaining("zh or en");
        assertThat(Lang.parse("EN")).isEqualTo(Lang.EN);
    }

    @Test
    void defaults() {
        ReportOptions o = ReportOptions.builder().indicators(Path.of("a.json")).outDir(Path.of("o")).build();
        assertThat(o.lang()).isEqualTo(Lang.ZH);
        assertThat(o.city()).isNull();
        assertThat(o.chartFiles()).isTrue();
        assertThat(o.workbook()).isTrue();
        assertThat(o.cityBriefings()).isTrue();
        assertThat(o.threads()).isBetween(1, 4);
        assertThat(o.masthead()).isEqualTo(Masthead.DEFAULT);
        assertThat(Masthead.DEFAULT.hasDistribution()).isFalse();
    }

    @Test
    void missingIndicatorFileSaysWhatToDo(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> Reporter.run(ReportOptions.builder().indicators(dir.resolve("none.json"))
                .outDir(dir).build())).isInstanceOf(ReportException.class).hasMessageContaining("run analytics");
    }
}
