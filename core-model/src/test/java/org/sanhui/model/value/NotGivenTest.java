package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotGivenTest {

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", " ", "　", "\t", "无", " 无 ", "暂无", "/", "／", "-", "－", "—", "——", "--", "空"})
    void notGiven(String cell) {
        assertThat(NotGiven.is(cell)).isTrue();
    }

    @Test
    void nullIsNotGiven() {
        assertThat(NotGiven.is(null)).isTrue();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"0", "否", "无锡", "空港", "a", "2024", "线上", "农民", "暂时", "无无"})
    void given(String cell) {
        assertThat(NotGiven.is(cell)).isFalse();
    }

    @Test
    void theShortcutsAgreeWithTheDefinitionOnEveryShortCell() {
        // every cell of up to three characters from a mix of tokens' characters, Chinese, ASCII and white space
        String chars = "无暂空线上农民/-—－／ a　\u00A0\t";
        java.util.Set<String> tokens = NotGiven.tokens();
        java.util.List<String> cells = new java.util.ArrayList<>(java.util.List.of(""));
        for (int len = 1; len <= 3; len++) {
            java.util.List<String> next = new java.util.ArrayList<>();
            for (String c : cells) {
                if (c.length() == len - 1) {
                    for (char x : chars.toCharArray()) {
                        next.add(c + x);
                    }
                }
            }
            cells.addAll(next);
        }
        for (String c : cells) {
            String t = Text.normalize(c);
            assertThat(NotGiven.is(c)).as("'%s'", c).isEqualTo(t.isEmpty() || tokens.contains(t));
        }
    }
}
