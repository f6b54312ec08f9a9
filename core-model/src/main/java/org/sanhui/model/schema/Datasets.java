package org.sanhui.model.schema;

import static org.sanhui.model.schema.ColumnType.BOOLEAN;
import static org.sanhui.model.schema.ColumnType.DATE;
import static org.sanhui.model.schema.ColumnType.DOUBLE;
import static org.sanhui.model.schema.ColumnType.INT;
import static org.sanhui.model.schema.ColumnType.LONG;
import static org.sanhui.model.schema.ColumnType.STRING;
import static org.sanhui.model.schema.ColumnType.TIMESTAMP;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The datasets of the warehouse, each declared once. Column names are constants of this class so
 * that code refers to them symbolically ({@code Datasets.COUNTY_CODE}), never as scattered literals.
 *
 * <p>Every ingested dataset starts with the provenance columns {@link #SUBMISSION_ID},
 * {@link #COUNTY_CODE}, {@link #PERIOD}, {@link #SOURCE_ROW}. Enumerations are stored as their
 * English constant names; dates as DATE; target groups as sorted constant names joined by {@code ;}.
 */
public final class Datasets {

    // provenance, in every ingested dataset
    /** The submission that brought the row (county + period + ingest sequence). */
    public static final String SUBMISSION_ID = "submission_id";
    /** The county (6 digits) whose submission holds the row. */
    public static final String COUNTY_CODE = "county_code";
    /** The submission's period code ({@code 2024Q3}, {@code 2024-07}). */
    public static final String PERIOD = "period";
    /** The 1-based row in the source sheet. */
    public static final String SOURCE_ROW = "source_row";

    // organisations
    /** Organisation key: county code + '/' + 组织编号, else county code + '/' + normalised name. */
    public static final String ORG_KEY = "org_key";
    /** 组织编号 as written, if any. */
    public static final String ORG_ID = "org_id";
    /** Organisation name. */
    public static final String ORG_NAME = "org_name";
    /** {@link org.sanhui.model.domain.OrgKind} name. */
    public static final String KIND = "kind";
    /** Region code (6 or 9 digits). */
    public static final String REGION_CODE = "region_code";
    /** Established date (a month-only date is that month's last day). */
    public static final String ESTABLISHED = "established";
    /** Precision of {@link #ESTABLISHED}: DAY, MONTH or YEAR. */
    public static final String ESTABLISHED_PRECISION = "established_precision";
    /** {@link org.sanhui.model.domain.OrgStatus} name. */
    public static final String STATUS = "status";
    /** Leader's name (personal data). */
    public static final String LEADER_NAME = "leader_name";
    /** Leader's title as written. */
    public static final String LEADER_TITLE = "leader_title";
    /** Host unit (依托单位). */
    public static final String HOST_UNIT = "host_unit";
    /** Number of member units. */
    public static final String MEMBER_UNITS = "member_units";
    /** Number of members. */
    public static final String MEMBERS = "members";
    /** Paired provincial society. */
    public static final String PAIRED_SOCIETY = "paired_society";
    /** Institution: charter. */
    public static final String CHARTER = "charter";
    /** Institution: member (delegate) congress. */
    public static final String CONGRESS = "congress";
    /** Institution: council. */
    public static final String COUNCIL = "council";
    /** Institution: financial rules. */
    public static final String FINANCIAL_RULES = "financial_rules";
    /** Institution: membership rules. */
    public static final String MEMBERSHIP_RULES = "membership_rules";
    /** Party organisation present. */
    public static final String PARTY_ORG = "party_org";
    /** {@link org.sanhui.model.domain.CivilRating} name. */
    public static final String CIVIL_RATING = "civil_rating";
    /** 四缺: no staffing quota. */
    public static final String LACKS_STAFFING = "lacks_staffing";
    /** 四缺: no staff. */
    public static final String LACKS_STAFF = "lacks_staff";
    /** 四缺: no funds. */
    public static final String LACKS_FUNDS = "lacks_funds";
    /** 四缺: no venue. */
    public static final String LACKS_VENUE = "lacks_venue";

    // posts
    /** Post holder's name (personal data). */
    public static final String PERSON_NAME = "person_name";
    /** Post holder's work unit. */
    public static final String WORK_UNIT = "work_unit";
    /** {@link org.sanhui.model.domain.PersonRole} name. */
    public static final String ROLE = "role";
    /** {@link org.sanhui.model.domain.Post} name. */
    public static final String POST = "post";
    /** Post start date. */
    public static final String START_DATE = "start_date";
    /** Post end date as written. */
    public static final String END_DATE = "end_date";
    /** Post end date in force: as written, or start + 2 years for a seconded post without one. */
    public static final String EFFECTIVE_END = "effective_end";
    /** True for a snapshot row carried forward from the previous accepted state because this period's row was rejected. */
    public static final String CARRIED_FORWARD = "carried_forward";
    /** Phone number: read only to be dropped, never stored. */
    public static final String PHONE = "phone";

    // activities
    /** Activity title. */
    public static final String TITLE = "title";
    /** {@link org.sanhui.model.domain.ActivityType} name. */
    public static final String TYPE = "type";
    /** Activity date. */
    public static final String ACTIVITY_DATE = "activity_date";
    /** Activity place as a region code (the organiser's region when the cell names none). */
    public static final String PLACE_CODE = "place_code";
    /** True when the place named no region and the organiser's region was used. */
    public static final String PLACE_DEFAULTED = "place_defaulted";
    /** {@link org.sanhui.model.domain.TargetGroup} names, sorted, joined by ';'. */
    public static final String TARGET_GROUPS = "target_groups";
    /** Participants. */
    public static final String PARTICIPANTS = "participants";
    /** Co-hosting provincial society. */
    public static final String CO_HOST = "co_host";
    /** {@link org.sanhui.model.domain.Form} name. */
    public static final String FORM = "form";
    /** True for an activity of an earlier period of the same year, reported late. */
    public static final String REPORTED_LATE = "reported_late";

    // evaluations
    /**
     * The evaluated organisation's county code (6 digits), resolved from the 所在县（区） cell or the submitter;
     * in 组织信息, 关键人物 and 活动记录 an input-only column (a city's workbook places each row in its county).
     */
    public static final String COUNTY = "county";
    /** Evaluation year. */
    public static final String YEAR = "year";
    /** {@link org.sanhui.model.domain.Grade} name. */
    public static final String GRADE = "grade";
    /** Score 0-100. */
    public static final String SCORE = "score";

    // submissions
    /** The city or province that sent a workbook covering several counties, else null. */
    public static final String VIA = "via";
    /** 填报日期. */
    public static final String FILING_DATE = "filing_date";
    /** When ingestion ran (kept, never used in an indicator). */
    public static final String INGESTED_AT = "ingested_at";
    /** Source file name. */
    public static final String SOURCE_FILE = "source_file";
    /** SHA-256 of the source file, hex. */
    public static final String SHA256 = "sha256";
    /** Datasets the submission contains, comma separated. */
    public static final String DATASETS = "datasets";
    /** Rows read: the non-blank rows of the submission's sheets (data rows and skipped rows). */
    public static final String ROWS_READ = "rows_read";
    /** Rows accepted. */
    public static final String ROWS_ACCEPTED = "rows_accepted";
    /** Rows rejected. */
    public static final String ROWS_REJECTED = "rows_rejected";
    /** Rows skipped (titles, 填报 lines, headers, totals, notes, footers, already received). */
    public static final String ROWS_SKIPPED = "rows_skipped";
    /**
     * A fingerprint (SHA-256, hex) of the ingest options that shape what a file gives (the period, submitter and
     * filing date stated, the rules and limits ingestion applies): with the file's SHA-256, county and period it
     * tells whether a file ingested again is unchanged.
     */
    public static final String OPTIONS = "options";

    // rejects
    /** The dataset a problem concerns. */
    public static final String DATASET = "dataset";
    /** Sheet name. */
    public static final String SHEET = "sheet";
    /** Column header as written. */
    public static final String COLUMN = "column";
    /** {@link org.sanhui.model.problem.ProblemCode} name. */
    public static final String CODE = "code";
    /** {@link org.sanhui.model.problem.Severity} name. */
    public static final String SEVERITY = "severity";
    /** Value as written (names masked). */
    public static final String VALUE = "value";
    /** Message in Chinese. */
    public static final String MESSAGE_ZH = "message_zh";
    /** Message in English. */
    public static final String MESSAGE_EN = "message_en";

    /** 组织信息: organisations, a snapshot per county and period. */
    public static final DatasetSchema ORGANISATIONS = new DatasetSchema("organisations",
            List.of("组织信息", "组织情况", "组织基本信息"), with(provenance(),
            c(ORG_KEY, STRING, false, false),
            countyInput(),
            in(ORG_ID, STRING, false, "组织编号", "编号"),
            in(ORG_NAME, STRING, true, "组织名称", "名称", "学会名称", "单位名称"),
            in(KIND, STRING, true, "组织类型", "类型", "组织类别"),
            in(REGION_CODE, STRING, false, "所在地区", "所属地区", "所在乡镇（街道）", "所在乡镇", "行政区划代码",
                    "所在地区代码", "区划代码"),
            in(ESTABLISHED, DATE, false, "成立日期", "成立时间"),
            c(ESTABLISHED_PRECISION, STRING, false, false),
            in(STATUS, STRING, false, "状态", "组织状态", "运行状态"),
            pii(LEADER_NAME, "负责人姓名", "负责人/姓名", "负责人"),
            in(LEADER_TITLE, STRING, false, "负责人职务", "负责人/职务"),
            in(HOST_UNIT, STRING, false, "依托单位", "挂靠单位"),
            in(MEMBER_UNITS, INT, false, "会员单位数", "成员单位数", "会员情况/会员单位数", "会员情况/单位会员"),
            in(MEMBERS, INT, false, "会员人数", "会员数", "会员情况/会员人数", "会员情况/个人会员"),
            in(PAIRED_SOCIETY, STRING, false, "对口省级学会", "帮扶学会", "结对省级学会"),
            in(CHARTER, BOOLEAN, false, "章程", "制度建设/章程"),
            in(CONGRESS, BOOLEAN, false, "会员（代表）大会", "会员代表大会", "会员大会", "制度建设/会员（代表）大会"),
            in(COUNCIL, BOOLEAN, false, "理事会", "制度建设/理事会"),
            in(FINANCIAL_RULES, BOOLEAN, false, "财务制度", "财务管理制度", "制度建设/财务制度"),
            in(MEMBERSHIP_RULES, BOOLEAN, false, "会员管理制度", "制度建设/会员管理制度"),
            in(PARTY_ORG, BOOLEAN, false, "是否建立党组织", "党组织"),
            in(CIVIL_RATING, STRING, false, "社会组织等级", "民政评估等级"),
            in(LACKS_STAFFING, BOOLEAN, false, "缺编制", "四缺情况/缺编制"),
            in(LACKS_STAFF, BOOLEAN, false, "缺人员", "四缺情况/缺人员"),
            in(LACKS_FUNDS, BOOLEAN, false, "缺经费", "四缺情况/缺经费"),
            in(LACKS_VENUE, BOOLEAN, false, "缺场地", "四缺情况/缺场地"),
            c(CARRIED_FORWARD, BOOLEAN, false, false)));

    /** 关键人物: key-person posts, a snapshot per county and period. */
    public static final DatasetSchema POSTS = new DatasetSchema("posts",
            List.of("关键人物", "关键人物信息", "三长任职"), with(provenance(),
            pii(PERSON_NAME, "姓名"),
            in(WORK_UNIT, STRING, false, "工作单位", "单位"),
            in(ROLE, STRING, true, "关键人物类别", "人物类别", "人员类别"),
            c(ORG_KEY, STRING, false, false),
            in(ORG_ID, STRING, false, "组织编号"),
            in(ORG_NAME, STRING, false, "任职组织", "任职情况/任职组织"),
            in(POST, STRING, true, "科协职务", "任职情况/科协职务"),
            in(START_DATE, DATE, true, "任职开始日期", "开始日期", "任职起始日期", "任职开始时间", "任职情况/开始日期"),
            in(END_DATE, DATE, false, "任职结束日期", "结束日期", "任职截止日期", "任职结束时间", "任职情况/结束日期"),
            c(EFFECTIVE_END, DATE, false, false),
            c(CARRIED_FORWARD, BOOLEAN, false, false),
            new Column(PHONE, STRING, false, true, false, List.of("联系电话", "联系方式", "电话", "手机")),
            countyInput()));

    /** 活动记录: activities held in the period. */
    public static final DatasetSchema ACTIVITIES = new DatasetSchema("activities",
            List.of("活动记录", "活动情况", "活动开展情况"), with(provenance(),
            c(ORG_KEY, STRING, false, false),
            in(ORG_ID, STRING, false, "组织编号"),
            in(ORG_NAME, STRING, false, "主办单位", "主办单位/名称"),
            in(TITLE, STRING, true, "活动名称", "活动主题"),
            in(TYPE, STRING, true, "活动类型", "活动类别"),
            in(ACTIVITY_DATE, DATE, true, "活动日期", "活动时间", "开展日期"),
            in(PLACE_CODE, STRING, false, "活动地点"),
            c(PLACE_DEFAULTED, BOOLEAN, false, false),
            in(TARGET_GROUPS, STRING, false, "服务对象", "目标人群", "参与对象"),
            in(PARTICIPANTS, INT, false, "参加人数", "参与人数"),
            in(CO_HOST, STRING, false, "合作省级学会", "联合主办省级学会", "主办单位/合作省级学会"),
            in(FORM, STRING, false, "活动形式"),
            c(REPORTED_LATE, BOOLEAN, false, false),
            countyInput()));

    /** 年度评价: yearly evaluations, keyed by (organisation, year); the last accepted wins. */
    public static final DatasetSchema EVALUATIONS = new DatasetSchema("evaluations",
            List.of("年度评价", "年度评价结果", "评价结果"), with(provenance(),
            c(ORG_KEY, STRING, false, false),
            in(COUNTY, STRING, false, "所在县（区）", "所在区", "所在县", "县（区）", "县区"),
            in(ORG_ID, STRING, false, "组织编号"),
            in(ORG_NAME, STRING, true, "组织名称"),
            in(KIND, STRING, false, "组织类型"),
            in(YEAR, INT, true, "年度", "评价年度"),
            in(GRADE, STRING, true, "评价等次", "评价结果/等级", "等级", "等次"),
            in(SCORE, DOUBLE, false, "得分", "评价结果/得分")));

    /** The submission manifest: one row per accepted submission. */
    public static final DatasetSchema SUBMISSIONS = new DatasetSchema("submissions", List.of(), List.of(
            c(SUBMISSION_ID, STRING, true, false), c(COUNTY_CODE, STRING, true, false), c(PERIOD, STRING, true, false),
            c(VIA, STRING, false, false), c(FILING_DATE, DATE, false, false), c(INGESTED_AT, TIMESTAMP, true, false),
            c(SOURCE_FILE, STRING, true, false), c(SHA256, STRING, true, false), c(DATASETS, STRING, true, false),
            c(ROWS_READ, LONG, true, false), c(ROWS_ACCEPTED, LONG, true, false), c(ROWS_REJECTED, LONG, true, false),
            c(ROWS_SKIPPED, LONG, true, false), c(OPTIONS, STRING, false, false)));

    /** Rejected rows and every other problem, names masked. */
    public static final DatasetSchema REJECTS = new DatasetSchema("rejects", List.of(), List.of(
            c(SUBMISSION_ID, STRING, true, false), c(COUNTY_CODE, STRING, false, false), c(PERIOD, STRING, false, false),
            c(DATASET, STRING, false, false), c(SOURCE_FILE, STRING, true, false), c(SHEET, STRING, false, false),
            c(SOURCE_ROW, INT, false, false), c(COLUMN, STRING, false, false), c(CODE, STRING, true, false),
            c(SEVERITY, STRING, true, false), c(VALUE, STRING, false, false), c(MESSAGE_ZH, STRING, true, false),
            c(MESSAGE_EN, STRING, true, false)));

    /** The datasets read from submissions, in the order a workbook holds them. */
    public static final List<DatasetSchema> INPUTS = List.of(ORGANISATIONS, POSTS, ACTIVITIES, EVALUATIONS);

    /** Every dataset of the warehouse. */
    public static final List<DatasetSchema> ALL = List.of(ORGANISATIONS, POSTS, ACTIVITIES, EVALUATIONS, SUBMISSIONS,
            REJECTS);

    private Datasets() {
    }

    /**
     * Returns the dataset of that name.
     *
     * @param name the dataset name, may be null
     * @return the schema, or empty
     */
    public static Optional<DatasetSchema> byName(String name) {
        return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private static List<Column> provenance() {
        return List.of(c(SUBMISSION_ID, STRING, true, false), c(COUNTY_CODE, STRING, true, false),
                c(PERIOD, STRING, true, false), c(SOURCE_ROW, INT, true, false));
    }

    private static List<Column> with(List<Column> head, Column... rest) {
        List<Column> all = new ArrayList<>(head);
        all.addAll(List.of(rest));
        return all;
    }

    private static Column c(String name, ColumnType type, boolean required, boolean personal) {
        return new Column(name, type, required, personal, true, List.of());
    }

    private static Column in(String name, ColumnType type, boolean required, String... headers) {
        return new Column(name, type, required, false, true, List.of(headers));
    }

    /**
     * The input-only 所在县（区） column of a workbook covering several counties (a city's): it places the row
     * in its county and is never stored (the county is the row's {@link #COUNTY_CODE}).
     */
    private static Column countyInput() {
        return new Column(COUNTY, STRING, false, false, false, List.of("所在县（区）", "所在区", "所在县", "县（区）", "县区"));
    }

    private static Column pii(String name, String... headers) {
        return new Column(name, STRING, false, true, true, List.of(headers));
    }
}
