package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.model.problem.ProblemCode;

class NumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"0|0", "12|12", "12.0|12", "12.00|12", "1,234|1234", "１，２３４|1234",
        "１２３４|1234", "1,234,567|1234567", " 35 |35", "35人|35", "120人次|120", "3个|3", "6场|6", "6场次|6",
        "8名|8", "1,200 人|1200", "+5|5", "2147483647|2147483647", "1.2E3|1200"})
    void counts(String cell, int expected) {
        assertThat(Numbers.parseCount(cell)).isEqualTo(ParseResult.ok(expected));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "无", "暂无", "/", "-", "—", "空"})
    void notGivenIsBlank(String cell) {
        assertThat(Numbers.parseCount(cell).isBlank()).isTrue();
        assertThat(Numbers.parseDecimal(cell).isBlank()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-3", "-1,000", "－５", "-0.0001"})
    void negativeIsANegativeCount(String cell) {
        ParseResult<Integer> r = Numbers.parseCount(cell);
        assertThat(r.code()).isEqualTo(ProblemCode.NEGATIVE_COUNT);
        assertThat(r.messageEn()).contains("expected a whole number of 0 or more");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "十二", "12.5", "1,23", "12,34,567", "2147483648", "99999999999", "1e100", "人次",
        "12人 13人"})
    void otherwiseABadNumber(String cell) {
        ParseResult<Integer> r = Numbers.parseCount(cell);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_NUMBER);
        assertThat(r.value()).isNull();
        assertThat(r.messageZh()).contains(cell.strip()).contains("整数");
        assertThat(r.messageEn()).contains(cell.strip()).contains("expected a whole number");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"85|85.0", "92.5|92.5", "８５．５|85.5", "85分|85.0", "0|0.0", "100|100.0",
        "-3|-3.0", "1,000.5|1000.5"})
    void decimals(String cell, double expected) {
        assertThat(Numbers.parseDecimal(cell)).isEqualTo(ParseResult.ok(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"优秀", "85.5.1", "abc"})
    void badDecimals(String cell) {
        ParseResult<Double> r = Numbers.parseDecimal(cell);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_NUMBER);
        assertThat(r.messageEn()).contains("expected a number");
    }
}
