package org.sanhui.model.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"王小芳, 王*芳", "王芳, 王*", "欧阳小芳, 欧**芳", "王, *", "' 王 小 芳 ', 王*芳", "Zhang Wei, Z***",
        "alice, a***", "买买提·艾力, 买****力"})
    void masksNames(String name, String masked) {
        assertThat(PersonalData.maskName(name)).isEqualTo(masked);
    }

    @Test
    void masksNothingToEmpty() {
        assertThat(PersonalData.maskName(null)).isEmpty();
        assertThat(PersonalData.maskName("  ")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"13800138000", "138 0013 8000", "138-0013-8000", "+86 138 0013 8000", "8613800138000",
        "0951-5012345", "0951 5012345", "(0951)5012345", "010-12345678", "１３８００１３８０００", "19912345678"})
    void phones(String text) {
        assertThat(PersonalData.looksLikePhone(text)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "12345", "12800138000", "1380013800", "138001380001", "20240701", "640104100",
        "王小芳", "951-5012345"})
    void notPhones(String text) {
        assertThat(PersonalData.looksLikePhone(text)).isFalse();
    }

    @Test
    void scrubsNamesAndPhones() {
        String s = PersonalData.scrub("负责人王小芳（电话 138-0013-8000，办公 0951-5012345）于 2024-07-01 填报，欧阳小芳 审核",
                List.of("王小芳", "欧阳小芳", " "));
        assertThat(s).doesNotContain("王小芳").doesNotContain("欧阳小芳").doesNotContain("8000")
                .doesNotContain("5012345");
        assertThat(s).contains("王*芳").contains("欧**芳").contains("2024-07-01");
        assertThat(PersonalData.scrub(null, List.of())).isEmpty();
        assertThat(PersonalData.scrub("电话：１３８００１３８０００", List.of())).isEqualTo("电话：" + PersonalData.PHONE_MASK);
        assertThat(PersonalData.scrub("（0951）5012345", List.of())).isEqualTo(PersonalData.PHONE_MASK);
        assertThat(PersonalData.scrub("会员 1234567 人，日期 20240701", List.of())).isEqualTo("会员 1234567 人，日期 20240701");
    }
}
