package org.sanhui.reporting.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreakerTest {

    // every character 10 units wide: a line of width 50 holds 5
    private static List<String> wrap(String s, double width) {
        return LineBreaker.wrap(s, width, 0, cp -> 10);
    }

    @Test
    void breaksChineseAnywhere() {
        assertThat(wrap("一二三四五六七八九十", 50)).containsExactly("一二三四五", "六七八九十");
    }

    @Test
    void closingPunctuationNeverStartsALine() {
        // the comma would start line 2: it hangs at the end of line 1 instead
        List<String> lines = wrap("一二三四五，六七八九十。", 50);
        assertThat(lines).containsExactly("一二三四五，", "六七八九十。");
        for (String text : List.of("甲乙丙丁戊）。己庚", "甲乙丙丁戊、己庚辛壬癸；子丑", "一二三四五！？六")) {
            for (String line : wrap(text, 50)) {
                assertThat(LineBreaker.isClosing(line.charAt(0))).as("line '%s' of '%s'", line, text).isFalse();
            }
        }
    }

    @Test
    void openingPunctuationNeverEndsALine() {
        List<String> lines = wrap("一二三四（五六七八", 50);
        assertThat(lines.get(0)).doesNotEndWith("（");
        assertThat(lines.get(1)).startsWith("（");
    }

    @Test
    void numbersStayWhole() {
        List<String> lines = wrap("一二三四86.4%", 50);
        assertThat(lines).containsExactly("一二三四", "86.4%");
    }

    @Test
    void firstLineIndentShortensTheFirstLine() {
        assertThat(LineBreaker.wrap("一二三四五六七", 50, 20, cp -> 10)).containsExactly("一二三", "四五六七");
    }
}
