package org.sanhui.reporting.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.sanhui.model.indicator.IndicatorRow;
import org.sanhui.reporting.briefing.Block;
import org.sanhui.reporting.briefing.Briefing;
import org.sanhui.reporting.briefing.Redaction;
import org.sanhui.reporting.briefing.Regions;
import org.sanhui.reporting.data.IndicatorFile;

/**
 * Writes the xlsx workbook beside the briefings: the long indicator table, every table of the briefing as its
 * own sheet, and every list. Headers, names and reasons are Chinese (a clerk reads it); each code the indicator
 * file holds (period, indicator, region, breakdown, organisation kind, role) is kept in a 代码 column beside its
 * name, for filters and lookups. Numbers are numeric cells. Person names appear only in the exit-candidate
 * list's 负责人 column; any key that looks like a phone is left out.
 *
 * <p>Streams (SXSSF), so a national-scale table fits in little memory.
 */
public final class WorkbookWriter {

    static final int MAX_ROWS = 1_000_000;

    private static final Map<String, String> LIST_NAMES = new LinkedHashMap<>();

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
        // every name in Chinese, every code in a column of its own beside it (for filters and lookups)
        List<String> headers = List.of("期间", "期间代码", "指标名称", "指标代码", "地区名称", "地区代码", "层级", "分组",
                "分组代码", "分子", "分母", "数值");
        Map<String, String> milestones = milestoneIndicators(file);
        Map<String, String> periods = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> breakdowns = new HashMap<>();
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
            row.createCell(0).setCellValue(periods.computeIfAbsent(r.period(), Labels::period));
            row.createCell(1).setCellValue(r.period());
            row.createCell(2).setCellValue(names.computeIfAbsent(r.indicator(), id -> Labels.indicator(id, milestones)));
            row.createCell(3).setCellValue(r.indicator());
            row.createCell(4).setCellValue(regions.name(r.regionCode()));
            row.createCell(5).setCellValue(r.regionCode());
            row.createCell(6).setCellValue(r.regionLevel().label());
            row.createCell(7).setCellValue(breakdowns.computeIfAbsent(r.breakdown(), Labels::breakdown));
            row.createCell(8).setCellValue(r.breakdown());
            if (r.numerator() != null) {
                row.createCell(9).setCellValue(r.numerator());
            }
            if (r.denominator() != null) {
                row.createCell(10).setCellValue(r.denominator());
            }
            if (r.value() != null) {
                row.createCell(11).setCellValue(r.value());
            }
        }
        if (sheet == null) {
            header(wb.createSheet(sheetName("指标", used)), st, headers);
        }
    }

    /**
     * Milestone name to the indicator it tracks: from the {@code at=target;indicator=…} rows, else from core-model's
     * default milestones.
     */
    private static Map<String, String> milestoneIndicators(IndicatorFile file) {
        Map<String, String> out = new HashMap<>();
        for (org.sanhui.model.rules.Milestone m : org.sanhui.model.rules.Rules.Builder.defaultMilestones()) {
            out.put(m.name(), m.indicator());
        }
        for (IndicatorRow r : file.rows()) {
            if (r.indicator().startsWith("M1.")) {
                for (String part : r.breakdown().split(";")) {
                    if (part.startsWith("indicator=")) {
                        out.put(r.indicator().substring(3), part.substring("indicator=".length()));
                    }
                }
            }
        }
        return out;
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
        List<ListColumns.Column> columns = ListColumns.of(name, new ArrayList<>(keys), regions);
        Sheet sheet = wb.createSheet(sheetName(LIST_NAMES.getOrDefault(name, name), used));
        header(sheet, st, columns.stream().map(ListColumns.Column::header).toList());
        int rowNo = 1;
        for (Map<String, Object> m : rows) {
            Row row = sheet.createRow(rowNo++);
            for (int i = 0; i < columns.size(); i++) {
                Object v = columns.get(i).value().apply(m);
                if (v instanceof Number n) {
                    row.createCell(i).setCellValue(n.doubleValue());
                } else if (v != null) {
                    row.createCell(i).setCellValue(Redaction.maskPhones(v.toString()));
                }
            }
        }
    }
}
