package org.sanhui.reporting.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.reporting.briefing.Block;
import org.sanhui.reporting.briefing.Briefing;
import org.sanhui.reporting.briefing.Redaction;
import org.sanhui.reporting.briefing.Regions;
import org.sanhui.reporting.data.IndicatorFile;

/**
 * Writes the xlsx workbook beside the briefings: the long indicator table with Chinese headers and region
 * names, every table of the briefing as its own sheet, and every list. Numbers are numeric cells. Person
 * names appear only in the exit-candidate list's 负责人 column; any key that looks like a phone is left out.
 *
 * <p>Streams (SXSSF), so a national-scale table fits in little memory.
 */
public final class WorkbookWriter {

    static final int MAX_ROWS = 1_000_000;

    private static final Map<String, String> LIST_NAMES = new LinkedHashMap<>();
    private static final Map<String, String> KEYS = new LinkedHashMap<>();
    private static final Map<String, String> INDICATORS = new LinkedHashMap<>();

    static {
        LIST_NAMES.put("counties_missing_kinds", "缺少学会类型的县（区）");
        LIST_NAMES.put("inactive", "不活跃组织");
        LIST_NAMES.put("dormant", "休眠组织");
        LIST_NAMES.put("unknown_activity", "活动情况无法判断的组织");
        LIST_NAMES.put("rectifying", "整改中组织");
        LIST_NAMES.put("exit_candidates", "拟撤销团体会员资格");
        LIST_NAMES.put("seconded_ending", "下季度届满的挂职");
        LIST_NAMES.put("late_submissions", "逾期报送");
        LIST_NAMES.put("missing_submissions", "未报送");
        LIST_NAMES.put("outliers", "异常数值");

        KEYS.put("org_key", "组织标识");
        KEYS.put("org_name", "组织名称");
        KEYS.put("county_code", "县（区）代码");
        KEYS.put("county_name", "县（区）");
        KEYS.put("city_code", "市代码");
        KEYS.put("kind", "组织类型");
        KEYS.put("reason", "原因");
        KEYS.put("leader_name", "负责人");
        KEYS.put("grades", "评价等次");
        KEYS.put("serious", "情节较重");
        KEYS.put("period", "期间");
        KEYS.put("periods", "期间");
        KEYS.put("missing_kinds", "缺少的学会类型");
        KEYS.put("kinds", "学会类型");
        KEYS.put("last_activity", "最近一次活动");
        KEYS.put("established", "成立日期");
        KEYS.put("role", "关键人物类别");
        KEYS.put("post", "科协职务");
        KEYS.put("end_date", "任职结束日期");
        KEYS.put("start_date", "任职开始日期");
        KEYS.put("filing_date", "填报日期");
        KEYS.put("days_late", "逾期天数");
        KEYS.put("dataset", "数据集");
        KEYS.put("field", "字段");
        KEYS.put("value", "数值");
        KEYS.put("z_score", "修正Z分数");

        INDICATORS.put("C0", "组织数量");
        INDICATORS.put("C1", "基层“三会”覆盖");
        INDICATORS.put("C2", "科协组织覆盖");
        INDICATORS.put("C3", "“3+1”完成情况");
        INDICATORS.put("C4", "对口帮扶");
        INDICATORS.put("C5", "制度建设");
        INDICATORS.put("C6", "无“四缺”乡镇科协");
        INDICATORS.put("C7", "三队覆盖");
        INDICATORS.put("C8", "农技协覆盖");
        INDICATORS.put("A1", "活动开展");
        INDICATORS.put("A2", "活动规范（参考目标）");
        INDICATORS.put("A3", "不活跃组织");
        INDICATORS.put("A4", "活动趋势");
        INDICATORS.put("A5", "联合省级学会活动");
        INDICATORS.put("A6", "活动均衡度");
        INDICATORS.put("A7", "服务乡镇覆盖");
        INDICATORS.put("G1", "评价等次分布");
        INDICATORS.put("G2", "等次变化");
        INDICATORS.put("G3", "拟撤销团体会员");
        INDICATORS.put("G4", "等次分布检验");
        INDICATORS.put("G5", "社会组织等级");
        INDICATORS.put("S1", "报送率");
        INDICATORS.put("S2", "数据质量");
        INDICATORS.put("M1", "目标任务");
        INDICATORS.put("R1", "综合评分");
    }

    private final Regions regions;

    /**
     * Creates the writer.
     *
     * @param regions region naming, null not permitted
     */
    public WorkbookWriter(Regions regions) {
        this.regions = Objects.requireNonNull(regions, "regions");
    }

    /**
     * Writes the workbook.
     *
     * @param file the indicator file, null not permitted
     * @param scope the region whose rows and lists are written (the province, or a city), null not permitted
     * @param briefing the scope's briefing whose tables become sheets, or null
     * @param out where to write; not closed; null not permitted
     * @throws UncheckedIOException if writing fails
     */
    public void write(IndicatorFile file, String scope, Briefing briefing, OutputStream out) {
        SXSSFWorkbook wb = new SXSSFWorkbook(500);
        try {
            Styles st = new Styles(wb);
            Set<String> used = new HashSet<>();
            Predicate<String> inScope = code -> code != null && ("00".equals(scope) || code.startsWith(scope)
                    || scope.startsWith(code) && code.length() < scope.length());
            indicatorSheets(wb, st, file, inScope, used);
            if (briefing != null) {
                for (Block.Table t : briefing.tables()) {
                    tableSheet(wb, st, t, used);
                }
            }
            for (String name : file.listNames()) {
                List<Map<String, Object>> rows = file.list(name).stream()
                        .filter(m -> "00".equals(scope) || m.get("county_code") == null
                                || m.get("county_code").toString().startsWith(scope))
                        .toList();
                listSheet(wb, st, name, rows, used);
            }
            wb.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the indicator workbook", e);
        } finally {
            wb.dispose();
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle percent;
        final CellStyle decimal;

        Styles(SXSSFWorkbook wb) {
            header = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
            decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.0##"));
        }
    }

    private static String sheetName(String wanted, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(wanted.replace('：', ' '), '_');
        if (base.length() > 28) {
            base = base.substring(0, 28);
        }
        String n = base;
        int i = 2;
        while (!used.add(n.toLowerCase(Locale.ROOT))) {
            n = base + "(" + i++ + ")";
        }
        return n;
    }

    private static void header(Sheet sheet, Styles st, List<String> headers) {
        Row r = sheet.createRow(0);
        for (int i = 0; i < headers.size(); i++) {
            org.apache.poi.ss.usermodel.Cell c = r.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(st.header);
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 3 + 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private void indicatorSheets(SXSSFWorkbook wb, Styles st, IndicatorFile file, Predicate<String> inScope,
            Set<String> used) {
        List<String> headers = List.of("期间", "指标代码", "指标名称", "地区代码", "地区名称", "层级", "分组", "分子", "分母",
                "数值");
        Sheet sheet = null;
        int rowNo = 0;
        for (IndicatorRow r : file.rows()) {
            if (!inScope.test(r.regionCode())) {
                continue;
            }
            if (sheet == null || rowNo > MAX_ROWS) {
                sheet = wb.createSheet(sheetName("指标", used));
                ((SXSSFSheet) sheet).setRandomAccessWindowSize(500);
                header(sheet, st, headers);
                rowNo = 1;
            }
            Row row = sheet.createRow(rowNo++);
            row.createCell(0).setCellValue(r.period());
            row.createCell(1).setCellValue(r.indicator());
            row.createCell(2).setCellValue(indicatorName(r.indicator()));
            row.createCell(3).setCellValue(r.regionCode());
            row.createCell(4).setCellValue(regions.name(r.regionCode()));
            row.createCell(5).setCellValue(r.regionLevel().label());
            row.createCell(6).setCellValue(breakdownZh(r.breakdown()));
            if (r.numerator() != null) {
                row.createCell(7).setCellValue(r.numerator());
            }
            if (r.denominator() != null) {
                row.createCell(8).setCellValue(r.denominator());
            }
            if (r.value() != null) {
                row.createCell(9).setCellValue(r.value());
            }
        }
        if (sheet == null) {
            header(wb.createSheet(sheetName("指标", used)), st, headers);
        }
    }

    static String indicatorName(String id) {
        int dot = id.indexOf('.');
        String head = dot < 0 ? id : id.substring(0, dot);
        String suffix = dot < 0 ? "" : id.substring(dot + 1);
        String base = INDICATORS.getOrDefault(head, head);
        String s = switch (suffix) {
            case "full" -> "全覆盖率";
            case "count" -> "数量";
            case "members" -> "会员人数";
            case "township" -> "乡镇（街道）";
            case "county" -> "县级";
            case "rate" -> "比例";
            case "mean" -> "平均值";
            case "median" -> "中位数";
            case "p90" -> "第90百分位数";
            case "max" -> "最大值";
            case "participants" -> "参与人次";
            case "inactive" -> "不活跃";
            case "dormant" -> "休眠";
            case "gini" -> "基尼系数";
            case "all_five" -> "五项制度齐全";
            case "party" -> "建立党组织";
            case "ontime" -> "按期报送率";
            case "reject_rate" -> "退回记录占比";
            case "score" -> "得分";
            case "rank" -> "排名";
            case "p_value" -> "p值";
            case "N" -> "关键人物副主席人均数";
            case "NOT_EVALUATED" -> "未评价";
            default -> label(suffix);
        };
        return s.isEmpty() ? base : base + "：" + s;
    }

    private static String label(String enumName) {
        for (OrgKind k : OrgKind.values()) {
            if (k.name().equals(enumName)) {
                return k.label();
            }
        }
        return enumName;
    }

    private static String breakdownZh(String breakdown) {
        if (breakdown.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : breakdown.split(";")) {
            int eq = p.indexOf('=');
            String k = eq < 0 ? p : p.substring(0, eq);
            String v = eq < 0 ? "" : p.substring(eq + 1);
            String kz = switch (k) {
                case "kind" -> "组织类型";
                case "type" -> "活动类型";
                case "group", "target_group" -> "服务对象";
                case "form" -> "活动形式";
                case "grade" -> "等次";
                case "year" -> "年度";
                case "role" -> "关键人物类别";
                default -> k;
            };
            parts.add(kz + "=" + enumLabel(v));
        }
        return String.join("；", parts);
    }

    private static String enumLabel(String v) {
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(OrgKind.class,
                org.sanhui.model.domain.ActivityType.class, org.sanhui.model.domain.TargetGroup.class,
                org.sanhui.model.domain.Form.class, org.sanhui.model.domain.PersonRole.class)) {
            for (Enum<?> e : type.getEnumConstants()) {
                if (e.name().equals(v) && e instanceof org.sanhui.model.domain.Labelled l) {
                    return l.label();
                }
            }
        }
        return v;
    }

    private void tableSheet(SXSSFWorkbook wb, Styles st, Block.Table t, Set<String> used) {
        Sheet sheet = wb.createSheet(sheetName("表" + t.number() + " " + t.caption(), used));
        header(sheet, st, t.headers());
        int rowNo = 1;
        for (List<Block.Cell> cells : t.rows()) {
            Row row = sheet.createRow(rowNo++);
            for (int i = 0; i < cells.size(); i++) {
                Block.Cell c = cells.get(i);
                org.apache.poi.ss.usermodel.Cell x = row.createCell(i);
                if (c.number() != null) {
                    x.setCellValue(c.number());
                    if (c.percent()) {
                        x.setCellStyle(st.percent);
                    }
                } else {
                    x.setCellValue(Redaction.maskPhones(c.text()));
                }
            }
        }
    }

    private void listSheet(SXSSFWorkbook wb, Styles st, String name, List<Map<String, Object>> rows,
            Set<String> used) {
        boolean names = "exit_candidates".equals(name);
        Set<String> keys = new LinkedHashSet<>();
        for (Map<String, Object> m : rows) {
            for (String k : m.keySet()) {
                if (k.toLowerCase(Locale.ROOT).contains("phone") || k.contains("电话")
                        || (!names && (k.equals("leader_name") || k.endsWith("_name") && !k.equals("org_name")
                        && !k.equals("county_name")))) {
                    continue;
                }
                keys.add(k);
            }
        }
        if (keys.isEmpty()) {
            keys.addAll(List.of("org_key", "org_name", "county_code", "kind", "reason"));
        }
        List<String> keyList = new ArrayList<>(keys);
        List<String> headers = new ArrayList<>();
        for (String k : keyList) {
            headers.add(KEYS.getOrDefault(k, k));
        }
        int countyCol = keyList.indexOf("county_code");
        if (countyCol >= 0 && !keyList.contains("county_name")) {
            headers.add(countyCol + 1, "县（区）");
        }
        Sheet sheet = wb.createSheet(sheetName(LIST_NAMES.getOrDefault(name, name), used));
        header(sheet, st, headers);
        int rowNo = 1;
        for (Map<String, Object> m : rows) {
            Row row = sheet.createRow(rowNo++);
            int col = 0;
            for (String k : keyList) {
                Object v = m.get(k);
                org.apache.poi.ss.usermodel.Cell c = row.createCell(col++);
                if (v instanceof Number n) {
                    c.setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    c.setCellValue(b ? "是" : "否");
                } else if (v != null) {
                    String s = v instanceof Map<?, ?> || v instanceof List<?> ? v.toString() : v.toString();
                    c.setCellValue(k.equals("kind") ? label(s) : Redaction.maskPhones(s));
                }
                if (k.equals("county_code") && countyCol >= 0 && !keyList.contains("county_name")) {
                    row.createCell(col++).setCellValue(v == null ? "" : regions.qualified(v.toString()));
                }
            }
        }
    }
}
