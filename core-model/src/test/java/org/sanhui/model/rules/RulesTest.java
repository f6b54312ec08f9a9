package org.sanhui.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.error.InvalidInputException;
import org.sanhui.model.period.Period;

class RulesTest {

    @Test
    void defaultsAreThoseOfTheDomain() {
        Rules r = Rules.DEFAULTS;
        assertThat(r.reportingFrequency()).isEqualTo(Period.Kind.QUARTER);
        assertThat(r.medicalActivitiesPerYear()).isEqualTo(5);
        assertThat(r.medicalNormKinds()).containsExactly(OrgKind.MEDICAL_SOCIETY);
        assertThat(r.conferencesPerYear()).isEqualTo(1);
        assertThat(r.conferenceNormKinds()).containsExactlyInAnyOrder(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
                OrgKind.AGRI_SOCIETY);
        assertThat(r.proRata()).isEqualTo(ProRata.CEIL);
        assertThat(r.threeRoles()).containsExactlyInAnyOrder(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD,
                PersonRole.AGRI_STATION_HEAD);
        assertThat(r.streetAlternatives()).containsExactly(Map.entry(PersonRole.AGRI_STATION_HEAD,
                PersonRole.SOCIAL_SERVICE_HEAD));
        assertThat(r.keyPersonRoles()).hasSize(PersonRole.values().length - 1).doesNotContain(PersonRole.OTHER);
        assertThat(r.viceChairPosts()).containsExactlyInAnyOrder(Post.PART_TIME_VICE_CHAIR, Post.SECONDED_VICE_CHAIR);
        assertThat(r.secondedPostYears()).isEqualTo(2);
        assertThat(r.timelinessDays()).isEqualTo(15);
        assertThat(r.outlierThreshold()).isEqualTo(3.5);
        assertThat(r.townshipSuffixLimit()).isEqualTo(400);
        assertThat(new double[] {r.weightCoverage(), r.weightRoles(), r.weightNorms(), r.weightGrades()})
                .containsExactly(40, 20, 20, 20);
        assertThat(r.gradePoints()).containsExactlyInAnyOrderEntriesOf(Map.of(Grade.A, 1.0, Grade.B, 0.5, Grade.C, 0.0));
        assertThat(r.limits()).isEqualTo(new IngestionLimits(256L * 1024 * 1024, 100_000_000, 32_767, 200, 1_000, 16_384));
        assertThat(r.masthead().issuers()).isEmpty();
        assertThat(r.masthead().reportTo()).isEmpty();
    }

    @Test
    void defaultMilestonesAreTheSeeds() {
        assertThat(Rules.DEFAULTS.milestones()).containsExactly(
                new Milestone("ningxia_sanhui_full", "C1.full", 1.0, LocalDate.of(2023, 11, 30), "64"),
                new Milestone("yinchuan_3plus1_county", "C3.county", 1.0, LocalDate.of(2019, 7, 15), "6401"),
                new Milestone("yinzhou_service_coverage", "A7.rate", 1.0, LocalDate.of(2022, 12, 31), "330212"),
                new Milestone("tianjin_kexie_township", "C2.township", 1.0, LocalDate.of(2020, 12, 31), "12"),
                new Milestone("tianjin_kexie_county", "C2.county", 1.0, LocalDate.of(2020, 12, 31), "12"));
    }

    @ParameterizedTest(name = "{0}: medical {1}, conference {2}")
    @CsvSource({"2024Q1, 2, 1", "2024Q2, 3, 1", "2024Q3, 4, 1", "2024Q4, 5, 1", "2024-01, 1, 1", "2024-02, 1, 1",
        "2024-03, 2, 1", "2024-05, 3, 1", "2024-06, 3, 1", "2024-07, 3, 1", "2024-09, 4, 1", "2024-12, 5, 1",
        "2024, 5, 1"})
    void normsArePhasedInProRata(String period, int medical, int conference) {
        Period p = Period.parse(period);
        assertThat(Rules.DEFAULTS.normToDate(5, p)).isEqualTo(medical);
        assertThat(Rules.DEFAULTS.normToDate(1, p)).isEqualTo(conference);
        assertThat(Rules.DEFAULTS.normToDate(0, p)).isZero();
        Rules none = Rules.DEFAULTS.toBuilder().proRata(ProRata.NONE).build();
        assertThat(none.normToDate(5, p)).isEqualTo(5);
    }

    @Test
    void streetsMayCompleteThreeRolesWithTheAlternative() {
        Set<PersonRole> withSocial = EnumSet.of(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD,
                PersonRole.SOCIAL_SERVICE_HEAD);
        assertThat(Rules.DEFAULTS.completesThreeRoles(withSocial, true)).isTrue();
        assertThat(Rules.DEFAULTS.completesThreeRoles(withSocial, false)).isFalse();
        assertThat(Rules.DEFAULTS.completesThreeRoles(Rules.DEFAULTS.threeRoles(), false)).isTrue();
        assertThat(Rules.DEFAULTS.completesThreeRoles(EnumSet.of(PersonRole.HOSPITAL_HEAD), true)).isFalse();
    }

    @Test
    void gradeWordsMapByDefaultAndNeverGuess() {
        assertThat(Rules.DEFAULTS.grade("优秀")).contains(Grade.A);
        assertThat(Rules.DEFAULTS.grade(" 合 格 ")).contains(Grade.B);
        assertThat(Rules.DEFAULTS.grade("ｃ")).contains(Grade.C);
        assertThat(Rules.DEFAULTS.grade("优良")).isEmpty();
        assertThat(Rules.DEFAULTS.grade(null)).isEmpty();
    }

    @Test
    void overridesFromProperties() {
        Properties p = new Properties();
        p.setProperty("reporting.frequency", "month");
        p.setProperty("posts.seconded_years", "3");
        p.setProperty("reporting.frequency.12", "MONTH");
        p.setProperty("norm.medical.activities_per_year", "6");
        p.setProperty("roles.three", "医院院长, SCHOOL_HEAD");
        p.setProperty("roles.street_alternatives", "");
        p.setProperty("r1.weight.coverage", "50");
        p.setProperty("r1.weight.grades", "10");
        p.setProperty("grade.words.A", "甲, 优秀");
        p.setProperty("grade.words.C", "丙");
        p.setProperty("milestone.tianjin_street.indicator", "C3.township");
        p.setProperty("milestone.tianjin_street.target", "0.9");
        p.setProperty("milestone.tianjin_street.deadline", "2021-06-30");
        p.setProperty("milestone.tianjin_street.scope", "12");
        p.setProperty("milestone.ningxia_sanhui_full.deadline", "2024-06-30");
        p.setProperty("limits.max_file_bytes", "1048576");
        p.setProperty("briefing.issuer.12", "天津市科学技术协会");
        p.setProperty("briefing.report_to", "中国科协");
        Rules r = Rules.fromProperties(p);
        assertThat(r.reportingFrequency()).isEqualTo(Period.Kind.MONTH);
        assertThat(r.secondedPostYears()).isEqualTo(3);
        assertThat(r.reportingFrequency("12")).isEqualTo(Period.Kind.MONTH);
        assertThat(r.reportingFrequency("120101")).isEqualTo(Period.Kind.MONTH);
        assertThat(Rules.DEFAULTS.toBuilder().reportingFrequency("12", Period.Kind.MONTH).build()
                .reportingFrequency("64")).isEqualTo(Period.Kind.QUARTER);
        assertThat(r.medicalActivitiesPerYear()).isEqualTo(6);
        assertThat(r.threeRoles()).containsExactlyInAnyOrder(PersonRole.HOSPITAL_HEAD, PersonRole.SCHOOL_HEAD);
        assertThat(r.streetAlternatives()).isEmpty();
        assertThat(r.weightCoverage()).isEqualTo(50);
        assertThat(r.weightGrades()).isEqualTo(10);
        assertThat(r.weightRoles()).isEqualTo(20);
        assertThat(r.grade("甲")).contains(Grade.A);
        assertThat(r.grade("好")).isEmpty();
        assertThat(r.grade("良好")).contains(Grade.B);
        assertThat(r.grade("丙")).contains(Grade.C);
        assertThat(r.grade("C")).contains(Grade.C);
        assertThat(r.milestones()).hasSize(6);
        assertThat(r.milestones().get(0).deadline()).isEqualTo(LocalDate.of(2024, 6, 30));
        assertThat(r.milestones().get(5)).isEqualTo(new Milestone("tianjin_street", "C3.township", 0.9,
                LocalDate.of(2021, 6, 30), "12"));
        assertThat(r.limits().maxFileBytes()).isEqualTo(1_048_576);
        assertThat(r.limits().maxCells()).isEqualTo(100_000_000);
        assertThat(r.masthead().issuer("12")).contains("天津市科学技术协会");
        assertThat(r.masthead().issuer("64")).isEmpty();
        assertThat(r.masthead().reportTo()).isEqualTo("中国科协");
        assertThat(Rules.fromProperties(new Properties())).isEqualTo(Rules.DEFAULTS);
    }

    @Test
    void milestonesDefaultsFalseDropsTheSeeds() {
        Properties p = new Properties();
        p.setProperty("milestones.defaults", "false");
        assertThat(Rules.fromProperties(p).milestones()).isEmpty();
        p.setProperty("milestone.mine.indicator", "C1.full");
        p.setProperty("milestone.mine.target", "1");
        p.setProperty("milestone.mine.deadline", "2025-12-31");
        p.setProperty("milestone.mine.scope", "6401");
        assertThat(Rules.fromProperties(p).milestones()).extracting(Milestone::name).containsExactly("mine");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "posts.seconded_yaers|2|unknown configuration key [posts.seconded_yaers], expected one of",
        "reporting.frequency|YEAR|reporting.frequency has value 'YEAR', expected QUARTER or MONTH",
        "reporting.frequency|weekly|expected QUARTER or MONTH",
        "reporting.frequency.12|YEAR|reporting.frequency.12 has value 'YEAR', expected QUARTER or MONTH",
        "reporting.frequency.1|MONTH|unknown configuration key [reporting.frequency.1]",
        "posts.seconded_years|two|posts.seconded_years has value 'two', expected a whole number from 1 to 50",
        "posts.seconded_years|0|expected a whole number from 1 to 50",
        "submission.timeliness_days|-1|submission.timeliness_days has value '-1'",
        "norm.medical.kinds|MEDICAL, AGRI_SOCIETY|unknown: 'MEDICAL'",
        "norm.pro_rata|FLOOR|expected CEIL or NONE",
        "roles.three|HOSPITAL_HEAD, 院长|roles.three has value",
        "roles.street_alternatives|AGRI_STATION_HEAD|expected comma-separated ROLE:ALTERNATIVE pairs",
        "roles.street_alternatives|TECH_ENTERPRISE_HEAD:SOCIAL_SERVICE_HEAD|which is not in roles.three",
        "outlier.modified_z_threshold|0|outlier.modified_z_threshold has value '0', expected a number above 0",
        "township.suffix_limit|2000|township.suffix_limit has value '2000'",
        "r1.weight.coverage|30|r1.weight.* sum to 90.0, expected 100",
        "r1.weight.norms|-20|r1.weight.norms has value '-20'",
        "grade.points.B|1.5|grade.points.B has value '1.5', expected a number from 0.0 to 1.0",
        "grade.words.B|良好, 优秀|grade word '优秀' is given for both",
        "milestones.defaults|maybe|milestones.defaults has value 'maybe', expected true or false",
        "milestone.x.indicator|C1.full|milestone x lacks milestone.x.target",
        "milestone.ningxia_sanhui_full.deadline|2023/11/30|expected a date written yyyy-MM-dd",
        "milestone.ningxia_sanhui_full.scope|宁夏|scope '宁夏' is not valid",
        "milestone.ningxia_sanhui_full.target|full|milestone.ningxia_sanhui_full.target has value 'full'",
        "limits.max_cells|0|limits.max_cells has value '0', expected a whole number from 1",
        "limits.max_columns|lots|limits.max_columns has value 'lots'",
        "briefing.issuer.6|x|unknown configuration key [briefing.issuer.6]",
        "briefing.issuer.64|''|briefing.issuer.64 has value ''"})
    void refusesUnknownKeysAndBadValuesNamingThem(String key, String value, String message) {
        Properties p = new Properties();
        p.setProperty(key, value);
        assertThatThrownBy(() -> Rules.fromProperties(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void theBuilderRefusesBadValues() {
        assertThatThrownBy(() -> Rules.builder().secondedPostYears(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("posts.seconded_years");
        assertThatThrownBy(() -> Rules.builder().threeRoles(Set.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roles.three");
        assertThatThrownBy(() -> Rules.builder().weights(40, 20, 20, 30).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 100");
        assertThatThrownBy(() -> new Milestone("bad name", "C1.full", 1, LocalDate.MAX, "64"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letters, digits");
        assertThatThrownBy(() -> new IngestionLimits(0, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFileBytes");
    }

    @Test
    void loadsAUtf8File(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sanhui.properties");
        Files.writeString(f, "# 天津\nreporting.frequency = MONTH\nbriefing.issuer.12 = 天津市科学技术协会\n"
                + "grade.words.A = 优, 优秀\n", StandardCharsets.UTF_8);
        Rules r = Rules.load(f);
        assertThat(r.reportingFrequency()).isEqualTo(Period.Kind.MONTH);
        assertThat(r.masthead().issuer("12")).contains("天津市科学技术协会");
        assertThat(r.grade("优")).contains(Grade.A);
    }

    @Test
    void loadRefusesANonUtf8FileAndNamesTheFileOnABadKey(@TempDir Path dir) throws IOException {
        Path gbk = dir.resolve("gbk.properties");
        Files.write(gbk, "briefing.issuer.12 = 天津市科学技术协会\n".getBytes("GBK"));
        assertThatThrownBy(() -> Rules.load(gbk)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not UTF-8");
        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "reporting.frequncy = MONTH\n");
        assertThatThrownBy(() -> Rules.load(typo)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("typo.properties").hasMessageContaining("reporting.frequncy");
        assertThatThrownBy(() -> Rules.load(dir.resolve("missing.properties"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void aBuilderRoundTrips() {
        Rules r = Rules.DEFAULTS.toBuilder().timelinessDays(20).build();
        assertThat(r).isNotEqualTo(Rules.DEFAULTS);
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(r.toBuilder().timelinessDays(15).build()).isEqualTo(Rules.DEFAULTS);
    }
}
