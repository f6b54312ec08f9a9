package org.sanhui.ingestion;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes small test workbooks: sheet name to rows of cells (String, Number, LocalDate as a date cell, or null). */
final class Workbooks {

    private Workbooks() {
    }

    static Map<String, List<List<Object>>> sheets() {
        return new LinkedHashMap<>();
    }

    static Path xlsx(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        return write(new XSSFWorkbook(), file, sheets);
    }

    static Path xls(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        return write(new HSSFWorkbook(), file, sheets);
    }

    private static Path write(Workbook wb, Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        try (wb) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            for (Map.Entry<String, List<List<Object>>> e : sheets.entrySet()) {
                Sheet s = wb.createSheet(e.getKey());
                int r = 0;
                for (List<Object> cells : e.getValue()) {
                    Row row = s.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        Object v = cells.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else if (v instanceof LocalDate d) {
                            Cell cell = row.createCell(c);
                            cell.setCellValue(d);
                            cell.setCellStyle(date);
                        } else if (v != null) {
                            row.createCell(c).setCellValue(v.toString());
                        }
                    }
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream os = Files.newOutputStream(file)) {
                wb.write(os);
            }
        }
        return file;
    }

    static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
