package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.model.problem.ProblemCode;

class BooleansTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"是", "√", "✓", "✔", "Y", "y", "yes", "YES", "Yes", "true", "TRUE", "有", "1", " 是 ", "Ｙ",
        "１"})
    void yes(String cell) {
        assertThat(Booleans.parse(cell)).isEqualTo(ParseResult.ok(true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"否", "×", "✗", "✘", "N", "n", "no", "NO", "false", "False", "无", "0", "Ｎ", "没有"})
    void no(String cell) {
        assertThat(Booleans.parse(cell)).isEqualTo(ParseResult.ok(false));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", " ", "暂无", "/", "-", "—", "空", "　"})
    void notGivenOtherThanWuIsUnknown(String cell) {
        assertThat(Booleans.parse(cell).isBlank()).isTrue();
        assertThat(Booleans.parse(null).isBlank()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"maybe", "是的吧", "2", "ok", "待定"})
    void otherTextIsABadBoolean(String cell) {
        ParseResult<Boolean> r = Booleans.parse(cell);
        assertThat(r.code()).isEqualTo(ProblemCode.BAD_BOOLEAN);
        assertThat(r.value()).isNull();
        assertThat(r.messageZh()).contains(cell).contains("应为 是/否");
        assertThat(r.messageEn()).contains(cell).contains("expected yes/no");
    }
}
