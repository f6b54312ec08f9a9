package org.sanhui.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/** The committed Ningxia sample has the shape the brief asks for, and its files agree with truth.json. */
class SampleShapeTest {

    private static Path sample;
    private static JsonNode truth;

    @BeforeAll
    static void load() throws IOException {
        sample = TestFiles.datasets().resolve("ningxia-sample");
        truth = new ObjectMapper().readTree(sample.resolve("truth.json").toFile());
    }

    @Test
    void everyCountyAndQuarterIsPresentOrDeliberatelyMissing() {
        List<Region> counties = Gazetteer.national().within("64", RegionLevel.COUNTY);
        assertThat(counties).hasSize(22);
        Map<String, JsonNode> subs = new HashMap<>();
        truth.get("submissions").forEach(s -> subs.put(s.get("county").asText() + "|" + s.get("period").asText(), s));
        int missing = 0;
        for (Period p = Period.quarter(2023, 1); p.compareTo(Period.quarter(2024, 4)) <= 0; p = p.next()) {
            for (Region c : counties) {
                JsonNode s = subs.get(c.code() + "|" + p);
                // the county reported: its files exist; else no file of that county and quarter exists
                String prefix = c.code() + "_" + c.name() + "_" + p;
                boolean own = Files.exists(sample.resolve(p + "/" + prefix + ".xlsx"))
                        || Files.exists(sample.resolve(p + "/" + prefix + ".xls"))
                        || Files.exists(sample.resolve(p + "/" + prefix + "_组织信息.csv"));
                if (s == null) {
                    missing++;
                    assertThat(own).as(prefix).isFalse();
                    continue;
                }
                assertThat(s.get("files")).as(prefix).isNotEmpty();
                s.get("files").forEach(f -> assertThat(sample.resolve(f.asText())).exists());
                if (s.get("via").isNull()) {
                    assertThat(own).as(prefix).isTrue();
                }
            }
        }
        assertThat(missing).isBetween(1, 30);
        {
            // S1.rate for the province equals the submissions present
            for (JsonNode r : truth.get("indicators")) {
                if (r.get("indicator").asText().equals("S1.rate") && r.get("region_code").asText().equals("64")) {
                    String p = r.get("period").asText();
                    long n = counties.stream().filter(c -> subs.containsKey(c.code() + "|" + p)).count();
                    assertThat(r.get("numerator").asLong()).as(p).isEqualTo(n);
                }
            }
        }
    }

    @Test
    void workbooksHaveTheThreeSheetsAndTheCityWorkbookCarriesCountyColumns() throws IOException {
        List<Path> books;
        try (Stream<Path> s = Files.walk(sample)) {
            books = s.filter(f -> f.toString().endsWith(".xlsx") && !f.toString().contains("evaluations")).toList();
        }
        assertThat(books).hasSizeGreaterThan(100);
        boolean city = false;
        for (Path b : books) {
            try (ReadableWorkbook wb = new ReadableWorkbook(b.toFile())) {
                List<String> names = wb.getSheets().map(Sheet::getName).toList();
                assertThat(names).as(b.toString()).containsExactly("组织信息", "关键人物", "活动记录");
                if (b.getFileName().toString().startsWith("6405_")) {
                    city = true;
                    var rows = wb.getFirstSheet().read();
                    assertThat(rows.get(0).getCellText(0)).startsWith("中卫市基层科协组织建设情况统计表（");
                    assertThat(rows.get(2).getCellText(1)).isEqualTo("所在县（区）");
                }
            }
        }
        assertThat(city).isTrue();
        try (Stream<Path> s = Files.walk(sample)) {
            List<Path> xls = s.filter(f -> f.toString().endsWith(".xls")).toList();
            assertThat(xls).isNotEmpty();
            try (HSSFWorkbook wb = new HSSFWorkbook(Files.newInputStream(xls.get(0)))) {
                assertThat(wb.getSheetName(0)).isEqualTo("组织信息");
                assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).contains("季度）");
                assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).startsWith("填报单位：");
            }
        }
        assertThat(sample.resolve("evaluations/64_宁夏回族自治区_2023年度评价.xlsx")).exists();
        assertThat(sample.resolve("evaluations/64_宁夏回族自治区_2024年度评价.xlsx")).exists();
    }

    @Test
    void csvFilesHaveTheirEncodingsAndFilingDates() throws IOException {
        List<Path> csv;
        try (Stream<Path> s = Files.walk(sample)) {
            csv = s.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().equals("received.csv"))
                    .sorted().toList();
        }
        Set<String> kinds = new HashSet<>();
        boolean rare = false;
        for (Path f : csv) {
            byte[] b = Files.readAllBytes(f);
            List<String> received = Files.readAllLines(f.resolveSibling("received.csv"));
            assertThat(received).anyMatch(l -> l.startsWith(f.getFileName() + ","));
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                kinds.add("utf8-bom");
            } else if (decodes(b, StandardCharsets.UTF_8)) {
                kinds.add("utf8");
            } else {
                String text = new String(b, Charset.forName("GB18030"));
                if (!Charset.forName("GBK").newEncoder().canEncode(text)) {
                    kinds.add("gb18030");
                    rare = true;
                } else {
                    kinds.add("gbk-or-gb18030");
                }
            }
            // data rows in the file equal accepted + rejected + already received of its truth entry
            for (JsonNode t : truth.get("files")) {
                String rel = sample.relativize(f).toString().replace('\\', '/');
                if (t.get("file").asText().equals(rel)) {
                    long lines = new String(b, charsetOf(b)).lines().count();
                    long title = t.get("skipped_detail").path("title").asLong(0);
                    assertThat(lines - 1 - title).as(rel).isEqualTo(t.get("accepted").asLong()
                            + t.get("rejected").asLong() + t.get("skipped_detail").path("already_received").asLong(0));
                }
            }
        }
        assertThat(kinds).contains("utf8-bom", "gb18030", "gbk-or-gb18030");
        assertThat(rare).as("a GB18030 CSV holds a character GBK cannot encode").isTrue();
    }

    private static Charset charsetOf(byte[] b) {
        return decodes(b, StandardCharsets.UTF_8) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
    }

    private static boolean decodes(byte[] b, Charset cs) {
        try {
            cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void rejectsSkipsAndLateFilingsArePlanted() {
        long rejected = 0;
        long again = 0;
        List<String> codes = new ArrayList<>();
        for (JsonNode f : truth.get("files")) {
            rejected += f.get("rejected").asLong();
            again += f.get("skipped_detail").path("already_received").asLong(0);
            f.get("rejected_codes").fieldNames().forEachRemaining(codes::add);
        }
        assertThat(rejected).isPositive();
        assertThat(again).isPositive();
        assertThat(codes).contains("UNKNOWN_ORGANISATION", "DUPLICATE_ROW", "DATE_AFTER_PERIOD", "UNMAPPED_GRADE");
        long late = 0;
        for (JsonNode s : truth.get("submissions")) {
            late += s.get("on_time").asBoolean() ? 0 : 1;
        }
        assertThat(late).isPositive();
        assertThat(truth.get("total_mismatches")).isNotEmpty();
    }
}
