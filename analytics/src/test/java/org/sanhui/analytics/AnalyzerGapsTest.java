package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.sanhui.model.schema.Datasets.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.period.Period;
import org.sanhui.model.rules.Milestone;
import org.sanhui.model.rules.Rules;

/**
 * Gaps in what the warehouse knows, analysed once for 2024Q1 (scope 64): a graded year before the county's
 * first submission, evaluations of organisations no snapshot knows, a county that sends one CSV per sheet
 * (three submissions a period), and milestones whose deadline precedes every submission.
 *
 * <pre>
 * A = 640104 兴庆区 (city 6401): first submission 2024Q1, sent as three CSVs (one submission each):
 *     organisations 1 rejected of 80 rows, posts 2 of 109, activities 3 of 110 (ingested in that order)
 *   org file 2024Q1: a1 SCI_EDU, a2 MEDICAL, a3 OTHER_SOCIETY, a4 AGRI (all established 2020, ACTIVE)
 *   grades 2023: a1 A (kind SCI_EDU), a2 B (kind MEDICAL), a3 C (no kind: its snapshot says OTHER_SOCIETY),
 *                a9 A (kind SCI_EDU; a9 is in no organisation file of A)
 * B = 640121 永宁县 (city 6401): submissions 2023Q4; 2024Q1 as a workbook (10 rejected of 100) replaced
 *     by a second workbook of the same three sheets (1 rejected of 100)
 *   org files 2023Q4 and 2024Q1: b1 SCI_EDU, b2 MEDICAL (established 2020)
 *   grades 2022: b1 B, b9 B; 2023: b1 A, b9 B (b9 is in no organisation file of B)
 * milestones (besides the defaults): gap_c1 64 C1.full by 2023-06-30, gap_a7 640104 A7.rate by 2023-12-31
 * </pre>
 */
class AnalyzerGapsTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    @TempDir
    static Path dir;

    static final String A = "640104";
    static final String B = "640121";
    static AnalyzeResult result;
    static JsonNode json;
    static final Map<String, JsonNode> ROWS = new HashMap<>();

    private static Object[] org(String key, String kind) {
        return new Object[] {ORG_KEY, key, ORG_NAME, "名称" + key, KIND, kind, REGION_CODE, key.substring(0, 6),
            ESTABLISHED, LocalDate.parse("2020-01-01"), ESTABLISHED_PRECISION, "DAY", STATUS, "ACTIVE"};
    }

    private static void grade(FixtureWarehouse w, String county, int year, String key, String kind, String grade) {
        w.add(EVALUATIONS, Integer.toString(year), county, ORG_KEY, key, ORG_NAME, "名称" + key, KIND, kind, YEAR, year,
                GRADE, grade);
    }

    @BeforeAll
    static void analyse() {
        FixtureWarehouse w = new FixtureWarehouse(dir);
        LocalDate filed = LocalDate.parse("2024-04-05");
        w.submission(A, "2024Q1", filed, 79, 1, "A-2024Q1-1", Instant.parse("2024-04-05T10:00:00Z"), "organisations");
        w.submission(A, "2024Q1", filed, 107, 2, "A-2024Q1-2", Instant.parse("2024-04-05T10:01:00Z"), "posts");
        w.submission(A, "2024Q1", filed, 107, 3, "A-2024Q1-3", Instant.parse("2024-04-05T10:02:00Z"), "activities");
        w.submission(B, "2023Q4", LocalDate.parse("2024-01-10"), 20, 0, "B-2023Q4-1",
                Instant.parse("2024-01-10T09:00:00Z"), "organisations,posts,activities");
        w.submission(B, "2024Q1", LocalDate.parse("2024-04-03"), 90, 10, "B-2024Q1-1",
                Instant.parse("2024-04-03T09:00:00Z"), "organisations,posts,activities");
        w.submission(B, "2024Q1", LocalDate.parse("2024-04-08"), 99, 1, "B-2024Q1-2",
                Instant.parse("2024-04-08T09:00:00Z"), "organisations,posts,activities");
        w.add(ORGANISATIONS, "2024Q1", A, org(A + "/a1", "SCI_EDU_SOCIETY"));
        w.add(ORGANISATIONS, "2024Q1", A, org(A + "/a2", "MEDICAL_SOCIETY"));
        w.add(ORGANISATIONS, "2024Q1", A, org(A + "/a3", "OTHER_SOCIETY"));
        w.add(ORGANISATIONS, "2024Q1", A, org(A + "/a4", "AGRI_SOCIETY"));
        for (String q : new String[] {"2023Q4", "2024Q1"}) {
            w.add(ORGANISATIONS, q, B, org(B + "/b1", "SCI_EDU_SOCIETY"));
            w.add(ORGANISATIONS, q, B, org(B + "/b2", "MEDICAL_SOCIETY"));
        }
        grade(w, A, 2023, A + "/a1", "SCI_EDU_SOCIETY", "A");
        grade(w, A, 2023, A + "/a2", "MEDICAL_SOCIETY", "B");
        grade(w, A, 2023, A + "/a3", null, "C");
        grade(w, A, 2023, A + "/a9", "SCI_EDU_SOCIETY", "A");
        grade(w, B, 2022, B + "/b1", "SCI_EDU_SOCIETY", "B");
        grade(w, B, 2022, B + "/b9", "MEDICAL_SOCIETY", "B");
        grade(w, B, 2023, B + "/b1", "SCI_EDU_SOCIETY", "A");
        grade(w, B, 2023, B + "/b9", "MEDICAL_SOCIETY", "B");
        w.write(SPARK.session());
        Rules rules = Rules.builder()
                .milestone(new Milestone("gap_c1", "C1.full", 1.0, LocalDate.parse("2023-06-30"), "64"))
                .milestone(new Milestone("gap_a7", "A7.rate", 1.0, LocalDate.parse("2023-12-31"), A)).build();
        result = Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024Q1")).rules(rules).build());
        json = IndicatorOutput.readJson(dir, Period.parse("2024Q1"));
        for (JsonNode r : json.get("indicators")) {
            ROWS.put(r.get("period").asText() + "|" + r.get("indicator").asText() + "|" + r.get("region_code").asText()
                    + "|" + r.get("breakdown").asText(), r);
        }
    }

    static JsonNode row(String period, String id, String region, String breakdown) {
        JsonNode r = ROWS.get(period + "|" + id + "|" + region + "|" + breakdown);
        assertThat(r).as(period + " " + id + " " + region + " [" + breakdown + "]").isNotNull();
        return r;
    }

    static JsonNode value(String period, String id, String region, String breakdown) {
        return row(period, id, region, breakdown).get("value");
    }

    static void rate(String period, String id, String region, String breakdown, long num, long den) {
        JsonNode r = row(period, id, region, breakdown);
        assertThat(r.get("numerator").asLong()).as(id + " " + region + " " + breakdown + " numerator").isEqualTo(num);
        assertThat(r.get("denominator").asLong()).as(id + " " + region + " " + breakdown + " denominator")
                .isEqualTo(den);
        assertThat(r.get("value").asDouble()).isCloseTo((double) num / den, within(1e-9));
    }

    @Test
    void g1OfAYearBeforeTheFirstSnapshotCountsTheGradedSocietiesAndLeavesNotEvaluatedUnknown() {
        // Before the fix A's 2023 grades were loaded but G1 2023 read A's (absent) 2023 year-end snapshot and
        // wrote 0 for every grade. 2023: A has no snapshot at 2023-12-31, so its population is its graded
        // societies: a1 A, a2 B, a3 C (a9 is unknown); B's 2023Q4 snapshot: b1 A, b2 not evaluated.
        assertThat(value("2023", "G1.A", A, "").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.B", A, "").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.C", A, "").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.NOT_EVALUATED", A, "").isNull()).isTrue();
        assertThat(value("2023", "G1.A", B, "").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.NOT_EVALUATED", B, "").asDouble()).isEqualTo(1);
        for (String region : List.of("6401", "64")) {
            assertThat(value("2023", "G1.A", region, "").asDouble()).isEqualTo(2);
            assertThat(value("2023", "G1.B", region, "").asDouble()).isEqualTo(1);
            assertThat(value("2023", "G1.C", region, "").asDouble()).isEqualTo(1);
            assertThat(value("2023", "G1.NOT_EVALUATED", region, "").isNull()).as(region).isTrue();
        }
        // kinds: the evaluation row's, else the organisation's in its snapshot (a3: OTHER_SOCIETY)
        assertThat(value("2023", "G1.A", "64", "kind=SCI_EDU_SOCIETY").asDouble()).isEqualTo(2);
        assertThat(value("2023", "G1.B", "64", "kind=MEDICAL_SOCIETY").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.C", "64", "kind=OTHER_SOCIETY").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.NOT_EVALUATED", B, "kind=MEDICAL_SOCIETY").asDouble()).isEqualTo(1);
        assertThat(value("2023", "G1.NOT_EVALUATED", "64", "kind=MEDICAL_SOCIETY").isNull()).isTrue();
        // 2022: B had no snapshot yet; its known graded society b1 B. A had neither grades nor a snapshot: 0
        assertThat(value("2022", "G1.B", B, "").asDouble()).isEqualTo(1);
        assertThat(value("2022", "G1.NOT_EVALUATED", B, "").isNull()).isTrue();
        assertThat(value("2022", "G1.A", A, "").asDouble()).isZero();
        assertThat(value("2022", "G1.NOT_EVALUATED", A, "").asDouble()).isZero();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("G1 2023:") && w.contains(A) && !w.contains(B));
        assertThat(json.get("warnings").toString()).contains("G1 2023:");
    }

    @Test
    void r1GradesOfACountyWithoutYearEndSnapshotAreItsGradedSocieties() {
        // latest graded year 2023: A's graded societies a1 A = 1, a2 B = 0.5, a3 C = 0 -> 1.5 / 3 (before the
        // fix the component was missing); a9 (unknown, graded A) is left out
        JsonNode g = row("2024Q1", "R1.score", A, "component=grades");
        assertThat(g.get("denominator").asLong()).isEqualTo(3);
        assertThat(g.get("value").asDouble()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void evaluationsOfOrganisationsNoSnapshotKnowsAreLeftOutOfTheGrades() {
        // Before the fix b9 (in no organisation file of B) counted in G2: B in 2022 to B in 2023 -> B_A 1 of 2.
        rate("2023", "G2.B_A", "64", "", 1, 1);
        rate("2023", "G2.B_B", "64", "", 0, 1);
        assertThat(result.warnings()).anyMatch(w -> w.contains("unknown") && w.contains("3 evaluation rows of 2 organisations")
                && w.contains(B + "/b9") && w.contains(A + "/a9"));
    }

    @Test
    void s2CountsTheRowsOfEveryLiveSubmissionOfThePeriod() {
        // Before the fix only the latest submission counted: A's activities CSV, 3 of 110.
        // A: three submissions, one dataset each, all live: 1+2+3 of 80+109+110
        rate("2024Q1", "S2.reject_rate", A, "", 6, 299);
        // B: the second workbook holds every dataset of the first, which is no longer live: 1 of 100
        rate("2024Q1", "S2.reject_rate", B, "", 1, 100);
        rate("2024Q1", "S2.reject_rate", "64", "", 7, 399);
    }

    @Test
    void aMilestoneWithoutDataAtItsDeadlineIsUnknownNotMissed() {
        // Before the fix: C1.full by 2023-06-30 at the deadline 0 of 22 counties, met_on_time 0 ("not met"),
        // though no county had sent anything by then.
        JsonNode at = row("2024Q1", "M1.gap_c1", "64", "at=deadline");
        assertThat(at.get("value").isNull()).isTrue();
        assertThat(at.get("numerator").isNull()).isTrue();
        assertThat(value("2024Q1", "M1.gap_c1", "64", "at=met_on_time").isNull()).isTrue();
        // A7 of 兴庆区 by 2023-12-31: A reported nothing in 2023
        assertThat(value("2024Q1", "M1.gap_a7", A, "at=deadline").isNull()).isTrue();
        assertThat(value("2024Q1", "M1.gap_a7", A, "at=met_on_time").isNull()).isTrue();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("M1.gap_c1") && w.contains("no data"));
        // with data at the deadline (B's 2023Q4 snapshot lacks an agri society): 0 of 22, not met
        rate("2024Q1", "M1.ningxia_sanhui_full", "64", "at=deadline", 0, 22);
        assertThat(value("2024Q1", "M1.ningxia_sanhui_full", "64", "at=met_on_time").asDouble()).isZero();
    }
}
