package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.ingestion.warehouse.WarehouseLock;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.warehouse.LiveFile;
import org.sanhui.model.warehouse.LiveManifest;

class IngestorTest {

    @TempDir
    Path tmp;

    static Map<String, List<List<Object>>> xingqing2024Q3() {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(
                row("银川市兴庆区基层科协组织建设情况统计表（2024年第三季度）"),
                row("填报单位：兴庆区科协", null, null, null, "填报日期：2024年10月8日"),
                row("序号", "组织编号", "组织名称", "组织类型", "所在地区", "成立日期", "状态", "负责人", null, "会员人数", "联系电话"),
                row(null, null, null, null, null, null, null, "姓名", "职务", null, null),
                row(1, "XQ001", "兴庆区科协", "县级科协", "640104", 45000, "正常", "王小芳", "主席", 30, "13912345678"),
                row(2, "XQ002", "掌政镇科协", "乡镇科协", "掌政镇", "2023-05-01", "正常", "李四", "主席", 20, null),
                row(3, "XQ003", "兴庆区医疗卫生学会", "医疗卫生学会", "640104", "2023年11月", null, "张三丰", "会长", "-5", null),
                row(4, "XQ004", "外区科协", "乡镇科协", "西花园路街道", "2023-01-01", "正常", null, null, 10, null),
                row("合计", null, null, null, null, null, null, null, null, 60, null),
                row("注：本表由各县（区）科协填报。"),
                row("填报人：赵六", null, null, "联系电话：0951-1234567")));
        s.put("活动记录", List.of(
                row("兴庆区基层科协活动记录（2024年第三季度）"),
                row("组织编号", "主办单位", "活动名称", "活动类型", "活动日期", "活动地点", "服务对象", "参加人数", "活动形式", "备注", "奇怪列"),
                row("XQ001", null, "科普进社区", "科普宣传", "2024-07-15", "掌政镇", "青少年、老年人", 120, "线下", null, "x"),
                row(null, "掌政镇科协", "农技培训", "实用技术培训", "2024/8/1", null, "农民", 50, "线上线下"),
                row("XQ001", null, "科普进社区", "科普宣传", "2024-07-15", "掌政镇", "青少年、老年人", 120, "线下"),
                row("XQ999", null, "无主活动", "科普宣传", "2024-07-20", null, null, 10),
                row("XQ002", null, "提前活动", "科普宣传", "2024-10-20", null, null, 10),
                row("XQ002", null, "补报活动", "科普宣传", "2024-05-20", null, null, 10)));
        return s;
    }

    private IngestReport ingest(Path warehouse, Path feedback, Path... files) {
        return new Ingestor().ingest(List.of(files), IngestOptions.builder(warehouse).feedbackDir(feedback).build());
    }

    @Test
    void ingestsWorkbookWithTitleTwoRowHeaderTotalsNotesFooterAndCountsReconcile() throws Exception {
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), xingqing2024Q3());
        Path wh = tmp.resolve("wh");
        IngestReport rep = ingest(wh, tmp.resolve("fb"), f);

        assertThat(rep.exitCode()).isEqualTo(1);
        IngestReport.FileReport fr = rep.files().get(0);
        assertThat(fr.outcome()).isEqualTo(IngestReport.Outcome.PARTIAL);
        assertThat(fr.submissions()).hasSize(1);
        IngestReport.SubmissionReport sub = fr.submissions().get(0);
        assertThat(sub.county()).isEqualTo("640104");
        assertThat(sub.period().toString()).isEqualTo("2024Q3");
        assertThat(sub.filingDate()).isEqualTo(LocalDate.of(2024, 10, 8));
        Map<String, IngestReport.SheetReport> sheets = fr.sheets().stream()
                .collect(Collectors.toMap(IngestReport.SheetReport::sheet, x -> x));
        // 组织信息: title, 填报 line, 2 header rows, 4 data, 合计, 注, footer = 11 read; XQ003 (negative) and XQ004
        // (outside) rejected
        assertThat(sheets.get("组织信息")).extracting("read", "accepted", "rejected", "skipped")
                .containsExactly(11L, 2L, 2L, 7L);
        // 活动记录: title, header, 6 data; duplicate, unknown organiser and after-period rejected
        assertThat(sheets.get("活动记录")).extracting("read", "accepted", "rejected", "skipped")
                .containsExactly(8L, 3L, 3L, 2L);
        List<ProblemCode> codes = sub.problems().stream().map(Problem::code).toList();
        assertThat(codes).contains(ProblemCode.NEGATIVE_COUNT, ProblemCode.REGION_OUTSIDE_COUNTY,
                ProblemCode.TOTAL_MISMATCH, ProblemCode.DUPLICATE_ROW, ProblemCode.UNKNOWN_ORGANISATION,
                ProblemCode.DATE_AFTER_PERIOD, ProblemCode.REPORTED_LATE, ProblemCode.UNKNOWN_COLUMN,
                ProblemCode.BLANK_STATUS);
        Problem total = sub.problems().stream().filter(p -> p.code() == ProblemCode.TOTAL_MISMATCH).findFirst().orElseThrow();
        assertThat(total.location().row()).isEqualTo(9);
        assertThat(total.messageEn()).contains("60").contains("55");
        // names masked, phones nowhere
        assertThat(sub.problems().toString()).doesNotContain("张三丰").doesNotContain("13912345678");

        LiveManifest m = LiveManifest.read(wh);
        assertThat(m.of("organisations")).hasSize(1);
        assertThat(m.of("activities")).hasSize(1);
        assertThat(m.of("submissions")).hasSize(1);
        assertThat(m.of("organisations").get(0).rows()).isEqualTo(2);

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select org_key, established, leader_name, members, region_code, status from '"
                    + wh.resolve(m.of("organisations").get(0).path()) + "' order by org_key");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("640104/XQ001");
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2023, 3, 15)); // Excel serial 45000
            assertThat(rs.getString(3)).isEqualTo("王小芳");
            assertThat(rs.getInt(4)).isEqualTo(30);
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("640104/XQ002");
            assertThat(rs.getString(5)).isEqualTo("640104100");
            rs = st.executeQuery("select title, place_code, place_defaulted, target_groups, reported_late, form from '"
                    + wh.resolve(m.of("activities").get(0).path()) + "' order by source_row");
            List<String> got = new ArrayList<>();
            while (rs.next()) {
                got.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3) + "|" + rs.getString(4) + "|"
                        + rs.getBoolean(5) + "|" + rs.getString(6));
            }
            assertThat(got).containsExactly("科普进社区|640104100|false|ELDERLY;YOUTH|false|OFFLINE",
                    "农技培训|640104100|true|FARMERS|false|BOTH", "补报活动|640104100|true|null|true|null");
            rs = st.executeQuery("select filing_date, rows_read, rows_accepted, rows_rejected, rows_skipped, sha256 from '"
                    + wh.resolve(m.of("submissions").get(0).path()) + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, LocalDate.class)).isEqualTo(LocalDate.of(2024, 10, 8));
            assertThat(rs.getLong(2)).isEqualTo(19);
            assertThat(rs.getLong(3)).isEqualTo(5);
            assertThat(rs.getLong(4)).isEqualTo(5);
            assertThat(rs.getLong(5)).isEqualTo(9);
            // the file's own hash (worked out on a second thread while the file is opened)
            assertThat(rs.getString(6)).isEqualTo(java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            assertThat(fr.sha256()).isEqualTo(rs.getString(6));
            rs = st.executeQuery("select count(*), count(*) filter (where code = 'NEGATIVE_COUNT') from read_parquet(["
                    + m.of("rejects").stream().map(x -> "'" + wh.resolve(x.path()) + "'").collect(Collectors.joining(","))
                    + "])");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(sub.problemCount());
            assertThat(rs.getLong(2)).isEqualTo(1);
        }
        // no phone number and no unmasked rejected name anywhere in the warehouse
        try (Stream<Path> all = Files.walk(wh)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(bytes).doesNotContain("13912345678").doesNotContain("0951-1234567");
            }
        }
    }

    @Test
    void duplicatesAreFoundNearAndFarAndEveryRowIsReportedInOrder() throws Exception {
        // rows 3..42: row 5 repeats row 3, row 24 row 22, row 30 row 4, row 41 row 29; row 20 has an unknown type;
        // row 25 is a 合计 row whose sum is wrong; clean rows wait in small groups for their duplicate check
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(
                row("兴庆区基层科协组织信息（2024年第三季度）"),
                row("组织编号", "组织名称", "组织类型", "所在地区"),
                row("XQ001", "兴庆区科协", "县级科协", "640104")));
        List<List<Object>> acts = new ArrayList<>();
        acts.add(row("兴庆区基层科协活动记录（2024年第三季度）"));
        acts.add(row("组织编号", "活动名称", "活动类型", "活动日期", "活动地点", "参加人数"));
        for (int r = 3; r <= 42; r++) {
            int same = r == 5 ? 3 : r == 24 ? 22 : r == 30 ? 4 : r == 41 ? 29 : r;
            if (r == 25) {
                acts.add(row("合计", null, null, null, null, 999));
            } else {
                acts.add(row("XQ001", "活动" + same, r == 20 ? "飞行表演" : "科普宣传", "2024-08-0" + (same % 9 + 1), "掌政镇", 10));
            }
        }
        s.put("活动记录", acts);
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), s);
        Path wh = tmp.resolve("wh");
        IngestReport rep = ingest(wh, null, f);

        IngestReport.SubmissionReport sub = rep.files().get(0).submissions().get(0);
        IngestReport.SheetReport acts2 = rep.files().get(0).sheets().stream().filter(x -> x.sheet().equals("活动记录"))
                .findFirst().orElseThrow();
        assertThat(acts2).extracting("read", "accepted", "rejected", "skipped").containsExactly(42L, 34L, 5L, 3L);
        assertThat(sub.problems().stream().filter(p -> "活动记录".equals(p.location().sheet()))
                .map(p -> p.code() + "@" + p.location().row())).containsExactly("DUPLICATE_ROW@5", "UNKNOWN_VALUE@20",
                        "DUPLICATE_ROW@24", "TOTAL_MISMATCH@25", "DUPLICATE_ROW@30", "DUPLICATE_ROW@41");
        LiveManifest m = LiveManifest.read(wh);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select list(source_row order by source_row)::varchar, count(*) from '"
                    + wh.resolve(m.of("activities").get(0).path()) + "'");
            rs.next();
            List<String> expected = new ArrayList<>();
            for (int r = 3; r <= 42; r++) {
                if (r != 5 && r != 24 && r != 30 && r != 41 && r != 20 && r != 25) {
                    expected.add(String.valueOf(r));
                }
            }
            assertThat(rs.getString(1)).isEqualTo("[" + String.join(", ", expected) + "]");
            assertThat(rs.getLong(2)).isEqualTo(34);
        }
    }

    @Test
    void feedbackWorkbookListsProblemsMarksBadCellsMasksNamesAndNeutralisesFormulas() throws Exception {
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), xingqing2024Q3());
        IngestReport rep = ingest(tmp.resolve("wh"), tmp.resolve("fb"), f);
        List<Path> fb = rep.files().get(0).feedback();
        assertThat(fb).hasSize(1);
        assertThat(fb.get(0).getFileName().toString()).startsWith("回执_兴庆区_640104_2024Q3");
        try (InputStream in = Files.newInputStream(fb.get(0)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet problems = wb.getSheet("问题清单");
            assertThat(problems.getRow(0).getCell(8).getStringCellValue()).isEqualTo("说明及应填内容");
            boolean negative = false;
            for (int r = 1; r <= problems.getLastRowNum(); r++) {
                var row = problems.getRow(r);
                for (Cell c : row) {
                    assertThat(c.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                    assertThat(c.getStringCellValue()).doesNotContain("张三丰").doesNotStartWith("=");
                    // a cell starting with - is a plain negative number, else guarded
                    assertThat(c.getStringCellValue()).matches("(?s)(-\\d+(\\.\\d+)?|[^-].*)?");
                }
                if (row.getCell(2).getStringCellValue().equals(ProblemCode.NEGATIVE_COUNT.labelZh())) {
                    negative = true;
                    assertThat(row.getCell(4).getStringCellValue()).isEqualTo("组织信息");
                    assertThat(row.getCell(5).getStringCellValue()).isEqualTo("7");
                    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("会员人数");
                    assertThat(row.getCell(7).getStringCellValue()).isEqualTo("-5");
                }
            }
            assertThat(negative).isTrue();
            Sheet rows = wb.getSheet("退回行-组织信息");
            assertThat(rows).isNotNull();
            var header = rows.getRow(0);
            int members = -1;
            int leader = -1;
            int phone = -1;
            for (Cell c : header) {
                switch (c.getStringCellValue()) {
                    case "会员人数" -> members = c.getColumnIndex();
                    case "负责人/姓名" -> leader = c.getColumnIndex();
                    case "联系电话" -> phone = c.getColumnIndex();
                    default -> { }
                }
            }
            assertThat(members).isPositive();
            var bad = rows.getRow(1);
            assertThat(bad.getCell(0).getStringCellValue()).isEqualTo("7");
            assertThat(bad.getCell(leader).getStringCellValue()).isEqualTo("张*丰");
            assertThat(bad.getCell(members).getStringCellValue()).isEqualTo("-5");
            assertThat(bad.getCell(members).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
            assertThat(bad.getCell(leader).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
            assertThat(phone == -1 || bad.getCell(phone) == null || bad.getCell(phone).getStringCellValue().isEmpty()).isTrue();
        }
    }

    @Test
    void resubmissionReplacesTheCountysPeriodAtomicallyAndOldFilesAreCleanedNextRun() throws Exception {
        Path wh = tmp.resolve("wh");
        ingest(wh, null, Workbooks.xlsx(tmp.resolve("a/兴庆区2024Q3.xlsx"), xingqing2024Q3()));
        LiveManifest first = LiveManifest.read(wh);
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协")));
        IngestReport rep = ingest(wh, null, Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q3.xlsx"), s));
        assertThat(rep.exitCode()).isZero();
        LiveManifest second = LiveManifest.read(wh);
        assertThat(second.of("organisations")).hasSize(1);
        assertThat(second.of("organisations").get(0).rows()).isEqualTo(1);
        assertThat(second.of("organisations").get(0).path()).isNotEqualTo(first.of("organisations").get(0).path());
        // the activities of the first submission stay: the resubmission held no activities sheet
        assertThat(second.of("activities")).isEqualTo(first.of("activities"));
        assertThat(second.of("submissions")).hasSize(2);
        Path old = wh.resolve(first.of("organisations").get(0).path());
        assertThat(old).exists();
        ingest(wh, null, Workbooks.xlsx(tmp.resolve("c/兴庆区2024Q3.xlsx"), s));
        assertThat(old).doesNotExist();
        for (LiveFile lf : LiveManifest.read(wh).files()) {
            assertThat(wh.resolve(lf.path())).exists();
        }
    }

    @Test
    void rejectedSnapshotRowCarriesThePreviousAcceptedRowForward() throws Exception {
        Path wh = tmp.resolve("wh");
        var q3 = Workbooks.sheets();
        q3.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型", "会员人数"),
                row("XQ001", "兴庆区科协", "县级科协", 30), row("XQ003", "兴庆区医疗卫生学会", "医疗卫生学会", 12)));
        ingest(wh, null, Workbooks.xlsx(tmp.resolve("a/兴庆区2024Q3.xlsx"), q3));
        var q4 = Workbooks.sheets();
        q4.put("组织信息", List.of(row("兴庆区 2024年第四季度"), row("组织编号", "组织名称", "组织类型", "会员人数"),
                row("XQ001", "兴庆区科协", "县级科协", 31), row("XQ003", "兴庆区医疗卫生学会", "医疗卫生学会", -1)));
        IngestReport rep = ingest(wh, null, Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q4.xlsx"), q4));
        assertThat(rep.files().get(0).sheets().get(0).carriedForward()).isEqualTo(1);
        LiveFile q4file = LiveManifest.read(wh).of("organisations").stream().filter(x -> x.period().equals("2024Q4"))
                .findFirst().orElseThrow();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("select org_key, members, carried_forward, period from '" + wh.resolve(q4file.path())
                    + "' order by org_key");
            rs.next();
            assertThat(rs.getString(1) + rs.getInt(2) + rs.getBoolean(3) + rs.getString(4)).isEqualTo("640104/XQ00131false2024Q4");
            rs.next();
            assertThat(rs.getString(1) + rs.getInt(2) + rs.getBoolean(3) + rs.getString(4)).isEqualTo("640104/XQ00312true2024Q4");
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void activityAlreadyReceivedInAnEarlierPeriodIsSkipped() throws Exception {
        Path wh = tmp.resolve("wh");
        var q3 = Workbooks.sheets();
        q3.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"), row("XQ001", "兴庆区科协", "县级科协")));
        q3.put("活动记录", List.of(row("组织编号", "活动名称", "活动类型", "活动日期"), row("XQ001", "科普日", "科普宣传", "2024-09-15")));
        ingest(wh, null, Workbooks.xlsx(tmp.resolve("a/兴庆区2024Q3.xlsx"), q3));
        var q4 = Workbooks.sheets();
        q4.put("活动记录", List.of(row("兴庆区 2024年第四季度"), row("组织编号", "活动名称", "活动类型", "活动日期"),
                row("XQ001", "科普日", "科普宣传", "2024-09-15"), row("XQ001", "冬季讲座", "科普宣传", "2024-11-15")));
        IngestReport rep = ingest(wh, null, Workbooks.xlsx(tmp.resolve("b/兴庆区2024Q4.xlsx"), q4));
        IngestReport.SheetReport s = rep.files().get(0).sheets().get(0);
        assertThat(s).extracting("read", "accepted", "rejected", "skipped").containsExactly(4L, 1L, 0L, 3L);
        assertThat(rep.files().get(0).submissions().get(0).problems()).extracting(Problem::code)
                .contains(ProblemCode.ALREADY_RECEIVED, ProblemCode.REPORTED_LATE);
        assertThat(rep.exitCode()).isZero();
    }

    @Test
    void cityWorkbookIsSplitIntoOneSubmissionPerCounty() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("银川市基层科协组织建设情况（2024年第三季度）"),
                row("组织编号", "组织名称", "组织类型", "所在地区"),
                row("XQ001", "兴庆区科协", "县级科协", "640104"),
                row("XX001", "西夏区科协", "县级科协", "西夏区"),
                row("XX002", "西花园路街道科协", "街道科协", "西花园路街道"),
                row("??", "无处科协", "县级科协", null)));
        s.put("活动记录", List.of(row("组织编号", "活动名称", "活动类型", "活动日期"),
                row("XX001", "科普日", "科普宣传", "2024-09-15"), row("XQ001", "科普周", "科普宣传", "2024-08-15")));
        Path wh = tmp.resolve("wh");
        IngestReport rep = ingest(wh, null, Workbooks.xlsx(tmp.resolve("银川市2024Q3.xlsx"), s));
        IngestReport.FileReport fr = rep.files().get(0);
        assertThat(fr.submissions()).extracting(IngestReport.SubmissionReport::county).containsExactlyInAnyOrder("640104", "640105");
        assertThat(fr.submissions()).allMatch(x -> "6401".equals(x.via()));
        assertThat(fr.problems()).as(fr.problems().toString()).extracting(Problem::code).containsExactly(ProblemCode.UNKNOWN_COUNTY_ROW);
        assertThat(fr.sheets().get(0)).extracting("read", "accepted", "rejected", "skipped").containsExactly(6L, 3L, 1L, 2L);
        LiveManifest m = LiveManifest.read(wh);
        assertThat(m.of("organisations")).extracting(LiveFile::county, LiveFile::rows)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("640104", 1L), org.assertj.core.groups.Tuple.tuple("640105", 2L));
        assertThat(m.of("activities")).hasSize(2);
    }

    @Test
    void periodAndCountyConflictsRefuseTheFile() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"), row("XQ001", "兴庆区科协", "县级科协")));
        Path f = Workbooks.xlsx(tmp.resolve("兴庆区2024Q4.xlsx"), s);
        IngestReport rep = ingest(tmp.resolve("wh"), null, f);
        assertThat(rep.files().get(0).outcome()).isEqualTo(IngestReport.Outcome.REFUSED);
        assertThat(rep.files().get(0).problems().get(0).code()).isEqualTo(ProblemCode.PERIOD_CONFLICT);
        Path g = Workbooks.xlsx(tmp.resolve("x/兴庆区2024Q3.xlsx"), s);
        IngestReport rep2 = new Ingestor().ingest(List.of(g), IngestOptions.builder(tmp.resolve("wh")).submitter("640105").build());
        assertThat(rep2.files().get(0).problems().get(0).code()).isEqualTo(ProblemCode.COUNTY_CONFLICT);
        assertThat(LiveManifest.read(tmp.resolve("wh")).files()).isEmpty();
    }

    @Test
    void validateWritesNothing() throws Exception {
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), xingqing2024Q3());
        Path wh = tmp.resolve("wh");
        IngestReport rep = new Ingestor().ingest(List.of(f), IngestOptions.builder(wh).dryRun(true).build());
        assertThat(rep.dryRun()).isTrue();
        assertThat(rep.totals().accepted()).isEqualTo(5);
        assertThat(wh).doesNotExist();
    }

    @Test
    void secondIngestWaitsForTheLockThenRefusesClearly() throws Exception {
        Path wh = tmp.resolve("wh");
        Path f = Workbooks.xlsx(tmp.resolve("in/兴庆区2024Q3.xlsx"), xingqing2024Q3());
        try (WarehouseLock held = WarehouseLock.acquire(wh, Duration.ofSeconds(1))) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> new Ingestor().ingest(List.of(f),
                    IngestOptions.builder(wh).lockTimeout(Duration.ofMillis(300)).build()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("another ingest is running");
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
        }
        assertThat(new Ingestor().ingest(List.of(f), IngestOptions.builder(wh).build()).files()).hasSize(1);
    }

    @Test
    void usageErrorsAreIllegalArguments() {
        assertThatThrownBy(() -> new Ingestor().ingest(List.of(tmp.resolve("nope.xlsx")), IngestOptions.builder(tmp).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> IngestOptions.builder(tmp).submitter("12345").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-digit county code");
        assertThatThrownBy(() -> IngestOptions.builder(tmp).submitter("999999").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the gazetteer");
    }
}
