package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.sanhui.model.schema.Datasets.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.period.Period;

/**
 * The headline figures of the periods a briefing compares with (the period before and the same period a
 * year before), computed by the same run from the same warehouse. Regression: the 2024Q4 output held the
 * 2024Q4 rates only, so the briefing's 上季度 and 去年同期 columns showed "—" for every rate although the
 * earlier quarters were in the warehouse.
 *
 * <p>Also: a quarterly province refuses a month (its quarterly files cannot say in which month a figure falls;
 * before, {@code --period 2024-11} reported every county as missing).
 *
 * <pre>
 * Ningxia (64, quarterly; 22 counties, 243 townships in the denominator); periods 2023Q4, 2024Q3, 2024Q4
 * X = 640104 兴庆区: submissions 2023Q4, 2024Q3, 2024Q4
 *   x1 COUNTY_KEXIE  est 2015   vice-chairs HOSPITAL, SCHOOL, AGRI_STATION since 2023-03-01 (every file)
 *   x2 SCI_EDU, x3 MEDICAL, x4 AGRI  est 2020 (every file)
 *   x5 TOWNSHIP_KEXIE @ 640104100 掌政镇 est 2018, the three roles since 2022-01-01 (every file)
 *   x6 TOWNSHIP_KEXIE @ 640104101 大新镇 est 2024-11-01, no vice-chair (2024Q4 file only)
 *   activities: x2 POPULARISATION 2023-11-20 (30 people); x2 CONFERENCE 2024-08-10 (50);
 *               x5 POPULARISATION 2024-10-20 (40)
 * W = 640105 西夏区: submissions 2024Q3, 2024Q4 (none for 2023Q4)
 *   w1 COUNTY_KEXIE est 2016: SCHOOL since 2024-01-10; the 2024Q4 file adds HOSPITAL and AGRI_STATION from 2024-11-01
 *   w2 SCI_EDU, w3 AGRI est 2020; w4 MEDICAL est 2024-10-15 (2024Q4 file only)
 *   w5 TOWNSHIP_KEXIE @ 640105100 兴泾镇 est 2019, no vice-chair
 *   activities: w3 CONFERENCE 2024-11-05 (60)
 * every organisation has 10 members
 * </pre>
 */
class AnalyzerComparisonsTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    @TempDir
    static Path dir;

    static final String X = "640104";
    static final String W = "640105";
    static JsonNode json;
    static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void analyse() {
        FixtureWarehouse w = new FixtureWarehouse(dir);
        build(w);
        w.write(SPARK.session());
        Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024Q4")).build());
        json = IndicatorOutput.readJson(dir, Period.parse("2024Q4"));
        for (JsonNode r : json.get("indicators")) {
            ROWS.put(r.get("period").asText() + "|" + r.get("indicator").asText() + "|" + r.get("region_code").asText()
                    + "|" + r.get("breakdown").asText(), r);
        }
    }

    static void build(FixtureWarehouse w) {
        for (String q : new String[] {"2023Q4", "2024Q3", "2024Q4"}) {
            w.submission(X, q, Period.parse(q).end().plusDays(5), 10, 0);
            orgs(w, q, X, new String[][] {
                {"x1", "兴庆区科学技术协会", "COUNTY_KEXIE", X, "2015-01-01"},
                {"x2", "兴庆区基层科技教育学会", "SCI_EDU_SOCIETY", X, "2020-01-01"},
                {"x3", "兴庆区基层医疗卫生学会", "MEDICAL_SOCIETY", X, "2020-01-01"},
                {"x4", "兴庆区基层农业技术学会", "AGRI_SOCIETY", X, "2020-01-01"},
                {"x5", "掌政镇科学技术协会", "TOWNSHIP_KEXIE", "640104100", "2018-01-01"}});
            for (String role : new String[] {"HOSPITAL_HEAD", "SCHOOL_HEAD", "AGRI_STATION_HEAD"}) {
                post(w, q, X, "x1", role, "2023-03-01");
                post(w, q, X, "x5", role, "2022-01-01");
            }
        }
        orgs(w, "2024Q4", X, new String[][] {{"x6", "大新镇科学技术协会", "TOWNSHIP_KEXIE", "640104101", "2024-11-01"}});
        act(w, "2023Q4", X, "x2", "POPULARISATION", "2023-11-20", 30);
        act(w, "2024Q3", X, "x2", "CONFERENCE", "2024-08-10", 50);
        act(w, "2024Q4", X, "x5", "POPULARISATION", "2024-10-20", 40);

        for (String q : new String[] {"2024Q3", "2024Q4"}) {
            w.submission(W, q, Period.parse(q).end().plusDays(5), 10, 0);
            orgs(w, q, W, new String[][] {
                {"w1", "西夏区科学技术协会", "COUNTY_KEXIE", W, "2016-01-01"},
                {"w2", "西夏区基层科技教育学会", "SCI_EDU_SOCIETY", W, "2020-01-01"},
                {"w3", "西夏区基层农业技术学会", "AGRI_SOCIETY", W, "2020-01-01"},
                {"w5", "兴泾镇科学技术协会", "TOWNSHIP_KEXIE", "640105100", "2019-01-01"}});
            post(w, q, W, "w1", "SCHOOL_HEAD", "2024-01-10");
        }
        orgs(w, "2024Q4", W, new String[][] {{"w4", "西夏区基层医疗卫生学会", "MEDICAL_SOCIETY", W, "2024-10-15"}});
        post(w, "2024Q4", W, "w1", "HOSPITAL_HEAD", "2024-11-01");
        post(w, "2024Q4", W, "w1", "AGRI_STATION_HEAD", "2024-11-01");
        act(w, "2024Q4", W, "w3", "CONFERENCE", "2024-11-05", 60);
    }

    private static void orgs(FixtureWarehouse w, String period, String county, String[][] rows) {
        for (String[] o : rows) {
            w.add(ORGANISATIONS, period, county, ORG_KEY, county + "/" + o[0], ORG_NAME, o[1], KIND, o[2], REGION_CODE,
                    o[3], ESTABLISHED, LocalDate.parse(o[4]), ESTABLISHED_PRECISION, "DAY", STATUS, "ACTIVE", MEMBERS, 10);
        }
    }

    private static void post(FixtureWarehouse w, String period, String county, String org, String role, String start) {
        w.add(POSTS, period, county, ORG_KEY, county + "/" + org, PERSON_NAME, "某人", ROLE, role, POST,
                "PART_TIME_VICE_CHAIR", START_DATE, LocalDate.parse(start));
    }

    private static void act(FixtureWarehouse w, String period, String county, String org, String type, String date,
            int participants) {
        w.add(ACTIVITIES, period, county, ORG_KEY, county + "/" + org, TITLE, type + date, TYPE, type, ACTIVITY_DATE,
                LocalDate.parse(date), PLACE_CODE, county, PARTICIPANTS, participants);
    }

    static JsonNode row(String period, String id, String region) {
        JsonNode r = ROWS.get(period + "|" + id + "|" + region + "|");
        assertThat(r).as(period + " " + id + " " + region).isNotNull();
        return r;
    }

    static void rate(String period, String id, String region, long num, long den) {
        JsonNode r = row(period, id, region);
        assertThat(r.get("numerator").asLong()).as(period + " " + id + " " + region + " numerator").isEqualTo(num);
        assertThat(r.get("denominator").asLong()).as(period + " " + id + " " + region + " denominator").isEqualTo(den);
        assertThat(r.get("value").asDouble()).as(period + " " + id + " " + region)
                .isCloseTo((double) num / den, within(1e-9));
    }

    static double value(String period, String id, String region) {
        return row(period, id, region).get("value").asDouble();
    }

    @Test
    void theHeadlineRatesOfThreePeriodsComeFromOneRun() {
        // 三会 coverage: X full in every period; W lacks the medical society until 2024Q4
        rate("2024Q4", "C1.full", "64", 2, 22);
        rate("2024Q3", "C1.full", "64", 1, 22);
        rate("2023Q4", "C1.full", "64", 1, 22);
        rate("2024Q3", "C1.full", W, 0, 1);
        // townships with a 科协: x5 (2023Q4); x5, w5 (2024Q3); x5, w5, x6 (2024Q4) of 243
        rate("2024Q4", "C2.township", "64", 3, 243);
        rate("2024Q3", "C2.township", "64", 2, 243);
        rate("2023Q4", "C2.township", "64", 1, 243);
        // "3+1": x1 always complete; w1 has the school principal only until November 2024
        rate("2024Q4", "C3.county", "64", 2, 2);
        rate("2024Q3", "C3.county", "64", 1, 2);
        rate("2024Q3", "C3.county", W, 0, 1);
        rate("2023Q4", "C3.county", "64", 1, 1);
        // township 科协: x5 complete; w5 never; x6 (new in November) not yet
        rate("2024Q4", "C3.township", "64", 1, 3);
        rate("2024Q3", "C3.township", "64", 1, 2);
        rate("2023Q4", "C3.township", "64", 1, 1);
        // norms to date (conference ceil(1 x q / 4) = 1 for every grassroots society, medical also ceil(5 x q / 4)):
        // 2024Q4: x2 (conference in August), w3 (November) of x2 x3 x4 w2 w3 w4;
        // 2024Q3: x2 of x2 x3 x4 w2 w3; 2023Q4: none of x2 x3 x4 (W did not report, so its societies are out)
        rate("2024Q4", "A2.rate", "64", 2, 6);
        rate("2024Q3", "A2.rate", "64", 1, 5);
        rate("2023Q4", "A2.rate", "64", 0, 3);
        rate("2023Q4", "A2.rate", X, 0, 3);
        // reporting: X and W for 2024Q3 and 2024Q4, X alone for 2023Q4
        rate("2024Q4", "S1.rate", "64", 2, 22);
        rate("2024Q3", "S1.rate", "64", 2, 22);
        rate("2023Q4", "S1.rate", "64", 1, 22);
        rate("2023Q4", "S1.rate", W, 0, 1);
    }

    @Test
    void theHeadlineCountsOfBothEarlierPeriodsAreThereToo() {
        assertThat(value("2024Q4", "C0.count", "64")).isEqualTo(11);
        assertThat(value("2024Q3", "C0.count", "64")).isEqualTo(9);
        assertThat(value("2023Q4", "C0.count", "64")).isEqualTo(5);
        assertThat(value("2023Q4", "C0.members", "64")).isEqualTo(50);
        assertThat(value("2024Q4", "A1.participants", "64")).isEqualTo(100);
        assertThat(value("2024Q3", "A1.participants", "64")).isEqualTo(50);
        assertThat(value("2023Q4", "A1.participants", "64")).isEqualTo(30);
        assertThat(value("2023Q4", "A1.count", "64")).isEqualTo(1);
    }

    @Test
    void theJsonNamesTheComparisonPeriodsAndFigures() {
        JsonNode c = json.get("comparisons");
        assertThat(c).as("comparisons block").isNotNull();
        assertThat(c.get("previous").asText()).isEqualTo("2024Q3");
        assertThat(c.get("year_ago").asText()).isEqualTo("2023Q4");
        List<String> ids = new ArrayList<>();
        c.get("indicators").forEach(n -> ids.add(n.asText()));
        assertThat(ids).contains("C1.full", "C2.township", "C3.county", "C3.township", "A2.rate", "S1.rate",
                "C0.count", "C0.members", "A1.count", "A1.participants");
        // only the headline figures are restated for the earlier periods, not every indicator
        assertThat(ROWS).doesNotContainKey("2024Q3|C5.party|64|").doesNotContainKey("2023Q4|C7.rate|64|")
                .doesNotContainKey("2024Q3|A2.rate|64|norm=conference");
    }

    @Test
    void aQuarterlyProvinceRefusesAMonth() {
        assertThatThrownBy(() -> Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024-11")).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2024-11 is a month")
                .hasMessageContaining("province 64 reports quarterly")
                .hasMessageContaining("--period 2024Q4")
                .hasMessageContaining("reporting.frequency.64 = MONTH");
        assertThat(dir.resolve("indicators/2024-11")).doesNotExist();
    }

    @Test
    void aMonthIsAnalysedOnlyWhereEveryProvinceOfTheScopeReportsMonthly() {
        org.sanhui.model.region.Gazetteer g = org.sanhui.model.region.Gazetteer.national();
        org.sanhui.model.rules.Rules tianjin = org.sanhui.model.rules.Rules.builder()
                .reportingFrequency("12", Period.Kind.MONTH).build();
        Period july = Period.parse("2024-07");
        assertThatCode(() -> Analyzer.refuseMonthsOfQuarterlyProvinces(july, "12", tianjin, g))
                .doesNotThrowAnyException();
        assertThatCode(() -> Analyzer.refuseMonthsOfQuarterlyProvinces(july, "120101", tianjin, g))
                .doesNotThrowAnyException();
        assertThatCode(() -> Analyzer.refuseMonthsOfQuarterlyProvinces(Period.parse("2024Q3"), "64", tianjin, g))
                .doesNotThrowAnyException();
        // the nation mixes Tianjin's months with every other province's quarters
        assertThatThrownBy(() -> Analyzer.refuseMonthsOfQuarterlyProvinces(july, "00", tianjin, g))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("provinces 11, 13, 14, 15, 21 and ").hasMessageContaining("more report quarterly")
                .hasMessageContaining("--period 2024Q3").hasMessageContaining("--scope");
        org.sanhui.model.rules.Rules monthly = org.sanhui.model.rules.Rules.builder()
                .reportingFrequency(Period.Kind.MONTH).build();
        assertThatCode(() -> Analyzer.refuseMonthsOfQuarterlyProvinces(july, "00", monthly, g))
                .doesNotThrowAnyException();
    }
}
