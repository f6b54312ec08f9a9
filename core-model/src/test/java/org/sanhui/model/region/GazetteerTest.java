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

    // Townships whose names end in two or more suffixes were not found by their short forms: the stem took
    // off one suffix from each side, so 西三旗 (stem 西三) never met 西三旗街道 (stem 西三旗).
    @ParameterizedTest(name = "{0} under {1} -> {2}")
    @CsvSource({"西三旗, 110108, 110108019", "西三旗街道, 110108, 110108019", "西三, 110108, 110108019",
        "下伍旗, 120114, 120114105", "下伍, 120114, 120114105", "开发区, 130471, 130471400",
        "嘉定镇, 310114, 310114004", "大安镇, 130229, 130229112",
        "保康街道, 150521, 150521403", "于家务, 110112, 110112209", "于家务乡, 110112, 110112209",
        "得力其尔, 150721, 150721200", "音河, 150721, 150721202", "东固, 360803, 360803201",
        "门源, 63, 632221", "门源县, 6322, 632221", "莫力达瓦, 1507, 150722", "嘉定, 31, 310114",
        "七星, 4503, 450305"})
    void findsTownshipsByEveryTailOfStackedSuffixes(String name, String parent, String code) {
        NameMatch m = G.byName(parent, name);
        assertThat(m.found()).as(m.toString()).isTrue();
        assertThat(m.region().code()).isEqualTo(code);
    }

    @Test
    void aShortFormOfTwoTownshipsIsAmbiguousNotGuessed() {
        // 西城 is 西城乡 minus 乡 and 西城区街道 minus 区街道; it used to find 西城乡 alone.
        NameMatch m = G.byName("130682", "西城");
        assertThat(m.found()).isFalse();
        assertThat(m.ambiguous()).isTrue();
        assertThat(m.candidates()).extracting(Region::code).containsExactlyInAnyOrder("130682003", "130682208");
        assertThat(G.byName("130682", "西城乡").region().code()).isEqualTo("130682208");
        assertThat(G.byName("130682", "西城区").region().code()).isEqualTo("130682003");
    }

    @Test
    void everyTownshipIsFoundInItsCountyByItsFullNameAndByEveryShortForm() {
        // The tails of the administrative suffixes are computed here too (longest first), independently of the
        // gazetteer's own list, and must be among its short forms. Each short form must find its township, or
        // be reported as ambiguous with it among the candidates, each of which carries that short form.
        List<String> suffixes = List.of("办事处", "街道", "苏木", "新区", "林区", "特区", "区", "市", "旗", "镇", "乡");
        int forms = 0;
        List<String> notFound = new java.util.ArrayList<>();
        List<String> ambiguous = new java.util.ArrayList<>();
        for (Region t : G.within("00", RegionLevel.TOWNSHIP)) {
            NameMatch full = G.byName(t.parentCode(), t.name());
            if (!full.found() || !full.region().equals(t)) {
                notFound.add(t.code() + " " + t.name() + " -> " + full);
            }
            List<String> shortForms = Gazetteer.shortForms(t.name());
            assertThat(shortForms).as(t.name()).containsAll(administrativeTails(t.name(), suffixes));
            for (String form : shortForms) {
                forms++;
                NameMatch m = G.byName(t.parentCode(), form);
                if (m.ambiguous() && m.candidates().contains(t)) {
                    assertThat(m.candidates()).allSatisfy(c -> assertThat(Gazetteer.shortForms(c.name())).contains(form));
                    ambiguous.add(t.code() + " " + t.name() + " as " + form);
                } else if (!m.found() || !m.region().equals(t)) {
                    notFound.add(t.code() + " " + t.name() + " as " + form + " -> " + m);
                }
            }
        }
        assertThat(notFound).as("%d of %d short forms", notFound.size(), forms).isEmpty();
        assertThat(forms).isEqualTo(40_993);
        // such as 西城 in 定州市 (西城乡, 西城区街道) or 义井 in 城区 (义井街道, 义井镇): 48 pairs of townships
        assertThat(ambiguous).hasSize(96).contains("130682208 西城乡 as 西城", "130682003 西城区街道 as 西城");
    }

    @Test
    void everyCountyIsFoundInItsCityAndProvinceByItsFullNameAndShortForms() {
        List<String> wrong = new java.util.ArrayList<>();
        List<String> ambiguous = new java.util.ArrayList<>();
        List<String> ofCity = new java.util.ArrayList<>();
        for (Region c : G.within("00", RegionLevel.COUNTY)) {
            String province = c.code().substring(0, 2);
            for (String scope : List.of(c.parentCode(), province)) {
                List<String> names = new java.util.ArrayList<>(Gazetteer.shortForms(c.name()));
                names.add(0, c.name());
                for (String name : names) {
                    NameMatch m = G.byName(scope, name);
                    if (m.ambiguous() && m.candidates().stream().anyMatch(x -> G.isWithin(c.code(), x.code()))) {
                        ambiguous.add(scope + " " + name); // with the county, or its city, among the candidates
                    } else if (m.found() && G.isWithin(c.code(), m.region().code()) && !m.region().equals(c)) {
                        ofCity.add(scope + " " + name); // 承德 is 承德市 rather than also its 承德县
                    } else if (!m.found() || !m.region().equals(c)) {
                        wrong.add(c.code() + " " + c.name() + " as " + name + " under " + scope + " -> " + m);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
        // a county's name or short form that another county, or a region elsewhere, carries too, such as 城区, 朝阳
        // or 鄂伦春 (鄂伦春自治旗, and 鄂伦春民族乡 of 扎兰屯市); a township inside the county does not make it
        // ambiguous (嘉定 under 31 is 嘉定区, not also its 嘉定镇街道)
        assertThat(ambiguous).contains("14 城区", "21 朝阳", "15 鄂伦春", "1507 鄂伦春").hasSize(333);
        assertThat(ofCity).contains("13 承德").hasSize(33);
        assertThat(G.byName("31", "嘉定").region().code()).isEqualTo("310114");
    }

    private static List<String> administrativeTails(String name, List<String> suffixes) {
        List<String> tails = new java.util.ArrayList<>();
        String rest = name;
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String s : suffixes) {
                if (rest.endsWith(s) && rest.length() >= s.length() + 2) {
                    rest = rest.substring(0, rest.length() - s.length());
                    tails.add(rest);
                    stripped = true;
                    break;
                }
            }
        }
        return tails;
    }

    @Test
    void shortFormsTakeOffEveryTailOfSuffixes() {
        assertThat(Gazetteer.shortForms("西三旗街道")).containsExactly("西三旗", "西三");
        assertThat(Gazetteer.shortForms("保康街道办事处")).containsExactly("保康街道", "保康");
        assertThat(Gazetteer.shortForms("金坪民族乡")).containsExactly("金坪民族", "金坪");
        assertThat(Gazetteer.shortForms("东固畲族少数民族乡"))
                .containsExactly("东固畲族少数民族", "东固畲族少数", "东固畲族", "东固");
        assertThat(Gazetteer.shortForms("音河达斡尔鄂温克民族乡"))
                .containsExactly("音河达斡尔鄂温克民族", "音河达斡尔鄂温克", "音河达斡尔", "音河");
        assertThat(Gazetteer.shortForms("门源回族自治县")).containsExactly("门源回族自治", "门源回族", "门源");
        assertThat(Gazetteer.shortForms("浦东新区")).containsExactly("浦东新", "浦东");
        assertThat(Gazetteer.shortForms("万柏林区")).containsExactly("万柏林", "万柏");
        assertThat(Gazetteer.shortForms("神农架林区")).containsExactly("神农架林", "神农架");
        assertThat(Gazetteer.shortForms("兴庆区")).containsExactly("兴庆");
        assertThat(Gazetteer.shortForms("城区")).isEmpty();
        assertThat(Gazetteer.shortForms("掌政")).isEmpty();
    }
}
