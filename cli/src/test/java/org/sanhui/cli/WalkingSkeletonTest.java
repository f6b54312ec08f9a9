package org.sanhui.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton: the organisations sheet of two county workbooks goes through ingestion
 * (Parquet, no Spark), analytics (C1 with Spark, local mode) and reporting (a chart with Chinese
 * labels drawn as vectors into a PDF with the bundled font embedded as a subset), driven through the
 * command line; the PDF is read back.
 */
class WalkingSkeletonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void organisationsSheetToChartInAChinesePdf(@TempDir Path tmp) throws Exception {
        // 兴庆区 has all three grassroots societies; 西夏区 has two (no agri-tech society), one of them
        // planned for 2025 (established after the period end: does not exist yet).
        Path xingqing = workbook(tmp.resolve("640104_兴庆区_2024Q4.xlsx"), new String[][] {
            {"兴庆区基层科技教育学会", "基层科技教育学会", "2023-05-01", "正常"},
            {"兴庆区基层医疗卫生学会", "医疗卫生学会", "2023年6月", "正常"},
            {"兴庆区基层农业技术学会", "基层农业技术学会", "2023/7/1", "整改中"}});
        Path xixia = workbook(tmp.resolve("640105_西夏区_2024Q4.xlsx"), new String[][] {
            {"西夏区基层科技教育学会", "科技教育学会", "2023-05-01", "正常"},
            {"西夏区基层医疗卫生学会", "基层医疗卫生学会", "2025-03-01", "正常"}});
        Path wh = tmp.resolve("warehouse");

        int ingest = quietly("ingest", "--warehouse", wh.toString(), "--period", "2024Q4", "--received", "2025-01-08",
                xingqing.toString(), xixia.toString());
        assertThat(ingest).isZero();
        try (var files = Files.walk(wh.resolve("data"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".parquet"))
                    .filter(p -> p.toString().contains("/data/organisations/"))).hasSize(2);
        }

        assertThat(quietly("analyze", "--warehouse", wh.toString(), "--period", "2024Q4", "--scope", "64")).isZero();
        JsonNode json = JSON.readTree(wh.resolve("indicators/2024Q4/indicators-2024Q4.json").toFile());
        // C1.full: 兴庆区 1 (the rectifying agri society exists), 西夏区 0; 银川市 has 6 counties -> 1/6;
        // Ningxia has 22 counties -> 1/22.
        assertThat(value(json, "C1.full", "640104")).isEqualTo(1.0);
        assertThat(value(json, "C1.full", "640105")).isEqualTo(0.0);
        assertThat(value(json, "C1.full", "6401")).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(json, "C1.full", "64")).isCloseTo(1.0 / 22, org.assertj.core.data.Offset.offset(1e-9));
        // C1 per kind in 银川市: science-education 2 of 6, medical 1 of 6 (西夏区's is planned), agri 1 of 6.
        assertThat(value(json, "C1.SCI_EDU_SOCIETY", "6401")).isCloseTo(2.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(value(json, "C1.MEDICAL_SOCIETY", "6401")).isCloseTo(1.0 / 6, org.assertj.core.data.Offset.offset(1e-9));

        Path reports = tmp.resolve("reports");
        assertThat(quietly("report", "--warehouse", wh.toString(), "--period", "2024Q4", "--out", reports.toString()))
                .isZero();
        try (PDDocument doc = Loader.loadPDF(reports.resolve("briefing-64-2024Q4.pdf").toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("基层科协组织建设工作简报").contains("兴庆区").contains("西夏区").contains("银川市");
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
            assertThat(font.isEmbedded()).isTrue();
        }
    }

    private static double value(JsonNode json, String indicator, String region) {
        for (JsonNode r : json.get("indicators")) {
            if (r.get("indicator").asText().equals(indicator) && r.get("region_code").asText().equals(region)
                    && r.get("breakdown").asText().isEmpty() && r.get("period").asText().equals("2024Q4")) {
                return r.get("value").asDouble();
            }
        }
        throw new AssertionError("no " + indicator + " for " + region);
    }

    private static int quietly(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            rc = Main.run(args);
        } finally {
            System.setOut(saved);
        }
        if (rc != 0) {
            System.err.println(buf.toString(StandardCharsets.UTF_8));
        }
        return rc;
    }

    private static Path workbook(Path file, String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("组织信息");
            String[] header = {"组织名称", "组织类型", "成立日期", "状态"};
            Row h = s.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = s.createRow(r + 1);
                for (int i = 0; i < rows[r].length; i++) {
                    row.createCell(i).setCellValue(rows[r][i]);
                }
            }
            wb.write(out);
        }
        return file;
    }
}
