package org.sanhui.ingestion.template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.domain.TargetGroup;
import org.sanhui.model.domain.Vocabulary;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * Writes the workbook a county fills in ({@code sanhui template}): a 填报说明 sheet, then 组织信息,
 * 关键人物 and 活动记录, each with a title row naming the county and period, a 填报单位/填报日期
 * line, frozen canonical headers carrying a comment that states each column's rule, dropdown lists for
 * every enumeration (labels from core-model's enums) and for the county's own townships (from the
 * gazetteer), and date and non-negative whole-number checks. The phone column is left out: nothing
 * needs it. A template filled with valid rows ingests with no problem.
 */
public final class TemplateWriter {

    /** Rows (below the header) that carry the dropdowns and checks. */
    public static final int ROWS = 2000;
    /** 1-based row of the header in each data sheet. */
    public static final int HEADER_ROW = 3;

    private static final String LISTS = "_lists";

    private final Gazetteer gazetteer;

    /**
     * Creates a writer.
     *
     * @param gazetteer the gazetteer, null not permitted
     */
    public TemplateWriter(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /**
     * Writes the template.
     *
     * @param out the file to write (replaced atomically), null not permitted
     * @param countyCode the county (6 digits), null not permitted
     * @param period the period (quarter or month), null not permitted
     * @throws IllegalArgumentException if the code is not a county of the gazetteer
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path out, String countyCode, Period period) {
        Region county = gazetteer.byCode(countyCode).filter(r -> r.level() == RegionLevel.COUNTY)
                .orElseThrow(() -> new IllegalArgumentException("county must be a 6-digit county code of the gazetteer,"
                        + " e.g. 640104, got '" + countyCode + "'"));
        Objects.requireNonNull(period, "period");
        String place = fullName(county);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            instructions(wb, st, place, period);
            Map<String, String> lists = lists(wb, county);
            for (DatasetSchema ds : List.of(Datasets.ORGANISATIONS, Datasets.POSTS, Datasets.ACTIVITIES)) {
                dataSheet(wb, st, ds, place, period, lists);
            }
            wb.setActiveSheet(1);
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".template-", ".tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    wb.write(os);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write template " + out, e);
        }
    }

    private String fullName(Region county) {
        Region city = gazetteer.byCode(county.parentCode()).orElse(null);
        if (city == null || city.name().equals("市辖区") || city.name().endsWith("直辖县级行政区划")) {
            return county.name();
        }
        return city.name() + county.name();
    }

    /** The columns a clerk fills, in template order (derived and input-only columns such as the phone left out). */
    static List<Column> columns(DatasetSchema ds) {
        List<Column> out = new ArrayList<>();
        for (Column c : ds.columns()) {
            if (c.input() && c.stored()) {
                out.add(c);
            }
        }
        return out;
    }

    private void instructions(XSSFWorkbook wb, Styles st, String place, Period period) {
        Sheet s = wb.createSheet("填报说明");
        String[] lines = {
            place + "基层科协组织建设情况报送模板（" + period.label() + "）",
            "",
            "一、本工作簿有三张表：组织信息、关键人物、活动记录。请勿修改表名、标题行和表头；列的顺序可以调整，但不要删除带 * 的必填列。",
            "二、“组织信息”填写本县（区）全部基层科协组织（县级科协、乡镇（街道）科协、三会、农技协、志愿服务队等）在报送期末的情况，每个组织一行；组织编号请保持每期不变。",
            "三、“关键人物”填写三长等关键人物在科协的任职，每人每个职务一行；“任职组织”或“组织编号”须与“组织信息”一致。",
            "四、“活动记录”填写本报送期内开展的活动，每场活动一行；往期漏报的本年度活动可以补报。",
            "五、带下拉箭头的单元格请从列表中选择；日期写成 2024-10-08 这样的格式；人数、会员数填写不小于 0 的整数。",
            "六、表头单元格的批注说明了该列的填写要求（鼠标移到表头上即可看到）。",
            "七、第 2 行请写明填报日期（如 填报日期：2024年10月8日）。合计行、注释和填报人信息可以保留，系统会自动跳过。",
            "八、个人信息只填写姓名，不需要填写电话号码。",
            "九、报送后系统会生成回执，列出每个问题所在的表、行、列和应填内容；修改后重新报送整个文件即可，新文件会替换本期此前报送的数据。",
        };
        for (int i = 0; i < lines.length; i++) {
            Cell c = s.createRow(i).createCell(0);
            c.setCellValue(lines[i]);
            c.setCellStyle(i == 0 ? st.title : st.wrap);
        }
        s.setColumnWidth(0, 110 * 256);
    }

    private Map<String, String> lists(XSSFWorkbook wb, Region county) {
        Sheet s = wb.createSheet(LISTS);
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put(Datasets.KIND, labels(OrgKind.class));
        values.put(Datasets.STATUS, labels(OrgStatus.class));
        values.put(Datasets.ROLE, labels(PersonRole.class));
        values.put(Datasets.POST, labels(Post.class));
        values.put(Datasets.TYPE, labels(ActivityType.class));
        values.put(Datasets.FORM, labels(Form.class));
        values.put(Datasets.CIVIL_RATING, labels(CivilRating.class));
        values.put(Datasets.TARGET_GROUPS, labels(TargetGroup.class));
        values.put("boolean", List.of("是", "否"));
        List<String> towns = new ArrayList<>();
        for (Region r : gazetteer.children(county.code())) {
            towns.add(r.name());
        }
        values.put("township", towns);
        Map<String, String> names = new LinkedHashMap<>();
        int col = 0;
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            List<String> v = e.getValue().isEmpty() ? List.of(county.name()) : e.getValue();
            for (int i = 0; i < v.size(); i++) {
                Row r = s.getRow(i) == null ? s.createRow(i) : s.getRow(i);
                r.createCell(col).setCellValue(v.get(i));
            }
            String letter = CellReference.convertNumToColString(col);
            Name n = wb.createName();
            n.setNameName("list_" + e.getKey());
            n.setRefersToFormula(LISTS + "!$" + letter + "$1:$" + letter + "$" + v.size());
            names.put(e.getKey(), n.getNameName());
            col++;
        }
        wb.setSheetHidden(wb.getSheetIndex(s), true);
        return names;
    }

    private static <E extends Enum<E> & Labelled> List<String> labels(Class<E> type) {
        return Vocabulary.labels(type);
    }

    private void dataSheet(XSSFWorkbook wb, Styles st, DatasetSchema ds, String place, Period period,
            Map<String, String> lists) {
        Sheet s = wb.createSheet(ds.sheet());
        List<Column> cols = columns(ds);
        Row title = s.createRow(0);
        Cell t = title.createCell(0);
        t.setCellValue(place + "基层科协" + ds.sheet() + "统计表（" + period.label() + "）");
        t.setCellStyle(st.title);
        s.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, cols.size() - 1)));
        Row line = s.createRow(1);
        line.createCell(0).setCellValue("填报单位：" + place + "科协");
        line.createCell(Math.min(4, cols.size() - 1)).setCellValue("填报日期：");
        Row header = s.createRow(HEADER_ROW - 1);
        Drawing<?> drawing = s.createDrawingPatriarch();
        DataValidationHelper dv = s.getDataValidationHelper();
        CellStyle dateStyle = st.date;
        for (int i = 0; i < cols.size(); i++) {
            Column c = cols.get(i);
            Cell h = header.createCell(i);
            h.setCellValue(c.required() ? c.header() + "*" : c.header());
            h.setCellStyle(st.header);
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(i);
            anchor.setCol2(i + 3);
            anchor.setRow1(HEADER_ROW - 1);
            anchor.setRow2(HEADER_ROW + 4);
            Comment comment = drawing.createCellComment(anchor);
            comment.setString(wb.getCreationHelper().createRichTextString(rule(ds, c)));
            comment.setAuthor("sanhui");
            h.setCellComment(comment);
            s.setColumnWidth(i, Math.max(12, c.header().length() * 2 + 4) * 256);
            CellRangeAddressList range = new CellRangeAddressList(HEADER_ROW, HEADER_ROW + ROWS - 1, i, i);
            DataValidationConstraint k = constraint(dv, ds, c, lists);
            if (k != null) {
                DataValidation v = dv.createValidation(k, range);
                v.setShowErrorBox(!c.name().equals(Datasets.TARGET_GROUPS) && !c.name().equals(Datasets.PLACE_CODE)
                        && !c.name().equals(Datasets.REGION_CODE));
                v.setEmptyCellAllowed(true);
                s.addValidationData(v);
            }
            if (c.type() == ColumnType.DATE) {
                s.setDefaultColumnStyle(i, dateStyle);
            }
        }
        s.createFreezePane(0, HEADER_ROW);
    }

    private static DataValidationConstraint constraint(DataValidationHelper dv, DatasetSchema ds, Column c,
            Map<String, String> lists) {
        String n = c.name();
        if (n.equals(Datasets.REGION_CODE) || n.equals(Datasets.PLACE_CODE)) {
            return dv.createFormulaListConstraint(lists.get("township"));
        }
        if (lists.containsKey(n) && !n.equals(Datasets.TARGET_GROUPS)) {
            return dv.createFormulaListConstraint(lists.get(n));
        }
        if (n.equals(Datasets.TARGET_GROUPS)) {
            return dv.createFormulaListConstraint(lists.get(n));
        }
        return switch (c.type()) {
            case BOOLEAN -> dv.createFormulaListConstraint(lists.get("boolean"));
            case INT, LONG -> dv.createIntegerConstraint(DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null);
            case DATE -> dv.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN, "DATE(1949,10,1)",
                    "DATE(2100,12,31)", "yyyy-mm-dd");
            default -> null;
        };
    }

    /** The rule a header's comment states. */
    static String rule(DatasetSchema ds, Column c) {
        StringBuilder b = new StringBuilder(c.required() ? "必填。" : "选填。");
        String n = c.name();
        switch (c.type()) {
            case BOOLEAN -> b.append("填“是”或“否”（√/×、Y/N、有/无 也可）。");
            case INT, LONG -> b.append("填写不小于 0 的整数。");
            case DOUBLE -> b.append("填写数字。");
            case DATE -> b.append("日期，如 2024-10-08；只知道月份可写 2023年11月。");
            default -> { }
        }
        if (n.equals(Datasets.KIND)) {
            b.append("从下拉列表选择组织类型。");
        } else if (n.equals(Datasets.STATUS)) {
            b.append("从下拉列表选择；为空按“正常”处理。");
        } else if (n.equals(Datasets.REGION_CODE)) {
            b.append("组织所在的乡镇（街道），从下拉列表选择，也可填写区划代码；县级组织可留空。");
        } else if (n.equals(Datasets.PLACE_CODE)) {
            b.append("活动所在的乡镇（街道），从下拉列表选择；不是乡镇名称时按主办单位所在地计。");
        } else if (n.equals(Datasets.ROLE) || n.equals(Datasets.POST) || n.equals(Datasets.TYPE) || n.equals(Datasets.FORM)
                || n.equals(Datasets.CIVIL_RATING)) {
            b.append("从下拉列表选择。");
        } else if (n.equals(Datasets.TARGET_GROUPS)) {
            b.append("可填多个，用顿号“、”分隔，如 青少年、老年人；可选：").append(String.join("、", Vocabulary.labels(TargetGroup.class)))
                    .append("。");
        } else if (n.equals(Datasets.ORG_ID)) {
            b.append(ds == Datasets.ORGANISATIONS ? "本县内唯一、每期不变的编号。" : "所属组织的编号，须与“组织信息”一致（或填写组织名称）。");
        } else if (n.equals(Datasets.ORG_NAME) && ds != Datasets.ORGANISATIONS) {
            b.append("所属组织的名称，须与“组织信息”一致（或填写组织编号）。");
        } else if (n.equals(Datasets.ACTIVITY_DATE)) {
            b.append("须在本报送期内；本年度往期漏报的活动可以补报。");
        } else if (n.equals(Datasets.LEADER_NAME) || n.equals(Datasets.PERSON_NAME)) {
            b.append("只填姓名，不填电话。");
        }
        if (c.headers().size() > 1) {
            b.append("表头也可写作：").append(String.join("、", c.headers().subList(1, c.headers().size()))).append("。");
        }
        return b.toString();
    }

    /** The styles of a template. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle wrap;
        final CellStyle date;

        Styles(XSSFWorkbook wb) {
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(big);
            Font bold = wb.createFont();
            bold.setBold(true);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setBorderTop(BorderStyle.THIN);
            header.setBorderLeft(BorderStyle.THIN);
            header.setBorderRight(BorderStyle.THIN);
            header.setWrapText(true);
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        }
    }
}
