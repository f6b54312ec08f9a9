package org.sanhui.model.validation;

import static org.sanhui.model.schema.Datasets.ACTIVITIES;
import static org.sanhui.model.schema.Datasets.ACTIVITY_DATE;
import static org.sanhui.model.schema.Datasets.CHARTER;
import static org.sanhui.model.schema.Datasets.CIVIL_RATING;
import static org.sanhui.model.schema.Datasets.CONGRESS;
import static org.sanhui.model.schema.Datasets.COUNCIL;
import static org.sanhui.model.schema.Datasets.COUNTY;
import static org.sanhui.model.schema.Datasets.CO_HOST;
import static org.sanhui.model.schema.Datasets.END_DATE;
import static org.sanhui.model.schema.Datasets.ESTABLISHED;
import static org.sanhui.model.schema.Datasets.EVALUATIONS;
import static org.sanhui.model.schema.Datasets.FINANCIAL_RULES;
import static org.sanhui.model.schema.Datasets.FORM;
import static org.sanhui.model.schema.Datasets.GRADE;
import static org.sanhui.model.schema.Datasets.HOST_UNIT;
import static org.sanhui.model.schema.Datasets.KIND;
import static org.sanhui.model.schema.Datasets.LACKS_FUNDS;
import static org.sanhui.model.schema.Datasets.LACKS_STAFF;
import static org.sanhui.model.schema.Datasets.LACKS_STAFFING;
import static org.sanhui.model.schema.Datasets.LACKS_VENUE;
import static org.sanhui.model.schema.Datasets.LEADER_NAME;
import static org.sanhui.model.schema.Datasets.LEADER_TITLE;
import static org.sanhui.model.schema.Datasets.MEMBERS;
import static org.sanhui.model.schema.Datasets.MEMBERSHIP_RULES;
import static org.sanhui.model.schema.Datasets.MEMBER_UNITS;
import static org.sanhui.model.schema.Datasets.ORGANISATIONS;
import static org.sanhui.model.schema.Datasets.ORG_ID;
import static org.sanhui.model.schema.Datasets.ORG_NAME;
import static org.sanhui.model.schema.Datasets.PAIRED_SOCIETY;
import static org.sanhui.model.schema.Datasets.PARTICIPANTS;
import static org.sanhui.model.schema.Datasets.PARTY_ORG;
import static org.sanhui.model.schema.Datasets.PERSON_NAME;
import static org.sanhui.model.schema.Datasets.PLACE_CODE;
import static org.sanhui.model.schema.Datasets.POST;
import static org.sanhui.model.schema.Datasets.POSTS;
import static org.sanhui.model.schema.Datasets.REGION_CODE;
import static org.sanhui.model.schema.Datasets.ROLE;
import static org.sanhui.model.schema.Datasets.SCORE;
import static org.sanhui.model.schema.Datasets.START_DATE;
import static org.sanhui.model.schema.Datasets.STATUS;
import static org.sanhui.model.schema.Datasets.TARGET_GROUPS;
import static org.sanhui.model.schema.Datasets.TITLE;
import static org.sanhui.model.schema.Datasets.TYPE;
import static org.sanhui.model.schema.Datasets.WORK_UNIT;
import static org.sanhui.model.schema.Datasets.YEAR;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.sanhui.model.domain.Activity;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.DatasetRecord;
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
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.rules.Rules;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.validation.internal.CellReader;
import org.sanhui.model.validation.internal.RegionResolver;
import org.sanhui.model.value.DateValue;
import org.sanhui.model.value.Numbers;
import org.sanhui.model.value.ParseResult;
import org.sanhui.model.value.Text;

/**
 * The business rules of DOMAIN.md sections 3 and 4 that concern one row: required values, vocabulary,
 * counts, dates, regions and places, posts' effective end, activities' dates against the period and
 * the filing date. Pure and thread-safe; every problem of a row is collected, none is thrown.
 *
 * <p>What needs more than one row (an unknown organisation, a repeated row, "already received") is
 * ingestion's business. Messages are bilingual, say what was expected, and never show a person's name
 * unmasked or a phone number.
 *
 * <p>Warnings that concern a figure are raised only where the figure applies: a blank institution or
 * party-organisation flag ({@link ProblemCode#UNKNOWN_FLAG}) for the three grassroots societies (the
 * kinds C5 concerns), a blank 四缺 flag for township 科协 (C6); elsewhere a blank flag is simply null.
 * The only rules taken from {@link Rules} here are the grade words ({@link Rules#grade(String)}) and the
 * length of a seconded post ({@link Rules#secondedPostYears()}).
 */
public final class RowValidator {

    private static final Set<OrgKind> SOCIETIES = EnumSet.of(OrgKind.SCI_EDU_SOCIETY, OrgKind.MEDICAL_SOCIETY,
            OrgKind.AGRI_SOCIETY);
    private static final Pattern YEAR_SUFFIX = Pattern.compile("(年度|年)$");

    private RowValidator() {
    }

    /**
     * Validates a row of any input dataset, dispatching on the dataset: {@link Datasets#ORGANISATIONS},
     * {@link Datasets#POSTS}, {@link Datasets#ACTIVITIES} or {@link Datasets#EVALUATIONS}.
     *
     * @param dataset the dataset the row belongs to, null not permitted
     * @param row the raw row, null not permitted
     * @param ctx the context, null not permitted
     * @return the record or the rejection, with every problem, never null
     * @throws IllegalArgumentException if the dataset is not an input dataset
     */
    public static RowResult<? extends DatasetRecord> validate(DatasetSchema dataset, RawRow row, RowContext ctx) {
        Objects.requireNonNull(dataset, "dataset");
        return switch (dataset.name()) {
            case "organisations" -> organisation(row, ctx);
            case "posts" -> post(row, ctx);
            case "activities" -> activity(row, ctx);
            case "evaluations" -> evaluation(row, ctx);
            default -> throw new IllegalArgumentException("dataset " + dataset.name()
                    + " is not read from submissions, expected one of organisations, posts, activities, evaluations");
        };
    }

    /**
     * Validates an organisation row (组织信息).
     *
     * <p>Required: 组织名称, 组织类型. The region (name or code, 兴庆 for 兴庆区) must lie in the submitting
     * county; a blank region means the county itself. A blank status is ACTIVE with
     * {@link ProblemCode#BLANK_STATUS}. The org_key is {@link OrgKeys#of(String, String, String)}.
     *
     * @param row the raw row, null not permitted
     * @param ctx the context (its code must be a county), null not permitted
     * @return the record or the rejection, with every problem, never null
     */
    public static RowResult<Organisation> organisation(RawRow row, RowContext ctx) {
        CellReader r = new CellReader(row, ctx, ORGANISATIONS, row.cell(LEADER_NAME));
        String orgId = r.text(ORG_ID);
        String name = r.required(ORG_NAME);
        OrgKind kind = r.vocab(KIND, OrgKind.class, true);
        String region = RegionResolver.region(r, REGION_CODE);
        if (region == null && !r.hasText(REGION_CODE)) {
            region = ctx.countyCode();
        }
        DateValue established = r.date(ESTABLISHED, false);
        OrgStatus status;
        if (r.hasText(STATUS)) {
            status = r.vocab(STATUS, OrgStatus.class, false);
        } else {
            status = OrgStatus.ACTIVE;
            r.warn(ProblemCode.BLANK_STATUS, STATUS, "状态为空，按“正常”处理；应填写 正常、整改中 或 撤销",
                    "status is blank and taken as ACTIVE (正常); expected 正常, 整改中 or 撤销");
        }
        String leader = r.text(LEADER_NAME);
        String title = r.text(LEADER_TITLE);
        String host = r.text(HOST_UNIT);
        Integer units = r.count(MEMBER_UNITS);
        Integer members = r.count(MEMBERS);
        String paired = r.text(PAIRED_SOCIETY);
        boolean society = kind != null && SOCIETIES.contains(kind);
        Boolean charter = r.flag(CHARTER, society);
        Boolean congress = r.flag(CONGRESS, society);
        Boolean council = r.flag(COUNCIL, society);
        Boolean financial = r.flag(FINANCIAL_RULES, society);
        Boolean membership = r.flag(MEMBERSHIP_RULES, society);
        Boolean party = r.flag(PARTY_ORG, society);
        CivilRating rating = r.vocab(CIVIL_RATING, CivilRating.class, false);
        boolean township = kind == OrgKind.TOWNSHIP_KEXIE;
        Boolean staffing = r.flag(LACKS_STAFFING, township);
        Boolean staff = r.flag(LACKS_STAFF, township);
        Boolean funds = r.flag(LACKS_FUNDS, township);
        Boolean venue = r.flag(LACKS_VENUE, township);
        if (r.rejected()) {
            return r.reject();
        }
        Organisation o = new Organisation(OrgKeys.of(ctx.countyCode(), orgId, name), orgId, name, kind, region,
                established == null ? null : established.date(), established == null ? null : established.precision(),
                status, leader, title, host, units, members, paired, charter, congress, council, financial, membership,
                party, rating, staffing, staff, funds, venue, false);
        return r.accept(o);
    }

    /**
     * Validates a key-person post row (关键人物).
     *
     * <p>Required: 关键人物类别, 科协职务, 任职开始日期, and 组织编号 or 任职组织. An end before the start
     * rejects the row; a seconded vice-chair (挂职副主席) without an end ends
     * {@link Rules#secondedPostYears()} years after the start. The phone number is never read.
     *
     * @param row the raw row, null not permitted
     * @param ctx the context, null not permitted
     * @return the record or the rejection, with every problem, never null
     */
    public static RowResult<KeyPersonPost> post(RawRow row, RowContext ctx) {
        CellReader r = new CellReader(row, ctx, POSTS, row.cell(PERSON_NAME));
        String person = r.text(PERSON_NAME);
        String unit = r.text(WORK_UNIT);
        PersonRole role = r.vocab(ROLE, PersonRole.class, true);
        String orgId = r.text(ORG_ID);
        String orgName = r.text(ORG_NAME);
        if (orgId == null && orgName == null) {
            r.missingOrganisation(ORG_NAME);
        }
        Post post = r.vocab(POST, Post.class, true);
        DateValue start = r.date(START_DATE, true);
        DateValue end = r.date(END_DATE, false);
        if (start != null && end != null && CellReader.last(end).isBefore(CellReader.first(start))) {
            r.error(ProblemCode.END_BEFORE_START, END_DATE, row.cell(END_DATE),
                    "任职结束日期 " + end.date() + " 早于开始日期 " + start.date() + "；结束日期应不早于开始日期",
                    "post end " + end.date() + " is before its start " + start.date()
                            + "; expected an end on or after the start");
        }
        if (r.rejected()) {
            return r.reject();
        }
        LocalDate startDate = start.date();
        if (end != null && end.date().isBefore(startDate)) {
            // a month-only start ("2024年3月", stored as 03-31) with an end inside that month: the post began by then
            startDate = end.date();
        }
        LocalDate effective = end != null ? end.date()
                : post == Post.SECONDED_VICE_CHAIR ? startDate.plusYears(ctx.rules().secondedPostYears()) : null;
        KeyPersonPost p = new KeyPersonPost(person, unit, role, OrgKeys.of(ctx.countyCode(), orgId, orgName), orgId,
                orgName, post, startDate, end == null ? null : end.date(), effective, false);
        return r.accept(p);
    }

    /**
     * Validates an activity row (活动记录).
     *
     * <p>Required: 活动名称, 活动类型, 活动日期, and 组织编号 or 主办单位. The date must fall in the period's
     * year, not after the period's end nor after the filing date; a date in an earlier period of the same
     * year is accepted with {@link ProblemCode#REPORTED_LATE}. The place resolves to a region of the county
     * (by code, name or a region named inside the text); one outside the county rejects the row; a place
     * naming no region gives a null place code, place_defaulted = true and
     * {@link ProblemCode#PLACE_NOT_REGION} (ingestion fills in the organiser's region). Target groups are
     * split on 、，,;； and spaces.
     *
     * @param row the raw row, null not permitted
     * @param ctx the context, its period not null, null not permitted
     * @return the record or the rejection, with every problem, never null
     * @throws IllegalArgumentException if the context has no period
     */
    public static RowResult<Activity> activity(RawRow row, RowContext ctx) {
        if (ctx.period() == null) {
            throw new IllegalArgumentException("validating an activity needs the submission's period; the context has none");
        }
        CellReader r = new CellReader(row, ctx, ACTIVITIES, null);
        String orgId = r.text(ORG_ID);
        String orgName = r.text(ORG_NAME);
        if (orgId == null && orgName == null) {
            r.missingOrganisation(ORG_NAME);
        }
        String title = r.required(TITLE);
        ActivityType type = r.vocab(TYPE, ActivityType.class, true);
        DateValue date = r.date(ACTIVITY_DATE, true);
        boolean late = false;
        if (date != null) {
            late = checkActivityDate(r, row.cell(ACTIVITY_DATE), date, ctx);
        }
        RegionResolver.Place place = RegionResolver.place(r, PLACE_CODE);
        Set<TargetGroup> groups = targetGroups(r);
        Integer participants = r.count(PARTICIPANTS);
        String coHost = r.text(CO_HOST);
        Form form = r.vocab(FORM, Form.class, false);
        if (r.rejected()) {
            return r.reject();
        }
        Activity a = new Activity(OrgKeys.of(ctx.countyCode(), orgId, orgName), orgId, orgName, title, type,
                date.date(), place.code(), place.defaulted(), groups, participants, coHost, form, late);
        return r.accept(a);
    }

    /** Checks an activity date against the period and the filing date; returns whether it is reported late. */
    private static boolean checkActivityDate(CellReader r, String raw, DateValue date, RowContext ctx) {
        LocalDate lo = CellReader.first(date);
        LocalDate hi = CellReader.last(date);
        Period period = ctx.period();
        LocalDate yearStart = LocalDate.of(period.year(), 1, 1);
        LocalDate end = period.end();
        boolean bad = false;
        if (hi.isBefore(yearStart)) {
            String p = period.label();
            bad = true;
            r.error(ProblemCode.DATE_BEFORE_YEAR, ACTIVITY_DATE, raw,
                    "活动日期 " + date.date() + " 早于报送期 " + p + " 所在年度；应为 " + ctx.period().year() + " 年内、不晚于 "
                            + ctx.period().end() + " 的日期",
                    "activity date " + date.date() + " is before the year of the period " + ctx.period()
                            + "; expected a date in " + ctx.period().year() + " up to " + ctx.period().end());
        }
        if (lo.isAfter(end)) {
            bad = true;
            String p = period.label();
            r.error(ProblemCode.DATE_AFTER_PERIOD, ACTIVITY_DATE, raw,
                    "活动日期 " + date.date() + " 晚于报送期 " + p + " 的最后一天 " + ctx.period().end() + "；本期只报送已开展的活动",
                    "activity date " + date.date() + " is after the end of the period " + ctx.period() + " ("
                            + ctx.period().end() + "); expected an activity already held by then");
        }
        if (ctx.filingDate() != null && lo.isAfter(ctx.filingDate())) {
            bad = true;
            r.error(ProblemCode.DATE_AFTER_FILING, ACTIVITY_DATE, raw,
                    "活动日期 " + date.date() + " 晚于填报日期 " + ctx.filingDate() + "；应为填报时已开展的活动",
                    "activity date " + date.date() + " is after the filing date " + ctx.filingDate()
                            + "; expected an activity held by the filing date");
        }
        if (!bad && hi.isBefore(period.start())) {
            r.warn(ProblemCode.REPORTED_LATE, ACTIVITY_DATE,
                    "活动日期 " + date.date() + " 属于本年度较早的报送期，按补报计入其所在期",
                    "activity date " + date.date() + " falls in an earlier period of " + ctx.period().year()
                            + " than " + ctx.period() + "; accepted as reported late and counted in its own period");
            return true;
        }
        return false;
    }

    /** The target-group separators: 、，,;；/ and what the regex class {@code \s} matches. */
    private static boolean groupSeparator(char c) {
        return c == '、' || c == '，' || c == ',' || c == ';' || c == '；' || c == '/' || c == ' ' || c == '\t'
                || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Target-group cells parsed without a problem, by their text as written (a bounded cache: a few combinations recur). */
    private static final Map<String, Set<TargetGroup>> GROUPS_SEEN = new ConcurrentHashMap<>();
    private static final int MAX_GROUPS_SEEN = 4096;

    private static Set<TargetGroup> targetGroups(CellReader r) {
        String raw = r.raw(TARGET_GROUPS);
        Set<TargetGroup> seen = raw == null ? null : GROUPS_SEEN.get(raw);
        if (seen != null) {
            return seen;
        }
        String cell = r.text(TARGET_GROUPS);
        if (cell == null) {
            return Set.of();
        }
        Set<TargetGroup> out = EnumSet.noneOf(TargetGroup.class);
        boolean clean = true;
        int n = cell.length();
        int i = 0;
        while (i < n) {
            while (i < n && groupSeparator(cell.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !groupSeparator(cell.charAt(i))) {
                i++;
            }
            if (i == start) {
                continue;
            }
            String part = cell.substring(start, i);
            TargetGroup g = r.vocabWord(TARGET_GROUPS, part, TargetGroup.class);
            if (g != null) {
                out.add(g);
            } else {
                clean = false;
            }
        }
        if (clean && GROUPS_SEEN.size() < MAX_GROUPS_SEEN) {
            Set<TargetGroup> kept = Activity.targetGroupSet(out);
            GROUPS_SEEN.put(raw, kept);
            return kept;
        }
        return out;
    }

    /**
     * Validates an evaluation row (年度评价).
     *
     * <p>Required: 组织名称, 年度, 评价等次, and the county: the 所在县（区） cell (name or code, within the
     * sender's region), or the sender itself when it is a county. The grade word goes through
     * {@link Rules#grade(String)}: an unmapped word is {@link ProblemCode#UNMAPPED_GRADE}, never a guess.
     * A score must lie in 0..100.
     *
     * @param row the raw row, null not permitted
     * @param ctx the context (its code may be any level), null not permitted
     * @return the record or the rejection, with every problem, never null
     */
    public static RowResult<Evaluation> evaluation(RawRow row, RowContext ctx) {
        CellReader r = new CellReader(row, ctx, EVALUATIONS, null);
        String county = RegionResolver.county(r, COUNTY);
        String orgId = r.text(ORG_ID);
        String name = r.required(ORG_NAME);
        OrgKind kind = r.vocab(KIND, OrgKind.class, false);
        Integer year = year(r);
        Grade grade = null;
        if (r.hasText(GRADE)) {
            grade = ctx.rules().grade(row.cell(GRADE)).orElse(null);
            if (grade == null) {
                String words = String.join("、", acceptedGradeWords(ctx));
                r.error(ProblemCode.UNMAPPED_GRADE, GRADE, row.cell(GRADE),
                        "评价等次“" + row.cell(GRADE).strip() + "”无法对应到 A/B/C；应为以下之一：" + words,
                        "grade '" + row.cell(GRADE).strip() + "' does not map to A, B or C; expected one of: " + words);
            }
        } else {
            r.required(GRADE);
        }
        Double score = null;
        ParseResult<Double> s = Numbers.parseDecimal(row.cell(SCORE));
        if (s.isError()) {
            r.error(s, SCORE);
        } else if (s.present()) {
            if (s.value() < 0 || s.value() > 100) {
                r.error(ProblemCode.BAD_SCORE, SCORE, row.cell(SCORE),
                        "得分 " + row.cell(SCORE).strip() + " 超出范围；应在 0-100 之间",
                        "score " + row.cell(SCORE).strip() + " is out of range; expected 0 to 100");
            } else {
                score = s.value();
            }
        }
        if (r.rejected()) {
            return r.reject();
        }
        return r.accept(new Evaluation(OrgKeys.of(county, orgId, name), county, orgId, name, kind, year, grade, score));
    }

    private static List<String> acceptedGradeWords(RowContext ctx) {
        List<String> out = new java.util.ArrayList<>();
        for (Grade g : Grade.values()) {
            out.add(g.name());
        }
        ctx.rules().gradeWords().values().forEach(out::addAll);
        return out.stream().distinct().toList();
    }

    private static Integer year(CellReader r) {
        String cell = r.raw(YEAR);
        if (!r.hasText(YEAR)) {
            r.required(YEAR);
            return null;
        }
        String t = YEAR_SUFFIX.matcher(Text.normalize(cell).replace(" ", "")).replaceFirst("");
        ParseResult<Integer> n = Numbers.parseCount(t);
        if (n.present() && n.value() >= 1900 && n.value() <= 2100) {
            return n.value();
        }
        r.error(ProblemCode.BAD_NUMBER, YEAR, cell, "年度“" + cell.strip() + "”无效；应为四位年份，如 2024",
                "year '" + cell.strip() + "' is not valid; expected a four-digit year such as 2024");
        return null;
    }
}
