package org.sanhui.ingestion.feedback;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sanhui.ingestion.IngestReport;
import org.sanhui.ingestion.pipeline.FeedbackRows;
import org.sanhui.ingestion.pipeline.FileJob;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;

/**
 * Writes the feedback workbook (回执) a county gets back: a summary of each file and sheet, every
 * problem with sheet, row, column, value and what is expected, and the rejected rows as written with
 * the bad cells filled red. Values arrive as the clerk typed or saw them (dates as dates, whole numbers
 * without a fraction). Every value is written as text and any text a spreadsheet could take for a formula
 * (starting with = + - @, tab, CR or LF, a plain negative number such as -5 excepted) is prefixed with an
 * apostrophe. Names arrive masked and phone numbers never arrive. One workbook per county per run.
 */
public final class FeedbackWriter {

    private final Path dir;
    private final Gazetteer gazetteer;

    /**
     * Creates a writer.
     *
     * @param dir the folder (created if absent), null not permitted
     * @param gazetteer for county names, null not permitted
     */
    public FeedbackWriter(Path dir, Gazetteer gazetteer) {
        this.dir = dir;
        this.gazetteer = gazetteer;
    }

    /** A plain negative number: what a spreadsheet makes of it is that number, never a formula. */
    private static final java.util.regex.Pattern NEGATIVE_NUMBER = java.util.regex.Pattern.compile("-\\d+(?:\\.\\d+)?");

    /**
     * Neutralises a text so that no spreadsheet runs it as a formula.
     *
     * @param s the text, may be null
     * @return the text, prefixed with ' when it starts with = + - @ tab CR or LF and is not a plain negative
     *         number (-5, -2.5); empty for null
     */
    public static String neutralise(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char c = s.charAt(0);
        if (c == '=' || c == '+' || c == '-' && !NEGATIVE_NUMBER.matcher(s).matches() || c == '@' || c == '\t'
                || c == '\r' || c == '\n') {
            return "'" + s;
        }
        return s;
    }

    /**
     * Writes the workbooks for a file's feedback material (one per county it concerns).
     *
     * @param material the material, null not permitted
     * @return the workbooks written, never null
     * @throws UncheckedIOException if one cannot be written
     */
    public List<Path> write(List<FileJob.Feedback> material) {
        Map<String, List<FileJob.Feedback>> byTarget = new LinkedHashMap<>();
        for (FileJob.Feedback f : material) {
            // one folder per period the file reports (FEEDBACK/2024Q4/...), as `sanhui run` promises
            String folder = f.period() == null ? "no-period" : f.period().toString();
            byTarget.computeIfAbsent(folder + "/" + name(f), k -> new ArrayList<>()).add(f);
        }
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, List<FileJob.Feedback>> e : byTarget.entrySet()) {
            Path target = dir.resolve(e.getKey());
            try {
                java.nio.file.Files.createDirectories(target.getParent());
            } catch (java.io.IOException ex) {
                throw new UncheckedIOException("cannot create feedback folder " + target.getParent(), ex);
            }
            out.add(writeOne(target, e.getValue()));
        }
        return out;
    }

    private String name(FileJob.Feedback f) {
        String stem = f.file().contains(".") ? f.file().substring(0, f.file().lastIndexOf('.')) : f.file();
        String who = f.county() == null ? stem
                : gazetteer.byCode(f.county()).map(Region::name).orElse(f.county()) + "_" + f.county();
        String period = f.period() == null ? "" : "_" + f.period();
        return safe("回执_" + who + period + (f.county() == null ? "" : "_" + stem) + ".xlsx");
    }

    private static String safe(String s) {
        return s.replaceAll("[\\\\/:*?\"<>|\\s]", "_");
    }

    private Path writeOne(Path target, List<FileJob.Feedback> fs) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            summary(wb, st, fs);
            problems(wb, st, fs);
            for (FileJob.Feedback f : fs) {
                for (FeedbackRows rows : f.rows()) {
                    rejected(wb, st, rows);
                }
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".feedback-", ".tmp");
            try {
                try (OutputStream os = Files.newOutputStream(tmp)) {
                    wb.write(os);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feedback workbook " + target, e);
        }
    }

    private void summary(XSSFWorkbook wb, Styles st, List<FileJob.Feedback> fs) {
        Sheet s = wb.createSheet("报送回执");
        int r = 0;
        FileJob.Feedback first = fs.get(0);
        String who = first.county() == null ? "（未能确定报送单位）"
                : gazetteer.byCode(first.county()).map(Region::name).orElse(first.county());
        text(s.createRow(r++), 0, who + (first.period() == null ? "" : " " + first.period().label()) + " 数据报送回执", st.title);
        r++;
        text(s.createRow(r++), 0, "说明：本回执列出报送文件的接收情况和每一个问题。标红的单元格需要修改；修改后请重新报送整个文件（同一报送期的重报会替换此前的数据）。"
                + "读取行数是各工作表中所有非空行（标题、填报单位行、表头、明细、合计、注释、落款），每一行或接收，或退回，或跳过并注明原因。", st.text);
        for (FileJob.Feedback f : fs) {
            if (f.unchanged()) {
                text(s.createRow(r++), 0, "文件“" + f.file() + "”此前已接收，内容和报送条件均未改变，本次未重复入库；以下为该次接收的情况。",
                        st.text);
                break;
            }
        }
        r++;
        Row h = s.createRow(r++);
        String[] heads = {"文件", "处理结果", "工作表", "读取行数", "接收", "退回", "跳过", "跳过原因"};
        for (int i = 0; i < heads.length; i++) {
            text(h, i, heads[i], st.header);
        }
        for (FileJob.Feedback f : fs) {
            if (f.sheets().isEmpty()) {
                Row row = s.createRow(r++);
                text(row, 0, f.file(), st.text);
                text(row, 1, f.outcome().label(), f.outcome() == IngestReport.Outcome.ACCEPTED ? st.text : st.bad);
            }
            for (IngestReport.SheetReport sr : f.sheets()) {
                Row row = s.createRow(r++);
                text(row, 0, f.file(), st.text);
                text(row, 1, f.outcome().label(), f.outcome() == IngestReport.Outcome.ACCEPTED ? st.text : st.bad);
                text(row, 2, sr.sheet(), st.text);
                text(row, 3, Long.toString(sr.read()), st.text);
                text(row, 4, Long.toString(sr.accepted()), st.text);
                text(row, 5, Long.toString(sr.rejected()), sr.rejected() > 0 ? st.bad : st.text);
                text(row, 6, Long.toString(sr.skipped()), st.text);
                text(row, 7, reasons(sr), st.text);
            }
        }
        s.setColumnWidth(0, 40 * 256);
        for (int i = 1; i < 7; i++) {
            s.setColumnWidth(i, 14 * 256);
        }
        s.setColumnWidth(7, 50 * 256);
    }

    /** The skipped rows by reason, as 标题 1、表头 2、合计行 1. */
    private static String reasons(IngestReport.SheetReport sr) {
        StringBuilder b = new StringBuilder();
        sr.skippedBy().forEach((why, n) -> b.append(b.length() > 0 ? "、" : "").append(why.label()).append(' ').append(n));
        return b.toString();
    }

    private void problems(XSSFWorkbook wb, Styles st, List<FileJob.Feedback> fs) {
        Sheet s = wb.createSheet("问题清单");
        String[] heads = {"序号", "严重程度", "问题类型", "文件", "工作表", "行号", "列", "填写内容", "说明及应填内容"};
        Row h = s.createRow(0);
        for (int i = 0; i < heads.length; i++) {
            text(h, i, heads[i], st.header);
        }
        s.createFreezePane(0, 1);
        int r = 1;
        for (FileJob.Feedback f : fs) {
            for (Problem p : f.problems()) {
                Row row = s.createRow(r);
                CellStyle cs = p.rejects() ? st.bad : st.text;
                text(row, 0, Integer.toString(r), st.text);
                text(row, 1, p.severity().label(), cs);
                text(row, 2, p.code().labelZh(), cs);
                text(row, 3, p.location().file() == null ? f.file() : p.location().file(), st.text);
                text(row, 4, p.location().sheet(), st.text);
                text(row, 5, p.location().row() == 0 ? "" : Integer.toString(p.location().row()), st.text);
                text(row, 6, p.location().column(), st.text);
                text(row, 7, p.value(), st.text);
                text(row, 8, p.messageZh(), st.text);
                r++;
            }
        }
        int[] widths = {6, 10, 18, 30, 12, 8, 16, 24, 70};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
    }

    private void rejected(XSSFWorkbook wb, Styles st, FeedbackRows rows) {
        if (rows.rows().isEmpty()) {
            return;
        }
        String name = WorkbookUtil.createSafeSheetName("退回行-" + rows.sheet());
        if (wb.getSheet(name) != null) {
            return;
        }
        Sheet s = wb.createSheet(name);
        Row h = s.createRow(0);
        text(h, 0, "原行号", st.header);
        for (int i = 0; i < rows.headers().size(); i++) {
            text(h, i + 1, rows.headers().get(i), st.header);
        }
        s.createFreezePane(1, 1);
        int r = 1;
        for (FeedbackRows.Row fr : rows.rows()) {
            Row row = s.createRow(r++);
            text(row, 0, Integer.toString(fr.row()), st.text);
            for (int i = 0; i < fr.cells().size(); i++) {
                String header = i < rows.headers().size() ? rows.headers().get(i) : "";
                boolean bad = fr.badHeaders().contains(header) && !header.isEmpty();
                text(row, i + 1, fr.cells().get(i), bad ? st.bad : st.text);
            }
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(neutralise(value));
        c.setCellStyle(style);
    }

    /** The few styles a feedback workbook uses; every one formats cells as text ("@"). */
    private static final class Styles {
        final CellStyle text;
        final CellStyle header;
        final CellStyle bad;
        final CellStyle title;

        Styles(XSSFWorkbook wb) {
            short textFormat = wb.createDataFormat().getFormat("@");
            text = wb.createCellStyle();
            text.setDataFormat(textFormat);
            text.setWrapText(true);
            header = wb.createCellStyle();
            header.cloneStyleFrom(text);
            Font bold = wb.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            bad = wb.createCellStyle();
            bad.cloneStyleFrom(text);
            bad.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            title = wb.createCellStyle();
            title.cloneStyleFrom(text);
            title.setWrapText(false);
            Font big = wb.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title.setFont(big);
        }
    }
}
