package org.sanhui.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileJobNumberTest {

    @Test
    void plainDigitsOfEveryShortLengthAndLonger() {
        assertThat(FileJob.number("7")).isEqualTo(7.0);
        assertThat(FileJob.number("42")).isEqualTo(42.0);
        assertThat(FileJob.number("199")).isEqualTo(199.0);
        assertThat(FileJob.number("0012")).isEqualTo(12.0);
        assertThat(FileJob.number("12345")).isEqualTo(12345.0);
        assertThat(FileJob.number("999999999999999")).isEqualTo(999_999_999_999_999.0);
    }

    @Test
    void anythingButAsciiDigitsTakesTheSlowPath() {
        assertThat(FileJob.number(null)).isNaN();
        assertThat(FileJob.number("")).isNaN();
        // characters just below '0' and just above '9', at each position of the straight-line path
        assertThat(FileJob.number("/")).isNaN();
        assertThat(FileJob.number("1:")).isNaN();
        assertThat(FileJob.number("12/")).isNaN();
        assertThat(FileJob.number("123:")).isNaN();
        assertThat(FileJob.number("1234:")).isNaN();
        assertThat(FileJob.number("1.5")).isEqualTo(1.5);
        assertThat(FileJob.number("-3")).isEqualTo(-3.0);
        assertThat(FileJob.number("1,234")).isEqualTo(1234.0);
        assertThat(FileJob.number("12,345.5")).isEqualTo(12345.5);
        // full-width digits fold to 12
        assertThat(FileJob.number("１２")).isEqualTo(12.0);
        assertThat(FileJob.number("十二")).isNaN();
    }

    @Test
    void shortAndLongDigitsAgree() {
        for (int i = 0; i < 10_000; i++) {
            String s = Integer.toString(i);
            assertThat(FileJob.shortDigits(s, s.length())).isEqualTo(i);
            assertThat(FileJob.longDigits(s, s.length())).isEqualTo(i);
        }
        assertThat(FileJob.shortDigits("1a", 2)).isEqualTo(-1);
        assertThat(FileJob.longDigits("1234a", 5)).isEqualTo(-1);
        assertThat(FileJob.shortDigits("数", 1)).isEqualTo(-1);
    }
}
