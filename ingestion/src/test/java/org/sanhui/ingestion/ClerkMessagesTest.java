package org.sanhui.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sanhui.ingestion.Workbooks.row;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;

/**
 * Refusals that used to mislead a clerk (issue 17, item 11): each now names what is wrong, where, and
 * advises only what helps; and what Excel opens without asking is opened.
 */
class ClerkMessagesTest {

    private static final String ORGS = "组织编号,组织名称,组织类型\r\nXQ001,兴庆区科协,县级科协\r\nXQ002,掌政镇科协,乡镇科协\r\n";

    @TempDir
    Path tmp;

    private IngestReport.FileReport validate(Path f) {
        return validate(f, IngestLimits.DEFAULTS);
    }

    private IngestReport.FileReport validate(Path f, IngestLimits limits) {
        return new Ingestor().ingest(List.of(f), IngestOptions.builder(tmp.resolve("wh")).limits(limits).dryRun(true)
                .build()).files().get(0);
    }

    private static Problem refusal(IngestReport.FileReport r, ProblemCode code) {
        assertThat(r.outcome()).as(r.problems().toString()).isEqualTo(IngestReport.Outcome.REFUSED);
        Problem p = r.problems().get(0);
        assertThat(p.code()).as(p.toString()).isEqualTo(code);
        return p;
    }

    private Path bytes(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.write(p);
        }
        return Files.write(tmp.resolve(name), b.toByteArray());
    }

    private Path orgsWorkbook(String name) throws IOException {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协"), row("XQ002", "掌政镇科协", "乡镇科协")));
        return name.endsWith(".xls") ? Workbooks.xls(tmp.resolve(name), s) : Workbooks.xlsx(tmp.resolve(name), s);
    }

    private static void accepted(IngestReport.FileReport r, String format) {
        assertThat(r.outcome()).as(r.problems().toString()).isEqualTo(IngestReport.Outcome.ACCEPTED);
        assertThat(r.format()).isEqualTo(format);
        assertThat(r.sheets().get(0).accepted()).isEqualTo(2);
    }

    // --- text encodings -------------------------------------------------------------------------

    @Test
    void utf16CsvIsNamedAsSuchNotAsAnUnknownBinaryFile() throws IOException {
        Path le = bytes("640104_2024Q3_组织信息.csv", new byte[] {(byte) 0xFF, (byte) 0xFE},
                ORGS.getBytes(StandardCharsets.UTF_16LE));
        Problem p = refusal(validate(le), ProblemCode.BAD_ENCODING);
        assertThat(p.messageEn()).contains("UTF-16 (little-endian)").contains("CSV UTF-8").doesNotContain("binary");
        assertThat(p.messageZh()).contains("UTF-16").contains("CSV UTF-8");

        Path be = bytes("640105_2024Q3_组织信息.csv", ORGS.getBytes(StandardCharsets.UTF_16BE)); // no BOM
        assertThat(refusal(validate(be), ProblemCode.BAD_ENCODING).messageEn()).contains("UTF-16 (big-endian)");
    }

    @Test
    void nulByteInACsvIsLocatedByLineAndByte() throws IOException {
        // line 3 is "XQ002,掌政" (6 + 2 x 3 bytes) then the NUL: byte 13 of the line
        Path f = bytes("640104_2024Q3_组织信息.csv", "组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\nXQ002,掌政\0镇科协,乡镇科协\n"
                .getBytes(StandardCharsets.UTF_8));
        Problem p = refusal(validate(f), ProblemCode.BAD_ENCODING);
        assertThat(p.messageEn()).contains("line 3, byte 13").contains("NUL").doesNotContain("binary");
        assertThat(p.messageZh()).contains("第 3 行第 13 个字节");
        assertThat(p.location().row()).isEqualTo(3);

        // a short file: one NUL among a few bytes is still text with a NUL, not a binary file
        Path small = bytes("640105_2024Q3_组织信息.csv", "a,b\n1,\0x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(validate(small), ProblemCode.BAD_ENCODING).messageEn()).contains("line 2, byte 3");
    }

    @Test
    void nulByteFarBeyondTheFirstBytesIsLocatedToo() throws IOException {
        StringBuilder b = new StringBuilder("组织编号,组织名称,组织类型\n");
        for (int i = 1; i <= 300; i++) {
            b.append(String.format("XQ%03d,第%d科协,乡镇科协\n", i, i));
        }
        b.append("XQ999,坏\0行,乡镇科协\n"); // line 302, byte 10 ("XQ999," is 6 bytes, 坏 3)
        Path f = bytes("640104_2024Q3_组织信息.csv", b.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(refusal(validate(f), ProblemCode.BAD_ENCODING).messageEn()).contains("line 302, byte 10");
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpens() throws IOException {
        Path f = bytes("640104_2024Q3_组织信息.csv", ("组织编号,组织名称,组织类型\nXQ001,兴庆区科协,县级科协\nXQ002,\"掌政镇科协,乡镇科协\n"
                + "XQ003,通贵乡科协,乡镇科协\n").getBytes(StandardCharsets.UTF_8));
        Problem p = refusal(validate(f), ProblemCode.CORRUPT_FILE);
        assertThat(p.messageEn()).contains("line 3").contains("quote");
        assertThat(p.messageZh()).contains("第 3 行").contains("引号");
        assertThat(p.location().row()).isEqualTo(3);
    }

    // --- OLE2 files ------------------------------------------------------------------------------

    /** Writes an .xls whose Workbook stream has its bytes changed by a function. */
    private Path xlsWithWorkbookStream(String name, java.util.function.UnaryOperator<byte[]> change) throws IOException {
        Path plain = orgsWorkbook("plain-" + name);
        byte[] stream;
        try (POIFSFileSystem fs = new POIFSFileSystem(plain.toFile(), true)) {
            stream = fs.getRoot().createDocumentInputStream("Workbook").readAllBytes();
        }
        Path f = tmp.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream os = Files.newOutputStream(f)) {
            fs.createDocument(new ByteArrayInputStream(change.apply(stream)), "Workbook");
            fs.writeFilesystem(os);
        }
        return f;
    }

    @Test
    void xlsWhoseFirstRecordIsNotABiff8BofIsOpenedWhenPoiCanReadIt() throws IOException {
        // a record POI does not know before the BOF
        Path prepended = xlsWithWorkbookStream("640104_2024Q3_a.xls", s -> {
            byte[] out = new byte[s.length + 4];
            out[0] = 0x34;
            out[1] = 0x12;
            System.arraycopy(s, 0, out, 4, s.length);
            return out;
        });
        accepted(validate(prepended), "XLS");
        // the BOF says BIFF5 (0x0500) but the rest is BIFF8
        Path biff5Bof = xlsWithWorkbookStream("640104_2024Q3_b.xls", s -> {
            byte[] out = s.clone();
            out[5] = 0x05;
            return out;
        });
        accepted(validate(biff5Bof), "XLS");
    }

    @Test
    void xlsThatPoiCannotReadIsCalledDamagedNotExcel95() throws IOException {
        Path junk = xlsWithWorkbookStream("640104_2024Q3_c.xls", s -> {
            byte[] out = new byte[4096];
            java.util.Arrays.fill(out, (byte) 0x7F);
            return out;
        });
        Problem p = refusal(validate(junk), ProblemCode.CORRUPT_FILE);
        assertThat(p.messageEn()).contains("damaged").doesNotContain("Excel 5.0/95");
        assertThat(p.messageZh()).contains("损坏");
    }

    // --- limits ----------------------------------------------------------------------------------

    private static final List<String> ENGLISH = List.of("more than", "cells", "characters", "bytes", "entry", "whole file",
            "rows", "limit ");

    private static void chineseOnly(Problem p) {
        String zh = p.messageZh().replaceAll("limits\\.[a-z_]+|max[A-Za-z]+", ""); // the limits' names stay
        for (String w : ENGLISH) {
            assertThat(zh).as("English '%s' in the Chinese message %s", w, p.messageZh()).doesNotContain(w);
        }
    }

    private static IngestLimits limits(long maxCells, int maxCellChars, long maxRowsPerSheet, int maxZipEntries) {
        IngestLimits d = IngestLimits.DEFAULTS;
        return new IngestLimits(d.maxFileBytes(), maxZipEntries, d.maxInflatedBytes(), d.maxInflationRatio(), maxCells,
                maxCellChars, maxRowsPerSheet, d.lockTimeout());
    }

    @Test
    void oneOversizedCellIsLocatedAndNotAnsweredWithSplitTheFile() throws IOException {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协"), row("XQ002", "掌政镇科协".repeat(8), "乡镇科协")));
        Path f = Workbooks.xlsx(tmp.resolve("640104_2024Q3.xlsx"), s);
        IngestLimits d = IngestLimits.DEFAULTS;
        Problem p = refusal(validate(f, limits(d.maxCells(), 30, d.maxRowsPerSheet(), d.maxZipEntries())),
                ProblemCode.LIMIT_EXCEEDED);
        assertThat(p.location().sheet()).isEqualTo("组织信息");
        assertThat(p.location().row()).isEqualTo(4);
        assertThat(p.location().column()).isEqualTo("B");
        assertThat(p.messageZh()).contains("工作表“组织信息”第 4 行 B 列").contains("40 个字符").contains("30 个")
                .contains("limits.max_cell_chars").doesNotContain("拆分");
        assertThat(p.messageEn()).contains("sheet '组织信息' row 4 column B").contains("40 characters")
                .doesNotContain("split");
        chineseOnly(p);
    }

    @Test
    void tooManyCellsIsLocatedAndAnsweredWithSplitTheFile() throws IOException {
        Path f = orgsWorkbook("640104_2024Q3.xlsx");
        IngestLimits d = IngestLimits.DEFAULTS;
        // title 1 + header 3 = 4 cells; the 5th is A3
        Problem p = refusal(validate(f, limits(4, d.maxCellChars(), d.maxRowsPerSheet(), d.maxZipEntries())),
                ProblemCode.LIMIT_EXCEEDED);
        assertThat(p.location()).extracting("sheet", "row", "column").containsExactly("组织信息", 3, "A");
        assertThat(p.messageZh()).contains("工作表“组织信息”第 3 行").contains("limits.max_cells").contains("拆分");
        assertThat(p.messageEn()).contains("split");
        chineseOnly(p);
    }

    @Test
    void tooManyRowsOfACsvIsLocatedAndAnsweredWithSplitTheFile() throws IOException {
        Path f = bytes("640104_2024Q3_组织信息.csv", ORGS.getBytes(StandardCharsets.UTF_8));
        IngestLimits d = IngestLimits.DEFAULTS;
        Problem p = refusal(validate(f, limits(d.maxCells(), d.maxCellChars(), 2, d.maxZipEntries())),
                ProblemCode.LIMIT_EXCEEDED);
        assertThat(p.location().row()).isEqualTo(3);
        assertThat(p.messageZh()).contains("第 3 行").contains("拆分").contains("2 行");
        chineseOnly(p);
    }

    @Test
    void zipBombAndTooManyPartsAreNotAnsweredWithSplitTheFile() throws IOException {
        Path plain = orgsWorkbook("640104_2024Q3.xlsx");
        Path bomb = tmp.resolve("640104_2024Q3_bomb.xlsx");
        try (ZipFile in = new ZipFile(plain.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements();) {
                ZipEntry e = en.nextElement();
                z.putNextEntry(new ZipEntry(e.getName()));
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(z);
                }
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/media/zeros.bin"));
            z.write(new byte[8 << 20]);
            z.closeEntry();
        }
        Problem p = refusal(validate(bomb), ProblemCode.LIMIT_EXCEEDED);
        assertThat(p.messageZh()).contains("limits.max_zip_inflation_ratio").doesNotContain("拆分");
        assertThat(p.messageEn()).contains("zip bomb").doesNotContain("split");
        chineseOnly(p);

        IngestLimits d = IngestLimits.DEFAULTS;
        Problem parts = refusal(validate(plain, limits(d.maxCells(), d.maxCellChars(), d.maxRowsPerSheet(), 3)),
                ProblemCode.LIMIT_EXCEEDED);
        assertThat(parts.messageZh()).contains("limits.max_zip_entries").doesNotContain("拆分");
        chineseOnly(parts);
    }

    // --- Excel's default read password -----------------------------------------------------------

    private Path encrypt(Path plain, String name, EncryptionMode mode, String password) throws Exception {
        Path enc = tmp.resolve(name);
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor e = new EncryptionInfo(mode).getEncryptor();
            e.confirmPassword(password);
            try (InputStream in = Files.newInputStream(plain); OutputStream os = e.getDataStream(fs)) {
                in.transferTo(os);
            }
            try (OutputStream os = Files.newOutputStream(enc)) {
                fs.writeFilesystem(os);
            }
        }
        return enc;
    }

    @Test
    void xlsxProtectedWithExcelsDefaultPasswordIsOpenedAsExcelDoes() throws Exception {
        Path plain = orgsWorkbook("plain.xlsx");
        accepted(validate(encrypt(plain, "640104_2024Q3_agile.xlsx", EncryptionMode.agile, "VelvetSweatshop")), "XLSX");
        accepted(validate(encrypt(plain, "640104_2024Q3_standard.xlsx", EncryptionMode.standard, "VelvetSweatshop")),
                "XLSX");
        Problem p = refusal(validate(encrypt(plain, "640104_2024Q3_secret.xlsx", EncryptionMode.agile, "secret")),
                ProblemCode.ENCRYPTED_FILE);
        assertThat(p.messageEn()).contains("password");
        // nothing decrypted is left behind
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(x -> x.getFileName().toString().startsWith("sanhui-decrypted-"))).isEmpty();
        }
    }

    @Test
    void xlsProtectedWithExcelsDefaultPasswordIsOpenedAsExcelDoes() throws Exception {
        var s = Workbooks.sheets();
        s.put("组织信息", List.of(row("兴庆区 2024年第三季度"), row("组织编号", "组织名称", "组织类型"),
                row("XQ001", "兴庆区科协", "县级科协"), row("XQ002", "掌政镇科协", "乡镇科协")));
        Path velvet;
        Path secret;
        try {
            Biff8EncryptionKey.setCurrentUserPassword("VelvetSweatshop");
            velvet = Workbooks.xls(tmp.resolve("640104_2024Q3_velvet.xls"), s);
            Biff8EncryptionKey.setCurrentUserPassword("secret");
            secret = Workbooks.xls(tmp.resolve("640104_2024Q3_secret.xls"), s);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        accepted(validate(velvet), "XLS");
        refusal(validate(secret), ProblemCode.ENCRYPTED_FILE);
    }
}
