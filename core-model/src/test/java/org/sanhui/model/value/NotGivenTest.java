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
    @ValueSource(strings = {"0", "否", "无锡", "空港", "a", "2024"})
    void given(String cell) {
        assertThat(NotGiven.is(cell)).isFalse();
    }
}
