package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

/** Each input format and each refusal, through the whole ingest. */
class FormatsTest {

    @TempDir
    Path tmp;

    private IngestReport.FileReport ingest(Path f) {
        return ingest(f, IngestLimits.DEFAULTS);
    }

    private IngestReport.FileReport ingest(Path f, IngestLimits limits) {
        return new Ingestor().ingest(List.of(f), IngestOptions.builder(tmp.resolve("wh")).limits(limits).build())
                .files().get(0);
    }

    private Path validXlsx(String name) throws IOException {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"), row("XQ001", "兴庆区科协", "县级科协")));
        return Workbooks.xlsx(tmp.resolve(name), s);
    }

    private static void refused(IngestReport.FileReport r, ProblemCode code, String... words) {
        assertThat(r.outcome()).isEqualTo(IngestReport.Outcome.REFUSED);
        Problem p = r.problems().get(0);
        assertThat(p.code()).as(p.toString()).isEqualTo(code);
        for (String w : words) {
            assertThat(p.messageEn() + " " + p.messageZh()).contains(w);
        }
    }

    @Test
    void readsXlsAsXlsx() throws IOException {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型", "成立日期"),
                row("XQ001", "兴庆区科协", "县级科协", 45000)));
        IngestReport.FileReport r = ingest(Workbooks.xls(tmp.resolve("old.xls"), s));
        assertThat(r.format()).isEqualTo("XLS");
        assertThat(r.outcome()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(r.sheets().get(0).accepted()).isEqualTo(1);
    }

    @Test
    void readsCsvInUtf8WithBomGbkAndGb18030() throws IOException {
        String csv = "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\nXQ002,掌政镇科协㐀,乡镇科协\n";
        Path bom = tmp.resolve("a/640104_2024Q3_组织信息.csv");
        Files.createDirectories(bom.getParent());
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write(csv.getBytes(StandardCharsets.UTF_8));
        Files.write(bom, b.toByteArray());
        IngestReport.FileReport r = ingest(bom);
        assertThat(r.format()).isEqualTo("CSV");
        // the header line and two rows
        assertThat(r.sheets().get(0)).extracting("read", "accepted").containsExactly(3L, 2L);

        Path gbk = tmp.resolve("b/640104_2024Q3_组织信息.csv");
        Files.createDirectories(gbk.getParent());
        Files.write(gbk, csv.replace("㐀", "").getBytes(Charset.forName("GBK")));
        assertThat(ingest(gbk).sheets().get(0).accepted()).isEqualTo(2);

        Path gb18030 = tmp.resolve("c/640104_2024Q3_组织信息.csv");
        Files.createDirectories(gb18030.getParent());
        Files.write(gb18030, csv.getBytes(Charset.forName("GB18030")));
        IngestReport.FileReport r3 = new Ingestor().ingest(List.of(gb18030),
                IngestOptions.builder(tmp.resolve("wh3")).build()).files().get(0);
        assertThat(r3.sheets().get(0).accepted()).isEqualTo(2);
    }

    @Test
    void refusesCsvWithMixedEncodingNamingTheLines() throws IOException {
        Path f = tmp.resolve("640104_2024Q3_组织信息.csv");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\n".getBytes(StandardCharsets.UTF_8));
        b.write("XQ002,掌政镇科协,乡镇科协\n".getBytes(Charset.forName("GBK")));
        Files.write(f, b.toByteArray());
        refused(ingest(f), ProblemCode.BAD_ENCODING, "line 1", "line 3");
    }

    @Test
    void refusesEmptyHtmlXlsbOdsStrictAndArchives() throws IOException {
        Path empty = Files.write(tmp.resolve("empty.xlsx"), new byte[0]);
        refused(ingest(empty), ProblemCode.EMPTY_FILE);
        Path html = Files.writeString(tmp.resolve("web.xls"), "<html><body><table><tr><td>组织名称</td></tr></table></body></html>");
        refused(ingest(html), ProblemCode.UNSUPPORTED_FORMAT, "web page", ".xlsx");
        refused(ingest(zip("b.xlsx", "[Content_Types].xml", "<Types/>", "xl/workbook.bin", "x")), ProblemCode.UNSUPPORTED_FORMAT,
                ".xlsb", "save it as");
        refused(ingest(zip("c.ods", "mimetype", "application/vnd.oasis.opendocument.spreadsheet", "content.xml", "<x/>")),
                ProblemCode.UNSUPPORTED_FORMAT, ".ods");
        refused(ingest(zip("d.xlsx", "[Content_Types].xml", "<Types/>", "xl/workbook.xml",
                "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\"/>")), ProblemCode.UNSUPPORTED_FORMAT, "Strict");
        refused(ingest(zip("e.xlsx", "a.txt", "hello")), ProblemCode.UNSUPPORTED_FORMAT, "archive");
    }

    @Test
    void refusesEncryptedExcel95AndTruncatedWorkbooks() throws Exception {
        Path plain = validXlsx("plain.xlsx");
        Path enc = tmp.resolve("enc.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor e = info.getEncryptor();
            e.confirmPassword("secret");
            try (InputStream in = Files.newInputStream(plain); OutputStream os = e.getDataStream(fs)) {
                in.transferTo(os);
            }
            try (OutputStream os = Files.newOutputStream(enc)) {
                fs.writeFilesystem(os);
            }
        }
        refused(ingest(enc), ProblemCode.ENCRYPTED_FILE, "password");

        Path biff5 = tmp.resolve("old95.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            byte[] bof = {0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, 0, 0, 0, 0};
            fs.createDocument(new ByteArrayInputStream(bof), "Book");
            try (OutputStream os = Files.newOutputStream(biff5)) {
                fs.writeFilesystem(os);
            }
        }
        refused(ingest(biff5), ProblemCode.UNSUPPORTED_FORMAT, "Excel 5.0/95", ".xlsx");

        byte[] all = Files.readAllBytes(plain);
        Path cut = Files.write(tmp.resolve("cut.xlsx"), java.util.Arrays.copyOf(all, all.length / 2));
        refused(ingest(cut), ProblemCode.CORRUPT_FILE, "truncated");
    }

    @Test
    void refusesZipSlipDuplicateNamesAndDoctype() throws IOException {
        Path plain = validXlsx("plain.xlsx");
        refused(ingest(rewrite(plain, "slip.xlsx", "../../evil.xml", "<x/>", null)), ProblemCode.CORRUPT_FILE, "unsafe entry name");
        Path doctype = rewrite(plain, "dtd.xlsx", null, null, "xl/workbook.xml");
        IngestReport.FileReport r = ingest(doctype);
        refused(r, ProblemCode.UNSUPPORTED_FORMAT, "DOCTYPE");
    }

    @Test
    void limitsAreEnforcedWithMessagesNamingThem() throws IOException {
        Path plain = validXlsx("plain.xlsx");
        IngestLimits d = IngestLimits.DEFAULTS;
        refused(ingest(plain, new IngestLimits(100, d.maxZipEntries(), d.maxInflatedBytes(), d.maxInflationRatio(),
                d.maxCells(), d.maxCellChars(), d.maxRowsPerSheet(), d.lockTimeout())), ProblemCode.LIMIT_EXCEEDED, "limits.max_file_bytes");
        refused(ingest(plain, new IngestLimits(d.maxFileBytes(), 3, d.maxInflatedBytes(), d.maxInflationRatio(),
                d.maxCells(), d.maxCellChars(), d.maxRowsPerSheet(), d.lockTimeout())), ProblemCode.LIMIT_EXCEEDED, "limits.max_zip_entries");
        refused(ingest(plain, new IngestLimits(d.maxFileBytes(), d.maxZipEntries(), d.maxInflatedBytes(), d.maxInflationRatio(),
                4, d.maxCellChars(), d.maxRowsPerSheet(), d.lockTimeout())), ProblemCode.LIMIT_EXCEEDED, "limits.max_cells");
        refused(ingest(plain, new IngestLimits(d.maxFileBytes(), d.maxZipEntries(), d.maxInflatedBytes(), d.maxInflationRatio(),
                d.maxCells(), 3, d.maxRowsPerSheet(), d.lockTimeout())), ProblemCode.LIMIT_EXCEEDED, "limits.max_cell_chars");
        Path bomb = rewrite(plain, "bomb.xlsx", "xl/media/zeros.bin", "\0".repeat(8 << 20), null);
        refused(ingest(bomb), ProblemCode.LIMIT_EXCEEDED, "limits.max_zip_inflation_ratio");
        refused(ingest(plain, new IngestLimits(d.maxFileBytes(), d.maxZipEntries(), 1000, d.maxInflationRatio(),
                d.maxCells(), d.maxCellChars(), d.maxRowsPerSheet(), d.lockTimeout())), ProblemCode.LIMIT_EXCEEDED, "maxInflatedBytes");
    }

    private Path zip(String name, String... entries) throws IOException {
        Path f = tmp.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry(entries[i]));
                z.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }

    /** Copies an xlsx, adding an entry and/or putting a DOCTYPE in front of one part. */
    private Path rewrite(Path src, String name, String addName, String addText, String doctypeIn) throws IOException {
        Path f = tmp.resolve(name);
        try (ZipFile in = new ZipFile(src.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            Enumeration<? extends ZipEntry> en = in.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(doctypeIn)) {
                    String x = new String(data, StandardCharsets.UTF_8);
                    int root = x.indexOf("<workbook");
                    x = x.substring(0, root) + "<!DOCTYPE workbook [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + x.substring(root);
                    data = x.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
            if (addName != null) {
                z.putNextEntry(new ZipEntry(addName));
                z.write(addText.getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return f;
    }
}
