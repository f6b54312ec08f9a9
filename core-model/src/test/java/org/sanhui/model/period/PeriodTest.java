package org.sanhui.model.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024Q3", "2024q3", "2024年第三季度", "2024年第3季度", "2024年3季度", "2024-Q3", "2024 Q3",
        "２０２４Ｑ３", "2024年第三季", " 2024Q3 "})
    void parsesEveryQuarterForm(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.quarter(2024, 3));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-07", "2024年7月", "2024年07月", "2024-7", "2024/07", "2024.07", "2024年七月",
        "２０２４年７月"})
    void parsesEveryMonthForm(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.month(2024, 7));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024", "2024年", "2024年度"})
    void parsesYears(String text) {
        assertThat(Period.parse(text)).isEqualTo(Period.year(2024));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2024年十二月, 12", "2024年十一月, 11", "2024年十月, 10", "2024-12, 12", "2024年1月, 1"})
    void parsesMonthsWithChineseNumerals(String text, int month) {
        assertThat(Period.parse(text)).isEqualTo(Period.month(2024, month));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"2024Q5", "2024Q0", "2024-13", "2024年第五季度", "Q3", "abc", "", "24Q3"})
    void refusesBadPeriodsWithTheFormsAccepted(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected one of 2024Q3");
        assertThat(Period.tryParse(text)).isEmpty();
    }

    @Test
    void quarterDates() {
        Period q = Period.quarter(2024, 3);
        assertThat(q.start()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(q.months()).containsExactly(Period.month(2024, 7), Period.month(2024, 8), Period.month(2024, 9));
        assertThat(q.previous()).isEqualTo(Period.quarter(2024, 2));
        assertThat(Period.quarter(2024, 1).previous()).isEqualTo(Period.quarter(2023, 4));
        assertThat(Period.quarter(2023, 4).next()).isEqualTo(Period.quarter(2024, 1));
        assertThat(q.sameLastYear()).isEqualTo(Period.quarter(2023, 3));
        assertThat(q.toString()).isEqualTo("2024Q3");
        assertThat(q.label()).isEqualTo("2024年第三季度");
        assertThat(q.plus(-5)).isEqualTo(Period.quarter(2023, 2));
    }

    @Test
    void monthDates() {
        Period m = Period.month(2024, 2);
        assertThat(m.start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(m.end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.month(2023, 2).end()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(m.months()).containsExactly(m);
        assertThat(Period.month(2024, 1).previous()).isEqualTo(Period.month(2023, 12));
        assertThat(m.sameLastYear()).isEqualTo(Period.month(2023, 2));
        assertThat(m.toString()).isEqualTo("2024-02");
        assertThat(m.label()).isEqualTo("2024年2月");
        assertThat(m.as(Period.Kind.QUARTER)).isEqualTo(Period.quarter(2024, 1));
    }

    @Test
    void yearDates() {
        Period y = Period.year(2024);
        assertThat(y.start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(y.end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(y.months()).hasSize(12);
        assertThat(y.previous()).isEqualTo(Period.year(2023));
        assertThat(y.sameLastYear()).isEqualTo(Period.year(2023));
        assertThat(y.toString()).isEqualTo("2024");
    }

    @Test
    void findsPeriodsInsideTitlesAndFileNames() {
        assertThat(Period.find("XX县基层科协组织建设情况统计表（2024年第三季度）")).contains(Period.quarter(2024, 3));
        assertThat(Period.find("640104_2024Q3.xlsx")).contains(Period.quarter(2024, 3));
        assertThat(Period.find("报表（2024年7月）")).contains(Period.month(2024, 7));
        assertThat(Period.find("2024年工作总结")).isEmpty();
    }

    @Test
    void ordersByStartThenLength() {
        List<Period> sorted = List.of(Period.quarter(2024, 3), Period.month(2024, 7), Period.quarter(2024, 2),
                Period.year(2024)).stream().sorted().toList();
        assertThat(sorted).containsExactly(Period.year(2024), Period.quarter(2024, 2), Period.month(2024, 7),
                Period.quarter(2024, 3));
    }

    @Test
    void containing() {
        assertThat(Period.containing(Period.Kind.QUARTER, LocalDate.of(2024, 9, 30))).isEqualTo(Period.quarter(2024, 3));
        assertThat(Period.quarter(2024, 3).contains(LocalDate.of(2024, 10, 1))).isFalse();
    }
}
