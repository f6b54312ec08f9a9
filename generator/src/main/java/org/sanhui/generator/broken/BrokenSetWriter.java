package org.sanhui.generator.broken;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanhui.generator.sheet.FixedZip;
import org.sanhui.model.problem.ProblemCode;

/**
 * Writes {@code datasets/broken/}: files ingestion must refuse or partly reject, and under {@code valid/} odd but
 * valid files it must accept, with {@code EXPECTED.md} stating each outcome in a machine-readable table.
 *
 * <p>Every file is built from code with fixed content, fixed timestamps and salts drawn from the seed, so the
 * set is byte-for-byte reproducible. Each file is meant to be ingested alone into an empty warehouse.
 */
public final class BrokenSetWriter {

    /** The expected-outcome file's name. */
    public static final String EXPECTED = "EXPECTED.md";

    /** A row of EXPECTED.md. */
    private record Expect(String file, String outcome, String codes, int accepted, int rejected, String warnings,
            String what) {
    }

    private static final LocalDateTime STAMP = LocalDateTime.of(2024, 10, 12, 10, 0);
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final Path dir;
    private final long seed;
    private final List<Expect> expected = new ArrayList<>();

    private BrokenSetWriter(Path dir, long seed) {
        this.dir = dir;
        this.seed = seed;
    }

    /**
     * Writes the broken set and EXPECTED.md.
     *
     * @param dir the folder (created if absent)
     * @param seed the seed of the encryption salts
     * @return the number of files written (EXPECTED.md included)
     * @throws UncheckedIOException if a file cannot be written
     */
    public static int write(Path dir, long seed) {
        BrokenSetWriter w = new BrokenSetWriter(dir, seed);
        try {
            w.writeAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
        return w.expected.size() + 2;
    }

    // ------------------------------------------------------------------ layout helpers

    private static final String[] ORG_HEADER = {"序号", "组织编号", "组织名称", "组织类型", "所在地区", "成立日期", "状态",
        "负责人姓名", "会员人数"};
    private static final String[] ACT_HEADER = {"序号", "组织编号", "主办单位", "活动名称", "活动类型", "活动日期", "活动地点",
        "服务对象", "参加人数", "活动形式"};

    /** A sheet to write: name, header, rows (String, Integer or LocalDate cells). */
    private record SheetSpec(String name, String[] header, List<Object[]> rows) {
    }

    private static Object[] org(int n, String id, String name, String kind, String region, Object est, Object members) {
        return new Object[] {n, id, name, kind, region, est, "正常", "张*明".replace("*", "晓"), members};
    }

    private static Object[] act(int n, String id, String host, String title, String type, Object date, Object people) {
        return new Object[] {n, id, host, title, type, date, "", "社区居民", people, "线下"};
    }

    private static List<Object[]> xingqingOrgs() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(org(1, "640104-001", "兴庆区科学技术协会", "县级科协", "兴庆区", LocalDate.of(1990, 5, 4), 320));
        rows.add(org(2, "640104-002", "兴庆区基层医疗卫生学会", "基层医疗卫生学会", "兴庆区", LocalDate.of(2023, 6, 18), 85));
        rows.add(org(3, "640104-003", "凤凰北街街道科学技术协会", "乡镇（街道）科协", "640104001", LocalDate.of(2016, 3, 1), 40));
        return rows;
    }

    private static List<Object[]> xingqingActs() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(act(1, "640104-001", "兴庆区科学技术协会", "全国科普日·科普进社区", "科普宣传", LocalDate.of(2024, 9, 15), 200));
        rows.add(act(2, "640104-002", "兴庆区基层医疗卫生学会", "送医下乡义诊", "健康讲座义诊", LocalDate.of(2024, 8, 3), 120));
        rows.add(act(3, "640104-003", "凤凰北街街道科学技术协会", "应急科普宣传", "科普宣传", LocalDate.of(2024, 7, 20), 60));
        return rows;
    }

    private static String title(String county, String period) {
        return county + "基层科协组织建设情况统计表（" + period + "）";
    }

    private byte[] workbook(boolean xls, String title, String filingLine, List<SheetSpec> sheets) throws IOException {
        try (Workbook wb = xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (SheetSpec s : sheets) {
                Sheet sh = wb.createSheet(s.name());
                int r = 0;
                if (title != null) {
                    sh.createRow(r++).createCell(0).setCellValue(title);
                    sh.addMergedRegion(new CellRangeAddress(0, 0, 0, s.header().length - 1));
                }
                if (filingLine != null) {
                    sh.createRow(r++).createCell(0).setCellValue(filingLine);
                }
                Row h = sh.createRow(r++);
                for (int c = 0; c < s.header().length; c++) {
                    h.createCell(c).setCellValue(s.header()[c]);
                }
                for (Object[] v : s.rows()) {
                    Row row = sh.createRow(r++);
                    for (int c = 0; c < v.length; c++) {
                        if (v[c] instanceof Integer i) {
                            row.createCell(c).setCellValue(i);
                        } else if (v[c] instanceof LocalDate d) {
                            row.createCell(c).setCellValue(d);
                            row.getCell(c).setCellStyle(date);
                        } else if (v[c] != null && !v[c].toString().isEmpty()) {
                            row.createCell(c).setCellValue(v[c].toString());
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Date d = Date.from(STAMP.toInstant(ZoneOffset.ofHours(8)));
            if (wb instanceof XSSFWorkbook x) {
                var core = x.getProperties().getCoreProperties();
                core.setCreator("sanhui generator");
                core.setCreated(Optional.of(d));
                core.setModified(Optional.of(d));
                x.write(out);
                return FixedZip.rewrite(out.toByteArray(), STAMP);
            }
            HSSFWorkbook hw = (HSSFWorkbook) wb;
            hw.createInformationProperties();
            hw.getSummaryInformation().setAuthor("sanhui generator");
            hw.getSummaryInformation().setCreateDateTime(d);
            hw.getSummaryInformation().setLastSaveDateTime(d);
            hw.write(out);
            return out.toByteArray();
        }
    }

    private static final String FILING = "填报单位：兴庆区科协（盖章）　　　　填报日期：2024年10月12日";

    private byte[] xingqing(List<Object[]> orgs, List<Object[]> acts) throws IOException {
        List<SheetSpec> sheets = new ArrayList<>();
        sheets.add(new SheetSpec("组织信息", ORG_HEADER, orgs));
        if (acts != null) {
            sheets.add(new SheetSpec("活动记录", ACT_HEADER, acts));
        }
        return workbook(false, title("兴庆区", "2024年第三季度"), FILING, sheets);
    }

    private void put(String rel, byte[] bytes) throws IOException {
        Path f = dir.resolve(rel);
        Files.createDirectories(f.getParent());
        Files.write(f, bytes);
    }

    private void expect(String file, ProblemCode refused, String what) {
        expected.add(new Expect(file, "REFUSED", refused.name(), 0, 0, "-", what));
    }

    private void expect(String file, int accepted, String codes, int rejected, String warnings, String what) {
        expected.add(new Expect(file, "ACCEPTED", codes, accepted, rejected, warnings, what));
    }

    // ------------------------------------------------------------------ the files

    private void writeAll() throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        // 1. wrong sheet names
        put("640104_兴庆区_2024Q3_wrong_sheet_names.xlsx", workbook(false, title("兴庆区", "2024年第三季度"), FILING,
                List.of(new SheetSpec("Sheet1", ORG_HEADER, xingqingOrgs()), new SheetSpec("Sheet2", ACT_HEADER,
                        xingqingActs()))));
        expect("640104_兴庆区_2024Q3_wrong_sheet_names.xlsx", 6, "-", 0, "SHEET_NAME_GUESSED",
                "sheets named Sheet1/Sheet2: none of 组织信息, 关键人物, 活动记录, 年度评价 (or their aliases), but their"
                        + " headers clearly show 组织信息 and 活动记录: taken as those, with a warning naming them");
        // 2. missing required column
        String[] noTitle = Arrays.stream(ACT_HEADER).filter(h -> !h.equals("活动名称")).toArray(String[]::new);
        List<Object[]> acts2 = new ArrayList<>();
        for (Object[] a : xingqingActs()) {
            List<Object> l = new ArrayList<>(Arrays.asList(a));
            l.remove(3);
            acts2.add(l.toArray());
        }
        put("640104_兴庆区_2024Q3_missing_column.xlsx", workbook(false, title("兴庆区", "2024年第三季度"), FILING,
                List.of(new SheetSpec("活动记录", noTitle, acts2))));
        expect("640104_兴庆区_2024Q3_missing_column.xlsx", ProblemCode.MISSING_COLUMN,
                "its only sheet, 活动记录, lacks the required column 活动名称, so nothing can be taken");
        // 3. dates outside the period
        List<Object[]> acts3 = xingqingActs();
        acts3.add(act(4, "640104-001", "兴庆区科学技术协会", "冬季科普大讲堂", "科普宣传", LocalDate.of(2024, 10, 8), 90));
        acts3.add(act(5, "640104-002", "兴庆区基层医疗卫生学会", "年终学术交流会", "学术交流", LocalDate.of(2023, 12, 20), 40));
        put("640104_兴庆区_2024Q3_dates_outside_period.xlsx", xingqing(xingqingOrgs(), acts3));
        expect("640104_兴庆区_2024Q3_dates_outside_period.xlsx", 6, "DATE_AFTER_PERIOD:1;DATE_BEFORE_YEAR:1", 2, "-",
                "2024Q3 file filed 2024-10-12: an activity of 2024-10-08 (after the period end, before filing) and one"
                        + " of 2023-12-20 (before the year)");
        // 4. unknown county
        put("999999_2024Q3.xlsx", workbook(false, "基层科协组织建设情况统计表（2024年第三季度）",
                "填报单位：999999科协　　　　填报日期：2024年10月12日",
                List.of(new SheetSpec("组织信息", ORG_HEADER, List.<Object[]>of(org(1, "999999-001", "某县科学技术协会",
                        "县级科协", "999999", LocalDate.of(1990, 1, 1), 100))))));
        expect("999999_2024Q3.xlsx", ProblemCode.UNKNOWN_COUNTY,
                "the only county named anywhere is the code 999999, which the gazetteer does not know");
        // 5. a township outside the submitting county
        List<Object[]> orgs5 = xingqingOrgs();
        orgs5.add(org(4, "640104-004", "文昌路街道科学技术协会", "乡镇（街道）科协", "640105001", LocalDate.of(2018, 4, 1), 30));
        put("640104_兴庆区_2024Q3_township_outside_county.xlsx", xingqing(orgs5, null));
        expect("640104_兴庆区_2024Q3_township_outside_county.xlsx", 3, "REGION_OUTSIDE_COUNTY:1", 1, "-",
                "兴庆区 lists a 科协 in 640105001, a township of 西夏区");
        // 6. duplicate rows
        List<Object[]> acts6 = xingqingActs();
        Object[] dup = acts6.get(1).clone();
        dup[0] = 4;
        acts6.add(dup);
        put("640104_兴庆区_2024Q3_duplicate_rows.xlsx", xingqing(xingqingOrgs(), acts6));
        expect("640104_兴庆区_2024Q3_duplicate_rows.xlsx", 6, "DUPLICATE_ROW:1", 1, "-",
                "活动记录 row 4 repeats row 2 (all cells but 序号): the first copy stands, the second is rejected");
        // 7. negative and text counts
        List<Object[]> orgs7 = xingqingOrgs();
        orgs7.add(org(4, "640104-004", "兴庆区基层农业技术学会", "基层农业技术学会", "兴庆区", LocalDate.of(2023, 8, 1), -5));
        List<Object[]> acts7 = xingqingActs();
        acts7.add(act(4, "640104-001", "兴庆区科学技术协会", "科技志愿服务进社区", "科技志愿服务", LocalDate.of(2024, 8, 20), -20));
        acts7.add(act(5, "640104-002", "兴庆区基层医疗卫生学会", "慢性病防治讲座", "健康讲座义诊", LocalDate.of(2024, 9, 2), "三十人"));
        put("640104_兴庆区_2024Q3_negative_and_text_counts.xlsx", xingqing(orgs7, acts7));
        expect("640104_兴庆区_2024Q3_negative_and_text_counts.xlsx", 6, "BAD_NUMBER:1;NEGATIVE_COUNT:2", 3, "-",
                "会员人数 -5 (组织信息), 参加人数 -20 and 参加人数 三十人 (活动记录)");
        // 8. an activity whose organiser is unknown
        List<Object[]> acts8 = xingqingActs();
        acts8.add(act(4, "640104-099", "兴庆区青年科技工作者联谊会", "青年科技沙龙", "学术交流", LocalDate.of(2024, 8, 9), 30));
        put("640104_兴庆区_2024Q3_unknown_organiser.xlsx", xingqing(xingqingOrgs(), acts8));
        expect("640104_兴庆区_2024Q3_unknown_organiser.xlsx", 6, "UNKNOWN_ORGANISATION:1", 1, "-",
                "an activity of 640104-099 / 兴庆区青年科技工作者联谊会, listed nowhere (ingested into an empty warehouse)");
        // 9. an unmapped grade word
        String[] evalHeader = {"序号", "所在县（区）", "组织编号", "组织名称", "组织类型", "评价年度", "评价等次", "得分"};
        List<Object[]> evals = new ArrayList<>();
        evals.add(new Object[] {1, "兴庆区", "640104-002", "兴庆区基层医疗卫生学会", "基层医疗卫生学会", 2024, "优秀", 92});
        evals.add(new Object[] {2, "兴庆区", "640104-005", "兴庆区基层科技教育学会", "基层科技教育学会", 2024, "合格", 78});
        evals.add(new Object[] {3, "西夏区", "640105-002", "西夏区基层农业技术学会", "基层农业技术学会", 2024, "待定", null});
        put("64_宁夏回族自治区_2024年度评价_unmapped_grade.xlsx", workbook(false,
                "宁夏回族自治区基层学会年度评价结果（2024年度）", "填报单位：宁夏回族自治区科学技术协会　　　　填报日期：2025年2月20日",
                List.of(new SheetSpec("年度评价", evalHeader, evals))));
        expect("64_宁夏回族自治区_2024年度评价_unmapped_grade.xlsx", 2, "UNMAPPED_GRADE:1", 1, "-",
                "the grade word 待定 is not in the grade mapping; evaluations are not checked against known organisations");
        // 10. truncated xlsx
        byte[] good = xingqing(xingqingOrgs(), xingqingActs());
        put("640104_兴庆区_2024Q3_truncated.xlsx", Arrays.copyOf(good, good.length / 2));
        expect("640104_兴庆区_2024Q3_truncated.xlsx", ProblemCode.CORRUPT_FILE,
                "a valid workbook cut to half its length (no zip central directory)");
        // 11. password-protected xlsx
        put("640104_兴庆区_2024Q3_encrypted.xlsx", encrypt(good, "sanhui"));
        expect("640104_兴庆区_2024Q3_encrypted.xlsx", ProblemCode.ENCRYPTED_FILE,
                "agile-encrypted OOXML (an OLE2 container with EncryptionInfo), password sanhui");
        // 12. Excel 95 (BIFF5)
        put("640104_兴庆区_2024Q3_excel95.xls", Biff5.workbook("组织信息", new String[][] {ORG_HEADER,
            {"1", "640104-001", "兴庆区科学技术协会", "县级科协", "兴庆区", "1990-05-04", "正常", "张晓明", "320"}}));
        expect("640104_兴庆区_2024Q3_excel95.xls", ProblemCode.UNSUPPORTED_FORMAT,
                "Excel 5.0/95 workbook (BIFF5, an OLE2 'Book' stream): re-save as .xlsx");
        // 13. xlsb
        put("640104_兴庆区_2024Q3.xlsb", xlsb());
        expect("640104_兴庆区_2024Q3.xlsb", ProblemCode.UNSUPPORTED_FORMAT,
                "Excel binary workbook (zip with xl/workbook.bin of the xlsb content type): re-save as .xlsx");
        // 14. empty file
        put("640104_兴庆区_2024Q3_empty.xlsx", new byte[0]);
        expect("640104_兴庆区_2024Q3_empty.xlsx", ProblemCode.EMPTY_FILE, "zero bytes");
        // 15. HTML saved as .xls
        put("640104_兴庆区_2024Q3_html.xls", html().getBytes(StandardCharsets.UTF_8));
        expect("640104_兴庆区_2024Q3_html.xls", ProblemCode.UNSUPPORTED_FORMAT,
                "an HTML table saved with the .xls extension (what some systems export)");
        // 16. mixed encoding CSV
        put("640104_兴庆区_2024Q3_组织信息_mixed_encoding.csv", mixedCsv());
        expect("640104_兴庆区_2024Q3_组织信息_mixed_encoding.csv", ProblemCode.BAD_ENCODING,
                "header and first row in UTF-8, the next rows in GBK: no single encoding decodes the file");
        // 17. period conflict
        put("640104_兴庆区_2024Q2_period_conflict.xlsx", xingqing(xingqingOrgs(), xingqingActs()));
        expect("640104_兴庆区_2024Q2_period_conflict.xlsx", ProblemCode.PERIOD_CONFLICT,
                "the file name says 2024Q2, the title says 2024年第三季度");
        // 18. county conflict
        put("640105_西夏区_2024Q3_county_conflict.xlsx", xingqing(xingqingOrgs(), xingqingActs()));
        expect("640105_西夏区_2024Q3_county_conflict.xlsx", ProblemCode.COUNTY_CONFLICT,
                "the file name says 640105 西夏区, the title and 填报单位 say 兴庆区");
        // 19. invalid filing date
        put("640104_兴庆区_2024Q3_bad_filing_date.xlsx", workbook(false, title("兴庆区", "2024年第三季度"),
                "填报单位：兴庆区科协（盖章）　　　　填报日期：2024年13月45日",
                List.of(new SheetSpec("组织信息", ORG_HEADER, xingqingOrgs()))));
        expect("640104_兴庆区_2024Q3_bad_filing_date.xlsx", ProblemCode.BAD_FILING_DATE,
                "填报日期：2024年13月45日 is not a date");
        // 20. post ending before it starts
        String[] postHeader = {"序号", "姓名", "工作单位", "关键人物类别", "组织编号", "任职组织", "科协职务", "任职开始日期",
            "任职结束日期", "联系电话"};
        List<Object[]> posts = new ArrayList<>();
        posts.add(new Object[] {1, "王晓芳", "兴庆区人民医院", "医院院长", "640104-001", "兴庆区科学技术协会", "兼职副主席",
            LocalDate.of(2022, 3, 1), null, "10012345678"});
        posts.add(new Object[] {2, "李建国", "兴庆区第一中学", "学校校长", "640104-001", "兴庆区科学技术协会", "挂职副主席",
            LocalDate.of(2024, 5, 1), LocalDate.of(2023, 5, 1), "10087654321"});
        put("640104_兴庆区_2024Q3_end_before_start.xlsx", workbook(false, title("兴庆区", "2024年第三季度"), FILING,
                List.of(new SheetSpec("组织信息", ORG_HEADER, xingqingOrgs()), new SheetSpec("关键人物", postHeader, posts))));
        expect("640104_兴庆区_2024Q3_end_before_start.xlsx", 4, "END_BEFORE_START:1", 1, "-",
                "a seconded post from 2024-05-01 to 2023-05-01");
        // 21. a 合计 row that does not match
        List<SheetSpec> tot = new ArrayList<>();
        List<Object[]> acts21 = xingqingActs();
        acts21.add(new Object[] {"合计", null, null, null, null, null, null, null, 999, null});
        tot.add(new SheetSpec("组织信息", ORG_HEADER, xingqingOrgs()));
        tot.add(new SheetSpec("活动记录", ACT_HEADER, acts21));
        put("640104_兴庆区_2024Q3_total_mismatch.xlsx", workbook(false, title("兴庆区", "2024年第三季度"), FILING, tot));
        expect("640104_兴庆区_2024Q3_total_mismatch.xlsx", 6, "-", 0, "TOTAL_MISMATCH",
                "活动记录 合计 参加人数 999, the detail rows sum to 380; a warning, the rows are accepted");

        // ---------------------------------------------------------------- odd but valid
        put("valid/640105_西夏区_2024Q3.xls", workbook(true, title("西夏区", "2024年第三季度"),
                "填报单位：西夏区科协（盖章）　　　　填报日期：2024年10月9日", List.of(new SheetSpec("组织信息", ORG_HEADER,
                        List.<Object[]>of(org(1, "640105-001", "西夏区科学技术协会", "县级科协", "西夏区", LocalDate.of(1992, 7, 1), 260),
                                org(2, "640105-002", "西夏区基层农业技术学会", "基层农业技术学会", "西夏区",
                                        LocalDate.of(2023, 9, 6), 64))))));
        expect("valid/640105_西夏区_2024Q3.xls", 2, "-", 0, "-", "Excel 97-2003 workbook (BIFF8, HSSF) with a title,"
                + " a 填报 line and Excel date cells");
        String gbkRows = csv(new String[][] {ORG_HEADER,
            {"1", "640106-001", "金凤区科学技术协会", "县级科协", "金凤区", "2002/8/1", "正常", "赵丽娟", "280"},
            {"2", "640106-002", "金凤区基层科技教育学会", "基层科技教育学会", "金凤区", "2023.5.16", "正常", "钱志强", "120"},
            {"3", "640106-003", "满城北街街道科学技术协会", "街道科协", "满城北街街道", "2017年3月2日", "正常", "孙秀英", "35"}});
        put("valid/640106_金凤区_2024Q3_组织信息.csv", gbkRows.getBytes(GBK));
        expect("valid/640106_金凤区_2024Q3_组织信息.csv", 3, "-", 0, "-", "GBK CSV, dates as 2002/8/1, 2023.5.16, 2017年3月2日;"
                + " filing date from valid/received.csv");
        String rare = "\u4DAE"; // 䶮, CJK Extension A: GB18030 encodes it, GBK cannot
        String gb = csv(new String[][] {ORG_HEADER,
            {"1", "640121-001", "永宁县科学技术协会", "县级科协", "永宁县", "1988-10-01", "正常", "刘" + rare, "300"},
            {"2", "640121-002", "永宁县基层医疗卫生学会", "基层医疗卫生学会", "永宁县", "2023-07-01", "正常", "马" + rare + "华", "90"}});
        put("valid/640121_永宁县_2024Q3_组织信息.csv", gb.getBytes(GB18030));
        expect("valid/640121_永宁县_2024Q3_组织信息.csv", 2, "-", 0, "-", "GB18030 CSV with 䶮 (U+4DAE), which GBK cannot"
                + " encode: decoding as GBK would fail or lose it");
        put("valid/640122_贺兰县_2024Q3_month_only_dates.xlsx", workbook(false, title("贺兰县", "2024年第三季度"),
                "填报单位：贺兰县科协（盖章）　　　　填报日期：2024年10月10日", List.of(new SheetSpec("组织信息", ORG_HEADER,
                        List.<Object[]>of(org(1, "640122-001", "贺兰县科学技术协会", "县级科协", "贺兰县", "1995年6月", 310),
                                org(2, "640122-002", "贺兰县基层医疗卫生学会", "基层医疗卫生学会", "贺兰县", "2023年11月", 70),
                                org(3, "640122-003", "贺兰县基层农业技术学会", "基层农业技术学会", "贺兰县", "2024年9月", 55))))));
        expect("valid/640122_贺兰县_2024Q3_month_only_dates.xlsx", 3, "-", 0, "-", "成立日期 as months only (1995年6月,"
                + " 2023年11月, 2024年9月): stored as the month's last day with precision MONTH (2023-11-30, 2024-09-30)");
        put("valid/received.csv", ("file,date\n640106_金凤区_2024Q3_组织信息.csv,2024-10-11\n"
                + "640121_永宁县_2024Q3_组织信息.csv,2024-10-14\n").getBytes(StandardCharsets.UTF_8));
        writeExpected();
    }

    private static String csv(String[][] rows) {
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(String.join(",", r)).append("\r\n");
        }
        return b.toString();
    }

    private byte[] encrypt(byte[] xlsx, String password) throws IOException, GeneralSecurityException {
        SplittableRandom r = new SplittableRandom(seed);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            int block = info.getHeader().getBlockSize();
            int key = info.getHeader().getKeySize() / 8;
            int hash = info.getHeader().getHashAlgorithm().hashSize;
            enc.confirmPassword(password, bytes(r, key), bytes(r, block), bytes(r, block), bytes(r, block),
                    bytes(r, hash));
            try (OutputStream os = enc.getDataStream(fs)) {
                new ByteArrayInputStream(xlsx).transferTo(os);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    private static byte[] xlsb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            entry(z, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.bin\" ContentType=\"application/vnd.ms-excel.worksheet\"/>"
                    + "</Types>");
            entry(z, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"xl/workbook.bin\"/></Relationships>");
            entry(z, "xl/_rels/workbook.bin.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\""
                    + " Target=\"worksheets/sheet1.bin\"/></Relationships>");
            // BrtBeginBook (0x83, size 0), BrtBundleSh for 组织信息 would follow; a record stream is enough here
            byte[] wbBin = {(byte) 0x83, 0x01, 0x00, (byte) 0x84, 0x01, 0x00};
            ZipEntry e = new ZipEntry("xl/workbook.bin");
            e.setTimeLocal(STAMP);
            z.putNextEntry(e);
            z.write(wbBin);
            z.closeEntry();
            ZipEntry s = new ZipEntry("xl/worksheets/sheet1.bin");
            s.setTimeLocal(STAMP);
            z.putNextEntry(s);
            z.write(new byte[] {(byte) 0x81, 0x01, 0x00, (byte) 0x82, 0x01, 0x00});
            z.closeEntry();
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream z, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(STAMP);
        z.putNextEntry(e);
        z.write(text.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    private static String html() {
        StringBuilder b = new StringBuilder("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                + "xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n<head><meta charset=\"UTF-8\">"
                + "<title>兴庆区基层科协组织建设情况统计表</title></head>\n<body>\n<table border=\"1\">\n<tr>");
        for (String h : ORG_HEADER) {
            b.append("<th>").append(h).append("</th>");
        }
        b.append("</tr>\n");
        for (Object[] r : xingqingOrgs()) {
            b.append("<tr>");
            for (Object c : r) {
                b.append("<td>").append(c).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n</body>\n</html>\n").toString();
    }

    private static byte[] mixedCsv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] lines = {String.join(",", ORG_HEADER),
            "1,640104-001,兴庆区科学技术协会,县级科协,兴庆区,1990-05-04,正常,张晓明,320",
            "2,640104-002,兴庆区基层医疗卫生学会,基层医疗卫生学会,兴庆区,2023-06-18,正常,王秀英,85",
            "3,640104-003,凤凰北街街道科学技术协会,乡镇（街道）科协,640104001,2016-03-01,正常,李国华,40"};
        for (int i = 0; i < lines.length; i++) {
            byte[] b = (lines[i] + "\r\n").getBytes(i < 2 ? StandardCharsets.UTF_8 : GBK);
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    private void writeExpected() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# datasets/broken: expected outcomes\n\n");
        b.append("Written by `org.sanhui.generator.broken.BrokenSetWriter` (regenerate with\n");
        b.append("`GeneratorMain --broken datasets/broken`); do not edit by hand.\n\n");
        b.append("Each file is ingested **alone into an empty warehouse** (no `--period`, no `--submitter`);\n");
        b.append("county, period and filing date come from the file (title, 填报 line, file name) or, for the CSV\n");
        b.append("files under `valid/`, from `valid/received.csv`.\n\n");
        b.append("Columns (the table below is machine-readable: one row per file, `|`-separated):\n\n");
        b.append("- `file`: path relative to `datasets/broken/`;\n");
        b.append("- `outcome`: `REFUSED` (the whole file refused with a FATAL problem) or `ACCEPTED` (the file is\n");
        b.append("  taken; some rows may be rejected: ACCEPTED with `rejected` > 0 is what ingestion's report calls\n");
        b.append("  PARTIAL);\n");
        b.append("- `codes`: for REFUSED the `ProblemCode` of the refusal; for ACCEPTED the rejected rows by code,\n");
        b.append("  `CODE:n` joined by `;`, or `-` when no row is rejected;\n");
        b.append("- `accepted`, `rejected`: data rows accepted and rejected over all sheets (0 for REFUSED);\n");
        b.append("- `warnings`: `ProblemCode`s of warnings that must be reported at least once, `;`-joined, or `-`.\n\n");
        b.append("| file | outcome | codes | accepted | rejected | warnings | what |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (Expect e : expected) {
            b.append("| ").append(e.file()).append(" | ").append(e.outcome()).append(" | ").append(e.codes())
                    .append(" | ").append(e.accepted()).append(" | ").append(e.rejected()).append(" | ")
                    .append(e.warnings()).append(" | ").append(e.what()).append(" |\n");
        }
        b.append("\nFiles under `valid/` are odd but valid and must be accepted with zero rejected rows.\n");
        put(EXPECTED, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a minimal Excel 5.0/95 (BIFF5) workbook: an OLE2 file whose "Book" stream holds BIFF5 records. */
    static final class Biff5 {
        private Biff5() {
        }

        static byte[] workbook(String sheetName, String[][] cells) throws IOException {
            Charset cp = GBK;
            ByteArrayOutputStream sheet = new ByteArrayOutputStream();
            record(sheet, 0x0809, bof(0x0010));
            record(sheet, 0x0200, le(0, cells.length, 0, cells[0].length, 0)); // DIMENSIONS: rows, cols (16-bit)
            for (int r = 0; r < cells.length; r++) {
                for (int c = 0; c < cells[r].length; c++) {
                    byte[] text = cells[r][c].getBytes(cp);
                    ByteBuffer bb = ByteBuffer.allocate(8 + text.length).order(ByteOrder.LITTLE_ENDIAN);
                    bb.putShort((short) r).putShort((short) c).putShort((short) 15).putShort((short) text.length)
                            .put(text);
                    record(sheet, 0x0204, bb.array()); // LABEL
                }
            }
            record(sheet, 0x000A, new byte[0]); // EOF
            byte[] name = sheetName.getBytes(cp);
            ByteArrayOutputStream globals = new ByteArrayOutputStream();
            record(globals, 0x0809, bof(0x0005));
            record(globals, 0x0042, le(936)); // CODEPAGE: GBK
            int boundsheetLen = 4 + 6 + 1 + 1 + 1 + name.length;
            int eofLen = 4;
            int sheetOffset = globals.size() + boundsheetLen + eofLen;
            ByteBuffer bs = ByteBuffer.allocate(6 + 1 + name.length).order(ByteOrder.LITTLE_ENDIAN);
            bs.putInt(sheetOffset).put((byte) 0).put((byte) 0).put((byte) name.length).put(name);
            record(globals, 0x0085, bs.array()); // BOUNDSHEET
            record(globals, 0x000A, new byte[0]);
            ByteArrayOutputStream book = new ByteArrayOutputStream();
            globals.writeTo(book);
            sheet.writeTo(book);
            try (POIFSFileSystem fs = new POIFSFileSystem()) {
                fs.createDocument(new ByteArrayInputStream(book.toByteArray()), "Book");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                fs.writeFilesystem(out);
                return out.toByteArray();
            }
        }

        private static byte[] bof(int type) {
            return le(0x0500, type, 0x1FA3, 0x07CD); // BIFF5, type, build, year 1997
        }

        private static byte[] le(int... shorts) {
            ByteBuffer bb = ByteBuffer.allocate(shorts.length * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int s : shorts) {
                bb.putShort((short) s);
            }
            return bb.array();
        }

        private static void record(ByteArrayOutputStream out, int type, byte[] data) {
            ByteBuffer bb = ByteBuffer.allocate(4 + data.length).order(ByteOrder.LITTLE_ENDIAN);
            bb.putShort((short) type).putShort((short) data.length).put(data);
            out.write(bb.array(), 0, bb.capacity());
        }
    }
}
