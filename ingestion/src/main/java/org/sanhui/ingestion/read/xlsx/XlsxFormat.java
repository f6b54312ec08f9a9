package org.sanhui.ingestion.read.xlsx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.FileFormat;
import org.sanhui.ingestion.format.ZipGuard;
import org.sanhui.ingestion.read.CellBudget;
import org.sanhui.ingestion.read.RowHandler;
import org.sanhui.ingestion.read.WorkbookFormat;
import org.sanhui.ingestion.read.WorkbookSource;

/**
 * Reads xlsx with fastexcel-reader, streaming, after {@link ZipGuard} has checked the zip. Cells come
 * as their raw values: numbers (dates included, as serials) as written in the XML, shared strings
 * resolved, booleans as TRUE/FALSE, formulas as their cached result.
 */
public final class XlsxFormat implements WorkbookFormat {

    /** The reading options: with cell formats, no error cells on parse errors. */
    public static final ReadingOptions OPTIONS = new ReadingOptions(true, false);

    @Override
    public FileFormat format() {
        return FileFormat.XLSX;
    }

    @Override
    public WorkbookSource open(Path file, IngestLimits limits) throws IOException {
        ZipGuard.check(file, limits);
        ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), OPTIONS);
        return new Source(wb, new CellBudget(limits));
    }

    private static final class Source implements WorkbookSource {
        private final ReadableWorkbook wb;
        private final CellBudget budget;
        private final Map<String, Sheet> sheets = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        Source(ReadableWorkbook wb, CellBudget budget) {
            this.wb = wb;
            this.budget = budget;
            wb.getSheets().forEach(s -> {
                if (s.getVisibility() == SheetVisibility.VISIBLE || s.getVisibility() == null) {
                    names.add(s.getName());
                }
                sheets.put(s.getName(), s);
            });
        }

        @Override
        public List<String> sheetNames() {
            return List.copyOf(names);
        }

        @Override
        public boolean date1904() {
            return wb.isDate1904();
        }

        @Override
        public void read(String sheet, RowHandler handler) throws IOException {
            Sheet s = sheets.get(sheet);
            if (s == null) {
                throw new IllegalArgumentException("no sheet '" + sheet + "', expected one of " + names);
            }
            budget.newSheet();
            try (var rows = s.openStream()) {
                rows.forEach(r -> handler.row(r.getRowNum(), cells(r)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }

        private String[] cells(Row r) {
            budget.row();
            int n = r.getCellCount();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                Cell c = r.getCell(i);
                if (c == null) {
                    continue;
                }
                String v = text(c);
                if (v != null && !v.isEmpty()) {
                    out[i] = budget.cell(v);
                }
            }
            return out;
        }

        private static String text(Cell c) {
            CellType t = c.getType();
            if (t == null) {
                return c.getRawValue();
            }
            switch (t) {
                case EMPTY:
                    return null;
                case STRING: {
                    Object v = c.getValue();
                    return v == null ? c.getRawValue() : v.toString();
                }
                case BOOLEAN: {
                    String raw = c.getRawValue();
                    return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
                }
                default:
                    return c.getRawValue();
            }
        }

        @Override
        public void close() throws IOException {
            wb.close();
        }
    }
}
