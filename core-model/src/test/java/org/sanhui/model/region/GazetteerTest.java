package org.sanhui.model.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    private static final Gazetteer G = Gazetteer.national();

    @Test
    void pinsTheNationalCounts() {
        assertThat(G.within("00", RegionLevel.PROVINCE)).hasSize(31);
        assertThat(G.within("00", RegionLevel.CITY)).hasSize(342);
        assertThat(G.within("00", RegionLevel.COUNTY)).hasSize(2_978);
        assertThat(G.within("00", RegionLevel.TOWNSHIP)).hasSize(41_352);
        assertThat(G.size()).isEqualTo(1 + 31 + 342 + 2_978 + 41_352);
    }

    @Test
    void loadsTheNationalOneOnceWhoeverAsksFirst() throws Exception {
        Gazetteer.preloadNational();
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.Set<Gazetteer> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> seen.add(Gazetteer.national()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(seen).containsExactly(G);
        assertThat(Gazetteer.national()).isSameAs(G);
    }

    @Test
    void pinsNingxia() {
        assertThat(G.require("64").name()).isEqualTo("宁夏回族自治区");
        assertThat(G.within("64", RegionLevel.CITY)).hasSize(5);
        assertThat(G.within("64", RegionLevel.COUNTY)).hasSize(22);
        List<Region> townships = G.within("64", RegionLevel.TOWNSHIP);
        assertThat(townships).hasSize(259);
        assertThat(townships.stream().filter(Region::isTownshipProper)).hasSize(243);
        assertThat(townships.stream().filter(t -> t.isTownshipProper(400))).hasSize(243);
        assertThat(townships.stream().filter(t -> t.isTownshipProper(1000))).hasSize(259);
        assertThat(G.children("6401")).extracting(Region::code).containsExactly("640104", "640105", "640106", "640121",
                "640122", "640181");
    }

    @Test
    void streetsAndTownshipsProper() {
        Region street = G.require("640104001");
        assertThat(street.isStreet()).isTrue();
        assertThat(street.isTownshipProper()).isTrue();
        Region town = G.require("640104100");
        assertThat(town.isStreet()).isFalse();
        assertThat(town.suffix()).isEqualTo(100);
        Region farm = G.require("640122402");
        assertThat(farm.isTownshipProper()).isFalse();
        assertThatThrownBy(() -> G.require("6401").suffix()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource({"兴庆, 6401, 640104", "兴庆, 64, 640104", "兴庆区, 64, 640104", "兴庆区, 6401, 640104",
        "掌政, 640104, 640104100", "掌政镇, 64, 640104100", "凤凰北街, 640104, 640104001",
        "凤凰北街街道, 640104, 640104001", "640104, 64, 640104", "640104100001, 640104, 640104100",
        "' 兴 庆 区 ', 64, 640104", "６４０１０４, 64, 640104", "银川, 64, 6401", "银川市, 00, 6401"})
    void findsByNameWithAndWithoutSuffixOrByCode(String name, String parent, String code) {
        NameMatch m = G.byName(parent, name);
        assertThat(m.found()).as(m.toString()).isTrue();
        assertThat(m.region().code()).isEqualTo(code);
        assertThat(m.ambiguous()).isFalse();
    }

    @Test
    void anAmbiguousNameListsTheCandidates() {
        NameMatch m = G.byName("140302", "义井");
        assertThat(m.found()).isFalse();
        assertThat(m.ambiguous()).isTrue();
        assertThat(m.candidates()).extracting(Region::code).containsExactlyInAnyOrder("140302005", "140302100");
        NameMatch cities = G.byName("14", "城区");
        assertThat(cities.ambiguous()).isTrue();
        assertThat(cities.candidates()).extracting(Region::code).contains("140302", "140502");
    }

    @Test
    void anUnknownNameListsLookAlikesButIsNotAmbiguous() {
        NameMatch m = G.byName("640104", "掌上明珠");
        assertThat(m.found()).isFalse();
        assertThat(m.ambiguous()).isFalse();
        assertThat(m.candidates()).extracting(Region::name).contains("掌政镇");
        assertThat(G.byName("640104", "火星").candidates()).isEmpty();
        assertThat(G.byName("640104", "").found()).isFalse();
    }

    @Test
    void aCodeOutsideTheParentIsACandidateNotAMatch() {
        NameMatch m = G.byName("640104", "640105");
        assertThat(m.found()).isFalse();
        assertThat(m.ambiguous()).isFalse();
        assertThat(m.candidates()).extracting(Region::code).containsExactly("640105");
    }

    @Test
    void namesOutsideTheParentAreNotFound() {
        assertThat(G.byName("640104", "西夏区").found()).isFalse();
        assertThat(G.byName("6401", "西夏区").found()).isTrue();
    }

    @Test
    void codes() {
        assertThat(Gazetteer.normalizeCode("640104100001")).contains("640104100");
        assertThat(Gazetteer.normalizeCode(" 64 ")).contains("64");
        assertThat(Gazetteer.normalizeCode("64010")).isEmpty();
        assertThat(Gazetteer.normalizeCode("64a")).isEmpty();
        assertThat(G.byCode("640104100001").map(Region::name)).contains("掌政镇");
        assertThat(G.byCode("999999")).isEmpty();
        assertThatThrownBy(() -> G.require("999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("999999");
    }

    @Test
    void ancestorsAndScopes() {
        assertThat(G.ancestors("640104100")).extracting(Region::code).containsExactly("640104", "6401", "64", "00");
        assertThat(G.ancestorAt("640104100", RegionLevel.CITY).map(Region::code)).contains("6401");
        assertThat(G.ancestorAt("6401", RegionLevel.COUNTY)).isEmpty();
        assertThat(G.isWithin("640104100", "64")).isTrue();
        assertThat(G.isWithin("640104100", "00")).isTrue();
        assertThat(G.isWithin("640104100", "640105")).isFalse();
        assertThat(G.isWithin("640104", "640104")).isTrue();
        assertThat(G.isWithin("640104", "640104100")).isFalse();
    }

    @Test
    void findsRegionsNamedInsideAText() {
        assertThat(G.mentionedIn("64", "银川市兴庆区掌政镇春林村")).extracting(Region::code)
                .containsExactly("640104100", "640104", "6401");
        assertThat(G.mentionedIn("640104", "月牙湖乡滨河家园")).extracting(Region::code).containsExactly("640104201");
        assertThat(G.mentionedIn("64", "村委会会议室")).isEmpty();
    }

    @Test
    void aFreshLoadHoldsTheSameRegions() {
        // Its time is measured by bench/gazetteer.sh (GazetteerBench), not asserted here.
        Gazetteer fresh = Gazetteer.load();
        assertThat(fresh).isNotSameAs(G);
        assertThat(fresh.size()).isEqualTo(G.size());
        assertThat(fresh.require("640104100").name()).isEqualTo("掌政镇");
    }
}
