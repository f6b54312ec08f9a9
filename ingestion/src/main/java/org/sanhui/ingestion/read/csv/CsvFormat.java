package org.sanhui.ingestion.read.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanhui.ingestion.IngestLimits;
import org.sanhui.ingestion.format.FileFormat;
import org.sanhui.ingestion.format.RefusedFileException;
import org.sanhui.ingestion.read.CellBudget;
import org.sanhui.ingestion.read.RowHandler;
import org.sanhui.ingestion.read.WorkbookFormat;
import org.sanhui.ingestion.read.WorkbookSource;
import org.sanhui.model.problem.ProblemCode;

/**
 * Reads CSV with commons-csv: one sheet named after the file (without extension). The encoding is
 * UTF-8 (BOM stripped) unless the bytes are not UTF-8, then GB18030; decoding is strict, so a byte
 * that fits neither is a located refusal, never a replacement character.
 */
public final class CsvFormat implements WorkbookFormat {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    @Override
    public FileFormat format() {
        return FileFormat.CSV;
    }

    @Override
    public WorkbookSource open(Path file, IngestLimits limits) throws IOException {
        EncodingDetector.Encoding enc = EncodingDetector.detect(file);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String sheet = dot > 0 ? name.substring(0, dot) : name;
        return new Source(file, enc, sheet, new CellBudget(limits));
    }

    private static final class Source implements WorkbookSource {
        private final Path file;
        private final EncodingDetector.Encoding enc;
        private final String sheet;
        private final CellBudget budget;

        Source(Path file, EncodingDetector.Encoding enc, String sheet, CellBudget budget) {
            this.file = file;
            this.enc = enc;
            this.sheet = sheet;
            this.budget = budget;
        }

        @Override
        public List<String> sheetNames() {
            return List.of(sheet);
        }

        @Override
        public boolean date1904() {
            return false;
        }

        @Override
        public void read(String name, RowHandler handler) throws IOException {
            if (!sheet.equals(name)) {
                throw new IllegalArgumentException("no sheet '" + name + "', expected " + sheet);
            }
            budget.newSheet(null);
            CharsetDecoder dec = enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            int row = 0;
            long nextLine = 1; // the physical line where the next record starts (a quoted cell may span lines)
            try (InputStream in = Files.newInputStream(file)) {
                if (enc.bom()) {
                    in.readNBytes(3);
                }
                Reader r = new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
                try (CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
                    for (CSVRecord rec : p) {
                        row++;
                        budget.row(row);
                        String[] cells = new String[rec.size()];
                        for (int i = 0; i < cells.length; i++) {
                            String v = rec.get(i);
                            if (v != null && !v.isEmpty()) {
                                cells[i] = budget.cell(v, i);
                            }
                        }
                        handler.row(row, cells);
                        nextLine = p.getCurrentLineNumber() + 1;
                    }
                }
            } catch (CharacterCodingException e) {
                throw badEncoding(row + 1, e);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException c) {
                    throw badEncoding(row + 1, c);
                }
                if (e.getCause() instanceof CSVException c) {
                    throw badSyntax(nextLine, c);
                }
                throw e;
            } catch (CSVException e) {
                throw badSyntax(nextLine, e);
            }
        }

        private RefusedFileException badEncoding(int row, Exception e) {
            return new RefusedFileException(ProblemCode.BAD_ENCODING,
                    "第 " + row + " 行附近的文字无法按 " + enc.charset().name() + " 编码读取。请用“CSV UTF-8”格式重新保存后再报送。",
                    "text near row " + row + " cannot be decoded as " + enc.charset().name()
                            + "; save the file again as 'CSV UTF-8' and send it again", e, null, row, null);
        }

        /**
         * A record that commons-csv cannot parse: an opening quote never closed (everything after it would
         * be one cell), or text after a closing quote. Located by the line where the record starts.
         */
        private static RefusedFileException badSyntax(long line, CSVException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("EOF reached before encapsulated token finished")) {
                return new RefusedFileException(ProblemCode.CORRUPT_FILE,
                        "第 " + line + " 行开始的一行中有一个英文双引号（\"）没有对应的结束引号，从这里到文件末尾都无法按 CSV 读取。"
                                + "请检查该行的引号（单元格内容中的引号应写成两个 \"\"），或用 Excel 重新保存为“CSV UTF-8”后再报送。",
                        "the record starting on line " + line + " opens a double quote (\") that is never closed, so the"
                                + " rest of the file cannot be read as CSV; check the quotes of that line (a quote inside"
                                + " a cell is written twice: \"\"), or save the file again from Excel as 'CSV UTF-8'",
                        e, null, (int) Math.min(Integer.MAX_VALUE, line), null);
            }
            return new RefusedFileException(ProblemCode.CORRUPT_FILE,
                    "第 " + line + " 行开始的一行不符合 CSV 格式（可能是引号后紧跟了其他文字），无法读取。请检查该行的引号，"
                            + "或用 Excel 重新保存为“CSV UTF-8”后再报送。",
                    "the record starting on line " + line + " is not valid CSV (perhaps text right after a closing"
                            + " quote); check the quotes of that line, or save the file again from Excel as 'CSV UTF-8'",
                    e, null, (int) Math.min(Integer.MAX_VALUE, line), null);
        }

        @Override
        public void close() {
        }
    }
}
