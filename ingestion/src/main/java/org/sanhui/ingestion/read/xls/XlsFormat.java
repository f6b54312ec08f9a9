package org.sanhui.ingestion.read.xls;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.FileFormat;
import org.sanhui.ingestion.format.RefusedFileException;
import org.sanhui.ingestion.read.CellBudget;
import org.sanhui.ingestion.read.RowHandler;
import org.sanhui.ingestion.read.WorkbookFormat;
import org.sanhui.ingestion.read.WorkbookSource;
import org.sanhui.model.problem.ProblemCode;

/**
 * Reads Excel 97-2003 (.xls, BIFF8) with POI HSSF. An .xls holds at most 65,536 rows, so the whole
 * workbook in memory is affordable. Numbers come as plain decimal text (dates as serials).
 */
public final class XlsFormat implements WorkbookFormat {

    @Override
    public FileFormat format() {
        return FileFormat.XLS;
    }

    @Override
    public WorkbookSource open(Path file, IngestLimits limits) throws IOException {
        HSSFWorkbook wb;
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            wb = new HSSFWorkbook(fs.getRoot(), true);
        } catch (EncryptedDocumentException e) {
            throw new RefusedFileException(ProblemCode.ENCRYPTED_FILE,
                    "工作簿设置了打开密码（已加密），无法读取。请取消密码后重新报送。",
                    "the workbook is password-protected (encrypted) and cannot be read; remove the password and send"
                            + " it again", e);
        } catch (OldExcelFormatException e) {
            throw new RefusedFileException(ProblemCode.UNSUPPORTED_FORMAT,
                    "这是 Excel 95 或更早版本的工作簿，无法读取。请用 Excel 打开后“另存为”Excel 工作簿（.xlsx）再报送。",
                    "this is an Excel 95 (or older) workbook, which cannot be read; open it in Excel and save it as"
                            + " an Excel workbook (.xlsx), then send it again", e);
        }
        return new Source(wb, new CellBudget(limits));
    }

    private static final class Source implements WorkbookSource {
        private final HSSFWorkbook wb;
        private final CellBudget budget;

        Source(HSSFWorkbook wb, CellBudget budget) {
            this.wb = wb;
            this.budget = budget;
        }

        @Override
        public List<String> sheetNames() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (!wb.isSheetHidden(i) && !wb.isSheetVeryHidden(i)) {
                    out.add(wb.getSheetName(i));
                }
            }
            return out;
        }

        @Override
        public boolean date1904() {
            return wb.getInternalWorkbook().isUsing1904DateWindowing();
        }

        @Override
        public void read(String sheet, RowHandler handler) {
            Sheet s = wb.getSheet(sheet);
            if (s == null) {
                throw new IllegalArgumentException("no sheet '" + sheet + "', expected one of " + sheetNames());
            }
            budget.newSheet(sheet);
            for (Row r : s) {
                budget.row(r.getRowNum() + 1);
                int n = Math.max(0, r.getLastCellNum());
                String[] cells = new String[n];
                for (int i = 0; i < n; i++) {
                    Cell c = r.getCell(i);
                    if (c != null) {
                        String v = text(c, c.getCellType());
                        if (v != null && !v.isEmpty()) {
                            cells[i] = budget.cell(v, i);
                        }
                    }
                }
                handler.row(r.getRowNum() + 1, cells);
            }
        }

        private static String text(Cell c, CellType t) {
            switch (t) {
                case STRING:
                    return c.getStringCellValue();
                case NUMERIC:
                    return number(c.getNumericCellValue());
                case BOOLEAN:
                    return c.getBooleanCellValue() ? "TRUE" : "FALSE";
                case FORMULA:
                    return text(c, c.getCachedFormulaResultType());
                case ERROR:
                    return FormulaError.forInt(c.getErrorCellValue()).getString();
                default:
                    return null;
            }
        }

        @Override
        public void close() throws IOException {
            wb.close();
        }
    }

    /**
     * Writes a double as plain decimal text: integral values without a fraction.
     *
     * @param d the number
     * @return the text, never null
     */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
