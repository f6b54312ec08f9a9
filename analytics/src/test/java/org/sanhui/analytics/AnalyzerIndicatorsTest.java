package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sanhui.analytics.NingxiaFixture.A;
import static org.sanhui.analytics.NingxiaFixture.B;
import static org.sanhui.analytics.NingxiaFixture.C;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Every indicator family on the hand-built Ningxia warehouse of {@link NingxiaFixture}, analysed once for
 * 2024Q4 (scope defaults to 64, the province the submissions come from: 22 counties, 5 cities).
 * Expected figures are worked out by hand in each test.
 */
class AnalyzerIndicatorsTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    @TempDir
    static Path dir;

    static AnalyzeResult result;
    static JsonNode json;
    static final Map<String, JsonNode> ROWS = new HashMap<>();

    @BeforeAll
    static void analyse() {
        FixtureWarehouse w = new FixtureWarehouse(dir);
        NingxiaFixture.build(w);
        long t0 = System.nanoTime();
        w.write(SPARK.session());
        // an embedding application's own read setting, which the job changes while it reads and then restores
        SPARK.session().conf().set("spark.sql.files.openCostInBytes", "8388608");
        long t1 = System.nanoTime();
        result = Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024Q4"))
                .progress(s -> System.out.println((System.nanoTime() - t1) / 1_000_000 + " ms: " + s)).build());
        System.out.println("fixture " + (t1 - t0) / 1_000_000 + " ms, analysis " + result.wallTime().toMillis() + " ms");
        json = IndicatorOutput.readJson(dir, Period.parse("2024Q4"));
        for (JsonNode r : json.get("indicators")) {
            ROWS.put(r.get("period").asText() + "|" + r.get("indicator").asText() + "|" + r.get("region_code").asText()
                    + "|" + r.get("breakdown").asText(), r);
        }
    }

    @Test
    void theSessionsSettingsAreLeftAsTheyWere() {
        assertThat(SPARK.session().conf().get("spark.sql.files.openCostInBytes")).isEqualTo("8388608");
        assertThat(SPARK.session().conf().contains("spark.sql.sources.parallelPartitionDiscovery.threshold"))
                .isFalse();
    }

    static JsonNode row(String period, String id, String region, String breakdown) {
        JsonNode r = ROWS.get(period + "|" + id + "|" + region + "|" + breakdown);
        assertThat(r).as(period + " " + id + " " + region + " [" + breakdown + "]").isNotNull();
        return r;
    }

    static JsonNode row(String id, String region) {
        return row("2024Q4", id, region, "");
    }

    static void rate(String id, String region, String breakdown, long num, long den) {
        JsonNode r = row("2024Q4", id, region, breakdown);
        assertThat(r.get("numerator").asLong()).as(id + " " + region + " numerator").isEqualTo(num);
        assertThat(r.get("denominator").asLong()).as(id + " " + region + " denominator").isEqualTo(den);
        if (den > 0) {
            assertThat(r.get("value").asDouble()).isCloseTo(IndicatorRowRound.r9((double) num / den), within(1e-12));
        } else {
            assertThat(r.get("value").isNull()).isTrue();
        }
    }

    static double value(String period, String id, String region, String breakdown) {
        return row(period, id, region, breakdown).get("value").asDouble();
    }

    static List<JsonNode> list(String name) {
        List<JsonNode> out = new ArrayList<>();
        json.get("lists").get(name).forEach(out::add);
        return out;
    }

    @Test
    void writesScopeSuccessMarkerAndTables() {
        assertThat(result.scope()).isEqualTo("64");
        assertThat(json.get("scope").asText()).isEqualTo("64");
        assertThat(Files.exists(dir.resolve("indicators/2024Q4/_SUCCESS"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("indicators/2024Q4/table"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("indicators/2024Q4/lists/exit_candidates"))).isTrue();
        long parquetRows = SPARK.session().read().parquet(dir.resolve("indicators/2024Q4/table").toString()).count();
        assertThat(parquetRows).isEqualTo(result.indicatorRows()).isEqualTo(json.get("indicators").size());
    }

    @Test
    void c0CountsExistingOrganisationsAndMembersWithThePreviousPeriod() {
        // A: a1 a2(rectifying counts) a5 a6 a7 a8 a9 a10 = 8 (a3 planned, a4 revoked); B: 6; C keeps its 2024Q3 state: 2
        assertThat(value("2024Q4", "C0.count", A, "")).isEqualTo(8);
        assertThat(value("2024Q4", "C0.count", B, "")).isEqualTo(6);
        assertThat(value("2024Q4", "C0.count", C, "")).isEqualTo(2);
        assertThat(value("2024Q4", "C0.count", "6401", "")).isEqualTo(14);
        assertThat(value("2024Q4", "C0.count", "64", "")).isEqualTo(16);
        assertThat(value("2024Q4", "C0.count", "64", "kind=TOWNSHIP_KEXIE")).isEqualTo(4);
        assertThat(value("2024Q4", "C0.count", "64", "kind=AGRI_SOCIETY")).isEqualTo(1);
        // members: A 30+50+20+22+1000 = 1122, B 32+21+500 = 553, C 28 -> 1703
        assertThat(value("2024Q4", "C0.members", A, "")).isEqualTo(1122);
        assertThat(value("2024Q4", "C0.members", "64", "")).isEqualTo(1703);
        // 2024Q3 snapshot: A's Q3 file (a1 a2 a5) 3, B no file before Q4 0, C 2 -> 5
        assertThat(value("2024Q3", "C0.count", A, "")).isEqualTo(3);
        assertThat(value("2024Q3", "C0.count", "64", "")).isEqualTo(5);
    }

    @Test
    void c1CoverageByKindAndFullWithMissingKindsList() {
        // SCI_EDU: A B C; MEDICAL: A (a2 rectifying) B; AGRI: B only (a3 planned, a4 revoked); full: B
        rate("C1.SCI_EDU_SOCIETY", "64", "", 3, 22);
        rate("C1.MEDICAL_SOCIETY", "64", "", 2, 22);
        rate("C1.AGRI_SOCIETY", "64", "", 1, 22);
        rate("C1.full", "64", "", 1, 22);
        rate("C1.full", "6401", "", 1, 6);
        rate("C1.SCI_EDU_SOCIETY", "6403", "", 1, 5);
        rate("C1.full", B, "", 1, 1);
        rate("C1.full", A, "", 0, 1);
        List<JsonNode> missing = list("counties_missing_kinds");
        assertThat(missing).hasSize(21);
        JsonNode a = missing.stream().filter(r -> r.get("county_code").asText().equals(A)).findFirst().orElseThrow();
        assertThat(a.get("kind").asText()).isEqualTo("AGRI_SOCIETY");
        assertThat(a.get("reported").asBoolean()).isTrue();
        JsonNode c = missing.stream().filter(r -> r.get("county_code").asText().equals(C)).findFirst().orElseThrow();
        assertThat(c.get("kind").asText()).isEqualTo("MEDICAL_SOCIETY;AGRI_SOCIETY");
        assertThat(c.get("reported").asBoolean()).isFalse();
    }

    @Test
    void c2TownshipAndCountyCoverageWithTheTownshipDenominator() {
        // A 640104: 16 townships (12 streets, 2 towns, 2 xiang), 科协 at 001 and 100 -> 2/16
        rate("C2.township", A, "", 2, 16);
        // B 640121: 001, 100-104, 200 = 7 in the denominator; 400/401 farms are left out, so b6 at 400 does not count
        rate("C2.township", B, "", 1, 7);
        rate("C2.county", "64", "", 3, 22);
    }

    @Test
    void c3ThreePlusOneWithStreetAlternativeAndEndedPosts() {
        // a5: the agri head's post ended 2024-11-30, before the period end -> incomplete; b4 complete
        rate("C3.county", A, "", 0, 1);
        rate("C3.county", "6401", "", 1, 2);
        rate("C3.county", "64", "", 1, 3);
        // a6 sits in a street: social service centre head stands in for the agri head; a7 (a town) may not
        rate("C3.township", A, "", 1, 2);
        rate("C3.township", "64", "", 1, 4);
        // C3.N: A: a5 hospital+school+tech enterprise (agri ended, OTHER and a committee member excluded) 3,
        // a6 3, a7 3 -> 9 over 3 科协; B: b4 3 over 3 科协; C: 0 over 1 -> 12/7
        rate("C3.N", A, "", 9, 3);
        rate("C3.N", "64", "", 12, 7);
        List<JsonNode> ending = list("seconded_ending");
        // a5's seconded school head: 2023-03-01 + 2 years = 2025-03-01, inside 2025Q1; b4's ends 2026
        assertThat(ending).hasSize(1);
        assertThat(ending.get(0).get("org_key").asText()).isEqualTo(A + "/a5");
        assertThat(ending.get(0).get("end_date").asText()).isEqualTo("2025-03-01");
        assertThat(ending.get(0).has("leader_name")).isFalse();
    }

    @Test
    void c3nIsBrokenDownByKeyPersonRole() {
        // Before the fix C3.N gave the total only. A: hospital heads a5 a6 a7, school heads a5 a6 a7, social
        // service heads a6 a7, tech enterprise head a5 (the agri head's post ended) over 3 科协;
        // B: b4's hospital, school and agri heads over 3 科协; C: none over 1
        rate("C3.N", A, "role=HOSPITAL_HEAD", 3, 3);
        rate("C3.N", A, "role=SCHOOL_HEAD", 3, 3);
        rate("C3.N", A, "role=SOCIAL_SERVICE_HEAD", 2, 3);
        rate("C3.N", A, "role=TECH_ENTERPRISE_HEAD", 1, 3);
        rate("C3.N", A, "role=AGRI_STATION_HEAD", 0, 3);
        rate("C3.N", "64", "role=HOSPITAL_HEAD", 4, 7);
        rate("C3.N", "64", "role=AGRI_STATION_HEAD", 1, 7);
        rate("C3.N", "64", "role=HIGH_SKILL_TALENT", 0, 7);
        // every key-person role has a row, OTHER none; the roles add up to the total
        long sum = 0;
        for (org.sanhui.model.domain.PersonRole r : org.sanhui.model.domain.PersonRole.values()) {
            String key = "2024Q4|C3.N|64|role=" + r.name();
            if (r == org.sanhui.model.domain.PersonRole.OTHER) {
                assertThat(ROWS).doesNotContainKey(key);
            } else {
                sum += row("2024Q4", "C3.N", "64", "role=" + r.name()).get("numerator").asLong();
            }
        }
        assertThat(sum).isEqualTo(12);
    }

    @Test
    void c4c5c6PairingGovernanceAndFourGaps() {
        // grassroots existing: A a1(paired) a2; B b1(paired) b2 b3; C c1 -> 2/6
        rate("C4.rate", "64", "", 2, 6);
        rate("C4.rate", "64", "kind=SCI_EDU_SOCIETY", 2, 3);
        // all five: a1 yes, a2 no (congress no); B and C unknown (blank) -> left out: 1/2
        rate("C5.all_five", "64", "", 1, 2);
        // party: a1 yes, b1 no, the rest blank -> 1/2
        rate("C5.party", "64", "", 1, 2);
        // 四缺: a6 none (yes), a7 lacks staffing (no), b5 blank (left out), b6 lacks funds (no) -> 1/3
        rate("C6.rate", "64", "", 1, 3);
        rate("C6.rate", A, "", 1, 2);
    }

    @Test
    void c7c8VolunteerTeamsAndRuralTechAssociations() {
        rate("C7.rate", "64", "", 1, 22);
        rate("C7.rate", "6401", "", 1, 6);
        // 乡 and 镇 of A (no streets): 100 101 200 201 -> 农技协 at 200: 1/4; B: 100-104, 200 -> 0/6
        rate("C8.rate", A, "", 1, 4);
        rate("C8.rate", B, "", 0, 6);
    }

    @Test
    void a1StatisticsOverExistingOrganisationsOfReportingCounties() {
        // A per org in 2024Q4: a1 2, a2 1, a9 1, others 0 (8 orgs) -> sum 4, mean 0.5
        rate("A1.mean", A, "", 4, 8);
        // sorted 0 0 0 0 0 1 1 2: median h=3.5 -> 0; p90 h=6.3 -> 1 + 0.3*(2-1) = 1.3; max 2
        assertThat(value("2024Q4", "A1.median", A, "")).isEqualTo(0.0);
        assertThat(value("2024Q4", "A1.p90", A, "")).isEqualTo(1.3);
        assertThat(value("2024Q4", "A1.max", A, "")).isEqualTo(2.0);
        // B: b1 1, b2 3, four zeros: p90 h=4.5 -> 1 + 0.5*(3-1) = 2
        assertThat(value("2024Q4", "A1.p90", B, "")).isEqualTo(2.0);
        // province: C did not report (its 2 orgs are unknown); 14 values: nine 0, three 1, one 2, one 3
        rate("A1.mean", "64", "", 8, 14);
        // p90: h = 13*0.9 = 11.7 -> x11=1, x12=2 -> 1.7
        assertThat(value("2024Q4", "A1.p90", "64", "")).isCloseTo(1.7, within(1e-9));
        assertThat(value("2024Q4", "A1.median", "64", "")).isEqualTo(0.0);
        assertThat(value("2024Q4", "A1.max", "64", "")).isEqualTo(3.0);
        assertThat(value("2024Q4", "A1.unknown", "64", "")).isEqualTo(2);
        // by kind: MEDICAL a2 1, b2 3 -> mean 2
        rate("A1.mean", "64", "kind=MEDICAL_SOCIETY", 4, 2);
    }

    @Test
    void a1CountsByTypeTargetFormAndParticipants() {
        // 2024Q4 activities: A a1 x2, a2, a9 = 4 (the late one is dated 2024Q3); B b1, b2 x3 = 4
        assertThat(value("2024Q4", "A1.count", "64", "")).isEqualTo(8);
        assertThat(value("2024Q4", "A1.count", "64", "type=HEALTH_SERVICE")).isEqualTo(4);
        assertThat(value("2024Q4", "A1.count", "64", "type=CONFERENCE")).isEqualTo(2);
        assertThat(value("2024Q4", "A1.count", A, "target=FARMERS")).isEqualTo(1);
        assertThat(value("2024Q4", "A1.count", A, "form=BOTH")).isEqualTo(1);
        // participants: A 100+50+60+20 = 230; B 80+3*10 = 110
        assertThat(value("2024Q4", "A1.participants", A, "")).isEqualTo(230);
        assertThat(value("2024Q4", "A1.participants", "64", "")).isEqualTo(340);
        // the late-reported activity counts in its own period: 2024Q3 = A 3 (a1 late, a2, a6) + B 2 + C 1
        assertThat(value("2024Q3", "A1.count", "64", "")).isEqualTo(6);
    }

    @Test
    void a2NormsProRata() {
        // q=4: medical target ceil(5*4/4)=5, conference ceil(1*4/4)=1
        // A: a1 conf 1 (meets), a2 ytd 4 < 5 (fails activities, conf 1 ok); B: b1 conf 1 (meets), b2 ytd 5 ok but no
        // conference, b3 nothing; C did not report: left out
        rate("A2.rate", "64", "", 2, 5);
        rate("A2.rate", "64", "norm=activities", 1, 2);
        rate("A2.rate", "64", "norm=conference", 3, 5);
        rate("A2.rate", A, "", 1, 2);
    }

    @Test
    void a3InactiveDormantAndUnknown() {
        // A: inactive a5 a7 a8 a10 of 8; dormant a5 a8 a10 (a7 active in Q1)
        rate("A3.inactive", A, "", 4, 8);
        rate("A3.dormant", A, "", 3, 8);
        // B: b6 established inside the window (left out); b3 b4 b5 inactive of 5; dormant unknown (no Q1, Q2)
        rate("A3.inactive", B, "", 3, 5);
        rate("A3.dormant", B, "", 0, 0);
        rate("A3.inactive", "64", "", 7, 13);
        assertThat(list("inactive")).extracting(r -> r.get("org_key").asText()).containsExactly(A + "/a10", A + "/a5",
                A + "/a7", A + "/a8", B + "/b3", B + "/b4", B + "/b5");
        assertThat(list("dormant")).extracting(r -> r.get("org_key").asText()).containsExactly(A + "/a10", A + "/a5",
                A + "/a8");
        assertThat(list("inactive").get(0).get("activities_by_period").asText()).isEqualTo("2024Q3=0;2024Q4=0");
        // C sent nothing for 2024Q4: its orgs are unknown, not inactive
        assertThat(list("unknown_activity")).extracting(r -> r.get("org_key").asText()).containsExactly(C + "/c1",
                C + "/c2");
        assertThat(list("unknown_activity").get(0).get("missing_periods").asText()).isEqualTo("2024Q4");
        assertThat(list("rectifying")).extracting(r -> r.get("org_key").asText()).containsExactly(A + "/a2");
    }

    @Test
    void a4TrendsA5JointA6GiniA7Townships() {
        // monthly: 2024-10 A (a1, a9) 2 + B (b1, b2) 2
        assertThat(value("2024-10", "A4.count", "64", "")).isEqualTo(4);
        assertThat(value("2023-11", "A4.count", A, "")).isEqualTo(1);
        // period on period: 8 vs 6 -> 1/3; year on year: 8 vs 1 (2023Q4) -> 7
        assertThat(value("2024Q4", "A4.pop", "64", "")).isCloseTo(0.333333333, within(1e-12));
        assertThat(value("2024Q4", "A4.yoy", "64", "")).isEqualTo(7.0);
        // joint: A 1 of 4, B 1 of 4
        rate("A5.rate", "64", "", 2, 8);
        // Gini over A (4/8 = 1/2) and B (4/6 = 2/3): (2*1/6) / (2*4*7/12) = 1/14
        assertThat(value("2024Q4", "A6.gini", "64", "")).isCloseTo(0.071428571, within(1e-12));
        // A7: A townships with an activity this year: 001 (a6), 100 (a2), 200 (a9, place defaulted) of 16
        rate("A7.rate", A, "", 3, 16);
        // B: 100 (b1) of 7; 400 is a farm, outside the denominator
        rate("A7.rate", B, "", 1, 7);
    }

    @Test
    void g1g2GradeDistributionAndTransitions() {
        // 2024: societies existing at the year end: A a1 A, a2 C, a10 C; B b1 B, b2 A, b3 -; C c1 A -> 7
        // (G1 values are counts)
        assertThat(value("2024", "G1.A", "64", "")).isEqualTo(3);
        assertThat(value("2024", "G1.B", "64", "")).isEqualTo(1);
        assertThat(value("2024", "G1.C", "64", "")).isEqualTo(2);
        assertThat(value("2024", "G1.NOT_EVALUATED", "64", "")).isEqualTo(1);
        assertThat(value("2024", "G1.C", "64", "kind=OTHER_SOCIETY")).isEqualTo(1);
        assertThat(value("2024", "G1.A", "6403", "")).isEqualTo(1);
        // 2023: A's 2023Q4 file (a1 A, a2 B, a10 C); B had no file by 2023's end, so its societies are those
        // graded in 2023 (b1 B) and its NOT_EVALUATED is unknown, and so the province's; C had neither
        assertThat(value("2023", "G1.A", "64", "")).isEqualTo(1);
        assertThat(value("2023", "G1.B", "64", "")).isEqualTo(2);
        assertThat(value("2023", "G1.B", B, "")).isEqualTo(1);
        assertThat(value("2023", "G1.NOT_EVALUATED", A, "")).isZero();
        assertThat(row("2023", "G1.NOT_EVALUATED", A, "").get("value").isNull()).isFalse();
        assertThat(row("2023", "G1.NOT_EVALUATED", B, "").get("value").isNull()).isTrue();
        assertThat(row("2023", "G1.NOT_EVALUATED", "64", "").get("value").isNull()).isTrue();
        // transitions 2023 -> 2024: a1 A>A, a2 B>C, a10 C>C, b1 B>B
        rate("2024", "G2.B_C", "64", "", 1, 2);
        rate("2024", "G2.A_A", "64", "", 1, 1);
    }

    private static void rate(String period, String id, String region, String breakdown, long num, long den) {
        JsonNode r = row(period, id, region, breakdown);
        assertThat(r.get("numerator").asLong()).isEqualTo(num);
        assertThat(r.get("denominator").asLong()).isEqualTo(den);
        assertThat(r.get("value").asDouble()).isCloseTo((double) num / den, within(1e-9));
    }

    @Test
    void g3ExitCandidatesWithLeaderGradesAndSeriousFlag() {
        List<JsonNode> exit = list("exit_candidates");
        assertThat(exit).hasSize(1);
        JsonNode e = exit.get(0);
        assertThat(e.get("org_key").asText()).isEqualTo(A + "/a10");
        assertThat(e.get("leader_name").asText()).isEqualTo("王小芳");
        assertThat(e.get("grades").asText()).isEqualTo("2023=C;2024=C");
        assertThat(e.get("serious").asBoolean()).isTrue();
        assertThat(value("2024Q4", "G3.count", "64", "")).isEqualTo(1);
        assertThat(value("2024Q4", "G3.count", "64", "serious=true")).isEqualTo(1);
        // the leader's name appears nowhere else
        for (String l : List.of("inactive", "dormant", "rectifying", "outliers")) {
            assertThat(list(l)).allSatisfy(r -> assertThat(r.has("leader_name")).isFalse());
        }
    }

    @Test
    void g4ChiSquareAcrossCitiesWithLowExpectedWarning() {
        // 2024 graded: 6401 A2 B1 C2, 6403 A1 B0 C0; chi2 = 0.1+0.0333+0.0667+0.5+0.1667+0.3333 = 1.2, df 2,
        // p = exp(-1.2/2) = 0.548811636; every expected count is below 5
        assertThat(value("2024", "G4.p_value", "64", "")).isCloseTo(Math.exp(-0.6), within(1e-9));
        JsonNode low = row("2024", "G4.low_expected_cells", "64", "");
        assertThat(low.get("numerator").asLong()).isEqualTo(6);
        assertThat(low.get("denominator").asLong()).isEqualTo(6);
        assertThat(low.get("value").asDouble()).isEqualTo(6.0);
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("G4 64 2024"));
    }

    @Test
    void g5CivilRatings() {
        rate("G5.A3", "64", "", 2, 3);
        rate("G5.A5", "64", "", 1, 3);
    }

    @Test
    void s1ReportingRateTimelinessAndLists() {
        rate("S1.rate", "64", "", 2, 22);
        rate("S1.rate", "6401", "", 2, 6);
        // A filed 10 days after, B 25 days after the end (limit 15)
        rate("S1.ontime", "64", "", 1, 2);
        List<JsonNode> late = list("late_submissions");
        assertThat(late).hasSize(1);
        assertThat(late.get(0).get("county_code").asText()).isEqualTo(B);
        assertThat(late.get(0).get("days_late").asLong()).isEqualTo(10);
        List<JsonNode> missing = list("missing_submissions");
        assertThat(missing).hasSize(20);
        JsonNode c = missing.stream().filter(r -> r.get("county_code").asText().equals(C)).findFirst().orElseThrow();
        assertThat(c.get("last_period").asText()).isEqualTo("2024Q3");
    }

    @Test
    void s2RejectedShareAndTopProblems() {
        // A: 10 rejected of 50; B 0 of 30 -> 10/80
        rate("S2.reject_rate", A, "", 10, 50);
        rate("S2.reject_rate", "64", "", 10, 80);
        rate("S2.reject_rate", A, "code=NEGATIVE_COUNT", 3, 5);
    }

    @Test
    void m1MilestonesNowAndAtTheDeadline() {
        // Ningxia C1 full by 2023-11-30: now 1/22; at the deadline (2023Q4 snapshot: A a1 a2 only) 0/22: not met
        rate("M1.ningxia_sanhui_full", "64", "", 1, 22);
        rate("M1.ningxia_sanhui_full", "64", "at=deadline", 0, 22);
        assertThat(value("2024Q4", "M1.ningxia_sanhui_full", "64", "at=met_on_time")).isEqualTo(0.0);
        assertThat(value("2024Q4", "M1.ningxia_sanhui_full", "64", "at=target;indicator=C1.full;deadline=2023-11-30"))
                .isEqualTo(1.0);
        // Yinchuan C3 by 2019-07-15: now 1/2; nothing was reported by then
        rate("M1.yinchuan_3plus1_county", "6401", "", 1, 2);
        assertThat(ROWS).doesNotContainKey("2024Q4|M1.yinzhou_service_coverage|330212|");
    }

    @Test
    void r1CompositeScoresAndRanks() {
        // A: coverage 2/3 (40), 3+1 (0+1)/(1+2) = 1/3 (20), norms 1/2 (20), grades (1+0+0)/3 (20)
        //    = 26.667 + 6.667 + 10 + 6.667 = 50.0
        assertThat(value("2024Q4", "R1.score", A, "")).isEqualTo(50.0);
        // B: 40*1 + 20*(1/3) + 20*(1/3) + 20*(0.5+1)/2 = 40 + 6.667 + 6.667 + 15 = 68.3
        assertThat(value("2024Q4", "R1.score", B, "")).isEqualTo(68.3);
        // C: no norms (did not report): weights 40+20+20: (40/3 + 0 + 20) / 80 * 100 = 41.7
        assertThat(value("2024Q4", "R1.score", C, "")).isEqualTo(41.7);
        // city 6401 = mean of its 6 counties (50.0, 68.3 and four 0.0) = 19.7
        assertThat(value("2024Q4", "R1.score", "6401", "")).isEqualTo(19.7);
        assertThat(value("2024Q4", "R1.rank", B, "within=city")).isEqualTo(1);
        assertThat(value("2024Q4", "R1.rank", A, "within=city")).isEqualTo(2);
        assertThat(value("2024Q4", "R1.rank", "640105", "within=city")).isEqualTo(3);
        assertThat(value("2024Q4", "R1.rank", "640106", "within=city")).isEqualTo(3);
        assertThat(value("2024Q4", "R1.rank", C, "within=province")).isEqualTo(3);
        assertThat(value("2024Q4", "R1.rank", "640202", "within=province")).isEqualTo(4);
        assertThat(value("2024Q4", "R1.rank", "6401", "within=province")).isEqualTo(1);
    }

    @Test
    void outliersByModifiedZScore() {
        // township 科协 members 20, 22, 21, 500: median 21.5, |dev| 1.5 0.5 0.5 478.5 -> MAD 1.0;
        // z(b6) = 0.6745 * 478.5 = 322.74825
        List<JsonNode> o = list("outliers");
        assertThat(o).hasSize(1);
        assertThat(o.get(0).get("org_key").asText()).isEqualTo(B + "/b6");
        assertThat(o.get(0).get("measure").asText()).isEqualTo("members");
        assertThat(o.get(0).get("z_score").asDouble()).isCloseTo(322.74825, within(1e-9));
    }
}
