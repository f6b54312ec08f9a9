package org.sanhui.model.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {"２０２４Ｑ３|2024Q3", "'  a　 b\tc  '|a b c", "县（区）科协|县（区）科协",
        "ＡＢＣ，１２３|ABC,123", "\uFEFF组织名称|组织名称", "a\u00A0b|a b", "''|''"})
    void normalize(String in, String out) {
        assertThat(Text.normalize(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {"县（区）科协|县(区)科协", "２０２４|2024"})
    void normalizeAllFoldsBrackets(String in, String out) {
        assertThat(Text.normalizeAll(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {"a b|a b", "'a  b'|a b", "' a'|a", "'a '|a", "a\u0001b|a\u0001b",
        "a\u001Fb|a b", "a\u2007b|a b", "a\u2028b|a b", "老年人、社区居民|老年人、社区居民", "a（b）|a（b）", "a～b|a~b"})
    void alreadyNormalTextIsKeptAndNearMissesAreFolded(String in, String out) {
        assertThat(Text.normalize(in)).isEqualTo(out);
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThat(Text.normalize(null)).isEmpty();
        assertThat(Text.normalizeAll(null)).isEmpty();
    }
}
