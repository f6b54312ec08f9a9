package org.sanhui.cli.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;

/**
 * Small valid county submissions (兴庆区 640104, 2024Q3) following DOMAIN.md section 3: sheets 组织信息,
 * 关键人物 and 活动记录 with the canonical headers of core-model's {@link Datasets} schemas. They are the
 * seeds the corpus mutates, and they hold the names and phone numbers the privacy scan looks for.
 */
public final class Seeds {

    /** The county of every seed. */
    public static final String COUNTY = "640104";
    /** The period of every seed. */
    public static final String PERIOD = "2024Q3";

    private Seeds() {
    }

    /** Organisations: column name to value, in the schema's column names. */
    static List<Map<String, Object>> organisations() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(org("XQ001", "兴庆区科学技术协会", "县级科协", "640104", LocalDate.of(2015, 3, 1), "张建国", "主席", "兴庆区人民政府", 12, 240, "宁夏医学会", "3A级"));
        rows.add(org("XQ002", "凤凰北街街道科协", "乡镇（街道）科协", "凤凰北街街道", LocalDate.of(2019, 6, 1), "李秀英", "主席", "凤凰北街街道办事处", 5, 60, null, null));
        rows.add(org("XQ003", "兴庆区基层医疗卫生学会", "基层医疗卫生学会", "640104", LocalDate.of(2021, 5, 20), "王芳", "会长", "兴庆区人民医院", 8, 130, "宁夏医学会", null));
        rows.add(org("XQ004", "兴庆区基层科技教育学会", "基层科技教育学会", "640104", LocalDate.of(2022, 9, 10), "刘洋", "会长", "兴庆区第一中学", 6, 95, "宁夏教育学会", null));
        rows.add(org("XQ005", "兴庆区基层农业技术学会", "基层农业技术学会", "解放西街街道", LocalDate.of(2023, 4, 18), "陈静", "会长", "兴庆区农业技术推广中心", 4, 70, "宁夏农学会", null));
        return rows;
    }

    private static Map<String, Object> org(String id, String name, String kind, String region, LocalDate est,
            String leader, String title, String host, int units, int members, String paired, String rating) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Datasets.ORG_ID, id);
        m.put(Datasets.ORG_NAME, name);
        m.put(Datasets.KIND, kind);
        m.put(Datasets.REGION_CODE, region);
        m.put(Datasets.ESTABLISHED, est);
        m.put(Datasets.STATUS, "正常");
        m.put(Datasets.LEADER_NAME, leader);
        m.put(Datasets.LEADER_TITLE, title);
        m.put(Datasets.HOST_UNIT, host);
        m.put(Datasets.MEMBER_UNITS, units);
        m.put(Datasets.MEMBERS, members);
        m.put(Datasets.PAIRED_SOCIETY, paired);
        m.put(Datasets.CHARTER, "是");
        m.put(Datasets.CONGRESS, "是");
        m.put(Datasets.COUNCIL, "是");
        m.put(Datasets.FINANCIAL_RULES, "是");
        m.put(Datasets.MEMBERSHIP_RULES, "否");
        m.put(Datasets.PARTY_ORG, "是");
        m.put(Datasets.CIVIL_RATING, rating);
        m.put(Datasets.LACKS_STAFFING, "否");
        m.put(Datasets.LACKS_STAFF, "否");
        m.put(Datasets.LACKS_FUNDS, "是");
        m.put(Datasets.LACKS_VENUE, "否");
        return m;
    }

    /** Posts (key persons), with phone numbers. */
    static List<Map<String, Object>> posts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(post("赵德明", "兴庆区人民医院", "医院院长", "XQ001", "兼职副主席", LocalDate.of(2023, 1, 1), null, "13995112345"));
        rows.add(post("孙丽华", "兴庆区第一中学", "学校校长", "XQ001", "兼职副主席", LocalDate.of(2023, 1, 1), null, "13895267890"));
        rows.add(post("周文斌", "兴庆区农业技术推广中心", "农技站站长", "XQ001", "常委", LocalDate.of(2022, 6, 1), null, "0951-6012345"));
        rows.add(post("吴海燕", "宁夏科技馆", "科技馆馆长", "XQ001", "挂职副主席", LocalDate.of(2024, 3, 1), LocalDate.of(2026, 2, 28), "15109518765"));
        rows.add(post("郑国强", "凤凰北街社区卫生服务中心", "医院院长", "XQ002", "委员", LocalDate.of(2021, 9, 1), null, "18709512233"));
        rows.add(post("冯晓梅", "兴庆区实验小学", "学校校长", "XQ004", "委员", LocalDate.of(2022, 9, 10), null, "13709514455"));
        return rows;
    }

    private static Map<String, Object> post(String name, String unit, String role, String orgId, String post,
            LocalDate start, LocalDate end, String phone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Datasets.PERSON_NAME, name);
        m.put(Datasets.WORK_UNIT, unit);
        m.put(Datasets.ROLE, role);
        m.put(Datasets.ORG_ID, orgId);
        m.put(Datasets.POST, post);
        m.put(Datasets.START_DATE, start);
        m.put(Datasets.END_DATE, end);
        m.put(Datasets.PHONE, phone);
        return m;
    }

    /** Activities held in 2024Q3. */
    static List<Map<String, Object>> activities() {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(act("XQ001", "兴庆区科学技术协会", "全国科普日兴庆区主场活动", "科普宣传", LocalDate.of(2024, 9, 14), "640104", "社区居民", 320, null, "线下"));
        rows.add(act("XQ001", "兴庆区科学技术协会", "农村实用技术培训班", "实用技术培训", LocalDate.of(2024, 7, 22), "解放西街街道", "农民", 85, "宁夏农学会", "线下"));
        rows.add(act("XQ002", "凤凰北街街道科协", "社区健康讲堂", "健康讲座义诊", LocalDate.of(2024, 8, 3), "凤凰北街街道", "老年人", 60, null, "线下"));
        rows.add(act("XQ003", "兴庆区基层医疗卫生学会", "基层医生业务培训", "人才培训", LocalDate.of(2024, 8, 16), "640104", "医务人员", 45, "宁夏医学会", "线上线下"));
        rows.add(act("XQ003", "兴庆区基层医疗卫生学会", "义诊进社区", "健康讲座义诊", LocalDate.of(2024, 9, 5), "文化街街道", "社区居民", 150, null, "线下"));
        rows.add(act("XQ004", "兴庆区基层科技教育学会", "青少年科技创新大赛", "青少年科技竞赛", LocalDate.of(2024, 7, 10), "640104", "青少年", 210, "宁夏教育学会", "线下"));
        rows.add(act("XQ004", "兴庆区基层科技教育学会", "教师科学素养讲座", "学术交流", LocalDate.of(2024, 9, 20), "640104", "教师", 70, null, "线上"));
        rows.add(act("XQ005", "兴庆区基层农业技术学会", "设施农业技术现场会", "实用技术培训", LocalDate.of(2024, 8, 28), "解放西街街道", "农民", 95, "宁夏农学会", "线下"));
        return rows;
    }

    private static Map<String, Object> act(String orgId, String org, String title, String type, LocalDate date,
            String place, String target, int n, String coHost, String form) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Datasets.ORG_ID, orgId);
        m.put(Datasets.ORG_NAME, org);
        m.put(Datasets.TITLE, title);
        m.put(Datasets.TYPE, type);
        m.put(Datasets.ACTIVITY_DATE, date);
        m.put(Datasets.PLACE_CODE, place);
        m.put(Datasets.TARGET_GROUPS, target);
        m.put(Datasets.PARTICIPANTS, n);
        m.put(Datasets.CO_HOST, coHost);
        m.put(Datasets.FORM, form);
        return m;
    }

    /**
     * The yearly evaluations of the seed's organisations as the province sends them: 年度 as a number
     * as POI-written workbooks store it ({@code <v>2024.0</v>}, as the sample has), grades as letters and words.
     */
    static byte[] evaluationsXlsx() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("所在县（区）", "组织编号", "组织名称", "组织类型", "年度", "评价等次", "得分"));
        rows.add(List.of("兴庆区", "XQ001", "兴庆区科学技术协会", "县级科协", 2024.0, "A", 92.5));
        rows.add(List.of("兴庆区", "XQ003", "兴庆区基层医疗卫生学会", "基层医疗卫生学会", 2024.0, "B", 84));
        rows.add(List.of("兴庆区", "XQ004", "兴庆区基层科技教育学会", "基层科技教育学会", 2024.0, "合格", 71.5));
        return new RawXlsx(List.of(new RawXlsx.Sheet(Datasets.EVALUATIONS.sheet(), rows))).bytes();
    }

    /** The number of data rows in a seed workbook (all three sheets). */
    static int dataRows() {
        return organisations().size() + posts().size() + activities().size();
    }

    /** The input columns of a dataset (those clerks fill), in schema order. */
    static List<Column> inputColumns(DatasetSchema d) {
        return d.columns().stream().filter(Column::input).toList();
    }

    /** Header plus data rows of one dataset; dates as {@link LocalDate} (or as text when {@code datesAsText}). */
    static List<List<Object>> table(DatasetSchema d, List<Map<String, Object>> rows, boolean datesAsText) {
        List<List<Object>> out = new ArrayList<>();
        List<Column> cols = inputColumns(d);
        out.add(new ArrayList<>(cols.stream().map(Column::header).toList()));
        for (Map<String, Object> r : rows) {
            List<Object> line = new ArrayList<>();
            for (Column c : cols) {
                Object v = r.get(c.name());
                line.add(datesAsText && v instanceof LocalDate ld ? ld.toString() : v);
            }
            out.add(line);
        }
        return out;
    }

    /** The three sheets of a plain seed workbook: header in row 1. */
    static List<RawXlsx.Sheet> sheets(boolean datesAsText) {
        return List.of(
                new RawXlsx.Sheet(Datasets.ORGANISATIONS.sheet(), table(Datasets.ORGANISATIONS, organisations(), datesAsText)),
                new RawXlsx.Sheet(Datasets.POSTS.sheet(), table(Datasets.POSTS, posts(), datesAsText)),
                new RawXlsx.Sheet(Datasets.ACTIVITIES.sheet(), table(Datasets.ACTIVITIES, activities(), datesAsText)));
    }

    /** A plain valid xlsx: three sheets, headers in row 1, dates as Excel serials. */
    public static byte[] xlsx() {
        return new RawXlsx(sheets(false)).bytes();
    }

    /**
     * A valid xlsx shaped like a real government workbook: a title row, a 填报单位 line, a two-row
     * merged header on 组织信息 (负责人 over 姓名 | 职务), a 合计 row, a 注 note and a 填报人 footer.
     * The skipped rows are 2 (title, 填报) + 1 (合计 on activities) + 2 (note, footer) per sheet.
     */
    static byte[] governmentXlsx() {
        List<RawXlsx.Sheet> out = new ArrayList<>();
        for (RawXlsx.Sheet s : sheets(false)) {
            List<List<Object>> rows = new ArrayList<>();
            rows.add(List.of("兴庆区基层科协组织建设情况统计表（2024年第三季度）"));
            rows.add(List.of("填报单位：兴庆区科学技术协会    填报日期：2024年10月10日"));
            List<String> merges = new ArrayList<>();
            List<Object> header = s.rows().get(0);
            int leaderName = header.indexOf("负责人姓名");
            if (leaderName >= 0) {
                List<Object> top = new ArrayList<>(header);
                List<Object> sub = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    sub.add(null);
                }
                top.set(leaderName, "负责人");
                top.set(leaderName + 1, null);
                sub.set(leaderName, "姓名");
                sub.set(leaderName + 1, "职务");
                rows.add(top);
                rows.add(sub);
                for (int i = 0; i < header.size(); i++) {
                    String col = RawXlsx.column(i);
                    if (i == leaderName) {
                        merges.add(col + "3:" + RawXlsx.column(i + 1) + "3");
                    } else if (i != leaderName + 1) {
                        merges.add(col + "3:" + col + "4");
                    }
                }
            } else {
                rows.add(header);
            }
            rows.addAll(s.rows().subList(1, s.rows().size()));
            if (s.name().equals(Datasets.ACTIVITIES.sheet())) {
                int n = header.indexOf("参加人数");
                List<Object> total = new ArrayList<>();
                for (int i = 0; i < header.size(); i++) {
                    total.add(null);
                }
                total.set(0, "合计");
                total.set(n, activities().stream().mapToInt(m -> (Integer) m.get(Datasets.PARTICIPANTS)).sum());
                rows.add(total);
            }
            rows.add(List.of("注：本表由县级科协填报，日期按公历填写。"));
            rows.add(List.of("填报人：马小军    联系电话：13619501234"));
            out.add(new RawXlsx.Sheet(s.name(), rows, merges));
        }
        return new RawXlsx(out).bytes();
    }

    /** A valid .xls (Excel 97-2003) written with POI's HSSF, dates as text. */
    static byte[] xls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (RawXlsx.Sheet s : sheets(true)) {
                Sheet sheet = wb.createSheet(s.name());
                for (int r = 0; r < s.rows().size(); r++) {
                    Row row = sheet.createRow(r);
                    List<Object> values = s.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Number num) {
                            cell.setCellValue(num.doubleValue());
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One dataset as CSV in a charset, dates as text.
     *
     * @param d the dataset
     * @param rows its rows
     * @param charset the encoding
     * @param bom whether to start with a byte-order mark
     * @return the bytes
     */
    static byte[] csv(DatasetSchema d, List<Map<String, Object>> rows, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter w = new OutputStreamWriter(out, charset);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            if (bom) {
                w.write('\uFEFF');
            }
            for (List<Object> r : table(d, rows, true)) {
                p.printRecord(r.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
