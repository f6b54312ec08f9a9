package org.sanhui.cli.robustness;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes xlsx packages from raw XML, part by part, deterministically, so that the corpus can vary any
 * part: a DOCTYPE before a part's root element, the strict OOXML namespaces, extra or duplicate parts,
 * a part replaced by arbitrary bytes.
 *
 * <p>Cells: a {@link String} is a shared string (or an inline string when {@link #inlineStrings}), a
 * {@link Number} a number, a {@link LocalDate} an Excel serial number with a date format, null a blank.
 */
final class RawXlsx {

    /** The transitional SpreadsheetML namespace (what Excel writes). */
    static final String MAIN_TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The strict OOXML SpreadsheetML namespace. */
    static final String MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
    private static final String REL_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    /**
     * A sheet.
     *
     * @param name the sheet name
     * @param rows the rows, from row 1
     * @param merges merged ranges such as {@code A3:A4}
     */
    record Sheet(String name, List<List<Object>> rows, List<String> merges) {
        Sheet(String name, List<List<Object>> rows) {
            this(name, rows, List.of());
        }
    }

    private final List<Sheet> sheets;
    boolean strict;
    boolean inlineStrings;
    /** Part name to a text inserted between the XML declaration and the root element (a DOCTYPE). */
    final Map<String, String> prolog = new LinkedHashMap<>();
    /** Part name to a replacement for the whole part. */
    final Map<String, byte[]> replace = new LinkedHashMap<>();
    /** Parts added after the regular ones. */
    final List<ZipForge.Entry> extra = new ArrayList<>();
    /** Text inserted into {@code <sst>} before the first {@code <si>} (for entity references). */
    String sharedStringsHead = "";
    /** Part name to a rewrite of the part's XML text (applied before the prolog is added). */
    final Map<String, java.util.function.UnaryOperator<String>> rewrite = new LinkedHashMap<>();

    RawXlsx(List<Sheet> sheets) {
        this.sheets = List.copyOf(sheets);
    }

    /** Returns the package as ZIP entries, in the usual order ([Content_Types].xml first). */
    List<ZipForge.Entry> entries() {
        String rel = strict ? REL_STRICT : REL_TRANSITIONAL;
        String relType = strict ? "http://purl.oclc.org/ooxml/officeDocument/relationships/"
                : "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
        String main = strict ? MAIN_STRICT : MAIN_TRANSITIONAL;
        List<String> strings = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> sheetXml = new ArrayList<>();
        for (Sheet s : sheets) {
            sheetXml.add(sheetXml(s, main, rel, strings, index));
        }
        Map<String, String> parts = new LinkedHashMap<>();
        StringBuilder ct = new StringBuilder();
        ct.append("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
                .append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
                .append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
                .append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= sheets.size(); i++) {
            ct.append("<Override PartName=\"/xl/worksheets/sheet").append(i)
                    .append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        ct.append("<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                .append("<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>")
                .append("<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>")
                .append("</Types>");
        parts.put("[Content_Types].xml", ct.toString());
        parts.put("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + relType + "officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                + "</Relationships>");
        parts.put("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:creator>sanhui corpus</dc:creator>"
                + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-10-01T00:00:00Z</dcterms:created></cp:coreProperties>");
        StringBuilder wb = new StringBuilder();
        wb.append("<workbook xmlns=\"").append(main).append("\" xmlns:r=\"").append(rel).append("\"");
        if (strict) {
            wb.append(" conformance=\"strict\"");
        }
        wb.append("><sheets>");
        for (int i = 0; i < sheets.size(); i++) {
            wb.append("<sheet name=\"").append(esc(sheets.get(i).name())).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        wb.append("</sheets></workbook>");
        parts.put("xl/workbook.xml", wb.toString());
        StringBuilder wr = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < sheets.size(); i++) {
            wr.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(relType)
                    .append("worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
        }
        int n = sheets.size();
        wr.append("<Relationship Id=\"rId").append(n + 1).append("\" Type=\"").append(relType)
                .append("sharedStrings\" Target=\"sharedStrings.xml\"/>");
        wr.append("<Relationship Id=\"rId").append(n + 2).append("\" Type=\"").append(relType)
                .append("styles\" Target=\"styles.xml\"/>");
        wr.append("</Relationships>");
        parts.put("xl/_rels/workbook.xml.rels", wr.toString());
        parts.put("xl/styles.xml", "<styleSheet xmlns=\"" + main + "\"><fonts count=\"1\"><font><sz val=\"11\"/><name val=\"宋体\"/></font></fonts>"
                + "<fills count=\"1\"><fill><patternFill patternType=\"none\"/></fill></fills>"
                + "<borders count=\"1\"><border/></borders><cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
                + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
                + "<xf numFmtId=\"14\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>");
        StringBuilder sst = new StringBuilder();
        sst.append("<sst xmlns=\"").append(main).append("\" count=\"").append(strings.size()).append("\" uniqueCount=\"")
                .append(strings.size()).append("\">").append(sharedStringsHead);
        for (String s : strings) {
            sst.append("<si><t xml:space=\"preserve\">").append(esc(s)).append("</t></si>");
        }
        sst.append("</sst>");
        for (int i = 0; i < sheetXml.size(); i++) {
            parts.put("xl/worksheets/sheet" + (i + 1) + ".xml", sheetXml.get(i));
        }
        parts.put("xl/sharedStrings.xml", sst.toString());
        List<ZipForge.Entry> out = new ArrayList<>();
        for (Map.Entry<String, String> p : parts.entrySet()) {
            byte[] bytes = replace.get(p.getKey());
            if (bytes == null) {
                String body = rewrite.getOrDefault(p.getKey(), x -> x).apply(p.getValue());
                String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + prolog.getOrDefault(p.getKey(), "") + body;
                bytes = xml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            out.add(ZipForge.deflated(p.getKey(), bytes));
        }
        out.addAll(extra);
        return out;
    }

    /** Returns the package's bytes. */
    byte[] bytes() {
        return ZipForge.zip(entries());
    }

    private String sheetXml(Sheet s, String main, String rel, List<String> strings, Map<String, Integer> index) {
        StringBuilder x = new StringBuilder();
        x.append("<worksheet xmlns=\"").append(main).append("\" xmlns:r=\"").append(rel).append("\"><sheetData>");
        for (int r = 0; r < s.rows().size(); r++) {
            List<Object> row = s.rows().get(r);
            x.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < row.size(); c++) {
                Object v = row.get(c);
                if (v == null) {
                    continue;
                }
                String ref = column(c) + (r + 1);
                x.append(cell(ref, v, strings, index));
            }
            x.append("</row>");
        }
        x.append("</sheetData>");
        if (!s.merges().isEmpty()) {
            x.append("<mergeCells count=\"").append(s.merges().size()).append("\">");
            for (String m : s.merges()) {
                x.append("<mergeCell ref=\"").append(m).append("\"/>");
            }
            x.append("</mergeCells>");
        }
        x.append("</worksheet>");
        return x.toString();
    }

    String cell(String ref, Object v, List<String> strings, Map<String, Integer> index) {
        if (v instanceof Number num) {
            return "<c r=\"" + ref + "\"><v>" + num + "</v></c>";
        }
        if (v instanceof LocalDate d) {
            long serial = ChronoUnit.DAYS.between(LocalDate.of(1899, 12, 30), d);
            return "<c r=\"" + ref + "\" s=\"1\"><v>" + serial + "</v></c>";
        }
        String s = v.toString();
        if (inlineStrings) {
            return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + esc(s) + "</t></is></c>";
        }
        Integer i = index.get(s);
        if (i == null) {
            i = strings.size();
            strings.add(s);
            index.put(s, i);
        }
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + i + "</v></c>";
    }

    /** Column letters of a 0-based column index (0 = A, 16383 = XFD). */
    static String column(int c) {
        StringBuilder b = new StringBuilder();
        int n = c + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            b.insert(0, (char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return b.toString();
    }

    /** Escapes XML text and attribute values; characters XML forbids are kept as they are (on purpose). */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
