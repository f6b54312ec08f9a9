package org.sanhui.ingestion.pipeline;

import static org.sanhui.model.schema.Datasets.*;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.Grade;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.domain.Vocabulary;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.NameMatch;
import org.sanhui.model.region.Region;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.value.DatePrecision;
import org.sanhui.model.value.Text;

/**
 * The single-row rules of DOMAIN.md sections 2b-4, as ingestion applies them: required values,
 * dates (Excel serials, 2024-07-01, 2024/7/1, 2024.7.1, 2024年7月1日, month-only, year-only),
 * non-negative counts, yes/no flags, vocabularies, regions inside the county, activity dates within
 * the period's year, grades and scores. Thread-safe.
 *
 * <p>Interim: core-model's {@code RowValidator} is meant to hold these rules; this class keeps
 * ingestion working until it is on main, behind the {@link RowCheck} interface.
 */
public final class BasicRowCheck implements RowCheck {

    private static final Set<String> NOT_GIVEN = Set.of("", "无", "暂无", "/", "-", "—", "——", "空", "－", "n/a", "na");
    private static final Set<String> YES = Set.of("是", "√", "✓", "Y", "YES", "TRUE", "有", "1", "T");
    private static final Set<String> NO = Set.of("否", "×", "✗", "X", "N", "NO", "FALSE", "无", "0", "F");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,7}(\\.\\d+)?");
    private static final Pattern DAY = Pattern.compile("(\\d{4})\\s*[年./\\-]\\s*(\\d{1,2})\\s*[月./\\-]\\s*(\\d{1,2})\\s*日?(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[年./\\-]\\s*(\\d{1,2})\\s*月?");
    private static final Pattern YEAR_TEXT = Pattern.compile("(\\d{4})(?:\\.0+)?\\s*年?");
    private static final Pattern COUNT = Pattern.compile("([+-]?\\d+)(?:\\.0+)?\\s*(?:人次|人|个|场|次|名|家)?");
    private static final Pattern GROUP_SPLIT = Pattern.compile("[、，,;；/\\s]+");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final String COUNTY = "county";

    private final Gazetteer gazetteer;

    /**
     * Creates the check.
     *
     * @param gazetteer the gazetteer regions are looked up in, null not permitted
     */
    public BasicRowCheck(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public Checked check(DatasetSchema dataset, Location location, Map<String, String> raw, Context ctx) {
        Row r = new Row(dataset, location, raw, ctx);
        switch (dataset.name()) {
            case "organisations" -> organisation(r);
            case "posts" -> post(r);
            case "activities" -> activity(r);
            case "evaluations" -> evaluation(r);
            default -> throw new IllegalArgumentException("not an input dataset: " + dataset.name());
        }
        return new Checked(r.rejected ? null : r.values, r.problems);
    }

    private void organisation(Row r) {
        String id = r.text(ORG_ID);
        String name = r.required(ORG_NAME);
        r.put(ORG_ID, id);
        r.put(ORG_NAME, name);
        r.put(ORG_KEY, orgKey(r.ctx.county(), id, name));
        r.put(KIND, r.enumValue(KIND, OrgKind.class, true));
        r.put(REGION_CODE, region(r, REGION_CODE, false).map(Region::code).orElse(r.ctx.county()));
        DateWithPrecision est = r.date(ESTABLISHED, false);
        if (est != null) {
            r.put(ESTABLISHED, est.date);
            r.put(ESTABLISHED_PRECISION, est.precision.name());
        }
        String statusCell = r.raw(STATUS);
        if (notGiven(statusCell)) {
            r.problem(ProblemCode.BLANK_STATUS, STATUS, statusCell, "状态为空，按“正常”处理", "blank status taken as ACTIVE");
            r.put(STATUS, OrgStatus.ACTIVE.name());
        } else {
            r.put(STATUS, r.enumValue(STATUS, OrgStatus.class, false));
        }
        r.put(LEADER_NAME, r.text(LEADER_NAME));
        r.put(LEADER_TITLE, r.text(LEADER_TITLE));
        r.put(HOST_UNIT, r.text(HOST_UNIT));
        r.put(MEMBER_UNITS, r.count(MEMBER_UNITS));
        r.put(MEMBERS, r.count(MEMBERS));
        r.put(PAIRED_SOCIETY, r.text(PAIRED_SOCIETY));
        for (String f : List.of(CHARTER, CONGRESS, COUNCIL, FINANCIAL_RULES, MEMBERSHIP_RULES, LACKS_STAFFING,
                LACKS_STAFF, LACKS_FUNDS, LACKS_VENUE)) {
            r.put(f, r.flag(f, true));
        }
        r.put(PARTY_ORG, r.flag(PARTY_ORG, false));
        r.put(CIVIL_RATING, r.enumValue(CIVIL_RATING, CivilRating.class, false));
        r.put(CARRIED_FORWARD, Boolean.FALSE);
    }

    private void post(Row r) {
        r.put(PERSON_NAME, r.text(PERSON_NAME));
        r.put(WORK_UNIT, r.text(WORK_UNIT));
        r.put(ROLE, r.enumValue(ROLE, PersonRole.class, true));
        organiser(r);
        String post = r.enumValue(POST, Post.class, true);
        r.put(POST, post);
        DateWithPrecision start = r.date(START_DATE, true);
        DateWithPrecision end = r.date(END_DATE, false);
        if (start != null) {
            r.put(START_DATE, start.date);
        }
        if (end != null) {
            r.put(END_DATE, end.date);
            if (start != null && end.date.isBefore(start.date)) {
                r.error(ProblemCode.END_BEFORE_START, END_DATE, r.raw(END_DATE), "任职结束日期早于开始日期",
                        "the end date is before the start date");
            }
            r.put(EFFECTIVE_END, end.date);
        } else if (start != null && Post.SECONDED_VICE_CHAIR.name().equals(post)) {
            r.put(EFFECTIVE_END, start.date.plusYears(2));
        }
        r.put(CARRIED_FORWARD, Boolean.FALSE);
    }

    private void activity(Row r) {
        organiser(r);
        r.put(TITLE, r.required(TITLE));
        r.put(TYPE, r.enumValue(TYPE, ActivityType.class, true));
        DateWithPrecision d = r.date(ACTIVITY_DATE, true);
        boolean late = false;
        if (d != null) {
            Period p = r.ctx.period();
            String cell = r.raw(ACTIVITY_DATE);
            if (p != null && d.date.getYear() < p.year()) {
                r.error(ProblemCode.DATE_BEFORE_YEAR, ACTIVITY_DATE, cell, "活动日期早于报送期所在年度（" + p.year() + "年）",
                        "the activity date is before the period's year " + p.year());
            } else if (p != null && d.date.isAfter(p.end())) {
                r.error(ProblemCode.DATE_AFTER_PERIOD, ACTIVITY_DATE, cell, "活动日期晚于报送期末（" + p.end() + "）",
                        "the activity date is after the period end " + p.end());
            } else if (r.ctx.filingDate() != null && d.date.isAfter(r.ctx.filingDate())) {
                r.error(ProblemCode.DATE_AFTER_FILING, ACTIVITY_DATE, cell, "活动日期晚于填报日期（" + r.ctx.filingDate() + "）",
                        "the activity date is after the filing date " + r.ctx.filingDate());
            } else if (p != null && d.date.isBefore(p.start())) {
                late = true;
                r.problem(ProblemCode.REPORTED_LATE, ACTIVITY_DATE, cell, "往期活动补报，计入其所在报送期",
                        "an activity of an earlier period reported late; counted in its own period");
            }
            r.put(ACTIVITY_DATE, d.date);
        }
        String place = r.raw(PLACE_CODE);
        Optional<Region> region = notGiven(place) ? Optional.empty() : region(r, PLACE_CODE, true);
        if (region.isPresent()) {
            r.put(PLACE_CODE, region.get().code());
            r.put(PLACE_DEFAULTED, Boolean.FALSE);
        } else {
            r.put(PLACE_DEFAULTED, Boolean.TRUE);
        }
        String groups = r.raw(TARGET_GROUPS);
        String cachedGroups = groups == null ? null : groupCache.get(groups);
        if (cachedGroups != null) {
            r.put(TARGET_GROUPS, cachedGroups);
        } else if (!notGiven(groups)) {
            TreeSet<String> names = new TreeSet<>();
            for (String g : GROUP_SPLIT.split(Text.normalize(groups))) {
                if (g.isEmpty()) {
                    continue;
                }
                Optional<TargetGroup> t = Vocabulary.parse(TargetGroup.class, g);
                if (t.isEmpty()) {
                    r.error(ProblemCode.UNKNOWN_VALUE, TARGET_GROUPS, groups, "服务对象“" + g + "”不在可选范围内，应为 "
                            + labels(TargetGroup.class), "target group '" + g + "' is not known, expected one of "
                            + labels(TargetGroup.class));
                } else {
                    names.add(t.get().name());
                }
            }
            String joined = names.isEmpty() ? null : String.join(";", names);
            r.put(TARGET_GROUPS, joined);
            if (joined != null && !r.rejected && groupCache.size() < CACHE_MAX) {
                groupCache.put(groups, joined);
            }
        }
        r.put(PARTICIPANTS, r.count(PARTICIPANTS));
        r.put(CO_HOST, r.text(CO_HOST));
        r.put(FORM, r.enumValue(FORM, Form.class, false));
        r.put(REPORTED_LATE, late);
    }

    private void evaluation(Row r) {
        String id = r.text(ORG_ID);
        String name = r.required(ORG_NAME);
        r.put(COUNTY, r.ctx.county());
        r.put(ORG_ID, id);
        r.put(ORG_NAME, name);
        r.put(ORG_KEY, orgKey(r.ctx.county(), id, name));
        r.put(KIND, r.enumValue(KIND, OrgKind.class, false));
        String y = r.raw(YEAR);
        Matcher m = notGiven(y) ? null : YEAR_TEXT.matcher(Text.normalize(y).replace("度", ""));
        if (m == null) {
            r.missing(YEAR);
        } else if (!m.matches()) {
            r.error(ProblemCode.BAD_NUMBER, YEAR, y, "年度应为四位年份，如 2024", "the year should be four digits, e.g. 2024");
        } else {
            r.put(YEAR, Integer.parseInt(m.group(1)));
        }
        String g = r.raw(GRADE);
        if (notGiven(g)) {
            r.missing(GRADE);
        } else {
            Optional<Grade> grade = Vocabulary.parse(Grade.class, g);
            if (grade.isEmpty()) {
                r.error(ProblemCode.UNMAPPED_GRADE, GRADE, g, "评价等次“" + Text.normalize(g) + "”无法对应 A/B/C，应为 A、B、C 或 优秀/良好/合格/基本合格/不合格",
                        "grade '" + Text.normalize(g) + "' does not map to A/B/C; expected A, B, C or a configured word");
            } else {
                r.put(GRADE, grade.get().name());
            }
        }
        String s = r.raw(SCORE);
        if (!notGiven(s)) {
            try {
                double v = Double.parseDouble(Text.normalize(s).replace("分", ""));
                if (v < 0 || v > 100) {
                    r.error(ProblemCode.BAD_SCORE, SCORE, s, "得分应在 0-100 之间", "the score should be between 0 and 100");
                } else {
                    r.put(SCORE, v);
                }
            } catch (NumberFormatException e) {
                r.error(ProblemCode.BAD_NUMBER, SCORE, s, "得分应为数字", "the score should be a number");
            }
        }
    }

    private void organiser(Row r) {
        String id = r.text(ORG_ID);
        String name = r.text(ORG_NAME);
        r.put(ORG_ID, id);
        r.put(ORG_NAME, name);
        if (id == null && name == null) {
            r.error(ProblemCode.MISSING_VALUE, ORG_NAME, null, "组织编号和组织名称至少填写一项", "give the organisation's 组织编号 or its name");
        } else {
            r.put(ORG_KEY, orgKey(r.ctx.county(), id, name));
        }
    }

    /**
     * Returns the organisation key: county + '/' + 组织编号 when given, else county + '/' + the
     * normalised name without spaces.
     *
     * @param county the county code, null not permitted
     * @param id the 组织编号, may be null
     * @param name the name, may be null
     * @return the key, never null
     */
    public static String orgKey(String county, String id, String name) {
        if (id != null && !id.isEmpty() && plainKey(id)) {
            return county + "/" + id;
        }
        String i = Text.normalizeAll(id).replace(" ", "");
        if (!i.isEmpty()) {
            return county + "/" + i;
        }
        return county + "/" + Text.normalizeAll(name).replace(" ", "");
    }

    private final Map<String, Map<String, Region>> insideCache = new java.util.concurrent.ConcurrentHashMap<>();

    private Optional<Region> region(Row r, String field, boolean placeMayBeText) {
        String cell = r.raw(field);
        if (notGiven(cell)) {
            return Optional.empty();
        }
        String county = r.ctx.county();
        Map<String, Region> inside = insideCache.computeIfAbsent(county, c -> new java.util.concurrent.ConcurrentHashMap<>());
        Region known = inside.get(cell);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Region> found = resolveRegion(r, field, placeMayBeText, cell, county);
        if (found.isPresent() && inside.size() < CACHE_MAX) {
            inside.put(cell, found.get());
        }
        return found;
    }

    private Optional<Region> resolveRegion(Row r, String field, boolean placeMayBeText, String cell, String county) {
        String t = norm(cell);
        if (t.indexOf(' ') >= 0) {
            t = t.replace(" ", "");
        }
        Optional<String> code = t.isEmpty() || !Character.isDigit(t.charAt(0)) ? Optional.empty() : Gazetteer.normalizeCode(t);
        Region found = null;
        if (code.isPresent()) {
            found = gazetteer.byCode(code.get()).orElse(null);
            if (found == null) {
                r.error(ProblemCode.UNKNOWN_REGION, field, cell, "区划代码“" + t + "”不存在", "region code '" + t + "' is unknown");
                return Optional.empty();
            }
        } else {
            NameMatch m = byName(county, t);
            if (m.found()) {
                found = m.region();
            } else if (m.ambiguous()) {
                r.error(ProblemCode.AMBIGUOUS_REGION, field, cell, "地区名称“" + t + "”对应多个地区，请填写区划代码",
                        "region name '" + t + "' matches several regions; write its code");
                return Optional.empty();
            } else {
                String city = county.substring(0, 4);
                NameMatch wider = gazetteer.byName(city.substring(0, 2), t);
                if (wider.found()) {
                    found = wider.region();
                } else if (placeMayBeText) {
                    r.problem(ProblemCode.PLACE_NOT_REGION, field, cell, "活动地点未指明乡镇（街道），按主办单位所在地区计",
                            "the place names no region; the organiser's region is used");
                    return Optional.empty();
                } else {
                    r.error(ProblemCode.UNKNOWN_REGION, field, cell, "地区“" + t + "”在本县（区）中找不到，应为本县（区）的乡镇（街道）名称或区划代码",
                            "region '" + t + "' is not found in the county; expected one of its townships or a code");
                    return Optional.empty();
                }
            }
        }
        if (!gazetteer.isWithin(found.code(), county)) {
            r.error(ProblemCode.REGION_OUTSIDE_COUNTY, field, cell, "地区“" + found.name() + "”（" + found.code() + "）不属于报送县（区）" + county,
                    "region " + found.name() + " (" + found.code() + ") lies outside the submitting county " + county);
            return Optional.empty();
        }
        return Optional.of(found);
    }

    static boolean notGiven(String s) {
        if (s == null) {
            return true;
        }
        if (s.isEmpty()) {
            return true;
        }
        char c = s.charAt(0);
        if (c != ' ' && c != '\u3000' && c != '\t' && c != '无' && c != '暂' && c != '/' && c != '-' && c != '—'
                && c != '空' && c != '－' && c != 'n' && c != 'N' && c != '／') {
            return false;
        }
        return s.length() <= 8 && NOT_GIVEN.contains(Text.normalize(s).toLowerCase(Locale.ROOT));
    }

    /** Normalises only when needed: most cells are already plain (no full-width forms, no odd spaces). */
    static String norm(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return Text.normalize(s);
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                    || c == '\uFEFF' || c < ' ' || c == ' ' && prev == ' ') {
                return Text.normalize(s);
            }
            prev = c;
        }
        return s;
    }

    private static final int CACHE_MAX = 20_000;
    private final Map<Class<?>, Map<String, Object>> enumCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, NameMatch>> regionCache = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> groupCache = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    private <E extends Enum<E> & Labelled> String parseEnum(Class<E> type, String v) {
        Map<String, Object> cache = enumCache.computeIfAbsent(type, t -> new java.util.concurrent.ConcurrentHashMap<>());
        Object hit = cache.get(v);
        if (hit == null) {
            Optional<E> e = Vocabulary.parse(type, v);
            hit = e.isPresent() ? e.get().name() : NONE;
            if (cache.size() < CACHE_MAX) {
                cache.put(v, hit);
            }
        }
        return hit == NONE ? null : (String) hit;
    }

    private NameMatch byName(String county, String t) {
        Map<String, NameMatch> cache = regionCache.computeIfAbsent(county, c -> new java.util.concurrent.ConcurrentHashMap<>());
        NameMatch m = cache.get(t);
        if (m == null) {
            m = gazetteer.byName(county, t);
            if (cache.size() < CACHE_MAX) {
                cache.put(t, m);
            }
        }
        return m;
    }

    private static boolean plainKey(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000' || c == '\u00A0' || c == '\uFEFF') {
                return false;
            }
        }
        return true;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static <E extends Enum<E> & Labelled> String labels(Class<E> type) {
        return String.join("、", Vocabulary.labels(type));
    }

    private record DateWithPrecision(LocalDate date, DatePrecision precision) {
    }

    /** One row under check: raw cells in, values and problems out. */
    private final class Row {
        final DatasetSchema dataset;
        final Location location;
        final Map<String, String> raw;
        final Context ctx;
        final Map<String, Object> values = new HashMap<>(64);
        final List<Problem> problems = new ArrayList<>(0);
        boolean rejected;

        Row(DatasetSchema dataset, Location location, Map<String, String> raw, Context ctx) {
            this.dataset = dataset;
            this.location = location;
            this.raw = raw;
            this.ctx = ctx;
        }

        String raw(String field) {
            return raw.get(field);
        }

        void put(String field, Object v) {
            values.put(field, v);
        }

        String header(String field) {
            Column c = dataset.find(field).orElse(null);
            return c == null ? field : c.header();
        }

        void problem(ProblemCode code, String field, String value, String zh, String en) {
            Location loc = location.withColumn(header(field));
            Problem p = new Problem(code, code.defaultSeverity(), loc, field, shown(field, value), zh, en);
            problems.add(p);
            if (p.rejects()) {
                rejected = true;
            }
        }

        void error(ProblemCode code, String field, String value, String zh, String en) {
            problem(code, field, value, zh, en);
            rejected = true;
        }

        String shown(String field, String value) {
            if (value == null) {
                return null;
            }
            Column c = dataset.find(field).orElse(null);
            return c != null && c.personal() ? Masking.name(value) : value;
        }

        void missing(String field) {
            error(ProblemCode.MISSING_VALUE, field, null, "“" + header(field) + "”为必填项，不能为空",
                    "'" + header(field) + "' is required and must not be blank");
        }

        String text(String field) {
            String v = raw.get(field);
            if (notGiven(v)) {
                return null;
            }
            return norm(v);
        }

        String required(String field) {
            String v = text(field);
            if (v == null) {
                missing(field);
            }
            return v;
        }

        <E extends Enum<E> & Labelled> String enumValue(String field, Class<E> type, boolean required) {
            String v = raw.get(field);
            if (notGiven(v)) {
                if (required) {
                    missing(field);
                }
                return null;
            }
            String e = parseEnum(type, v);
            if (e == null) {
                error(ProblemCode.UNKNOWN_VALUE, field, v, "“" + Text.normalize(v) + "”不在可选范围内，应为 " + labels(type),
                        "'" + Text.normalize(v) + "' is not a known value, expected one of " + labels(type));
                return null;
            }
            return e;
        }

        Integer count(String field) {
            String v = raw.get(field);
            if (notGiven(v)) {
                return null;
            }
            if (v.length() < 10 && allDigits(v)) {
                return Integer.parseInt(v);
            }
            Matcher m = COUNT.matcher(Text.normalize(v).replace(",", ""));
            if (!m.matches()) {
                error(ProblemCode.BAD_NUMBER, field, v, "应为非负整数", "expected a whole number of 0 or more");
                return null;
            }
            long n;
            try {
                n = Long.parseLong(m.group(1).replace("+", ""));
            } catch (NumberFormatException e) {
                n = Long.MAX_VALUE;
            }
            if (n < 0) {
                error(ProblemCode.NEGATIVE_COUNT, field, v, "数量不能为负数", "a count must not be negative");
                return null;
            }
            if (n > Integer.MAX_VALUE) {
                error(ProblemCode.BAD_NUMBER, field, v, "数值过大", "the number is too large");
                return null;
            }
            return (int) n;
        }

        Boolean flag(String field, boolean unknownCounted) {
            String v = raw.get(field);
            String t = v == null ? "" : Text.normalize(v).toUpperCase(Locale.ROOT);
            if (t.isEmpty() || t.equals("/") || t.equals("-") || t.equals("—") || t.equals("暂无") || t.equals("空")) {
                if (unknownCounted) {
                    problem(ProblemCode.UNKNOWN_FLAG, field, v, "“" + header(field) + "”为空，视为未知",
                            "'" + header(field) + "' is blank: unknown");
                }
                return null;
            }
            if (YES.contains(t)) {
                return Boolean.TRUE;
            }
            if (NO.contains(t)) {
                return Boolean.FALSE;
            }
            error(ProblemCode.BAD_BOOLEAN, field, v, "应为 是/否、√/×、Y/N 或 有/无", "expected yes/no: 是/否, √/×, Y/N or 有/无");
            return null;
        }

        DateWithPrecision date(String field, boolean required) {
            String v = raw.get(field);
            if (notGiven(v)) {
                if (required) {
                    missing(field);
                }
                return null;
            }
            if (v.length() == 5 && allDigits(v)) {
                long days = Long.parseLong(v);
                return new DateWithPrecision(ctx.date1904() ? LocalDate.of(1904, 1, 1).plusDays(days)
                        : EXCEL_EPOCH.plusDays(days), DatePrecision.DAY);
            }
            String t = Text.normalize(v);
            try {
                if (SERIAL.matcher(t).matches() && t.length() != 4) {
                    double s = Double.parseDouble(t);
                    if (s >= 1 && s < 2958466) {
                        long days = (long) Math.floor(s);
                        LocalDate d = ctx.date1904() ? LocalDate.of(1904, 1, 1).plusDays(days)
                                : days < 60 ? LocalDate.of(1899, 12, 31).plusDays(days) : EXCEL_EPOCH.plusDays(days);
                        return new DateWithPrecision(d, DatePrecision.DAY);
                    }
                }
                Matcher m = DAY.matcher(t);
                if (m.matches()) {
                    return new DateWithPrecision(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3))), DatePrecision.DAY);
                }
                m = MONTH.matcher(t);
                if (m.matches()) {
                    LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                    return new DateWithPrecision(first.withDayOfMonth(first.lengthOfMonth()), DatePrecision.MONTH);
                }
                m = YEAR_TEXT.matcher(t);
                if (m.matches()) {
                    int y = Integer.parseInt(m.group(1));
                    problem(ProblemCode.YEAR_ONLY_DATE, field, v, "日期只有年份，该行不计入按日期统计的指标",
                            "the date gives only a year; the row is left out of dated figures");
                    return new DateWithPrecision(LocalDate.of(y, 12, 31), DatePrecision.YEAR);
                }
            } catch (DateTimeException | NumberFormatException e) {
                // falls through to the error below
            }
            error(ProblemCode.BAD_DATE, field, v, "日期无法识别，应为 2024-07-01、2024/7/1、2024年7月1日 等",
                    "the date cannot be read; expected e.g. 2024-07-01, 2024/7/1, 2024年7月1日");
            return null;
        }
    }
}
