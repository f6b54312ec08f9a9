package org.sanhui.reporting.xlsx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.ProblemCode;

/**
 * The Chinese names of what the indicator file holds as codes: indicator ids, breakdowns, enumeration values,
 * periods. A code without a name is returned as it is, so nothing is lost (and a test can find it).
 */
final class Labels {

    private static final Map<String, String> FAMILIES = new LinkedHashMap<>();
    private static final Map<String, String> SUFFIXES = new LinkedHashMap<>();
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        FAMILIES.put("C0", "组织数量");
        FAMILIES.put("C1", "基层“三会”覆盖");
        FAMILIES.put("C2", "科协组织覆盖");
        FAMILIES.put("C3", "“3+1”完成情况");
        FAMILIES.put("C4", "对口帮扶");
        FAMILIES.put("C5", "制度建设");
        FAMILIES.put("C6", "无“四缺”乡镇科协");
        FAMILIES.put("C7", "三队覆盖");
        FAMILIES.put("C8", "农技协覆盖");
        FAMILIES.put("A1", "活动开展");
        FAMILIES.put("A2", "活动规范（参考目标）");
        FAMILIES.put("A3", "不活跃组织");
        FAMILIES.put("A4", "活动趋势");
        FAMILIES.put("A5", "联合省级学会活动");
        FAMILIES.put("A6", "活动均衡度");
        FAMILIES.put("A7", "服务乡镇覆盖");
        FAMILIES.put("G1", "评价等次分布");
        FAMILIES.put("G2", "等次变化");
        FAMILIES.put("G3", "拟撤销团体会员");
        FAMILIES.put("G4", "等次分布检验");
        FAMILIES.put("G5", "社会组织等级");
        FAMILIES.put("S1", "报送率");
        FAMILIES.put("S2", "数据质量");
        FAMILIES.put("M1", "目标任务");
        FAMILIES.put("R1", "综合评分");

        SUFFIXES.put("full", "全覆盖率");
        SUFFIXES.put("count", "数量");
        SUFFIXES.put("members", "会员人数");
        SUFFIXES.put("township", "乡镇（街道）");
        SUFFIXES.put("county", "县级");
        SUFFIXES.put("rate", "比例");
        SUFFIXES.put("mean", "平均值");
        SUFFIXES.put("median", "中位数");
        SUFFIXES.put("p90", "第90百分位数");
        SUFFIXES.put("max", "最大值");
        SUFFIXES.put("participants", "参与人次");
        SUFFIXES.put("unknown", "无法判断的组织数");
        SUFFIXES.put("inactive", "不活跃");
        SUFFIXES.put("dormant", "休眠");
        SUFFIXES.put("pop", "环比变化");
        SUFFIXES.put("yoy", "同比变化");
        SUFFIXES.put("gini", "基尼系数");
        SUFFIXES.put("all_five", "五项制度齐全");
        SUFFIXES.put("party", "建立党组织");
        SUFFIXES.put("ontime", "按期报送率");
        SUFFIXES.put("reject_rate", "退回记录占比");
        SUFFIXES.put("score", "得分");
        SUFFIXES.put("rank", "排名");
        SUFFIXES.put("p_value", "p值");
        SUFFIXES.put("low_expected_cells", "期望频数小于5的格数");
        SUFFIXES.put("N", "关键人物副主席人均数");
        SUFFIXES.put("NOT_EVALUATED", "未评价");

        KEYS.put("kind", "组织类型");
        KEYS.put("type", "活动类型");
        KEYS.put("group", "服务对象");
        KEYS.put("target_group", "服务对象");
        KEYS.put("target", "服务对象");
        KEYS.put("form", "活动形式");
        KEYS.put("grade", "等次");
        KEYS.put("year", "年度");
        KEYS.put("role", "关键人物类别");
        KEYS.put("post", "科协职务");
        KEYS.put("norm", "参考目标");
        KEYS.put("code", "问题类型");
        KEYS.put("at", "口径");
        KEYS.put("indicator", "指标");
        KEYS.put("deadline", "完成期限");
        KEYS.put("component", "构成");
        KEYS.put("within", "排名范围");
        KEYS.put("serious", "情节较重");

        VALUES.put("norm=activities", "活动场次");
        VALUES.put("norm=conference", "学术会议");
        VALUES.put("at=target", "目标值");
        VALUES.put("at=deadline", "期限时");
        VALUES.put("at=met_on_time", "是否按期完成");
        VALUES.put("at=now", "目前");
        VALUES.put("component=coverage", "基层“三会”覆盖");
        VALUES.put("component=three_plus_one", "“3+1”完成");
        VALUES.put("component=norms", "活动规范");
        VALUES.put("component=grades", "评价等次");
        VALUES.put("within=city", "市内");
        VALUES.put("within=province", "省内");
        VALUES.put("serious=true", "是");
        VALUES.put("serious=false", "否");
    }

    private Labels() {
    }

    /**
     * The Chinese name of an indicator id: {@code C1.full} 基层“三会”覆盖：全覆盖率. A milestone ({@code M1.<name>})
     * is named after the indicator it tracks, given in {@code milestones} (name to indicator id) when known.
     */
    static String indicator(String id, Map<String, String> milestones) {
        int dot = id.indexOf('.');
        String head = dot < 0 ? id : id.substring(0, dot);
        String suffix = dot < 0 ? "" : id.substring(dot + 1);
        String base = FAMILIES.getOrDefault(head, head);
        String s;
        if (head.equals("M1")) {
            String tracked = milestones.get(suffix);
            return tracked == null ? base + "：" + suffix : base + "（" + indicator(tracked, Map.of()) + "）";
        } else if (head.equals("G2") && suffix.matches("[A-Z]_[A-Z]")) {
            s = suffix.charAt(0) + "等→" + suffix.charAt(2) + "等";
        } else if (head.equals("G1") && suffix.matches("[ABC]")) {
            s = suffix + "等";
        } else {
            s = SUFFIXES.containsKey(suffix) ? SUFFIXES.get(suffix) : value(suffix);
        }
        return s.isEmpty() ? base : base + "：" + s;
    }

    /** The Chinese form of a breakdown: {@code kind=MEDICAL_SOCIETY;norm=conference} 组织类型：基层医疗卫生学会；参考目标：学术会议. */
    static String breakdown(String breakdown) {
        if (breakdown.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : breakdown.split(";")) {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            String named = VALUES.get(k + "=" + v);
            if (named == null) {
                named = switch (k) {
                    case "code" -> problem(v);
                    case "indicator" -> indicator(v, Map.of());
                    default -> value(v);
                };
            }
            parts.add(KEYS.getOrDefault(k, k) + "：" + named);
        }
        return String.join("；", parts);
    }

    /** The label of an enumeration value of the vocabulary (organisation kind, role, activity type, ...). */
    static String value(String v) {
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(OrgKind.class, PersonRole.class,
                Post.class, ActivityType.class, TargetGroup.class, Form.class, CivilRating.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(v) && e instanceof Labelled l) {
                    return l.label();
                }
            }
        }
        return v;
    }

    /** Several values joined by {@code ;} in a list cell (e.g. missing kinds), as labels joined by 、. */
    static String values(String joined) {
        List<String> out = new ArrayList<>();
        for (String v : joined.split(";")) {
            if (!v.isBlank()) {
                out.add(value(v.trim()));
            }
        }
        return String.join("、", out);
    }

    /** A problem code's Chinese label. */
    static String problem(String code) {
        for (ProblemCode c : ProblemCode.values()) {
            if (c.name().equals(code)) {
                return c.labelZh();
            }
        }
        return code;
    }

    /** A period code's label: 2024Q3 2024年第三季度, 2024-07 2024年7月, 2024 2024年; anything else as it is. */
    static String period(String code) {
        return code == null ? "" : Period.tryParse(code).map(Period::label).orElse(code);
    }
}
