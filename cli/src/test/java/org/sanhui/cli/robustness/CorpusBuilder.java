package org.sanhui.cli.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.sanhui.model.schema.Datasets;

/**
 * Writes the robustness corpus: a fixed list of odd and hostile submission files (at most
 * {@value #MAX_FIXED} with the CI mutations), and on request any number of further mutations of the
 * valid seeds. Deterministic: the same call writes the same bytes (fixed seeds, fixed ZIP timestamps,
 * fixed encryption salts), except the RC4-encrypted .xls, whose salt POI draws itself.
 */
public final class CorpusBuilder {

    /** The most files the fixed corpus (run by CI) may hold. */
    public static final int MAX_FIXED = 150;
    /** Mutations of the seeds in the fixed corpus. */
    static final int CI_MUTATIONS = 17;
    /** Uncompressed size of each bomb part: 200 MiB (deflated to ~200 KiB: 1:1000). */
    static final long BOMB = 200L << 20;
    /** The size of the huge field: 12 MiB. */
    static final int HUGE = 12 << 20;

    private static final String XXE_FILE = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n";
    private static final String BILLION_LAUGHS;

    static {
        StringBuilder b = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                b.append("&lol").append(i - 1).append(';');
            }
            b.append("\">");
        }
        BILLION_LAUGHS = b.append("]>\n").toString();
    }

    private static final String ROW = "<row><c t=\"inlineStr\"><is><t>哈哈哈</t></is></c></row>";
    private static final int ROW_BYTES = ROW.getBytes(StandardCharsets.UTF_8).length;

    private final Path dir;
    private final List<CorpusEntry> entries = new ArrayList<>();

    /**
     * Creates a builder writing into a directory.
     *
     * @param dir the corpus directory (created if missing)
     */
    public CorpusBuilder(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes the fixed corpus: hostile and odd files, valid seeds, and {@link #CI_MUTATIONS} mutations.
     *
     * @return the entries written, in order
     */
    public List<CorpusEntry> buildFixed() {
        valid();
        encodings();
        csv();
        huge();
        grid();
        bombs();
        xml();
        zipStructure();
        truncated();
        encrypted();
        otherFormats();
        mutations(CI_MUTATIONS, 20241001L, "m");
        if (entries.size() > MAX_FIXED) {
            throw new IllegalStateException("fixed corpus has " + entries.size() + " files, more than " + MAX_FIXED);
        }
        return List.copyOf(entries);
    }

    /**
     * Writes further mutations of the seeds (for the benchmark script), named apart from the fixed ones.
     *
     * @param count how many
     * @param seed the random seed
     * @return the entries written
     */
    public List<CorpusEntry> buildMutations(int count, long seed) {
        int before = entries.size();
        mutations(count, seed, "x" + seed);
        return List.copyOf(entries.subList(before, entries.size()));
    }

    /**
     * Writes mutations of other valid files (e.g. the sample's workbooks), fed without options since
     * such files name their county and period themselves.
     *
     * @param seeds the valid files
     * @param count how many mutations in all
     * @param seed the random seed
     * @return the entries written
     */
    public List<CorpusEntry> buildMutationsOf(List<Path> seeds, int count, long seed) {
        int before = entries.size();
        Random rnd = new Random(seed);
        for (int i = 0; i < count && !seeds.isEmpty(); i++) {
            Path p = seeds.get(i % seeds.size());
            byte[] b;
            try {
                b = Files.readAllBytes(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String base = p.getFileName().toString();
            int dot = base.lastIndexOf('.');
            String stem = dot < 0 ? base : base.substring(0, dot);
            String ext = dot < 0 ? "" : base.substring(dot);
            mutate(b, stem, ext, "s" + seed + "-" + i, rnd, List.of(), "sample " + base);
        }
        return List.copyOf(entries.subList(before, entries.size()));
    }

    // ---------------------------------------------------------------- valid seeds and encodings

    private void valid() {
        int rows = Seeds.dataRows();
        add("v01-兴庆区_2024Q3.xlsx", InputKind.VALID, "plain workbook, three sheets, header in row 1", Seeds.xlsx(), rows);
        add("v02-兴庆区_2024Q3_政务版式.xlsx", InputKind.VALID,
                "title row, 填报单位 line, two-row merged header, 合计 row, 注 note, 填报人 footer", Seeds.governmentXlsx(), rows);
        add("v03-兴庆区_2024Q3.xls", InputKind.VALID, "Excel 97-2003 (HSSF), dates as text", Seeds.xls(), rows);
        RawXlsx inline = new RawXlsx(Seeds.sheets(true));
        inline.inlineStrings = true;
        add("v04-兴庆区_2024Q3_inline.xlsx", InputKind.VALID, "inline strings, dates as text", inline.bytes(), rows);
        csvDir("v05-csv-utf8", InputKind.VALID, "one CSV per sheet, UTF-8", StandardCharsets.UTF_8, false, rows);
        csvDir("v06-csv-utf8-bom", InputKind.VALID, "one CSV per sheet, UTF-8 with BOM (Excel's CSV UTF-8)",
                StandardCharsets.UTF_8, true, rows);
        csvDir("v07-csv-gbk", InputKind.VALID, "one CSV per sheet, GBK", Charset.forName("GBK"), false, rows);
        add("v08-64_宁夏回族自治区_2024年度评价.xlsx", InputKind.VALID, "the province's yearly evaluations, 年度 the number 2024.0 as the sample stores it",
                Seeds.evaluationsXlsx(), List.of(), 3);
    }

    private void csvDir(String name, InputKind kind, String what, Charset cs, boolean bom, int rows) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("兴庆区_2024Q3_组织信息.csv", Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), cs, bom));
        files.put("兴庆区_2024Q3_关键人物.csv", Seeds.csv(Datasets.POSTS, Seeds.posts(), cs, bom));
        files.put("兴庆区_2024Q3_活动记录.csv", Seeds.csv(Datasets.ACTIVITIES, Seeds.activities(), cs, bom));
        addDir(name, kind, what, files, CorpusEntry.DEFAULT_ARGS, rows);
    }

    /** Organisations whose leaders' names hold characters outside the BMP (four bytes in GB18030). */
    private static List<Map<String, Object>> fourByteOrganisations() {
        List<Map<String, Object>> orgs = Seeds.organisations();
        orgs.get(0).put(Datasets.LEADER_NAME, "张\uD842\uDFB7国");
        orgs.get(2).put(Datasets.LEADER_NAME, "王\uD86D\uDF2F芳");
        orgs.get(3).put(Datasets.ORG_NAME, "兴庆区\uD840\uDC00基层科技教育学会");
        return orgs;
    }

    private void encodings() {
        Charset gb18030 = Charset.forName("GB18030");
        add("e01-组织信息_gb18030_四字节.csv", InputKind.ENCODING, "GB18030 with four-byte characters (U+20BB7, U+2B72F, U+20000)",
                Seeds.csv(Datasets.ORGANISATIONS, fourByteOrganisations(), gb18030, false), 5);
        RawXlsx four = new RawXlsx(List.of(new RawXlsx.Sheet(Datasets.ORGANISATIONS.sheet(),
                Seeds.table(Datasets.ORGANISATIONS, fourByteOrganisations(), false))));
        add("e02-组织信息_四字节.xlsx", InputKind.ENCODING, "xlsx with characters outside the BMP", four.bytes(), 5);
        byte[] utf8 = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false);
        byte[] gbk = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), Charset.forName("GBK"), false);
        add("e03-组织信息_混合编码.csv", InputKind.ENCODING, "header and two rows UTF-8, the rest GBK",
                concat(firstLines(utf8, 3), dropLines(gbk, 3)));
        add("e04-组织信息_utf16le.csv", InputKind.ENCODING, "UTF-16LE with BOM",
                Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_16LE, true));
        byte[] bad = utf8.clone();
        int at = indexOf(bad, "兴庆区基层医疗卫生学会".getBytes(StandardCharsets.UTF_8));
        bad[at] = (byte) 0xFF;
        bad[at + 1] = (byte) 0xC0;
        bad[at + 2] = (byte) 0x80;
        add("e05-组织信息_非法字节.csv", InputKind.ENCODING, "bytes invalid in UTF-8 and in GB18030 (FF C0 80)", bad);
        add("e06-仅BOM.csv", InputKind.ENCODING, "only a UTF-8 byte-order mark", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        RawXlsx gbXml = new RawXlsx(Seeds.sheets(false));
        byte[] pkg = gbXml.bytes();
        List<ZipForge.Entry> es = new ArrayList<>(ZipForge.read(pkg));
        for (int i = 0; i < es.size(); i++) {
            if (es.get(i).name().equals("xl/sharedStrings.xml")) {
                String x = inflate(es.get(i)).replace("encoding=\"UTF-8\"", "encoding=\"GB18030\"");
                es.set(i, ZipForge.deflated("xl/sharedStrings.xml", x.getBytes(gb18030)));
            }
        }
        add("e07-兴庆区_2024Q3_gb18030xml.xlsx", InputKind.ENCODING, "sharedStrings.xml declared and encoded GB18030",
                ZipForge.zip(es), Seeds.dataRows());
        byte[] big5 = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), Charset.forName("Big5"), false);
        add("e08-组织信息_big5.csv", InputKind.ENCODING, "Big5 (traditional), not an accepted encoding", big5);
    }

    // ---------------------------------------------------------------- CSV

    private void csv() {
        String header = String.join(",", Seeds.inputColumns(Datasets.ORGANISATIONS).stream().map(c -> c.header()).toList());
        byte[] ok = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false);
        String text = new String(ok, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        add("c01-组织信息_引号未闭合_开头.csv", InputKind.CSV_MALFORMED, "unterminated quote in the first data row",
                utf8(header + "\r\n\"XQ001,兴庆区科学技术协会,县级科协\r\n" + String.join("\r\n", Arrays.copyOfRange(lines, 2, lines.length)) + "\r\n"));
        add("c02-组织信息_引号未闭合_末尾.csv", InputKind.CSV_MALFORMED, "unterminated quote in the last row",
                utf8(text + "XQ009,\"没有结束的引号,县级科协\r\n"));
        add("c03-组织信息_NUL.csv", InputKind.CSV_MALFORMED, "NUL bytes inside fields",
                utf8(text.replace("兴庆区基层农业技术学会", "兴庆区\0基层\0农业技术学会").replace("XQ002", "XQ\0\0002")));
        add("c04-全NUL.csv", InputKind.CSV_MALFORMED, "1 MiB of NUL bytes", new byte[1 << 20]);
        add("c05-组织信息_字段内引号.csv", InputKind.CSV_MALFORMED, "quotes inside unquoted fields",
                utf8(text.replace("兴庆区科学技术协会", "兴庆区\"科学\"技术协会").replace("宁夏医学会", "宁夏\"医学会")));
        add("c06-组织信息_列数不齐.csv", InputKind.CSV_MALFORMED, "rows with 3 and with 40 fields",
                utf8(header + "\r\nXQ001,兴庆区科学技术协会,县级科协\r\n" + lines[2] + ",a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q\r\n" + lines[3] + "\r\n"));
        add("c07-组织信息_仅CR.csv", InputKind.CSV_MALFORMED, "old Mac line endings (CR only)", utf8(text.replace("\r\n", "\r")));
        StringBuilder blanks = new StringBuilder(text);
        for (int i = 0; i < 100_000; i++) {
            blanks.append(",,,,,,,,\r\n");
        }
        blanks.append(lines[1]).append("\r\n");
        add("c08-组织信息_十万空行.csv", InputKind.CSV_MALFORMED, "100,000 blank rows, then a duplicate row", utf8(blanks.toString()));
        add("c09-单行5MiB.csv", InputKind.CSV_MALFORMED, "one 5 MiB line, no newline, no quotes", repeat("组织名称,", 5 << 20));
        add("c10-组织信息_分号.csv", InputKind.CSV_MALFORMED, "semicolon-delimited", utf8(text.replace(',', ';')));
        add("c11-组织信息_仅表头.csv", InputKind.CSV_MALFORMED, "header only", utf8(header + "\r\n"));
        add("c12-组织信息_公式注入.csv", InputKind.CSV_MALFORMED, "formula-injection values (=, +, -, @, tab)",
                utf8(text.replace("兴庆区人民政府", "=cmd|' /C calc'!A0").replace("凤凰北街街道办事处", "+1+1")
                        .replace("兴庆区人民医院", "@SUM(1+1)*cmd|' /C calc'!A0").replace("兴庆区第一中学", "-2+3")
                        .replace("兴庆区农业技术推广中心", "\t=1+1")));
        Random rnd = new Random(7);
        byte[] garbage = new byte[64 * 1024];
        rnd.nextBytes(garbage);
        add("c13-随机字节.csv", InputKind.CSV_MALFORMED, "64 KiB of random bytes named .csv", garbage);
        add("c14-组织信息_重复表头.csv", InputKind.CSV_MALFORMED, "the 组织名称 column twice",
                utf8(text.replaceFirst("组织类型", "组织名称")));
        add("c15-组织信息_反斜杠转义.csv", InputKind.CSV_MALFORMED, "backslash-escaped quotes (not RFC 4180)",
                utf8(header + "\r\nXQ001,\"兴庆区\\\"科协\\\"\",县级科协\r\n"));
    }

    // ---------------------------------------------------------------- huge fields and grids

    private void huge() {
        String big = randomCjk(new Random(12), HUGE / 3);
        List<Map<String, Object>> orgs = Seeds.organisations();
        orgs.get(1).put(Datasets.ORG_NAME, big);
        add("h01-组织信息_12MiB字段.csv", InputKind.HUGE_FIELD, "a 12 MiB quoted field",
                Seeds.csv(Datasets.ORGANISATIONS, orgs, StandardCharsets.UTF_8, false));
        byte[] ok = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false);
        add("h02-组织信息_12MiB无引号.csv", InputKind.HUGE_FIELD, "a 12 MiB unquoted field (ASCII)",
                concat(ok, utf8("XQ009," + randomAscii(new Random(13), HUGE) + ",县级科协\r\n")));
        RawXlsx shared = new RawXlsx(List.of(new RawXlsx.Sheet(Datasets.ORGANISATIONS.sheet(),
                Seeds.table(Datasets.ORGANISATIONS, orgs, false))));
        add("h03-组织信息_12MiB共享字符串.xlsx", InputKind.HUGE_FIELD, "a 12 MiB shared string", shared.bytes());
        RawXlsx inline = new RawXlsx(List.of(new RawXlsx.Sheet(Datasets.ORGANISATIONS.sheet(),
                Seeds.table(Datasets.ORGANISATIONS, orgs, false))));
        inline.inlineStrings = true;
        add("h04-组织信息_12MiB内联字符串.xlsx", InputKind.HUGE_FIELD, "a 12 MiB inline string", inline.bytes());
        RawXlsx longName = new RawXlsx(Seeds.sheets(false));
        String longSheet = randomCjk(new Random(14), 1 << 20);
        longName.rewrite.put("xl/workbook.xml", x -> x.replace("name=\"活动记录\"", "name=\"" + longSheet + "\""));
        add("h05-超长工作表名.xlsx", InputKind.HUGE_FIELD, "a sheet name of 1 Mi random CJK characters", longName.bytes());
    }

    private void grid() {
        RawXlsx far = new RawXlsx(Seeds.sheets(false));
        far.rewrite.put("xl/worksheets/sheet3.xml", x -> x.replace("</sheetData>",
                "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"inlineStr\"><is><t>最后一格</t></is></c></row></sheetData>"));
        add("g01-XFD1048576.xlsx", InputKind.EXTREME_GRID, "valid workbook plus a cell at XFD1048576", far.bytes());
        List<List<Object>> orgTable = Seeds.table(Datasets.ORGANISATIONS, Seeds.organisations(), true);
        StringBuilder wide = new StringBuilder();
        for (int r = 0; r < orgTable.size(); r++) {
            wide.append("<row r=\"").append(r + 1).append("\">");
            List<Object> row = orgTable.get(r);
            for (int c = 0; c < 20_000; c++) {
                Object v = c < row.size() ? row.get(c) : r == 0 ? "附加列" + c : "x";
                wide.append(v == null ? "<c/>" : "<c t=\"inlineStr\"><is><t>" + RawXlsx.esc(v.toString()) + "</t></is></c>");
            }
            wide.append("</row>");
        }
        RawXlsx w = new RawXlsx(List.of(new RawXlsx.Sheet(Datasets.ORGANISATIONS.sheet(), List.of())));
        w.rewrite.put("xl/worksheets/sheet1.xml", x -> x.replace("<sheetData></sheetData>", "<sheetData>" + wide + "</sheetData>"));
        add("g02-两万列.xlsx", InputKind.EXTREME_GRID, "组织信息 with 20,000 cells a row (past XFD), cells without refs", w.bytes());
        StringBuilder csvWide = new StringBuilder();
        for (int r = 0; r < orgTable.size(); r++) {
            List<Object> row = orgTable.get(r);
            for (int c = 0; c < 20_000; c++) {
                Object v = c < row.size() ? row.get(c) : r == 0 ? "附加列" + c : "x";
                csvWide.append(c == 0 ? "" : ",").append(v == null ? "" : v.toString());
            }
            csvWide.append("\r\n");
        }
        add("g03-两万列.csv", InputKind.EXTREME_GRID, "组织信息 with 20,000 columns in CSV", utf8(csvWide.toString()));
        RawXlsx beyond = new RawXlsx(Seeds.sheets(false));
        beyond.rewrite.put("xl/worksheets/sheet1.xml", x -> x.replace("</sheetData>",
                "<row r=\"1048577\"><c r=\"A1048577\"><v>1</v></c><c r=\"XFE1048577\"><v>2</v></c></row>"
                        + "<row r=\"99999999999\"><c r=\"ZZZZZZZ99999999999\"><v>3</v></c></row></sheetData>"));
        add("g04-超出范围引用.xlsx", InputKind.EXTREME_GRID, "refs beyond the grid: A1048577, XFE1048577, row 99999999999", beyond.bytes());
        RawXlsx order = new RawXlsx(Seeds.sheets(false));
        order.rewrite.put("xl/worksheets/sheet1.xml", x -> x.replace("<row r=\"2\">", "<row r=\"6\">").replace("<row r=\"6\"><c r=\"A6\"", "<row r=\"2\"><c r=\"A6\""));
        add("g05-行号乱序.xlsx", InputKind.EXTREME_GRID, "row numbers out of order and repeated", order.bytes());
        RawXlsx noRef = new RawXlsx(Seeds.sheets(false));
        noRef.rewrite.put("xl/worksheets/sheet3.xml", x -> x.replaceAll(" r=\"[A-Z]+[0-9]+\"", "").replaceAll("<row r=\"[0-9]+\">", "<row>"));
        add("g06-无单元格引用.xlsx", InputKind.EXTREME_GRID, "cells and rows without r attributes (allowed by the schema)", noRef.bytes(), Seeds.dataRows());
        RawXlsx garbageRef = new RawXlsx(Seeds.sheets(false));
        garbageRef.rewrite.put("xl/worksheets/sheet2.xml", x -> x.replace("r=\"B2\"", "r=\"-1\"").replace("r=\"C3\"", "r=\"三3\"")
                .replace("<row r=\"4\">", "<row r=\"abc\">"));
        add("g07-非法引用.xlsx", InputKind.EXTREME_GRID, "refs -1, 三3 and row abc", garbageRef.bytes());
        RawXlsx dim = new RawXlsx(Seeds.sheets(false));
        dim.rewrite.put("xl/worksheets/sheet1.xml", x -> x.replace("<sheetData>", "<dimension ref=\"A1:XFD1048576\"/><sheetData>"));
        add("g08-维度全表.xlsx", InputKind.EXTREME_GRID, "dimension A1:XFD1048576 on a small sheet", dim.bytes(), Seeds.dataRows());
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet(Datasets.ORGANISATIONS.sheet());
            for (int r = 0; r < orgTable.size(); r++) {
                var row = s.createRow(r);
                for (int c = 0; c < orgTable.get(r).size(); c++) {
                    Object v = orgTable.get(r).get(c);
                    if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            s.createRow(65535).createCell(255).setCellValue("最后一格");
            wb.write(out);
            add("g09-IV65536.xls", InputKind.EXTREME_GRID, "组织信息 (.xls) plus a cell at IV65536", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RawXlsx emptyRows = new RawXlsx(Seeds.sheets(false));
        ZipForge.Entry sheet = find(emptyRows.entries(), "xl/worksheets/sheet1.xml");
        String sx = inflate(sheet);
        int cut = sx.indexOf("</sheetData>");
        List<ZipForge.Entry> es = replaceEntry(emptyRows.entries(), ZipForge.deflated(sheet.name(), ZipForge.concat(
                ZipForge.text(sx.substring(0, cut)),
                out -> {
                    for (int r = 100; r < 1_048_577; r++) {
                        out.write(("<row r=\"" + r + "\"/>").getBytes(StandardCharsets.US_ASCII));
                    }
                },
                ZipForge.text(sx.substring(cut)))));
        add("g10-百万空行.xlsx", InputKind.EXTREME_GRID, "1,048,477 empty <row/> elements after the data", ZipForge.zip(es), Seeds.dataRows());
    }

    // ---------------------------------------------------------------- zip bombs

    private void bombs() {
        List<ZipForge.Entry> base = new RawXlsx(Seeds.sheets(false)).entries();
        ZipForge.Entry sheet1 = find(base, "xl/worksheets/sheet1.xml");
        String sx = inflate(sheet1);
        int cut = sx.indexOf("</sheetData>");
        add("b01-空白炸弹.xlsx", InputKind.ZIP_BOMB, "sheet1.xml padded with 200 MiB of spaces (1:1000)",
                ZipForge.zip(replaceEntry(base, ZipForge.deflated(sheet1.name(), ZipForge.concat(ZipForge.text(sx.substring(0, cut)),
                        ZipForge.repeat(" ", BOMB), ZipForge.text(sx.substring(cut)))))));
        RawXlsx sst = new RawXlsx(Seeds.sheets(false));
        List<ZipForge.Entry> sstEntries = sst.entries();
        String sstText = inflate(find(sstEntries, "xl/sharedStrings.xml"));
        int siEnd = sstText.indexOf("</t></si>");
        add("b02-共享字符串炸弹.xlsx", InputKind.ZIP_BOMB, "one shared string of 200 MiB (1:1000)",
                ZipForge.zip(replaceEntry(sstEntries, ZipForge.deflated("xl/sharedStrings.xml", ZipForge.concat(
                        ZipForge.text(sstText.substring(0, siEnd)), ZipForge.repeat("A", BOMB), ZipForge.text(sstText.substring(siEnd)))))));
        add("b03-行炸弹.xlsx", InputKind.ZIP_BOMB, "4 Mi identical rows in 活动记录 (200 MiB of XML)",
                ZipForge.zip(replaceEntry(base, ZipForge.deflated(sheet1.name(), ZipForge.concat(ZipForge.text(sx.substring(0, cut)),
                        ZipForge.repeat(ROW, BOMB / ROW_BYTES * ROW_BYTES),
                        ZipForge.text(sx.substring(cut)))))));
        byte[] inner = ZipForge.zip(List.of(ZipForge.deflated("a.bin", ZipForge.repeat("\0", 64L << 20)),
                ZipForge.deflated("b.bin", ZipForge.repeat("\0", 64L << 20)),
                ZipForge.deflated("c.bin", ZipForge.repeat("\0", 64L << 20)),
                ZipForge.deflated("d.bin", ZipForge.repeat("\0", 64L << 20))));
        List<ZipForge.Entry> nested = new ArrayList<>(base);
        nested.add(ZipForge.stored("xl/embeddings/oleObject1.bin", inner));
        add("b04-内嵌炸弹.xlsx", InputKind.ZIP_BOMB, "valid workbook embedding a zip of 4 x 64 MiB (nested)", ZipForge.zip(nested), Seeds.dataRows());
        List<ZipForge.Entry> layer = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            layer.add(ZipForge.stored("layer" + i + ".zip", inner));
        }
        add("b05-嵌套压缩包.xlsx", InputKind.ZIP_BOMB, "a zip of zips (4 x 4 x 64 MiB = 1 GiB nested), no workbook", ZipForge.zip(layer));
        List<ZipForge.Entry> media = new ArrayList<>(base);
        media.add(ZipForge.deflated("xl/media/image1.png", ZipForge.repeat("\0", 2 * BOMB)));
        add("b06-未引用炸弹.xlsx", InputKind.ZIP_BOMB, "valid workbook plus an unreferenced 400 MiB part", ZipForge.zip(media), Seeds.dataRows());
        for (String part : List.of("[Content_Types].xml", "docProps/core.xml", "xl/styles.xml", "xl/workbook.xml")) {
            ZipForge.Entry e = find(base, part);
            String t = inflate(e);
            String tag = part.startsWith("[") ? "ct" : part.substring(part.lastIndexOf('/') + 1, part.indexOf('.', part.lastIndexOf('/')));
            add("b07-炸弹-" + tag + ".xlsx", InputKind.ZIP_BOMB, part + " followed by 200 MiB of whitespace",
                    ZipForge.zip(replaceEntry(base, ZipForge.deflated(part, ZipForge.concat(ZipForge.text(t), ZipForge.repeat("\n", BOMB))))));
        }
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            ZipForge.repeat(",", BOMB).writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        add("b08-gzip炸弹.csv", InputKind.ZIP_BOMB, "gzip of 200 MiB of commas named .csv", gz.toByteArray());
    }

    // ---------------------------------------------------------------- XML entity attacks

    private void xml() {
        xxe("x01-xxe-workbook.xlsx", "xl/workbook.xml", XXE_FILE, x -> x.replace("name=\"活动记录\"", "name=\"&xxe;\""), false,
                "external entity (file:///etc/passwd) as a sheet name in workbook.xml");
        xxe("x02-xxe-sheet.xlsx", "xl/worksheets/sheet1.xml", XXE_FILE, x -> x.replace("兴庆区科学技术协会", "&xxe;"), true,
                "external entity (file:///etc/passwd) in a sheet cell");
        xxe("x03-xxe-sharedStrings.xlsx", "xl/sharedStrings.xml", XXE_FILE, x -> x.replace("兴庆区科学技术协会", "&xxe;"), false,
                "external entity (file:///etc/passwd) in a shared string");
        xxe("x04-billion-laughs-sharedStrings.xlsx", "xl/sharedStrings.xml", BILLION_LAUGHS, x -> x.replace("兴庆区科学技术协会", "&lol9;"), false,
                "billion laughs in sharedStrings.xml");
        xxe("x05-billion-laughs-sheet.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS, x -> x.replace("兴庆区科学技术协会", "&lol9;"), true,
                "billion laughs in a sheet");
        xxe("x06-xxe-parameter.xlsx", "xl/workbook.xml",
                "<!DOCTYPE x [<!ENTITY % ext SYSTEM \"http://127.0.0.1:9/evil.dtd\"> %ext;]>\n", x -> x, false,
                "external parameter entity (http://127.0.0.1:9) in workbook.xml");
        xxe("x07-xxe-content-types.xlsx", "[Content_Types].xml", XXE_FILE, x -> x.replace("<Default Extension=\"xml\"",
                "<Default Extension=\"&xxe;\" ContentType=\"x\"/><Default Extension=\"xml\""), false, "external entity in [Content_Types].xml");
        xxe("x08-xxe-rels.xlsx", "_rels/.rels", XXE_FILE, x -> x.replace("Target=\"docProps/core.xml\"", "Target=\"&xxe;\""), false,
                "external entity in _rels/.rels");
        xxe("x09-xxe-workbook-rels.xlsx", "xl/_rels/workbook.xml.rels", XXE_FILE, x -> x.replace("Target=\"styles.xml\"", "Target=\"&xxe;\""), false,
                "external entity in xl/_rels/workbook.xml.rels");
        xxe("x10-xxe-core.xlsx", "docProps/core.xml", XXE_FILE, x -> x.replace("sanhui corpus", "&xxe;"), false,
                "external entity in docProps/core.xml");
        xxe("x11-xxe-styles.xlsx", "xl/styles.xml", XXE_FILE, x -> x.replace("宋体", "&xxe;"), false, "external entity in xl/styles.xml");
        String a = "a".repeat(50_000);
        xxe("x12-quadratic-blowup.xlsx", "xl/sharedStrings.xml", "<!DOCTYPE q [<!ENTITY a \"" + a + "\">]>\n",
                x -> x.replace("兴庆区科学技术协会", "&a;".repeat(50_000)), false, "quadratic blowup: a 50 KB entity used 50,000 times");
        xxe("x13-internal-dtd.xlsx", "xl/worksheets/sheet1.xml", "<!DOCTYPE worksheet [<!ELEMENT worksheet ANY>]>\n", x -> x, false,
                "a harmless internal DTD subset");
        xxe("x14-xinclude.xlsx", "xl/worksheets/sheet1.xml", "", x -> x.replace("<worksheet ", "<worksheet xmlns:xi=\"http://www.w3.org/2001/XInclude\" ")
                .replace("</sheetData>", "<row r=\"50\"><c r=\"A50\" t=\"inlineStr\"><is><t><xi:include href=\"file:///etc/passwd\" parse=\"text\"/></t></is></c></row></sheetData>"),
                false, "XInclude of file:///etc/passwd in a cell");
        xxe("x15-xxe-urandom.xlsx", "xl/sharedStrings.xml", "<!DOCTYPE x [<!ENTITY r SYSTEM \"file:///dev/urandom\">]>\n",
                x -> x.replace("兴庆区科学技术协会", "&r;"), false, "external entity reading /dev/urandom (endless)");
        xxe("x16-xxe-blackhole.xlsx", "xl/sharedStrings.xml", "<!DOCTYPE x [<!ENTITY h SYSTEM \"http://10.255.255.1/x\">]>\n",
                x -> x.replace("兴庆区科学技术协会", "&h;"), false, "external entity on a black-hole address (connect would hang)");
        String ss2003 = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\""
                + " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"组织信息\"><Table>"
                + "<Row><Cell><Data ss:Type=\"String\">组织编号</Data></Cell><Cell><Data ss:Type=\"String\">组织名称</Data></Cell></Row>"
                + "<Row><Cell><Data ss:Type=\"String\">XQ001</Data></Cell><Cell><Data ss:Type=\"String\">&xxe;</Data></Cell></Row>"
                + "</Table></Worksheet></Workbook>\n";
        add("x17-spreadsheetml2003-xxe.xls", InputKind.XML_ENTITY, "SpreadsheetML 2003 XML with an external entity, named .xls", utf8(ss2003));
        String xmlCsv = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<x>&xxe;</x>\n";
        add("x18-xml-xxe.csv", InputKind.XML_ENTITY, "an XML document with an external entity, named .csv", utf8(xmlCsv));
    }

    private void xxe(String name, String part, String doctype, UnaryOperator<String> rewrite, boolean inline, String what) {
        RawXlsx x = new RawXlsx(Seeds.sheets(false));
        x.inlineStrings = inline;
        x.prolog.put(part, doctype);
        x.rewrite.put(part, rewrite);
        add(name, InputKind.XML_ENTITY, what, x.bytes());
    }

    // ---------------------------------------------------------------- zip structure

    private void zipStructure() {
        List<ZipForge.Entry> base = new RawXlsx(Seeds.sheets(false)).entries();
        for (String[] slip : new String[][] {{"z01-zip-slip.xlsx", "../../evil.txt"}, {"z02-zip-slip-abs.xlsx", "/tmp/sanhui-evil.txt"},
            {"z03-zip-slip-backslash.xlsx", "..\\..\\evil.txt"}, {"z04-zip-slip-deep.xlsx", "xl/../../../../../../../../evil.txt"}}) {
            List<ZipForge.Entry> es = new ArrayList<>(base);
            es.add(ZipForge.deflated(slip[1], "EVIL"));
            add(slip[0], InputKind.ZIP_STRUCTURE, "valid workbook plus an entry named " + slip[1], ZipForge.zip(es), Seeds.dataRows());
        }
        RawXlsx outside = new RawXlsx(Seeds.sheets(false));
        outside.rewrite.put("xl/_rels/workbook.xml.rels", x -> x.replace("Target=\"worksheets/sheet2.xml\"", "Target=\"../../../../etc/passwd\""));
        add("z05-rels-outside.xlsx", InputKind.ZIP_STRUCTURE, "a relationship targeting ../../../../etc/passwd", outside.bytes());
        for (String part : List.of("xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/workbook.xml", "xl/sharedStrings.xml")) {
            List<ZipForge.Entry> es = new ArrayList<>(base);
            ZipForge.Entry e = find(base, part);
            String t = inflate(e);
            String other = part.endsWith("sheet1.xml") ? t.replace("兴庆区科学技术协会", "重复条目里的另一个名称")
                    : part.equals("xl/sharedStrings.xml") ? t.replace("兴庆区科学技术协会", "重复条目里的另一个名称") : t + " ";
            es.add(ZipForge.deflated(part, other));
            String tag = part.startsWith("[") ? "content-types" : part.substring(part.lastIndexOf('/') + 1).replace(".xml", "");
            add("z06-duplicate-" + tag + ".xlsx", InputKind.ZIP_STRUCTURE, "two entries named " + part + " (different contents)", ZipForge.zip(es));
        }
        List<ZipForge.Entry> many = new ArrayList<>(base);
        for (int i = 0; i < 1_500; i++) {
            many.add(ZipForge.deflated("xl/junk/part" + i + ".xml", "<x/>"));
        }
        add("z07-1500个条目.xlsx", InputKind.ZIP_STRUCTURE, "valid workbook plus 1,500 small entries", ZipForge.zip(many), Seeds.dataRows());
        List<ZipForge.Entry> lots = new ArrayList<>(base);
        ZipForge.Entry tiny = ZipForge.stored("x", new byte[0]);
        for (int i = 0; i < 70_000; i++) {
            lots.add(tiny.rename("j/" + i));
        }
        add("z08-70000个条目.xlsx", InputKind.ZIP_STRUCTURE, "70,000 entries (over the 65,535 a plain zip can count)", ZipForge.zip(lots));
        add("z09-加密标志.xlsx", InputKind.ZIP_STRUCTURE, "sheet1.xml flagged as traditionally encrypted",
                ZipForge.zip(replaceEntry(base, find(base, "xl/worksheets/sheet1.xml").withFlags(0x801))));
        ZipForge.Entry s1 = find(base, "xl/worksheets/sheet1.xml");
        add("z10-未知压缩方法.xlsx", InputKind.ZIP_STRUCTURE, "sheet1.xml with compression method 14 (LZMA)",
                ZipForge.zip(replaceEntry(base, new ZipForge.Entry(s1.name(), 14, s1.data(), s1.crc(), s1.size(), s1.flags()))));
        add("z11-CRC错误.xlsx", InputKind.ZIP_STRUCTURE, "sheet1.xml with a wrong CRC-32",
                ZipForge.zip(replaceEntry(base, new ZipForge.Entry(s1.name(), s1.method(), s1.data(), s1.crc() ^ 0x5A5A5A5AL, s1.size(), s1.flags()))));
        add("z12-大小不符.xlsx", InputKind.ZIP_STRUCTURE, "sheet1.xml declaring 10 bytes uncompressed",
                ZipForge.zip(replaceEntry(base, new ZipForge.Entry(s1.name(), s1.method(), s1.data(), s1.crc(), 10, s1.flags()))));
        add("z13-缺ContentTypes.xlsx", InputKind.ZIP_STRUCTURE, "no [Content_Types].xml",
                ZipForge.zip(base.stream().filter(e -> !e.name().equals("[Content_Types].xml")).toList()));
        add("z14-缺workbook.xlsx", InputKind.ZIP_STRUCTURE, "no xl/workbook.xml",
                ZipForge.zip(base.stream().filter(e -> !e.name().equals("xl/workbook.xml")).toList()));
        add("z15-缺工作表.xlsx", InputKind.ZIP_STRUCTURE, "workbook names a sheet whose part is missing",
                ZipForge.zip(base.stream().filter(e -> !e.name().equals("xl/worksheets/sheet2.xml")).toList()));
        byte[] valid = ZipForge.zip(base);
        byte[] junk = new byte[256 * 1024];
        new Random(11).nextBytes(junk);
        add("z16-前置垃圾.xlsx", InputKind.ZIP_STRUCTURE, "256 KiB of junk before the archive (self-extractor style)", concat(junk, valid));
        add("z17-空压缩包.xlsx", InputKind.ZIP_STRUCTURE, "an empty zip (end record only)", ZipForge.zip(List.of()));
        List<ZipForge.Entry> dirEntry = replaceEntry(base, ZipForge.stored("xl/worksheets/sheet1.xml/", new byte[0]));
        add("z18-工作表是目录.xlsx", InputKind.ZIP_STRUCTURE, "sheet1.xml is a directory entry", ZipForge.zip(dirEntry));
        List<ZipForge.Entry> longName = new ArrayList<>(base);
        longName.add(ZipForge.deflated("xl/" + "长".repeat(20_000) + ".xml", "<x/>"));
        longName.add(ZipForge.deflated("xl/nul\0name.xml", "<x/>"));
        add("z19-超长条目名.xlsx", InputKind.ZIP_STRUCTURE, "an entry name of 60,000 bytes and one with a NUL", ZipForge.zip(longName), Seeds.dataRows());
    }

    // ---------------------------------------------------------------- truncated and empty

    private void truncated() {
        byte[] xlsx = Seeds.xlsx();
        byte[] xls = Seeds.xls();
        add("t01-空.xlsx", InputKind.TRUNCATED, "zero bytes, .xlsx", new byte[0]);
        add("t02-空.xls", InputKind.TRUNCATED, "zero bytes, .xls", new byte[0]);
        add("t03-空.csv", InputKind.TRUNCATED, "zero bytes, .csv", new byte[0]);
        for (int pct : new int[] {10, 50, 90}) {
            add("t04-截断" + pct + ".xlsx", InputKind.TRUNCATED, "xlsx cut at " + pct + "%", Arrays.copyOf(xlsx, xlsx.length * pct / 100));
        }
        add("t05-少一字节.xlsx", InputKind.TRUNCATED, "xlsx missing its last byte", Arrays.copyOf(xlsx, xlsx.length - 1));
        int cd = lastIndexOf(xlsx, new byte[] {0x50, 0x4b, 0x01, 0x02});
        int firstCd = cd;
        for (int i = cd; i >= 0; i--) {
            if (xlsx[i] == 0x50 && i + 3 < xlsx.length && xlsx[i + 1] == 0x4b && xlsx[i + 2] == 0x01 && xlsx[i + 3] == 0x02) {
                firstCd = i;
            }
        }
        add("t06-无中央目录.xlsx", InputKind.TRUNCATED, "xlsx cut just before its central directory", Arrays.copyOf(xlsx, firstCd));
        add("t07-截断50.xls", InputKind.TRUNCATED, "xls cut at 50%", Arrays.copyOf(xls, xls.length / 2));
        add("t08-截断4096.xls", InputKind.TRUNCATED, "xls cut at 4096 bytes", Arrays.copyOf(xls, 4096));
        byte[] csv = Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false);
        int mid = indexOf(csv, "兴庆区基层医疗卫生学会".getBytes(StandardCharsets.UTF_8)) + 1;
        add("t09-截断多字节.csv", InputKind.TRUNCATED, "CSV cut inside a multi-byte character", Arrays.copyOf(csv, mid));
        add("t10-仅PK头.xlsx", InputKind.TRUNCATED, "only the four bytes PK\\3\\4", new byte[] {0x50, 0x4b, 0x03, 0x04});
        byte[] ole = new byte[512];
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole, 0, 8);
        add("t11-仅OLE头.xls", InputKind.TRUNCATED, "an OLE2 signature and 504 zero bytes", ole);
        add("t12-一字节.csv", InputKind.TRUNCATED, "a single byte", new byte[] {'A'});
        addDir("t13-空目录", InputKind.TRUNCATED, "an empty directory", Map.of(), CorpusEntry.DEFAULT_ARGS, -1);
    }

    // ---------------------------------------------------------------- encrypted

    private void encrypted() {
        byte[] xlsx = Seeds.xlsx();
        add("n01-agile加密.xlsx", InputKind.ENCRYPTED, "agile encryption (password 'secret') of a valid xlsx",
                encrypt(xlsx, EncryptionMode.agile, "secret"));
        add("n02-standard加密.xlsx", InputKind.ENCRYPTED, "standard encryption (password 'secret') of a valid xlsx",
                encrypt(xlsx, EncryptionMode.standard, "secret"));
        add("n03-默认密码加密.xlsx", InputKind.ENCRYPTED, "agile encryption with Excel's default password VelvetSweatshop",
                encrypt(xlsx, EncryptionMode.agile, "VelvetSweatshop"));
        org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook wb = new HSSFWorkbook(new java.io.ByteArrayInputStream(Seeds.xls()));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            add("n04-rc4加密.xls", InputKind.ENCRYPTED, "RC4 CryptoAPI encryption (password 'secret') of a valid .xls", out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            org.apache.poi.hssf.record.crypto.Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }

    private static byte[] encrypt(byte[] xlsx, EncryptionMode mode, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EncryptionInfo info = new EncryptionInfo(mode);
            Encryptor enc = info.getEncryptor();
            Random r = new Random(password.hashCode() * 31L + mode.ordinal());
            int block = info.getHeader().getBlockSize();
            int key = info.getHeader().getKeySize() / 8;
            int hash = info.getHeader().getHashAlgorithm().hashSize;
            if (mode == EncryptionMode.agile) {
                enc.confirmPassword(password, bytes(r, key), bytes(r, block), bytes(r, block), bytes(r, block), bytes(r, hash));
            } else {
                enc.confirmPassword(password, null, null, bytes(r, 16), bytes(r, 16), null);
            }
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- other formats

    private void otherFormats() {
        String ct = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.bin\" ContentType=\"application/vnd.ms-excel.sheet.binary.macroEnabled.main\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.bin\" ContentType=\"application/vnd.ms-excel.worksheet\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.bin\"/></Relationships>";
        String wbRels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.bin\"/></Relationships>";
        add("o01-兴庆区_2024Q3.xlsb", InputKind.OTHER_FORMAT, "Excel binary workbook (xlsb)", ZipForge.zip(List.of(
                ZipForge.deflated("[Content_Types].xml", ct), ZipForge.deflated("_rels/.rels", rels),
                ZipForge.deflated("xl/_rels/workbook.bin.rels", wbRels),
                ZipForge.deflated("xl/workbook.bin", new byte[] {(byte) 0x83, 0x01, 0x00, (byte) 0x84, 0x01, 0x00}),
                ZipForge.deflated("xl/worksheets/sheet1.bin", new byte[] {(byte) 0x81, 0x01, 0x00, (byte) 0x82, 0x01, 0x00}))));
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet><table:table table:name=\"组织信息\">");
        for (List<Object> row : Seeds.table(Datasets.ORGANISATIONS, Seeds.organisations(), true)) {
            content.append("<table:table-row>");
            for (Object v : row) {
                content.append("<table:table-cell><text:p>").append(v == null ? "" : RawXlsx.esc(v.toString())).append("</text:p></table:table-cell>");
            }
            content.append("</table:table-row>");
        }
        content.append("</table:table></office:spreadsheet></office:body></office:document-content>");
        add("o02-兴庆区_2024Q3.ods", InputKind.OTHER_FORMAT, "OpenDocument spreadsheet", ZipForge.zip(List.of(
                ZipForge.stored("mimetype", utf8("application/vnd.oasis.opendocument.spreadsheet")),
                ZipForge.deflated("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
                        + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\""
                        + " manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry"
                        + " manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>"),
                ZipForge.deflated("content.xml", content.toString()))));
        StringBuilder html = new StringBuilder("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"></head><body><table>");
        for (List<Object> row : Seeds.table(Datasets.ORGANISATIONS, Seeds.organisations(), true)) {
            html.append("<tr>");
            for (Object v : row) {
                html.append("<td>").append(v == null ? "" : RawXlsx.esc(v.toString())).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table></body></html>");
        add("o03-兴庆区_2024Q3_网页.xls", InputKind.OTHER_FORMAT, "an HTML table saved as .xls (what some systems export)", utf8(html.toString()));
        RawXlsx strict = new RawXlsx(Seeds.sheets(false));
        strict.strict = true;
        add("o04-兴庆区_2024Q3_strict.xlsx", InputKind.OTHER_FORMAT, "strict OOXML (namespace " + RawXlsx.MAIN_STRICT + ")", strict.bytes());
        add("o05-兴庆区_excel95.xls", InputKind.OTHER_FORMAT, "Excel 95 (BIFF5 'Book' stream)", excel95());
        String ss2003 = "<?xml version=\"1.0\"?>\n<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook xmlns=\"urn:schemas-microsoft-com:office:spreadsheet\""
                + " xmlns:ss=\"urn:schemas-microsoft-com:office:spreadsheet\"><Worksheet ss:Name=\"组织信息\"><Table>"
                + "<Row><Cell><Data ss:Type=\"String\">组织编号</Data></Cell></Row></Table></Worksheet></Workbook>\n";
        add("o06-兴庆区_2003.xml", InputKind.OTHER_FORMAT, "SpreadsheetML 2003 (.xml)", utf8(ss2003));
        RawXlsx xlsm = new RawXlsx(Seeds.sheets(false));
        xlsm.rewrite.put("[Content_Types].xml", x -> x.replace("spreadsheetml.sheet.main+xml", "x").replace("application/vnd.openxmlformats-officedocument.x",
                "application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace("</Types>",
                "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>"));
        xlsm.extra.add(ZipForge.deflated("xl/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3}));
        add("o07-兴庆区_2024Q3.xlsm", InputKind.OTHER_FORMAT, "macro-enabled workbook with a vbaProject.bin", xlsm.bytes());
        add("o08-文档.xlsx", InputKind.OTHER_FORMAT, "a Word document (docx) named .xlsx", ZipForge.zip(List.of(
                ZipForge.deflated("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"),
                ZipForge.deflated("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
                ZipForge.deflated("word/document.xml", "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>兴庆区</w:t></w:r></w:p></w:body></w:document>"))));
        add("o09-报表.xlsx", InputKind.OTHER_FORMAT, "a PDF named .xlsx",
                utf8("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
        add("o10-图片.csv", InputKind.OTHER_FORMAT, "a PNG named .csv", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 0x77, 0x53, (byte) 0xDE});
        add("o11-组织信息_其实是csv.xlsx", InputKind.OTHER_FORMAT, "a valid CSV named .xlsx (format sniffed from the bytes)",
                Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false), 5);
        add("o12-兴庆区_2024Q3_其实是xlsx.csv", InputKind.OTHER_FORMAT, "a valid xlsx named .csv", Seeds.xlsx(), Seeds.dataRows());
        add("o13-兴庆区_2024Q3_其实是xls.xlsx", InputKind.OTHER_FORMAT, "a valid xls named .xlsx", Seeds.xls(), Seeds.dataRows());
        RawXlsx xltx = new RawXlsx(Seeds.sheets(false));
        xltx.rewrite.put("[Content_Types].xml", x -> x.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"));
        add("o14-兴庆区_2024Q3.xltx", InputKind.OTHER_FORMAT, "an Excel template (xltx content type)", xltx.bytes());
        add("o15-兴庆区_2024Q3_无扩展名", InputKind.OTHER_FORMAT, "a valid xlsx without an extension", Seeds.xlsx(), Seeds.dataRows());
        String tsv = new String(Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false), StandardCharsets.UTF_8).replace(',', '\t');
        add("o16-组织信息.txt", InputKind.OTHER_FORMAT, "tab-separated text (.txt)", utf8(tsv));
        add("o17-兴庆区\n2024Q3 换行.csv", InputKind.OTHER_FORMAT, "a valid CSV whose file name holds a newline",
                Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false), 5);
    }

    private static byte[] excel95() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            byte[] biff5 = {0x09, 0x08, 0x08, 0x00, 0x00, 0x05, 0x05, 0x00, (byte) 0xBB, 0x0D, (byte) 0xCC, 0x07,
                0x0A, 0x00, 0x00, 0x00};
            fs.createDocument(new java.io.ByteArrayInputStream(biff5), "Book");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- mutations

    private void mutations(int count, long seed, String prefix) {
        Random rnd = new Random(seed);
        List<byte[]> seeds = List.of(Seeds.xlsx(), Seeds.governmentXlsx(), Seeds.xls(),
                Seeds.csv(Datasets.ORGANISATIONS, Seeds.organisations(), StandardCharsets.UTF_8, false));
        List<String> ext = List.of(".xlsx", ".xlsx", ".xls", ".csv");
        List<String> stem = List.of("兴庆区_2024Q3", "兴庆区_2024Q3_政务版式", "兴庆区_2024Q3", "组织信息");
        for (int i = 0; i < count; i++) {
            int s = i % seeds.size();
            mutate(seeds.get(s), stem.get(s), ext.get(s), prefix + String.format("%03d", i), rnd, CorpusEntry.DEFAULT_ARGS, "seed " + stem.get(s) + ext.get(s));
        }
    }

    private void mutate(byte[] seed, String stem, String ext, String id, Random rnd, List<String> args, String from) {
        boolean zip = seed.length > 4 && seed[0] == 'P' && seed[1] == 'K';
        int op = rnd.nextInt(zip ? 4 : 2);
        byte[] b = seed.clone();
        switch (op) {
            case 0 -> {
                int flips = 1 << rnd.nextInt(7);
                for (int k = 0; k < flips; k++) {
                    int pos = rnd.nextInt(b.length);
                    b[pos] ^= (byte) (1 + rnd.nextInt(255));
                }
                add(id + "-flip" + flips + "-" + stem + ext, InputKind.MUTATION_FLIP, flips + " random byte(s) changed in " + from, b, args, -1);
            }
            case 1 -> {
                int len = rnd.nextInt(b.length);
                add(id + "-cut" + len + "-" + stem + ext, InputKind.MUTATION_TRUNCATE, from + " cut to " + len + " bytes",
                        Arrays.copyOf(b, len), args, -1);
            }
            case 2 -> {
                List<ZipForge.Entry> es = new ArrayList<>(ZipForge.read(b));
                Collections.shuffle(es, rnd);
                add(id + "-shuffle-" + stem + ext, InputKind.MUTATION_ZIP, "zip entries of " + from + " in random order",
                        ZipForge.zip(es), args, args.isEmpty() ? -1 : Seeds.dataRows());
            }
            default -> {
                List<ZipForge.Entry> es = new ArrayList<>(ZipForge.read(b));
                int which = rnd.nextInt(es.size());
                ZipForge.Entry e = es.get(which);
                byte[] x = inflateBytes(e);
                int flips = 1 + rnd.nextInt(8);
                for (int k = 0; k < flips && x.length > 0; k++) {
                    // 12 characters for nextInt(12) (there were 11: index 11 threw once a run drew it); the
                    // twelfth is new, so every corpus built before draws the same characters as it did
                    x[rnd.nextInt(x.length)] = (byte) "<>&\"'/=\0\uFFFD;a\u0001".charAt(rnd.nextInt(12));
                }
                es.set(which, ZipForge.deflated(e.name(), x));
                add(id + "-xml-" + stem + ext, InputKind.MUTATION_ZIP, flips + " markup character(s) planted in " + e.name() + " of " + from,
                        ZipForge.zip(es), args, -1);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private void add(String name, InputKind kind, String what, byte[] bytes) {
        add(name, kind, what, bytes, CorpusEntry.DEFAULT_ARGS, -1);
    }

    private void add(String name, InputKind kind, String what, byte[] bytes, int expected) {
        add(name, kind, what, bytes, CorpusEntry.DEFAULT_ARGS, expected);
    }

    private void add(String name, InputKind kind, String what, byte[] bytes, List<String> args, int expected) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.add(new CorpusEntry(name, kind, what, args, expected));
    }

    private void addDir(String name, InputKind kind, String what, Map<String, byte[]> files, List<String> args, int expected) {
        try {
            Path d = Files.createDirectories(dir.resolve(name));
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Files.write(d.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.add(new CorpusEntry(name, kind, what, args, expected));
    }

    static ZipForge.Entry find(List<ZipForge.Entry> es, String name) {
        return es.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + name));
    }

    static List<ZipForge.Entry> replaceEntry(List<ZipForge.Entry> es, ZipForge.Entry with) {
        List<ZipForge.Entry> out = new ArrayList<>();
        String name = with.name().endsWith("/") ? with.name().substring(0, with.name().length() - 1) : with.name();
        for (ZipForge.Entry e : es) {
            out.add(e.name().equals(name) ? with : e);
        }
        return out;
    }

    static String inflate(ZipForge.Entry e) {
        return new String(inflateBytes(e), StandardCharsets.UTF_8);
    }

    static byte[] inflateBytes(ZipForge.Entry e) {
        if (e.method() == ZipForge.STORED) {
            return e.data().clone();
        }
        Inflater inf = new Inflater(true);
        inf.setInput(e.data());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.DataFormatException ex) {
            throw new IllegalStateException(ex);
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    /** Random CJK characters (U+4E00..U+9FA5): ~1.7 bytes each once deflated, so no ratio limit hides the size. */
    static String randomCjk(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) (0x4E00 + r.nextInt(0x9FA5 - 0x4E00));
        }
        return new String(c);
    }

    private static String randomAscii(Random r, int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) ('A' + r.nextInt(26));
        }
        return new String(c);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] repeat(String chunk, int total) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        try {
            ZipForge.repeat(chunk, total).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] firstLines(byte[] b, int n) {
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && ++seen == n) {
                return Arrays.copyOf(b, i + 1);
            }
        }
        return b;
    }

    private static byte[] dropLines(byte[] b, int n) {
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && ++seen == n) {
                return Arrays.copyOfRange(b, i + 1, b.length);
            }
        }
        return new byte[0];
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        for (int i = hay.length - needle.length; i >= 0; i--) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Lists the files of a corpus directory (for the benchmark's own listing).
     *
     * @param dir the directory
     * @return the names, sorted
     * @throws IOException if it cannot be listed
     */
    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
