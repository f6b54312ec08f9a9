package org.sanhui.reporting.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sanhui.model.region.Gazetteer;

class RegionsTest {

    private final Regions regions = new Regions(Gazetteer.national());

    @Test
    void pseudoCitiesAreNamedAfterTheirProvince() {
        assertThat(regions.name("1101")).isEqualTo("北京市");
        assertThat(regions.name("5001")).isEqualTo("重庆市");
        assertThat(regions.name("4290")).isEqualTo("湖北省直辖县级行政区划");
        assertThat(regions.name("6404")).isEqualTo("固原市");
    }

    @Test
    void countiesInProvinceSentencesCarryTheirCity() {
        assertThat(regions.qualified("640422")).isEqualTo("固原市西吉县");
        assertThat(regions.qualified("110101")).isEqualTo("东城区");
    }

    @Test
    void wholeOfWordFollowsTheRegion() {
        assertThat(regions.whole("64")).isEqualTo("全区");
        assertThat(regions.whole("42")).isEqualTo("全省");
        assertThat(regions.whole("12")).isEqualTo("全市");
        assertThat(regions.whole("6401")).isEqualTo("全市");
        assertThat(regions.whole("00")).isEqualTo("全国");
    }

    @Test
    void phonesAreMasked() {
        assertThat(Redaction.maskPhones("联系电话13812345678，座机0951-5012345")).isEqualTo("联系电话***，座机***");
        assertThat(Redaction.maskPhones("2024年1036场")).isEqualTo("2024年1036场");
    }
}
