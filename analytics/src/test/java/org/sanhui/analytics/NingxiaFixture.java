package org.sanhui.analytics;

import static org.sanhui.model.schema.Datasets.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-built Ningxia warehouse the indicator tests share (analysed period 2024Q4, quarterly).
 *
 * <pre>
 * county A = 640104 兴庆区 (city 6401): submissions 2023Q1..2024Q4 (2024Q4 filed 2025-01-10, on time)
 *   org files 2023Q4 (a1 a2 a10), 2024Q3 (a1 a2 a5), 2024Q4 (a1..a10)
 *   a1  SCI_EDU  ACTIVE     est 2020-01-01  paired, all five institutions, party yes, members 30, civil A3
 *   a2  MEDICAL  RECTIFYING est 2021-05-01  no pair, charter yes congress no (others blank), members 50, civil A3
 *   a3  AGRI     ACTIVE     est 2025-02-01  (planned: after the period end)
 *   a4  AGRI     REVOKED    est 2019-01-01
 *   a5  COUNTY_KEXIE        est 2010-01-01
 *   a6  TOWNSHIP_KEXIE @ 640104001 (a street)  est 2018  四缺 all no, members 20
 *   a7  TOWNSHIP_KEXIE @ 640104100 (a town)    est 2018  lacks staffing, members 22
 *   a8  VOLUNTEER_TEAM      est 2022-01-01  members 1000
 *   a9  RURAL_TECH_ASSOCIATION @ 640104200 (a xiang) est 2019
 *   a10 OTHER_SOCIETY       est 2015  leader 王小芳, grades C 2023 and C 2024
 * county B = 640121 永宁县 (city 6401): submissions 2024Q3, 2024Q4 (2024Q4 filed 2025-01-25: 25 days, late)
 *   b1 SCI_EDU (paired, party no, members 32, civil A5), b2 MEDICAL, b3 AGRI, b4 COUNTY_KEXIE,
 *   b5 TOWNSHIP_KEXIE @ 640121100 (四缺 blank, members 21), b6 TOWNSHIP_KEXIE @ 640121400 (a farm, not in the
 *   township denominator; est 2024-08-01; lacks funds; members 500)
 * county C = 640302 利通区 (city 6403): one submission 2024Q3 only (no 2024Q4 submission)
 *   c1 SCI_EDU est 2020 (members 28, grade A 2024), c2 COUNTY_KEXIE est 2010
 * </pre>
 */
final class NingxiaFixture {

    static final String A = "640104";
    static final String B = "640121";
    static final String C = "640302";

    private NingxiaFixture() {
    }

    private static Object[] org(String key, String name, String kind, String region, LocalDate est, String status,
            Object... more) {
        List<Object> kv = new ArrayList<>(java.util.Arrays.asList(ORG_KEY, key, ORG_NAME, name, KIND, kind, REGION_CODE, region,
                ESTABLISHED, est, ESTABLISHED_PRECISION, "DAY", STATUS, status));
        kv.addAll(java.util.Arrays.asList(more));
        return kv.toArray();
    }

    private static Object[] act(String org, String type, LocalDate date, String place, Object... more) {
        List<Object> kv = new ArrayList<>(java.util.Arrays.asList(ORG_KEY, org, TITLE, "t" + date + org + type, TYPE, type,
                ACTIVITY_DATE, date, PLACE_CODE, place));
        kv.addAll(java.util.Arrays.asList(more));
        return kv.toArray();
    }

    private static Object[] post(String org, String role, String post, LocalDate start, LocalDate end,
            LocalDate effective) {
        return new Object[] {ORG_KEY, org, PERSON_NAME, "某人", ROLE, role, POST, post, START_DATE, start, END_DATE, end,
            EFFECTIVE_END, effective};
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static void build(FixtureWarehouse w) {
        String a1 = A + "/a1", a2 = A + "/a2", a5 = A + "/a5", a6 = A + "/a6", a7 = A + "/a7", a8 = A + "/a8",
                a9 = A + "/a9", a10 = A + "/a10";
        String b1 = B + "/b1", b2 = B + "/b2", b4 = B + "/b4";
        String c1 = C + "/c1";
        // submissions
        String[] quarters = {"2023Q1", "2023Q2", "2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3"};
        for (String q : quarters) {
            LocalDate end = org.sanhui.model.period.Period.parse(q).end();
            w.submission(A, q, end.plusDays(5), 10, 0);
        }
        w.submission(A, "2024Q4", d("2025-01-10"), 40, 10);
        w.submission(B, "2024Q3", d("2024-10-05"), 20, 0);
        w.submission(B, "2024Q4", d("2025-01-25"), 30, 0);
        w.submission(C, "2024Q3", d("2024-10-08"), 5, 0);
        // rejects of A's 2024Q4 submission
        for (int i = 0; i < 3; i++) {
            w.add(REJECTS, "2024Q4", A, SOURCE_FILE, "a.xlsx", CODE, "NEGATIVE_COUNT", SEVERITY, "ERROR", MESSAGE_ZH, "负数",
                    MESSAGE_EN, "negative");
        }
        for (int i = 0; i < 2; i++) {
            w.add(REJECTS, "2024Q4", A, SOURCE_FILE, "a.xlsx", CODE, "UNKNOWN_ORGANISATION", SEVERITY, "ERROR",
                    MESSAGE_ZH, "未知", MESSAGE_EN, "unknown");
        }

        // A's organisations
        w.add(ORGANISATIONS, "2023Q4", A, org(a1, "兴庆科教学会", "SCI_EDU_SOCIETY", A, d("2020-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2023Q4", A, org(a2, "兴庆医卫学会", "MEDICAL_SOCIETY", A, d("2021-05-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2023Q4", A, org(a10, "兴庆其他学会", "OTHER_SOCIETY", A, d("2015-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q3", A, org(a1, "兴庆科教学会", "SCI_EDU_SOCIETY", A, d("2020-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q3", A, org(a2, "兴庆医卫学会", "MEDICAL_SOCIETY", A, d("2021-05-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q3", A, org(a5, "兴庆区科协", "COUNTY_KEXIE", A, d("2010-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", A, org(a1, "兴庆科教学会", "SCI_EDU_SOCIETY", A, d("2020-01-01"), "ACTIVE",
                PAIRED_SOCIETY, "宁夏青少年科技辅导员协会", CHARTER, true, CONGRESS, true, COUNCIL, true, FINANCIAL_RULES, true,
                MEMBERSHIP_RULES, true, PARTY_ORG, true, MEMBERS, 30, CIVIL_RATING, "A3"));
        w.add(ORGANISATIONS, "2024Q4", A, org(a2, "兴庆医卫学会", "MEDICAL_SOCIETY", A, d("2021-05-01"), "RECTIFYING",
                CHARTER, true, CONGRESS, false, MEMBERS, 50, CIVIL_RATING, "A3"));
        w.add(ORGANISATIONS, "2024Q4", A, org(A + "/a3", "兴庆农技学会", "AGRI_SOCIETY", A, d("2025-02-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", A, org(A + "/a4", "旧农技学会", "AGRI_SOCIETY", A, d("2019-01-01"), "REVOKED"));
        w.add(ORGANISATIONS, "2024Q4", A, org(a5, "兴庆区科协", "COUNTY_KEXIE", A, d("2010-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", A, org(a6, "凤凰北街街道科协", "TOWNSHIP_KEXIE", "640104001", d("2018-01-01"),
                "ACTIVE", LACKS_STAFFING, false, LACKS_STAFF, false, LACKS_FUNDS, false, LACKS_VENUE, false, MEMBERS, 20));
        w.add(ORGANISATIONS, "2024Q4", A, org(a7, "掌政镇科协", "TOWNSHIP_KEXIE", "640104100", d("2018-01-01"), "ACTIVE",
                LACKS_STAFFING, true, MEMBERS, 22));
        w.add(ORGANISATIONS, "2024Q4", A, org(a8, "兴庆志愿服务队", "VOLUNTEER_TEAM", A, d("2022-01-01"), "ACTIVE",
                MEMBERS, 1000));
        w.add(ORGANISATIONS, "2024Q4", A, org(a9, "通贵农技协", "RURAL_TECH_ASSOCIATION", "640104200", d("2019-01-01"),
                "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", A, org(a10, "兴庆其他学会", "OTHER_SOCIETY", A, d("2015-01-01"), "ACTIVE",
                LEADER_NAME, "王小芳"));
        // B's organisations (2024Q4 only)
        w.add(ORGANISATIONS, "2024Q4", B, org(b1, "永宁科教学会", "SCI_EDU_SOCIETY", B, d("2020-01-01"), "ACTIVE",
                PAIRED_SOCIETY, "宁夏青少年科技辅导员协会", PARTY_ORG, false, MEMBERS, 32, CIVIL_RATING, "A5"));
        w.add(ORGANISATIONS, "2024Q4", B, org(b2, "永宁医卫学会", "MEDICAL_SOCIETY", B, d("2020-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", B, org(B + "/b3", "永宁农技学会", "AGRI_SOCIETY", B, d("2020-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", B, org(b4, "永宁县科协", "COUNTY_KEXIE", B, d("2015-01-01"), "ACTIVE"));
        w.add(ORGANISATIONS, "2024Q4", B, org(B + "/b5", "杨和镇科协", "TOWNSHIP_KEXIE", "640121100", d("2016-01-01"),
                "ACTIVE", MEMBERS, 21));
        w.add(ORGANISATIONS, "2024Q4", B, org(B + "/b6", "黄羊滩农场科协", "TOWNSHIP_KEXIE", "640121400",
                d("2024-08-01"), "ACTIVE", LACKS_FUNDS, true, MEMBERS, 500));
        // C's organisations (2024Q3 only)
        w.add(ORGANISATIONS, "2024Q3", C, org(c1, "利通科教学会", "SCI_EDU_SOCIETY", C, d("2020-01-01"), "ACTIVE",
                MEMBERS, 28));
        w.add(ORGANISATIONS, "2024Q3", C, org(C + "/c2", "利通区科协", "COUNTY_KEXIE", C, d("2010-01-01"), "ACTIVE"));

        // posts
        w.add(POSTS, "2024Q4", A, post(a5, "HOSPITAL_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
        w.add(POSTS, "2024Q4", A, post(a5, "SCHOOL_HEAD", "SECONDED_VICE_CHAIR", d("2023-03-01"), null, d("2025-03-01")));
        w.add(POSTS, "2024Q4", A, post(a5, "AGRI_STATION_HEAD", "PART_TIME_VICE_CHAIR", d("2022-01-01"),
                d("2024-11-30"), d("2024-11-30")));
        w.add(POSTS, "2024Q4", A, post(a5, "TECH_ENTERPRISE_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
        w.add(POSTS, "2024Q4", A, post(a5, "OTHER", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
        w.add(POSTS, "2024Q4", A, post(a5, "HIGH_SKILL_TALENT", "COMMITTEE", d("2023-01-01"), null, null));
        for (String k : new String[] {a6, a7}) {
            w.add(POSTS, "2024Q4", A, post(k, "HOSPITAL_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
            w.add(POSTS, "2024Q4", A, post(k, "SCHOOL_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
            w.add(POSTS, "2024Q4", A, post(k, "SOCIAL_SERVICE_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null,
                    null));
        }
        w.add(POSTS, "2024Q4", B, post(b4, "HOSPITAL_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
        w.add(POSTS, "2024Q4", B, post(b4, "SCHOOL_HEAD", "PART_TIME_VICE_CHAIR", d("2023-01-01"), null, null));
        w.add(POSTS, "2024Q4", B, post(b4, "AGRI_STATION_HEAD", "SECONDED_VICE_CHAIR", d("2024-01-01"), null,
                d("2026-01-01")));

        // activities
        w.add(ACTIVITIES, "2023Q4", A, act(a1, "POPULARISATION", d("2023-11-01"), A));
        w.add(ACTIVITIES, "2024Q1", A, act(a2, "HEALTH_SERVICE", d("2024-02-10"), A, PARTICIPANTS, 30));
        w.add(ACTIVITIES, "2024Q1", A, act(a7, "POPULARISATION", d("2024-03-01"), A));
        w.add(ACTIVITIES, "2024Q2", A, act(a2, "HEALTH_SERVICE", d("2024-05-10"), A, PARTICIPANTS, 20));
        w.add(ACTIVITIES, "2024Q3", A, act(a2, "CONFERENCE", d("2024-08-10"), A, PARTICIPANTS, 40));
        w.add(ACTIVITIES, "2024Q3", A, act(a6, "TECH_TRAINING", d("2024-07-05"), "640104001"));
        w.add(ACTIVITIES, "2024Q4", A, act(a1, "POPULARISATION", d("2024-10-15"), A, TARGET_GROUPS, "FARMERS;YOUTH",
                PARTICIPANTS, 100, FORM, "OFFLINE", CO_HOST, "宁夏科协"));
        w.add(ACTIVITIES, "2024Q4", A, act(a1, "CONFERENCE", d("2024-11-20"), A, TARGET_GROUPS, "TEACHERS",
                PARTICIPANTS, 50, FORM, "ONLINE"));
        w.add(ACTIVITIES, "2024Q4", A, act(a1, "TALENT_TRAINING", d("2024-09-15"), A, REPORTED_LATE, true));
        w.add(ACTIVITIES, "2024Q4", A, act(a2, "HEALTH_SERVICE", d("2024-12-01"), "640104100", TARGET_GROUPS,
                "ELDERLY", PARTICIPANTS, 60, FORM, "BOTH"));
        w.add(ACTIVITIES, "2024Q4", A, act(a9, "TECH_TRAINING", d("2024-10-01"), "640104200", PLACE_DEFAULTED, true,
                PARTICIPANTS, 20));
        w.add(ACTIVITIES, "2024Q3", B, act(b2, "HEALTH_SERVICE", d("2024-07-01"), B));
        w.add(ACTIVITIES, "2024Q3", B, act(b2, "HEALTH_SERVICE", d("2024-08-01"), B));
        w.add(ACTIVITIES, "2024Q4", B, act(b1, "CONFERENCE", d("2024-10-20"), "640121100", PARTICIPANTS, 80,
                CO_HOST, "宁夏农学会"));
        for (String day : new String[] {"2024-10-05", "2024-11-05", "2024-12-05"}) {
            w.add(ACTIVITIES, "2024Q4", B, act(b2, "HEALTH_SERVICE", d(day), "640121400", PARTICIPANTS, 10));
        }
        w.add(ACTIVITIES, "2024Q3", C, act(c1, "POPULARISATION", d("2024-08-01"), null));

        // evaluations (period = year, county = the organisation's county)
        Object[][] ev = {{a10, A, 2023, "C"}, {a1, A, 2023, "A"}, {a2, A, 2023, "B"}, {b1, B, 2023, "B"},
            {a10, A, 2024, "C"}, {a1, A, 2024, "A"}, {a2, A, 2024, "C"}, {b1, B, 2024, "B"}, {b2, B, 2024, "A"},
            {c1, C, 2024, "A"}};
        for (Object[] e : ev) {
            w.add(EVALUATIONS, e[2].toString(), (String) e[1], ORG_KEY, e[0], ORG_NAME, "n", YEAR, e[2], GRADE, e[3]);
        }
    }
}
