package org.sanhui.model.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.model.schema.Datasets.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sanhui.model.domain.Activity;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Evaluation;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.KeyPersonPost;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.Organisation;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.rules.Rules;
import org.sanhui.model.value.DatePrecision;

class RowValidatorTest {

    static final String XINGQING = "640104";
    static final Location AT = new Location("640104_2024Q3.xlsx", "组织信息", 7, null);
    static final RowContext Q3 = RowContext.of(XINGQING, Period.quarter(2024, 3), LocalDate.of(2024, 10, 10));

    static RawRow row(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new RawRow(AT, m);
    }

    static List<ProblemCode> codes(RowResult<?> r) {
        return r.problems().stream().map(Problem::code).toList();
    }

    static Problem only(RowResult<?> r, ProblemCode code) {
        List<Problem> ps = r.problems().stream().filter(p -> p.code() == code).toList();
        assertThat(ps).as(r.problems().toString()).hasSize(1);
        return ps.get(0);
    }

    /** No problem of the result shows the name or the phone number. */
    static void assertNoPersonalData(RowResult<?> r, String name, String phone) {
        for (Problem p : r.problems()) {
            for (String s : new String[] {p.value(), p.messageZh(), p.messageEn(), p.toString()}) {
                if (s != null) {
                    assertThat(s).doesNotContain(name).doesNotContain(phone);
                }
            }
        }
    }

    @Nested
    class Organisations {

        static final String[] FULL = {ORG_ID, "NX-001", ORG_NAME, "兴庆区基层医疗卫生学会", KIND, "基层医疗卫生学会",
            REGION_CODE, "掌政", ESTABLISHED, "2023年11月", STATUS, "正常", LEADER_NAME, "王小芳", LEADER_TITLE, "院长",
            HOST_UNIT, "兴庆区人民医院", MEMBER_UNITS, "12", MEMBERS, "1,234人", PAIRED_SOCIETY, "宁夏医学会", CHARTER, "是",
            CONGRESS, "√", COUNCIL, "Y", FINANCIAL_RULES, "有", MEMBERSHIP_RULES, "否", PARTY_ORG, "无",
            CIVIL_RATING, "3A级"};

        @Test
        void acceptsAFullRow() {
            RowResult<Organisation> r = RowValidator.organisation(row(FULL), Q3);
            assertThat(r.rejected()).isFalse();
            assertThat(r.problems()).isEmpty();
            Organisation o = r.record();
            assertThat(o.orgKey()).isEqualTo("640104/NX-001");
            assertThat(o.kind()).isEqualTo(OrgKind.MEDICAL_SOCIETY);
            assertThat(o.regionCode()).isEqualTo("640104100");
            assertThat(o.established()).isEqualTo(LocalDate.of(2023, 11, 30));
            assertThat(o.establishedPrecision()).isEqualTo(DatePrecision.MONTH);
            assertThat(o.status()).isEqualTo(OrgStatus.ACTIVE);
            assertThat(o.leaderName()).isEqualTo("王小芳");
            assertThat(o.memberUnits()).isEqualTo(12);
            assertThat(o.members()).isEqualTo(1234);
            assertThat(List.of(o.charter(), o.congress(), o.council(), o.financialRules())).containsOnly(true);
            assertThat(o.membershipRules()).isFalse();
            assertThat(o.partyOrg()).isFalse();
            assertThat(o.civilRating()).isEqualTo(CivilRating.A3);
            assertThat(o.lacksStaff()).isNull();
        }

        @Test
        void keyFallsBackOnTheNormalisedName() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, " 兴庆区 医疗卫生学会（筹） ", KIND, "医疗卫生学会",
                    ORG_ID, "无"), Q3);
            assertThat(r.record().orgKey()).isEqualTo("640104/兴庆区医疗卫生学会(筹)");
            assertThat(r.record().orgId()).isNull();
        }

        @Test
        void collectsEveryProblemOfTheRow() {
            RowResult<Organisation> r = RowValidator.organisation(row(MEMBERS, "-3", ESTABLISHED, "2024-02-30",
                    CHARTER, "也许"), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(codes(r)).contains(ProblemCode.MISSING_VALUE, ProblemCode.NEGATIVE_COUNT, ProblemCode.BAD_DATE,
                    ProblemCode.BAD_BOOLEAN, ProblemCode.BLANK_STATUS);
            assertThat(r.problems().stream().filter(p -> p.code() == ProblemCode.MISSING_VALUE)).hasSize(2);
            Problem date = only(r, ProblemCode.BAD_DATE);
            assertThat(date.location()).isEqualTo(AT.withColumn("成立日期"));
            assertThat(date.value()).isEqualTo("2024-02-30");
            assertThat(date.messageZh()).contains("29天");
            assertThat(date.field()).isEqualTo(ESTABLISHED);
        }

        @Test
        void locatesProblemsByTheHeaderAsWritten() {
            RawRow raw = new RawRow(AT, Map.of(ORG_NAME, "x", KIND, "学会"), Map.of(KIND, "组织类别"));
            Problem p = only(RowValidator.organisation(raw, Q3), ProblemCode.UNKNOWN_VALUE);
            assertThat(p.location().column()).isEqualTo("组织类别");
            assertThat(p.messageZh()).contains("“学会”").contains("基层医疗卫生学会").contains("县级科协");
            assertThat(p.messageEn()).contains("expected one of").contains("MEDICAL_SOCIETY");
            assertThat(p.severity()).isEqualTo(Severity.ERROR);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"掌政, 640104100", "掌政镇, 640104100", "640104100, 640104100", "640104100001, 640104100",
            "６４０１０４１００, 640104100", "兴庆区, 640104", "兴庆, 640104", "640104, 640104", "月牙湖, 640104201",
            "凤凰北街, 640104001", "'', 640104", "无, 640104", "银川市兴庆区掌政镇, 640104100", "宁夏银川市兴庆区, 640104"})
        void resolvesTheRegionByNameOrCode(String cell, String code) {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    REGION_CODE, cell), Q3);
            assertThat(r.problems()).isEmpty();
            assertThat(r.record().regionCode()).isEqualTo(code);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"西夏区, 640105", "640105, 640105", "西夏, 640105", "银川市西夏区文昌路, 640105", "镇北堡镇, 640105101", "640105101, 640105101"})
        void rejectsARegionOutsideTheCounty(String cell, String code) {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    REGION_CODE, cell), Q3);
            assertThat(r.rejected()).isTrue();
            Problem p = only(r, ProblemCode.REGION_OUTSIDE_COUNTY);
            assertThat(p.messageZh()).contains(code).contains("兴庆区（640104）");
            assertThat(p.messageEn()).contains("outside the submitting county 640104");
        }

        @Test
        void rejectsAnUnknownRegionWithCandidates() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    REGION_CODE, "掌上明珠镇"), Q3);
            Problem p = only(r, ProblemCode.UNKNOWN_REGION);
            assertThat(p.messageZh()).contains("掌政镇（640104100）");
            assertThat(only(RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", REGION_CODE, "999999"), Q3),
                    ProblemCode.UNKNOWN_REGION).messageEn()).contains("not a known region");
        }

        @Test
        void rejectsAnAmbiguousRegionListingTheCandidates() {
            RowContext xiaodian = RowContext.of("140302", Period.quarter(2024, 3), null);
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "乡镇科协", STATUS, "正常",
                    REGION_CODE, "义井"), xiaodian);
            Problem p = only(r, ProblemCode.AMBIGUOUS_REGION);
            assertThat(p.messageZh()).contains("义井街道（140302005）").contains("义井镇（140302100）");
            assertThat(p.messageEn()).contains("140302005").contains("140302100");
        }

        // A township whose name ends in stacked suffixes was UNKNOWN_REGION under its short form, and then every
        // post and activity of the organisation failed as UNKNOWN_ORGANISATION (issue 17, item 2).
        @ParameterizedTest(name = "{1} in {0} -> {2}")
        @CsvSource({"110108, 西三旗, 110108019", "110108, 西三旗街道, 110108019", "120114, 下伍旗, 120114105",
            "130471, 开发区, 130471400", "310114, 嘉定镇, 310114004", "110112, 于家务, 110112209",
            "150721, 得力其尔, 150721200", "632221, 门源, 632221", "150722, 莫力达瓦, 150722",
            "110108, 海淀, 110108", "310114, 嘉定, 310114"})
        void resolvesEveryShortFormOfStackedSuffixes(String county, String cell, String code) {
            RowContext ctx = RowContext.of(county, Period.quarter(2024, 3), null);
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    REGION_CODE, cell), ctx);
            assertThat(r.problems()).isEmpty();
            assertThat(r.record().regionCode()).isEqualTo(code);
        }

        @Test
        void rejectsAShortFormOfTwoTownshipsListingBoth() {
            // 西城 is 西城乡 and 西城区街道 of 定州市 with their suffixes left off; it used to be taken as 西城乡.
            RowContext dingzhou = RowContext.of("130682", Period.quarter(2024, 3), null);
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    REGION_CODE, "西城"), dingzhou);
            assertThat(r.rejected()).isTrue();
            Problem p = only(r, ProblemCode.AMBIGUOUS_REGION);
            assertThat(p.messageZh()).contains("对应多个地区").contains("西城区街道（130682003）").contains("西城乡（130682208）");
            assertThat(p.messageEn()).contains("matches several regions").contains("130682003").contains("130682208");
        }

        @Test
        void blankStatusIsActiveWithAWarning() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, " "), Q3);
            assertThat(r.record().status()).isEqualTo(OrgStatus.ACTIVE);
            Problem p = only(r, ProblemCode.BLANK_STATUS);
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "已撤销"), Q3).record().status())
                    .isEqualTo(OrgStatus.REVOKED);
            assertThat(codes(RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "休眠"), Q3)))
                    .containsExactly(ProblemCode.UNKNOWN_VALUE);
        }

        @Test
        void blankInstitutionFlagsOfASocietyAreUnknownAndCounted() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "农业技术学会", STATUS, "正常",
                    CHARTER, "是", CONGRESS, "—"), Q3);
            assertThat(r.rejected()).isFalse();
            assertThat(r.record().charter()).isTrue();
            assertThat(r.record().congress()).isNull();
            assertThat(r.problems()).extracting(Problem::field).containsExactly(CONGRESS, COUNCIL, FINANCIAL_RULES,
                    MEMBERSHIP_RULES, PARTY_ORG);
            assertThat(r.problems()).extracting(Problem::code).containsOnly(ProblemCode.UNKNOWN_FLAG);
        }

        @Test
        void blankGapFlagsOfATownshipKexieAreUnknownAndCounted() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "掌政镇科协", KIND, "乡镇科协", STATUS, "正常",
                    REGION_CODE, "掌政镇", LACKS_STAFFING, "无", LACKS_STAFF, "否"), Q3);
            assertThat(r.record().lacksStaffing()).isFalse();
            assertThat(r.record().lacksStaff()).isFalse();
            assertThat(r.record().lacksFunds()).isNull();
            assertThat(r.problems()).extracting(Problem::field).containsExactly(LACKS_FUNDS, LACKS_VENUE);
        }

        @Test
        void flagsThatDoNotApplyRaiseNoWarning() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常"), Q3);
            assertThat(r.problems()).isEmpty();
        }

        @Test
        void yearOnlyEstablishedIsAcceptedWithAWarning() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常",
                    ESTABLISHED, "2019年"), Q3);
            assertThat(r.record().establishedPrecision()).isEqualTo(DatePrecision.YEAR);
            assertThat(codes(r)).containsExactly(ProblemCode.YEAR_ONLY_DATE);
        }

        @Test
        void readsExcelSerialsInTheWorkbooksDateSystem() {
            RowContext mac = new RowContext(XINGQING, Period.quarter(2024, 3), null, Rules.DEFAULTS, Gazetteer.national(),
                    true);
            assertThat(RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常", ESTABLISHED, "45474"),
                    Q3).record().established()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(RowValidator.organisation(row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常", ESTABLISHED, "44012"),
                    mac).record().established()).isEqualTo(LocalDate.of(2024, 7, 1));
        }

        @Test
        void neverShowsTheLeadersNameOrAPhone() {
            RowResult<Organisation> r = RowValidator.organisation(row(ORG_NAME, "王小芳工作室", KIND, "王小芳",
                    LEADER_NAME, "王小芳", HOST_UNIT, "x", CHARTER, "王小芳 13800138000", MEMBERS, "13800138000 王小芳"), Q3);
            assertThat(r.rejected()).isTrue();
            assertNoPersonalData(r, "王小芳", "13800138000");
            assertThat(only(r, ProblemCode.UNKNOWN_VALUE).value()).isEqualTo("王*芳");
        }
    }

    @Nested
    class Posts {

        static String[] post(String post, String start, String end) {
            return new String[] {PERSON_NAME, "欧阳小芳", WORK_UNIT, "掌政镇卫生院", ROLE, "卫生院院长", ORG_ID, "NX-001",
                POST, post, START_DATE, start, END_DATE, end, PHONE, "138 0013 8000"};
        }

        @Test
        void secondedWithoutEndEndsAfterTheConfiguredYears() {
            KeyPersonPost p = RowValidator.post(row(post("挂职副主席", "2024-03-15", "")), Q3).record();
            assertThat(p.role()).isEqualTo(PersonRole.HOSPITAL_HEAD);
            assertThat(p.post()).isEqualTo(Post.SECONDED_VICE_CHAIR);
            assertThat(p.endDate()).isNull();
            assertThat(p.effectiveEnd()).isEqualTo(LocalDate.of(2026, 3, 15));
            assertThat(p.orgKey()).isEqualTo("640104/NX-001");
            RowContext three = new RowContext(XINGQING, Period.quarter(2024, 3), null,
                    Rules.DEFAULTS.toBuilder().secondedPostYears(3).build(), Gazetteer.national(), false);
            assertThat(RowValidator.post(row(post("挂职副主席", "2024-03-15", "")), three).record().effectiveEnd())
                    .isEqualTo(LocalDate.of(2027, 3, 15));
        }

        @Test
        void givenEndIsTheEffectiveEnd() {
            KeyPersonPost p = RowValidator.post(row(post("挂职副主席", "2024/3/15", "2025年3月")), Q3).record();
            assertThat(p.endDate()).isEqualTo(LocalDate.of(2025, 3, 31));
            assertThat(p.effectiveEnd()).isEqualTo(LocalDate.of(2025, 3, 31));
        }

        @Test
        void partTimeWithoutEndIsOpen() {
            KeyPersonPost p = RowValidator.post(row(post("兼职副主席", "45474", "—")), Q3).record();
            assertThat(p.startDate()).isEqualTo(LocalDate.of(2024, 7, 1));
            assertThat(p.effectiveEnd()).isNull();
        }

        @Test
        void endBeforeStartRejects() {
            RowResult<KeyPersonPost> r = RowValidator.post(row(post("兼职副主席", "2024-03-15", "2024-03-14")), Q3);
            assertThat(r.rejected()).isTrue();
            Problem p = only(r, ProblemCode.END_BEFORE_START);
            assertThat(p.messageEn()).contains("2024-03-14").contains("2024-03-15").contains("expected an end on or after");
            assertThat(p.location().column()).isEqualTo("任职结束日期");
        }

        @Test
        void sameMonthPartialDatesAreNotEndBeforeStart() {
            assertThat(RowValidator.post(row(post("兼职副主席", "2024-03-15", "2024年3月")), Q3).rejected()).isFalse();
            assertThat(RowValidator.post(row(post("兼职副主席", "2024年3月", "2024-03-02")), Q3).rejected()).isFalse();
        }

        @Test
        void needsAnOrganisationARoleAPostAndAStart() {
            RowResult<KeyPersonPost> r = RowValidator.post(row(PERSON_NAME, "欧阳小芳", ROLE, "欧阳小芳", PHONE,
                    "13800138000"), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(codes(r)).containsExactlyInAnyOrder(ProblemCode.UNKNOWN_VALUE, ProblemCode.MISSING_VALUE,
                    ProblemCode.MISSING_VALUE, ProblemCode.MISSING_VALUE);
            assertThat(r.problems()).extracting(Problem::field).contains(ORG_NAME, POST, START_DATE);
            assertNoPersonalData(r, "欧阳小芳", "13800138000");
            assertThat(only(r, ProblemCode.UNKNOWN_VALUE).value()).isEqualTo("欧**芳");
        }

        @Test
        void aPhoneWrittenIntoAnotherColumnIsNotStored() {
            String[] kv = post("兼职副主席", "2024-03-15", "");
            kv[3] = "掌政镇卫生院（0951-5012345）";
            kv[1] = "欧阳小芳13800138000";
            KeyPersonPost p = RowValidator.post(row(kv), Q3).record();
            assertThat(p.workUnit()).isEqualTo("掌政镇卫生院（***********）");
            assertThat(p.personName()).isEqualTo("欧阳小芳***********");
            assertThat(p.values().values()).noneMatch(v -> String.valueOf(v).contains("5012345"));
        }

        @Test
        void thePhoneIsNeverEchoed() {
            RowResult<KeyPersonPost> r = RowValidator.post(row(post("主任", "2024-13-01", "下周")), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(r.problems()).hasSize(3);
            assertNoPersonalData(r, "欧阳小芳", "8000");
        }
    }

    @Nested
    class Activities {

        static String[] activity(String date, String place) {
            return new String[] {ORG_NAME, "兴庆区基层医疗卫生学会", TITLE, "健康义诊进社区", TYPE, "义诊", ACTIVITY_DATE, date,
                PLACE_CODE, place, TARGET_GROUPS, "老年人、社区居民", PARTICIPANTS, "120人次", FORM, "线下"};
        }

        @Test
        void acceptsAnActivityOfThePeriod() {
            RowResult<Activity> r = RowValidator.activity(row(activity("2024年8月12日", "掌政镇春林村")), Q3);
            assertThat(r.problems()).isEmpty();
            Activity a = r.record();
            assertThat(a.orgKey()).isEqualTo("640104/兴庆区基层医疗卫生学会");
            assertThat(a.type()).isEqualTo(ActivityType.HEALTH_SERVICE);
            assertThat(a.activityDate()).isEqualTo(LocalDate.of(2024, 8, 12));
            assertThat(a.placeCode()).isEqualTo("640104100");
            assertThat(a.placeDefaulted()).isFalse();
            assertThat(a.targetGroups()).containsExactlyInAnyOrder(TargetGroup.ELDERLY, TargetGroup.RESIDENTS);
            assertThat(a.participants()).isEqualTo(120);
            assertThat(a.form()).isEqualTo(Form.OFFLINE);
            assertThat(a.reportedLate()).isFalse();
            assertThat(a.values()).containsEntry(TARGET_GROUPS, "ELDERLY;RESIDENTS");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2024-07-01", "2024-09-30", "2024年9月", "2024.8.1"})
        void acceptsDatesWithinThePeriod(String date) {
            RowResult<Activity> r = RowValidator.activity(row(activity(date, "掌政镇")), Q3);
            assertThat(r.problems()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2024-01-01", "2024-05-03", "2024-06-30", "2024年6月"})
        void anEarlierPeriodOfTheYearIsReportedLate(String date) {
            RowResult<Activity> r = RowValidator.activity(row(activity(date, "掌政镇")), Q3);
            assertThat(r.rejected()).isFalse();
            assertThat(r.record().reportedLate()).isTrue();
            assertThat(only(r, ProblemCode.REPORTED_LATE).severity()).isEqualTo(Severity.WARNING);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2023-12-31", "2023年12月", "2023"})
        void beforeThePeriodsYearIsRejected(String date) {
            RowResult<Activity> r = RowValidator.activity(row(activity(date, "掌政镇")), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(only(r, ProblemCode.DATE_BEFORE_YEAR).messageEn()).contains("expected a date in 2024");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2024-10-01", "2024年10月", "2025-01-01"})
        void afterThePeriodEndIsRejected(String date) {
            RowResult<Activity> r = RowValidator.activity(row(activity(date, "掌政镇")), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(only(r, ProblemCode.DATE_AFTER_PERIOD).messageZh()).contains("2024-09-30");
        }

        @Test
        void afterTheFilingDateIsRejected() {
            RowContext early = RowContext.of(XINGQING, Period.quarter(2024, 3), LocalDate.of(2024, 9, 15));
            RowResult<Activity> r = RowValidator.activity(row(activity("2024-09-20", "掌政镇")), early);
            assertThat(codes(r)).containsExactly(ProblemCode.DATE_AFTER_FILING);
            assertThat(r.problems().get(0).messageEn()).contains("2024-09-15");
            assertThat(RowValidator.activity(row(activity("2024年9月", "掌政镇")), early).rejected()).isFalse();
            RowContext unknownFiling = RowContext.of(XINGQING, Period.quarter(2024, 3), null);
            assertThat(RowValidator.activity(row(activity("2024-09-20", "掌政镇")), unknownFiling).rejected()).isFalse();
        }

        @Test
        void aYearOnlyDateOfThePeriodsYearIsAcceptedWithAWarning() {
            RowResult<Activity> r = RowValidator.activity(row(activity("2024年", "掌政镇")), Q3);
            assertThat(r.rejected()).isFalse();
            assertThat(codes(r)).containsExactly(ProblemCode.YEAR_ONLY_DATE);
            assertThat(r.record().reportedLate()).isFalse();
        }

        @Test
        void monthlyPeriodsUseTheirOwnBounds() {
            RowContext july = RowContext.of(XINGQING, Period.month(2024, 7), LocalDate.of(2024, 8, 5));
            assertThat(RowValidator.activity(row(activity("2024-07-31", "掌政镇")), july).problems()).isEmpty();
            assertThat(codes(RowValidator.activity(row(activity("2024-08-01", "掌政镇")), july)))
                    .containsExactly(ProblemCode.DATE_AFTER_PERIOD);
            assertThat(RowValidator.activity(row(activity("2024-06-30", "掌政镇")), july).record().reportedLate()).isTrue();
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"掌政镇, 640104100", "掌政, 640104100", "640104100, 640104100", "兴庆区, 640104",
            "银川市兴庆区掌政镇春林村, 640104100", "宁夏银川市兴庆区月牙湖乡滨河家园, 640104201", "640104201001, 640104201",
            "兴庆区丽景街街道办事处, 640104011"})
        void placeNamingARegionOfTheCounty(String place, String code) {
            RowResult<Activity> r = RowValidator.activity(row(activity("2024-08-01", place)), Q3);
            assertThat(r.problems()).isEmpty();
            assertThat(r.record().placeCode()).isEqualTo(code);
            assertThat(r.record().placeDefaulted()).isFalse();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"西夏区", "640105", "西夏区文昌路", "镇北堡镇华西村", "永宁县", "640105100"})
        void placeOutsideTheCountyIsRejected(String place) {
            RowResult<Activity> r = RowValidator.activity(row(activity("2024-08-01", place)), Q3);
            assertThat(r.rejected()).isTrue();
            assertThat(only(r, ProblemCode.REGION_OUTSIDE_COUNTY).messageEn()).contains("outside the submitting county");
        }

        @ParameterizedTest(name = "[{index}] ''{0}''")
        @ValueSource(strings = {"村委会", "市民广场", "线上", "", "无", "银川市", "宁夏回族自治区"})
        void placeNamingNoRegionIsKeptWithAWarning(String place) {
            RowResult<Activity> r = RowValidator.activity(row(activity("2024-08-01", place)), Q3);
            assertThat(r.rejected()).isFalse();
            assertThat(r.record().placeCode()).isNull();
            assertThat(r.record().placeDefaulted()).isTrue();
            assertThat(r.record().values()).containsEntry(PLACE_DEFAULTED, true);
            assertThat(only(r, ProblemCode.PLACE_NOT_REGION).severity()).isEqualTo(Severity.WARNING);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {"农民、青少年，老年人;教师 公众|ELDERLY;FARMERS;RESIDENTS;TEACHERS;YOUTH",
            "农民,农民；农民|FARMERS", "青少年|YOUTH", "科技工作者　医务人员|MEDICAL_STAFF;SCI_TECH_WORKERS",
            "'、农民/青少年、'|FARMERS;YOUTH", "' 农民 ,, 教师 '|FARMERS;TEACHERS"})
        void targetGroupsAreSplitSortedAndJoined(String cell, String joined) {
            String[] kv = activity("2024-08-01", "掌政镇");
            kv[11] = cell;
            for (int i = 0; i < 2; i++) { // the second time from the cache of clean cells
                RowResult<Activity> r = RowValidator.activity(row(kv), Q3);
                assertThat(r.problems()).isEmpty();
                assertThat(r.record().values()).containsEntry(TARGET_GROUPS, joined);
                assertThat(Activity.joinTargetGroups(r.record().targetGroups())).isEqualTo(joined);
            }
        }

        @Test
        void anUnknownTargetGroupIsRejected() {
            String[] kv = activity("2024-08-01", "掌政镇");
            kv[11] = "农民、外星人";
            for (int i = 0; i < 2; i++) { // every time: a cell with a problem is never cached
                Problem p = only(RowValidator.activity(row(kv), Q3), ProblemCode.UNKNOWN_VALUE);
                assertThat(p.messageZh()).contains("“外星人”").contains("青少年");
            }
        }

        @Test
        void collectsEveryProblem() {
            RowResult<Activity> r = RowValidator.activity(row(PARTICIPANTS, "-5", FORM, "飞行", PLACE_CODE, "掌政镇"), Q3);
            assertThat(codes(r)).containsExactlyInAnyOrder(ProblemCode.MISSING_VALUE, ProblemCode.MISSING_VALUE,
                    ProblemCode.MISSING_VALUE, ProblemCode.MISSING_VALUE, ProblemCode.NEGATIVE_COUNT,
                    ProblemCode.UNKNOWN_VALUE);
            assertThat(r.problems().stream().filter(p -> p.code() == ProblemCode.MISSING_VALUE).map(Problem::field))
                    .containsExactlyInAnyOrder(ORG_NAME, TITLE, TYPE, ACTIVITY_DATE);
        }

        @Test
        void organiserByIdAlone() {
            String[] kv = activity("2024-08-01", "掌政镇");
            kv[0] = ORG_ID;
            kv[1] = "ＮＸ－００１";
            assertThat(RowValidator.activity(row(kv), Q3).record().orgKey()).isEqualTo("640104/NX-001");
        }
    }

    @Nested
    class Evaluations {

        static final RowContext PROVINCE = RowContext.of("64", Period.year(2024), null);

        static String[] eval(String county, String grade, String score) {
            return new String[] {COUNTY, county, ORG_ID, "NX-001", ORG_NAME, "兴庆区基层医疗卫生学会", KIND, "基层医疗卫生学会",
                YEAR, "2024年度", GRADE, grade, SCORE, score};
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"兴庆区", "兴庆", "640104", " 兴庆区 ", "银川市兴庆区", "宁夏银川市兴庆区"})
        void resolvesTheCountyWithinTheSender(String county) {
            RowResult<Evaluation> r = RowValidator.evaluation(row(eval(county, "优秀", "92.5")), PROVINCE);
            assertThat(r.problems()).isEmpty();
            Evaluation e = r.record();
            assertThat(e.county()).isEqualTo(XINGQING);
            assertThat(e.orgKey()).isEqualTo("640104/NX-001");
            assertThat(e.year()).isEqualTo(2024);
            assertThat(e.grade()).isEqualTo(Grade.A);
            assertThat(e.score()).isEqualTo(92.5);
            assertThat(e.kind()).isEqualTo(OrgKind.MEDICAL_SOCIETY);
        }

        @Test
        void aCountySenderAcceptsItsOwnLongName() {
            RowContext xingqing = RowContext.of(XINGQING, null, null);
            assertThat(RowValidator.evaluation(row(eval("银川市兴庆区", "B", "")), xingqing).record().county())
                    .isEqualTo(XINGQING);
            assertThat(codes(RowValidator.evaluation(row(eval("银川市西夏区", "B", "")), xingqing)))
                    .containsExactly(ProblemCode.REGION_OUTSIDE_COUNTY);
        }

        @Test
        void aCountySenderNeedsNoCountyCell() {
            RowResult<Evaluation> r = RowValidator.evaluation(row(eval("", "B", "")), RowContext.of(XINGQING,
                    Period.year(2024), null));
            assertThat(r.record().county()).isEqualTo(XINGQING);
            assertThat(r.record().score()).isNull();
        }

        @Test
        void aProvinceSenderNeedsTheCountyCell() {
            Problem p = only(RowValidator.evaluation(row(eval("", "B", "")), PROVINCE), ProblemCode.UNKNOWN_COUNTY_ROW);
            assertThat(p.messageEn()).contains("expected a county name or code");
        }

        @Test
        void aCountyOutsideTheSenderIsRejected() {
            RowResult<Evaluation> r = RowValidator.evaluation(row(eval("西夏区", "B", "")), RowContext.of(XINGQING,
                    Period.year(2024), null));
            assertThat(codes(r)).containsExactly(ProblemCode.REGION_OUTSIDE_COUNTY);
            RowResult<Evaluation> other = RowValidator.evaluation(row(eval("110101", "B", "")), PROVINCE);
            assertThat(codes(other)).containsExactly(ProblemCode.REGION_OUTSIDE_COUNTY);
        }

        @Test
        void anAmbiguousCountyListsCandidates() {
            RowContext shanxi = RowContext.of("14", Period.year(2024), null);
            Problem p = only(RowValidator.evaluation(row(eval("城区", "B", "")), shanxi), ProblemCode.AMBIGUOUS_REGION);
            assertThat(p.messageZh()).contains("城区（140302）").contains("城区（140502）");
        }

        @Test
        void anUnknownCountyIsRejected() {
            assertThat(codes(RowValidator.evaluation(row(eval("火星区", "B", "")), PROVINCE)))
                    .containsExactly(ProblemCode.UNKNOWN_REGION);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"A, A", "a, A", "优秀, A", "好, A", "B, B", "良好, B", "合格, B", "较好, B", "一般, B", "C, C",
            "基本合格, C", "不合格, C", "较差, C", "差, C", "Ｂ, B", "A级, A"})
        void mapsGradeWordsByTheRules(String word, Grade grade) {
            assertThat(RowValidator.evaluation(row(eval("兴庆", word, "")), PROVINCE).record().grade()).isEqualTo(grade);
        }

        @Test
        void anUnmappedGradeWordIsAProblemNotAGuess() {
            RowResult<Evaluation> r = RowValidator.evaluation(row(eval("兴庆", "甲等", "")), PROVINCE);
            Problem p = only(r, ProblemCode.UNMAPPED_GRADE);
            assertThat(p.messageZh()).contains("甲等").contains("优秀").contains("基本合格");
            assertThat(p.messageEn()).contains("expected one of");
            Rules jia = Rules.DEFAULTS.toBuilder().gradeWords(Grade.A, Set.of("甲等", "优秀")).build();
            RowContext ctx = new RowContext("64", Period.year(2024), null, jia, Gazetteer.national(), false);
            assertThat(RowValidator.evaluation(row(eval("兴庆", "甲等", "")), ctx).record().grade()).isEqualTo(Grade.A);
            assertThat(codes(RowValidator.evaluation(row(eval("兴庆", "好", "")), ctx)))
                    .containsExactly(ProblemCode.UNMAPPED_GRADE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"101", "-1", "100.01"})
        void aScoreOutside0To100IsRejected(String score) {
            assertThat(only(RowValidator.evaluation(row(eval("兴庆", "A", score)), PROVINCE), ProblemCode.BAD_SCORE)
                    .messageEn()).contains("expected 0 to 100");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"2024, 2024", "2024年, 2024", "2024年度, 2024", "２０２４, 2024", "2024.0, 2024"})
        void readsTheYear(String cell, int year) {
            String[] kv = eval("兴庆", "A", "");
            kv[9] = cell;
            assertThat(RowValidator.evaluation(row(kv), PROVINCE).record().year()).isEqualTo(year);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"二〇二四", "24", "去年"})
        void refusesABadYear(String cell) {
            String[] kv = eval("兴庆", "A", "");
            kv[9] = cell;
            assertThat(only(RowValidator.evaluation(row(kv), PROVINCE), ProblemCode.BAD_NUMBER).messageEn())
                    .contains("four-digit year");
        }
    }

    @Nested
    class Dispatch {

        @Test
        void validateDispatchesOnTheDataset() {
            assertThat(RowValidator.validate(ORGANISATIONS, row(ORG_NAME, "x", KIND, "县科协", STATUS, "正常"), Q3).record())
                    .isInstanceOf(Organisation.class);
            assertThat(RowValidator.validate(ACTIVITIES, row(Activities.activity("2024-08-01", "掌政镇")), Q3).record())
                    .isInstanceOf(Activity.class);
            assertThat(RowValidator.validate(POSTS, row(Posts.post("委员", "2024-01-01", "")), Q3).record())
                    .isInstanceOf(KeyPersonPost.class);
            RowContext noPeriod = RowContext.of(XINGQING, null, null);
            assertThat(RowValidator.validate(EVALUATIONS, row(Evaluations.eval("", "A", "")), noPeriod).record())
                    .isInstanceOf(Evaluation.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowValidator.validate(SUBMISSIONS, row(), Q3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected one of");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RowValidator.activity(row(), noPeriod))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("period");
        }
    }

    @Nested
    class Keys {

        @Test
        void orgKeys() {
            assertThat(OrgKeys.of("640104", "NX001", "whatever")).isEqualTo("640104/NX001");
            assertThat(OrgKeys.of("640104", " ＮＸ００１ ", null)).isEqualTo("640104/NX001");
            assertThat(OrgKeys.of("640104", "—", "兴庆区 科协（筹）")).isEqualTo("640104/兴庆区科协(筹)");
            assertThat(OrgKeys.of("640104", null, "兴庆区　科协")).isEqualTo("640104/兴庆区科协");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> OrgKeys.of("640104", "", " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aKeyMadeBeforeIsForItsOwnCountyOnly() {
            // the same 组织编号 in other counties, codes of other lengths, and a code that is a prefix of another
            for (int i = 0; i < 2; i++) {
                assertThat(OrgKeys.of("640104", "XQ/001", null)).isEqualTo("640104/XQ/001");
                assertThat(OrgKeys.of("640105", "XQ/001", null)).isEqualTo("640105/XQ/001");
                assertThat(OrgKeys.of("6401", "XQ/001", null)).isEqualTo("6401/XQ/001");
                assertThat(OrgKeys.of("64", "XQ/001", null)).isEqualTo("64/XQ/001");
                assertThat(OrgKeys.of("640104", "XQ/001", null)).isEqualTo("640104/XQ/001");
            }
        }
    }
}
