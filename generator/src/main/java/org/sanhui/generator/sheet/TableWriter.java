package org.sanhui.generator.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Renders {@link Table}s as xlsx or xls workbooks, or as CSV text, reproducibly.
 */
final class TableWriter {

    /** The application name written into document properties. */
    static final String CREATOR = "sanhui generator";

    private TableWriter() {
    }

    /**
     * Writes tables as one workbook.
     *
     * @param tables the sheets, in order
     * @param xls true for Excel 97-2003 (.xls), false for .xlsx
     * @param dateFormat the Excel format of date cells
     * @param when the fixed instant of document properties and zip entries (local time, +08:00)
     * @return the file's bytes
     */
    static byte[] workbook(List<Table> tables, boolean xls, String dateFormat, LocalDateTime when) {
        try {
            if (xls) {
                try (HSSFWorkbook wb = new HSSFWorkbook()) {
                    fill(wb, tables, dateFormat);
                    wb.createInformationProperties();
                    SummaryInformation si = wb.getSummaryInformation();
                    Date d = Date.from(when.toInstant(ZoneOffset.ofHours(8)));
                    si.setAuthor(CREATOR);
                    si.setLastAuthor(CREATOR);
                    si.setCreateDateTime(d);
                    si.setLastSaveDateTime(d);
                    si.setApplicationName("Microsoft Excel");
                    DocumentSummaryInformation dsi = wb.getDocumentSummaryInformation();
                    dsi.setCompany("");
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    wb.write(out);
                    return out.toByteArray();
                }
            }
            int rows = tables.stream().mapToInt(t -> t.rows.size()).sum();
            XSSFWorkbook base = new XSSFWorkbook();
            Workbook wb = rows > 20_000 ? new SXSSFWorkbook(base, 500) : base;
            try {
                fill(wb, tables, dateFormat);
                POIXMLProperties.CoreProperties core = base.getProperties().getCoreProperties();
                Date d = Date.from(when.toInstant(ZoneOffset.ofHours(8)));
                core.setCreator(CREATOR);
                core.setLastModifiedByUser(CREATOR);
                core.setCreated(Optional.of(d));
                core.setModified(Optional.of(d));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                wb.write(out);
                return FixedZip.rewrite(out.toByteArray(), when);
            } finally {
                wb.close();
                if (wb instanceof SXSSFWorkbook sx) {
                    sx.dispose();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write workbook", e);
        }
    }

    private static void fill(Workbook wb, List<Table> tables, String dateFormat) {
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        borders(header);
        CellStyle body = wb.createCellStyle();
        borders(body);
        CellStyle date = wb.createCellStyle();
        borders(date);
        date.setDataFormat(wb.createDataFormat().getFormat(dateFormat));
        for (Table t : tables) {
            Sheet sh = wb.createSheet(t.sheet);
            int n = t.cols.size();
            int r = 0;
            Row tr = sh.createRow(r++);
            tr.setHeightInPoints(24);
            cell(tr, 0, t.title, title);
            if (n > 1) {
                sh.addMergedRegion(new CellRangeAddress(0, 0, 0, n - 1));
            }
            if (t.filingLine != null) {
                cell(sh.createRow(r++), 0, t.filingLine, null);
                if (n > 1) {
                    sh.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, n - 1));
                }
            }
            if (t.twoRow) {
                Row top = sh.createRow(r);
                Row sub = sh.createRow(r + 1);
                int c = 0;
                while (c < n) {
                    Table.Col col = t.cols.get(c);
                    if (col.group() == null) {
                        cell(top, c, col.flat(), header);
                        cell(sub, c, null, header);
                        sh.addMergedRegion(new CellRangeAddress(r, r + 1, c, c));
                        c++;
                        continue;
                    }
                    int e = c;
                    while (e + 1 < n && col.group().equals(t.cols.get(e + 1).group())) {
                        e++;
                    }
                    for (int k = c; k <= e; k++) {
                        cell(top, k, k == c ? col.group() : null, header);
                        cell(sub, k, t.cols.get(k).sub(), header);
                    }
                    if (e > c) {
                        sh.addMergedRegion(new CellRangeAddress(r, r, c, e));
                    }
                    c = e + 1;
                }
                r += 2;
            } else {
                Row h = sh.createRow(r++);
                for (int c = 0; c < n; c++) {
                    cell(h, c, t.cols.get(c).flat(), header);
                }
            }
            int seq = 0;
            for (Table.DataRow d : t.rows) {
                Row row = sh.createRow(r++);
                Object[] v = d.cells();
                for (int c = 0; c < n; c++) {
                    Object x = t.cols.get(c).sequence() ? Integer.valueOf(seq + 1) : v[c];
                    value(row, c, x, body, date);
                }
                seq++;
            }
            if (t.totals) {
                Row row = sh.createRow(r++);
                Object[] v = t.totalRow();
                for (int c = 0; c < n; c++) {
                    value(row, c, v[c], body, date);
                }
            }
            for (String note : t.notes) {
                cell(sh.createRow(r++), 0, note, null);
                if (n > 1) {
                    sh.addMergedRegion(new CellRangeAddress(r - 1, r - 1, 0, n - 1));
                }
            }
            cell(sh.createRow(r++), 0, t.footer, null);
            for (int c = 0; c < n; c++) {
                Table.Col col = t.cols.get(c);
                String h = t.twoRow && col.group() != null ? col.sub() : col.flat();
                int w = col.sequence() ? 6 : Math.max(10, Math.min(30, h.length() * 2 + 4));
                sh.setColumnWidth(c, w * 256);
            }
        }
    }

    private static void borders(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }

    private static void cell(Row row, int c, String text, CellStyle style) {
        Cell cell = row.createCell(c);
        if (text != null) {
            cell.setCellValue(text);
        }
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void value(Row row, int c, Object x, CellStyle body, CellStyle date) {
        Cell cell = row.createCell(c);
        if (x instanceof Integer i) {
            cell.setCellValue(i);
            cell.setCellStyle(body);
        } else if (x instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(body);
        } else if (x instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else {
            if (x != null && !x.toString().isEmpty()) {
                cell.setCellValue(x.toString());
            }
            cell.setCellStyle(body);
        }
    }

    /**
     * Writes one table as CSV: one header row, then the data rows (no filing line, totals, notes or footer).
     *
     * @param t the table
     * @param charset the encoding
     * @param bom whether to start with a UTF-8 byte-order mark
     * @param titleLine whether to write the title as the first line
     * @return the file's bytes
     */
    static byte[] csv(Table t, Charset charset, boolean bom, boolean titleLine) {
        StringWriter sw = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(sw, CSVFormat.DEFAULT)) {
            if (titleLine) {
                p.printRecord(t.title);
            }
            for (Table.Col c : t.cols) {
                p.print(c.flat());
            }
            p.println();
            int seq = 0;
            for (Table.DataRow d : t.rows) {
                for (int c = 0; c < t.cols.size(); c++) {
                    Object x = t.cols.get(c).sequence() ? Integer.valueOf(seq + 1) : d.cells()[c];
                    p.print(x == null ? "" : x.toString());
                }
                p.println();
                seq++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = sw.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /**
     * Tells whether text survives a round trip through a charset.
     *
     * @param text the text
     * @param charset the charset
     * @return true if every character can be encoded
     */
    static boolean encodable(String text, Charset charset) {
        return charset.newEncoder().canEncode(text);
    }

    /** UTF-8, for callers that build CSV in UTF-8. */
    static final Charset UTF8 = StandardCharsets.UTF_8;
}
