package org.sanhui.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.model.schema.Datasets.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.period.Period;
import org.sanhui.model.schema.Datasets;

/**
 * A monthly-reporting province (Tianjin, 12: 16 districts): months are the periods, a quarterly run takes
 * the months in it. Also: reruns give identical tables, readers refuse an output without _SUCCESS, and a
 * file lacking a column is refused at job entry.
 *
 * <pre>
 * 120101 和平区: submissions 2024-01, 2024-04, 2024-07, 2024-08, 2024-09 (filed 5 days after each month)
 *   org files 2024-07 (m1 MEDICAL est 2020) and 2024-09 (m1, m2 AGRI est 2024-09-15)
 *   m1 activities 2024-01-15, 2024-04-15, 2024-07-10, 2024-08-10, 2024-09-10
 * 120102 河东区: submissions 2024-07 and 2024-09 only (2024-08 missing)
 * </pre>
 */
class MonthlyProvinceTest {

    @RegisterExtension
    static final SparkExtension SPARK = new SparkExtension();

    @TempDir
    static Path dir;

    static final String H = "120101";
    static final String D = "120102";
    static JsonNode quarter;
    static JsonNode month;
    static List<Row> firstTable;

    @BeforeAll
    static void analyse() {
        FixtureWarehouse w = new FixtureWarehouse(dir);
        for (String m : new String[] {"2024-01", "2024-04", "2024-07", "2024-08", "2024-09"}) {
            w.submission(H, m, Period.parse(m).end().plusDays(5), 5, 0);
        }
        w.submission(D, "2024-07", LocalDate.parse("2024-08-03"), 5, 0);
        w.submission(D, "2024-09", LocalDate.parse("2024-10-03"), 5, 0);
        w.add(ORGANISATIONS, "2024-07", H, ORG_KEY, H + "/m1", ORG_NAME, "和平医卫学会", KIND, "MEDICAL_SOCIETY",
                ESTABLISHED, LocalDate.parse("2020-01-01"), STATUS, "ACTIVE");
        w.add(ORGANISATIONS, "2024-09", H, ORG_KEY, H + "/m1", ORG_NAME, "和平医卫学会", KIND, "MEDICAL_SOCIETY",
                ESTABLISHED, LocalDate.parse("2020-01-01"), STATUS, "ACTIVE");
        w.add(ORGANISATIONS, "2024-09", H, ORG_KEY, H + "/m2", ORG_NAME, "和平农技学会", KIND, "AGRI_SOCIETY",
                ESTABLISHED, LocalDate.parse("2024-09-15"), STATUS, "ACTIVE");
        String[][] acts = {{"2024-01", "2024-01-15"}, {"2024-04", "2024-04-15"}, {"2024-07", "2024-07-10"},
            {"2024-08", "2024-08-10"}, {"2024-09", "2024-09-10"}};
        for (String[] a : acts) {
            w.add(ACTIVITIES, a[0], H, ORG_KEY, H + "/m1", TITLE, "义诊" + a[1], TYPE, "HEALTH_SERVICE", ACTIVITY_DATE,
                    LocalDate.parse(a[1]), PLACE_CODE, H);
        }
        w.write(SPARK.session());
        // Tianjin (12) asks for monthly reports (configuration, as core-model's Rules states it)
        org.sanhui.model.rules.Rules rules = org.sanhui.model.rules.Rules.builder()
                .reportingFrequency("12", Period.Kind.MONTH).build();
        Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024Q3")).rules(rules).build());
        quarter = IndicatorOutput.readJson(dir, Period.parse("2024Q3"));
        firstTable = table("2024Q3");
        Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024-08")).rules(rules).build());
        month = IndicatorOutput.readJson(dir, Period.parse("2024-08"));
    }

    static List<Row> table(String p) {
        return SPARK.session().read().parquet(dir.resolve("indicators/" + p + "/table").toString())
                .orderBy("period", "indicator", "region_code", "breakdown").collectAsList();
    }

    static JsonNode row(JsonNode json, String period, String id, String region, String breakdown) {
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode r : json.get("indicators")) {
            rows.put(r.get("period").asText() + "|" + r.get("indicator").asText() + "|" + r.get("region_code").asText()
                    + "|" + r.get("breakdown").asText(), r);
        }
        JsonNode r = rows.get(period + "|" + id + "|" + region + "|" + breakdown);
        assertThat(r).as(period + " " + id + " " + region).isNotNull();
        return r;
    }

    @Test
    void quarterlyRunTakesTheMonthsInIt() {
        assertThat(quarter.get("scope").asText()).isEqualTo("12");
        // snapshot: 120101's latest file up to 2024-09-30 is 2024-09: m1 and m2 (established 09-15) exist
        assertThat(row(quarter, "2024Q3", "C0.count", H, "").get("value").asDouble()).isEqualTo(2);
        // previous period 2024Q2: no organisation file by 2024-06-30
        assertThat(row(quarter, "2024Q2", "C0.count", H, "").get("value").asDouble()).isEqualTo(0);
        // activities in the quarter: July, August, September
        assertThat(row(quarter, "2024Q3", "A1.count", H, "").get("value").asDouble()).isEqualTo(3);
        assertThat(row(quarter, "2024-08", "A4.count", H, "").get("value").asDouble()).isEqualTo(1);
        // reported = every month of the quarter: 120101 yes, 120102 lacks 2024-08 -> 1 of 16 districts
        JsonNode s1 = row(quarter, "2024Q3", "S1.rate", "12", "");
        assertThat(s1.get("numerator").asLong()).isEqualTo(1);
        assertThat(s1.get("denominator").asLong()).isEqualTo(16);
        assertThat(quarter.get("lists").get("missing_submissions")).anySatisfy(r -> {
            assertThat(r.get("county_code").asText()).isEqualTo(D);
            assertThat(r.get("period").asText()).isEqualTo("2024-08");
            assertThat(r.get("last_period").asText()).isEqualTo("2024-07");
        });
        // A1 mean: m1 3, m2 0 -> 3/2
        JsonNode mean = row(quarter, "2024Q3", "A1.mean", H, "");
        assertThat(mean.get("value").asDouble()).isEqualTo(1.5);
        // A2 q=3: medical target ceil(5*3/4) = 4; m1 has 5 this year
        JsonNode a2 = row(quarter, "2024Q3", "A2.rate", H, "norm=activities");
        assertThat(a2.get("numerator").asLong()).isEqualTo(1);
        assertThat(a2.get("denominator").asLong()).isEqualTo(1);
    }

    @Test
    void monthlyRunUsesMonths() {
        // snapshot at 2024-08-31: the 2024-07 file (m1 only)
        assertThat(row(month, "2024-08", "C0.count", H, "").get("value").asDouble()).isEqualTo(1);
        assertThat(row(month, "2024-08", "A1.count", H, "").get("value").asDouble()).isEqualTo(1);
        // A2 m=8: ceil(5*8/12) = ceil(3.33) = 4; m1 has Jan, Apr, Jul, Aug = 4 -> meets
        JsonNode a2 = row(month, "2024-08", "A2.rate", H, "norm=activities");
        assertThat(a2.get("numerator").asLong()).isEqualTo(1);
        // 120102 did not report 2024-08
        JsonNode s1 = row(month, "2024-08", "S1.rate", D, "");
        assertThat(s1.get("numerator").asLong()).isZero();
        // inactive window 2024-07..08: m1 active; dormant 2024-05..08: 120101 sent nothing for 05 and 06 -> unknown
        JsonNode dormant = row(month, "2024-08", "A3.dormant", H, "");
        assertThat(dormant.get("denominator").asLong()).isZero();
    }

    @Test
    void rerunGivesAnIdenticalTable() {
        Analyzer.run(AnalyzeOptions.builder(dir, Period.parse("2024Q3")).rules(org.sanhui.model.rules.Rules.builder()
                .reportingFrequency("12", Period.Kind.MONTH).build()).build());
        List<Row> again = table("2024Q3");
        assertThat(again).hasSize(firstTable.size());
        assertThat(again).isEqualTo(firstTable);
    }

    @Test
    void readersRefuseAnOutputWithoutItsMarker(@TempDir Path other) throws Exception {
        Path out = other.resolve("indicators/2024Q3");
        Files.createDirectories(out);
        Files.writeString(out.resolve("indicators-2024Q3.json"), "{}");
        assertThatThrownBy(() -> IndicatorOutput.readJson(other, Period.parse("2024Q3")))
                .isInstanceOf(AnalyticsException.class).hasMessageContaining("_SUCCESS missing")
                .hasMessageContaining("sanhui analyze --period 2024Q3");
    }

    @Test
    void refusesAFileLackingAColumnNamingTheColumnsItHas(@TempDir Path other) {
        // an organisations file written without the kind column
        List<String> cols = new ArrayList<>(Datasets.ORGANISATIONS.names());
        cols.remove(KIND);
        ParquetTables.write(other.resolve("data/o.parquet"), SparkSchemas.of(Datasets.ORGANISATIONS,
                cols.toArray(String[]::new)), List.of());
        new org.sanhui.model.warehouse.LiveManifest(List.of(
                new org.sanhui.model.warehouse.LiveFile("organisations", "2024-09", H, "data/o.parquet", 0,
                        FixtureWarehouse.sha256(other.resolve("data/o.parquet"))),
                new org.sanhui.model.warehouse.LiveFile("submissions", "2024-09", H, "data/o.parquet", 0,
                        FixtureWarehouse.sha256(other.resolve("data/o.parquet")))))
                .writeAtomically(other);
        assertThatThrownBy(() -> Analyzer.run(AnalyzeOptions.builder(other, Period.parse("2024Q3")).build()))
                .isInstanceOf(AnalyticsException.class).hasMessageContaining("has no column 'kind'")
                .hasMessageContaining("expected one of [submission_id, county_code");
    }
}
