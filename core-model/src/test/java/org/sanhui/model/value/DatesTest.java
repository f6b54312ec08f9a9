package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.model.problem.ProblemCode;

class DatesTest {

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"2024-07-01", "2024/7/1", "2024.7.1", "2024年7月1日", "2024年7月1号", "20240701",
        "２０２４－０７－０１", "２０２４年７月１日", " 2024 年 7 月 1 日 ", "2024-7-1", "2024/07/01 10:30",
        "2024-07-01 10:30:00", "2024-07-01T10:30:00", "2024年7月1日 08:00", "45474", "45474.0", "45474.99",
        "2024.7.1至7.3", "2024-07-01~2024-07-03", "2024年7月1日—3日", "2024/7/1 到 2024/7/5", "2024.7.1--7.2"})
    void parsesEveryFullDateForm(String cell) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.hasProblem()).as(String.valueOf(r)).isFalse();
        assertThat(r.value()).isEqualTo(new DateValue(LocalDate.of(2024, 7, 1), DatePrecision.DAY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2023年11月, 2023-11-30", "2023-11, 2023-11-30", "2023/11, 2023-11-30", "2023.11, 2023-11-30",
        "2024年2月, 2024-02-29", "2023年2月, 2023-02-28", "２０２３年１１月, 2023-11-30", "202311, 2023-11-30",
        "2023年11月份, 2023-11-30"})
    void monthOnlyIsTheMonthsLastDay(String cell, LocalDate expected) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.hasProblem()).isFalse();
        assertThat(r.value()).isEqualTo(new DateValue(expected, DatePrecision.MONTH));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"2023", "2023年", "２０２３", "2023年度"})
    void yearOnlyIsAWarning(String cell) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.value()).isEqualTo(new DateValue(LocalDate.of(2023, 12, 31), DatePrecision.YEAR));
        assertThat(r.code()).isEqualTo(ProblemCode.YEAR_ONLY_DATE);
        assertThat(r.isError()).isFalse();
        assertThat(r.messageZh()).contains("只有年份");
        assertThat(r.messageEn()).contains("only a year");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", " ", "无", "暂无", "/", "-", "—", "空", "　"})
    void notGivenIsBlank(String cell) {
        assertThat(Dates.parse(cell, false).isBlank()).isTrue();
        assertThat(Dates.parse(null, false).isBlank()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 1900-01-01", "2, 1900-01-02", "31, 1900-01-31", "32, 1900-02-01", "59, 1900-02-28",
        "61, 1900-03-01", "62, 1900-03-02", "366, 1900-12-31", "367, 1901-01-01", "36526, 2000-01-01",
        "43101, 2018-01-01", "45292, 2024-01-01", "45474, 2024-07-01", "45657, 2024-12-31", "2958465, 9999-12-31"})
    void excel1900Serials(double serial, LocalDate expected) {
        assertThat(Dates.fromExcelSerial(serial, false)).isEqualTo(expected);
    }

    @Test
    void excel1900SerialsFrom61AreOneDayBelowANaiveCount() {
        LocalDate naive = LocalDate.of(1899, 12, 31).plusDays(45474);
        assertThat(Dates.fromExcelSerial(45474, false)).isEqualTo(naive.minusDays(1));
        assertThat(ChronoUnit.DAYS.between(Dates.fromExcelSerial(59, false), Dates.fromExcelSerial(61, false)))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, 1904-01-01", "1, 1904-01-02", "59, 1904-02-29", "60, 1904-03-01", "44012, 2024-07-01",
        "1461, 1908-01-01"})
    void excel1904Serials(double serial, LocalDate expected) {
        assertThat(Dates.fromExcelSerial(serial, true)).isEqualTo(expected);
        assertThat(Dates.parse(String.valueOf((long) serial), true).hasProblem()).isEqualTo(false);
    }

    @Test
    void the1904SystemIs1462DaysAfterThe1900System() {
        assertThat(Dates.parse("44012", true).value().date()).isEqualTo(Dates.parse("45474", false).value().date());
    }

    @Test
    void serial60IsRefusedAsTheFictitiousLeapDay() {
        assertThatThrownBy(() -> Dates.fromExcelSerial(60, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1900-02-29");
        ParseResult<DateValue> r = Dates.parse("60", false);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_DATE);
        assertThat(r.isError()).isTrue();
        assertThat(r.messageZh()).contains("1900年2月29日");
        assertThat(r.messageEn()).contains("1900-02-29").contains("expected a real date");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(doubles = {0, -1, 2958466, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesSerialsOutOfRange(double serial) {
        assertThatThrownBy(() -> Dates.fromExcelSerial(serial, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected");
    }

    @Test
    void refusesNegative1904Serial() {
        assertThatThrownBy(() -> Dates.fromExcelSerial(-1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"2024-02-30|2024年2月只有29天|has 29 days", "2023-02-29|只有28天|has 28 days",
        "2024-04-31|只有30天|has 30 days", "2024-13-01|月份 13 无效|expected 1-12", "2024年13月|月份 13 无效|expected 1-12",
        "2024-00-10|月份 0 无效|expected 1-12"})
    void impossibleDatesSayWhatWasExpected(String cell, String zh, String en) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_DATE);
        assertThat(r.value()).isNull();
        assertThat(r.messageZh()).contains(zh).contains(cell);
        assertThat(r.messageEn()).contains(en).contains(cell);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "七月一日", "2024-07-01-02", "yesterday", "1.2.3.4", "-5", "2024年7月1日下午三点",
        "2024年7月至9月", "至2024-07-01"})
    void garbageIsABadDate(String cell) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_DATE);
        assertThat(r.messageZh()).contains("应为日期");
        assertThat(r.messageEn()).contains("expected a date such as 2024-07-01");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"1899-12-31", "2101-01-01", "3024-07-01"})
    void yearsOutsideTheRangeAreRefused(String cell) {
        ParseResult<DateValue> r = Dates.parse(cell, false);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_DATE);
        assertThat(r.messageEn()).contains("expected a year from 1900 to 2100");
    }

    @Test
    void aSerialParsedAgainGivesTheSameDateInEachDateSystem() {
        // 45474 is 2024-07-01 in the 1900 system and 1462 days later in the 1904 system;
        // 60 is Excel's non-existent 1900-02-29 (refused) but 1904-03-01 in the 1904 system
        for (int round = 0; round < 3; round++) {
            assertThat(Dates.parse("45474", false).value().date()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(Dates.parse("45474", true).value().date()).isEqualTo(LocalDate.of(2028, 7, 2));
            assertThat(Dates.parse("45475", false).value().date()).isEqualTo(LocalDate.of(2024, 7, 2));
            assertThat(Dates.parse("60", false).code()).isEqualTo(ProblemCode.BAD_DATE);
            assertThat(Dates.parse("60", true).value().date()).isEqualTo(LocalDate.of(1904, 3, 1));
        }
    }
}
