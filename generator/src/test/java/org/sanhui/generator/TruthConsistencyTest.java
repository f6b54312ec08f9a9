package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/** truth.json agrees with itself: area rates are the county flags averaged, sums add up, rates are num/den. */
class TruthConsistencyTest {

    private static final Gazetteer GAZ = Gazetteer.national();
    private static JsonNode truth;
    private static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path sample = TestFiles.datasets().resolve("ningxia-sample");
        truth = new ObjectMapper().readTree(sample.resolve("truth.json").toFile());
        for (JsonNode r : truth.get("indicators")) {
            ROWS.put(key(r.get("period").asText(), r.get("indicator").asText(), r.get("region_code").asText(),
                    r.get("breakdown").asText()), r);
        }
    }

    private static String key(String p, String ind, String region, String breakdown) {
        return p + "|" + ind + "|" + region + "|" + breakdown;
    }

    private static List<String> quarters() {
        return truth.get("indicators").findValuesAsText("period").stream().filter(p -> p.contains("Q")).distinct()
                .sorted().toList();
    }

    private static List<String> areas() {
        List<String> out = new ArrayList<>();
        out.add("64");
        GAZ.within("64", RegionLevel.CITY).forEach(c -> out.add(c.code()));
        return out;
    }

    private static List<Region> countiesOf(String area) {
        return GAZ.within(area, RegionLevel.COUNTY);
    }

    @Test
    void areaRatesAreTheCountyFlagsAveraged() {
        assertThat(quarters()).hasSize(8);
        for (String p : quarters()) {
            for (String ind : List.of("C1.SCI_EDU_SOCIETY", "C1.MEDICAL_SOCIETY", "C1.AGRI_SOCIETY", "C1.full",
                    "C2.county", "S1.rate")) {
                for (String area : areas()) {
                    List<Region> counties = countiesOf(area);
                    double sum = 0;
                    long num = 0;
                    for (Region c : counties) {
                        JsonNode r = ROWS.get(key(p, ind, c.code(), ""));
                        assertThat(r).as(p + " " + ind + " " + c.code()).isNotNull();
                        assertThat(r.get("value").asDouble()).isIn(0.0, 1.0);
                        sum += r.get("value").asDouble();
                        num += r.get("numerator").asLong();
                    }
                    JsonNode a = ROWS.get(key(p, ind, area, ""));
                    assertThat(a.get("value").asDouble()).as(p + " " + ind + " " + area)
                            .isEqualTo(IndicatorRow.round9(sum / counties.size()));
                    assertThat(a.get("numerator").asLong()).isEqualTo(num);
                    assertThat(a.get("denominator").asLong()).isEqualTo(counties.size());
                }
            }
        }
    }

    @Test
    void fullCoverageNeedsAllThreeKindsAndRampsTowardsTheTarget() {
        for (String p : quarters()) {
            for (Region c : countiesOf("64")) {
                double all = 1;
                for (String k : List.of("SCI_EDU_SOCIETY", "MEDICAL_SOCIETY", "AGRI_SOCIETY")) {
                    all *= ROWS.get(key(p, "C1." + k, c.code(), "")).get("value").asDouble();
                }
                assertThat(ROWS.get(key(p, "C1.full", c.code(), "")).get("value").asDouble()).isEqualTo(all);
            }
        }
        double first = ROWS.get(key("2023Q1", "C1.full", "64", "")).get("value").asDouble();
        double target = ROWS.get(key("2023Q4", "C1.full", "64", "")).get("value").asDouble();
        assertThat(first).isLessThan(0.5);
        assertThat(target).isGreaterThan(0.75).isLessThan(1.0); // a few counties lag
    }

    @Test
    void sumsAndRatesAddUp() {
        for (String p : quarters()) {
            for (String area : areas()) {
                for (String ind : List.of("A1.count", "C2.township", "C3.county", "C3.township")) {
                    long num = 0;
                    long den = 0;
                    double acts = 0;
                    for (Region c : countiesOf(area)) {
                        JsonNode r = ROWS.get(key(p, ind, c.code(), ""));
                        if (r == null) {
                            assertThat(ind).isEqualTo("A1.count"); // only counties that reported
                            continue;
                        }
                        num += r.get("numerator").asLong();
                        den += r.get("denominator").asLong();
                        acts += r.get("value").asDouble();
                    }
                    JsonNode a = ROWS.get(key(p, ind, area, ""));
                    if (ind.equals("A1.count")) {
                        assertThat(a.get("value").asDouble()).as(p + " " + area).isEqualTo(acts);
                        continue;
                    }
                    assertThat(a.get("numerator").asLong()).as(p + ind + area).isEqualTo(num);
                    assertThat(a.get("denominator").asLong()).isEqualTo(den);
                    if (den > 0) {
                        assertThat(a.get("value").asDouble()).isCloseTo((double) num / den, within(1e-9));
                    }
                }
            }
            long townships = GAZ.within("64", RegionLevel.TOWNSHIP).stream().filter(Region::isTownshipProper).count();
            assertThat(ROWS.get(key(p, "C2.township", "64", "")).get("denominator").asLong()).isEqualTo(townships);
        }
    }

    @Test
    void activitiesPeakInMayAndSeptemberQuarters() {
        double q1 = ROWS.get(key("2024Q1", "A1.count", "64", "")).get("value").asDouble();
        double q2 = ROWS.get(key("2024Q2", "A1.count", "64", "")).get("value").asDouble();
        double q3 = ROWS.get(key("2023Q3", "A1.count", "64", "")).get("value").asDouble();
        assertThat(q2).isGreaterThan(q1);
        assertThat(q3).isGreaterThan(ROWS.get(key("2023Q1", "A1.count", "64", "")).get("value").asDouble());
    }

    @Test
    void gradeCountsAddUpOverKindsAndCities() {
        for (String year : List.of("2023", "2024")) {
            for (String g : List.of("A", "B", "C", "NOT_EVALUATED")) {
                double all = ROWS.get(key(year, "G1." + g, "64", "")).get("value").asDouble();
                double byKind = 0;
                for (String k : List.of("SCI_EDU_SOCIETY", "MEDICAL_SOCIETY", "AGRI_SOCIETY", "OTHER_SOCIETY")) {
                    byKind += ROWS.get(key(year, "G1." + g, "64", "kind=" + k)).get("value").asDouble();
                }
                double byCity = 0;
                for (Region c : GAZ.within("64", RegionLevel.CITY)) {
                    byCity += ROWS.get(key(year, "G1." + g, c.code(), "")).get("value").asDouble();
                }
                assertThat(byKind).as(year + g).isEqualTo(all);
                assertThat(byCity).as(year + g).isEqualTo(all);
            }
            assertThat(ROWS.get(key(year, "G1.C", "64", "")).get("value").asDouble()).isPositive();
        }
    }

    @Test
    void listsAreConsistent() {
        JsonNode exits = truth.get("lists").get("exit_candidates");
        assertThat(exits).isNotEmpty();
        for (JsonNode e : exits) {
            assertThat(e.get("period").asText()).startsWith("2024");
            assertThat(e.get("grades").asText()).isEqualTo("2023=C;2024=C");
            assertThat(e.get("org_key").asText()).startsWith(e.get("county_code").asText() + "/");
            assertThat(e.get("leader_name").asText()).isNotBlank();
        }
        JsonNode inactive = truth.get("lists").get("inactive");
        assertThat(inactive).isNotEmpty();
        for (JsonNode i : inactive) {
            assertThat(i.get("period").asText()).isNotEqualTo("2023Q1");
        }
    }
}
