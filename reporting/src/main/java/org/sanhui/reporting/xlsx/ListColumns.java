package org.sanhui.reporting.xlsx;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.sanhui.model.period.Period;
import org.sanhui.reporting.briefing.Regions;

/**
 * The columns of a list sheet in Chinese. Analytics writes its lists with snake_case keys, codes (kinds, roles,
 * periods) and an English reason for tools; a clerk reads 组织类型 基层医疗卫生学会 and a reason in Chinese. So
 * every key gets a Chinese header, every code its label, with the code in a column of its own (…代码) where a
 * tool filters on it, and the reason is restated in Chinese from the row's own fields.
 */
final class ListColumns {

    /** One column: its header and the cell value of a list row (a String, Number or null). */
    record Column(String header, Function<Map<String, Object>, Object> value) {
    }

    private ListColumns() {
    }

    /**
     * The columns of a list, in the order of its keys.
     *
     * @param list the list name
     * @param keys the keys to show (personal data already left out), in file order
     * @param regions region naming
     */
    static List<Column> of(String list, List<String> keys, Regions regions) {
        List<Column> out = new ArrayList<>();
        for (String k : keys) {
            switch (k) {
                case "county_code" -> {
                    out.add(new Column("县（区）代码", m -> str(m, k)));
                    out.add(new Column("县（区）", m -> m.get(k) == null ? null : regions.qualified(str(m, k))));
                }
                case "county_name" -> {
                    if (!keys.contains("county_code")) {
                        out.add(new Column("县（区）", m -> str(m, k)));
                    }
                }
                case "city_code" -> {
                    out.add(new Column("市代码", m -> str(m, k)));
                    out.add(new Column("市", m -> m.get(k) == null ? null : regions.name(str(m, k))));
                }
                case "kind" -> {
                    String h = list.equals("counties_missing_kinds") ? "缺少的学会类型" : "组织类型";
                    out.add(new Column(h, m -> m.get(k) == null ? null : Labels.values(str(m, k))));
                    out.add(new Column(h + "代码", m -> str(m, k)));
                }
                case "role" -> {
                    out.add(new Column("关键人物类别", m -> m.get(k) == null ? null : Labels.value(str(m, k))));
                    out.add(new Column("关键人物类别代码", m -> str(m, k)));
                }
                case "post" -> {
                    out.add(new Column("科协职务", m -> m.get(k) == null ? null : Labels.value(str(m, k))));
                    out.add(new Column("科协职务代码", m -> str(m, k)));
                }
                case "period" -> {
                    out.add(new Column("期间", m -> m.get(k) == null ? null : Labels.period(str(m, k))));
                    out.add(new Column("期间代码", m -> str(m, k)));
                }
                case "reason" -> out.add(new Column("原因", m -> reason(list, m)));
                case "activities_by_period" -> out.add(new Column("各期活动场次", m -> byPeriod(str(m, k))));
                case "missing_periods" -> out.add(new Column("未报送期间", m -> periods(str(m, k))));
                case "last_period" -> out.add(new Column("最近一次报送期间",
                        m -> m.get(k) == null ? null : Labels.period(str(m, k))));
                case "grades" -> out.add(new Column("评价等次", m -> grades(str(m, k))));
                case "measure" -> out.add(new Column("异常项", m -> measure(str(m, k))));
                case "reported" -> out.add(new Column("本期是否报送", m -> yesNo(m.get(k))));
                case "serious" -> out.add(new Column("情节较重", m -> yesNo(m.get(k))));
                default -> out.add(new Column(header(k), m -> {
                    Object v = m.get(k);
                    return v instanceof Boolean b ? yesNo(b) : v instanceof Number ? v : v == null ? null : v.toString();
                }));
            }
        }
        return out;
    }

    private static String header(String key) {
        return switch (key) {
            case "org_key" -> "组织标识";
            case "org_name" -> "组织名称";
            case "leader_name" -> "负责人";
            case "established" -> "成立日期";
            case "start_date" -> "任职开始日期";
            case "end_date" -> "任职结束日期";
            case "filing_date" -> "填报日期";
            case "days_late" -> "逾期天数";
            case "value" -> "数值";
            case "median" -> "同类中位数";
            case "mad" -> "绝对中位差";
            case "z_score" -> "修正Z分数";
            default -> key;
        };
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static String yesNo(Object v) {
        return v == null ? null : Boolean.TRUE.equals(v) || "true".equals(v.toString()) ? "是" : "否";
    }

    /** {@code 2024Q3=0;2024Q4=1} as 2024年第三季度0场、2024年第四季度1场. */
    static String byPeriod(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            out.add(eq < 0 ? Labels.period(part) : Labels.period(part.substring(0, eq)) + part.substring(eq + 1) + "场");
        }
        return String.join("、", out);
    }

    /** {@code 2024Q2;2024Q3} as 2024年第二季度、2024年第三季度. */
    static String periods(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String p : s.split(";")) {
            out.add(Labels.period(p.trim()));
        }
        return String.join("、", out);
    }

    /** {@code 2023=C;2024=C} as 2023年C、2024年C (as the briefing prints them). */
    static String grades(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (String part : s.split(";")) {
            int eq = part.indexOf('=');
            out.add(eq < 0 ? part : part.substring(0, eq) + "年" + part.substring(eq + 1));
        }
        return String.join("、", out);
    }

    private static String measure(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "members" -> "会员人数";
            case "activities_in_period" -> "本期活动场次";
            default -> code;
        };
    }

    /** The reason restated in Chinese from the row's fields; a list this class does not know keeps its own. */
    static String reason(String list, Map<String, Object> m) {
        String kind = str(m, "kind");
        switch (list) {
            case "counties_missing_kinds":
                return kind == null ? "尚未建立全部三类基层学会" : "尚未建立" + Labels.values(kind);
            case "inactive":
                return m.get("activities_by_period") != null ? allNone(str(m, "activities_by_period"))
                        : "本期及上期均未开展活动";
            case "dormant":
                return m.get("activities_by_period") != null ? allNone(str(m, "activities_by_period"))
                        : "本期及前三期均未开展活动";
            case "unknown_activity":
                return "所在县（区）" + Objects.requireNonNullElse(periods(str(m, "missing_periods")), "有期间")
                        + "未报送，无法判断是否开展活动";
            case "rectifying":
                return "状态为整改中";
            case "exit_candidates":
                return twoYearsC(str(m, "grades")) + (Boolean.TRUE.equals(m.get("serious")) ? "，且长期未开展活动" : "");
            case "seconded_ending":
                return m.get("end_date") == null ? "挂职副主席任期将于下季度届满" : "挂职副主席任期于" + m.get("end_date") + "届满";
            case "late_submissions":
                return late(m);
            case "missing_submissions":
                return m.get("period") == null ? "未报送" : Labels.period(str(m, "period")) + "未报送";
            case "outliers":
                return outlier(m);
            default:
                return str(m, "reason");
        }
    }

    private static String allNone(String byPeriod) {
        List<String> names = new ArrayList<>();
        for (String part : byPeriod.split(";")) {
            int eq = part.indexOf('=');
            names.add(Labels.period(eq < 0 ? part : part.substring(0, eq)));
        }
        return String.join("、", names) + (names.size() > 1 ? "均" : "") + "未开展活动";
    }

    private static String twoYearsC(String grades) {
        if (grades == null) {
            return "连续两年评价为C等";
        }
        List<String> years = new ArrayList<>();
        for (String part : grades.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                years.add(part.substring(0, eq) + "年");
            }
        }
        List<String> last = years.subList(Math.max(0, years.size() - 2), years.size());
        return last.size() == 2 ? String.join("、", last) + "评价均为C等" : "连续两年评价为C等";
    }

    private static String late(Map<String, Object> m) {
        Object daysLate = m.get("days_late");
        String fallback = daysLate instanceof Number n ? "超过报送期限" + n.longValue() + "天" : "逾期报送";
        Period period = m.get("period") == null ? null : Period.tryParse(str(m, "period")).orElse(null);
        if (period == null || m.get("filing_date") == null) {
            return fallback;
        }
        try {
            long after = ChronoUnit.DAYS.between(period.end(), LocalDate.parse(str(m, "filing_date")));
            return "期末后" + after + "天报送" + (daysLate instanceof Number n ? "（期限" + (after - n.longValue()) + "天）" : "");
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static String outlier(Map<String, Object> m) {
        String what = Objects.requireNonNullElse(measure(str(m, "measure")), "数值");
        return what + num(m.get("value")) + "，与同类组织中位数" + num(m.get("median")) + "相差较大（修正Z分数"
                + num(m.get("z_score")) + "）";
    }

    private static String num(Object v) {
        if (!(v instanceof Number n)) {
            return v == null ? "" : v.toString();
        }
        double d = n.doubleValue();
        return Math.rint(d) == d ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d)
                .replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
