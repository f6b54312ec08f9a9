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
            budget.newSheet();
            CharsetDecoder dec = enc.charset().newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            int row = 0;
            try (InputStream in = Files.newInputStream(file)) {
                if (enc.bom()) {
                    in.readNBytes(3);
                }
                Reader r = new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
                try (CSVParser p = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
                    for (CSVRecord rec : p) {
                        row++;
                        budget.row();
                        String[] cells = new String[rec.size()];
                        for (int i = 0; i < cells.length; i++) {
                            String v = rec.get(i);
                            if (v != null && !v.isEmpty()) {
                                cells[i] = budget.cell(v);
                            }
                        }
                        handler.row(row, cells);
                    }
                }
            } catch (CharacterCodingException e) {
                throw badEncoding(row + 1, e);
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof CharacterCodingException c) {
                    throw badEncoding(row + 1, c);
                }
                throw e;
            }
        }

        private RefusedFileException badEncoding(int row, Exception e) {
            return new RefusedFileException(ProblemCode.BAD_ENCODING,
                    "第 " + row + " 行附近的文字无法按 " + enc.charset().name() + " 编码读取。请用“CSV UTF-8”格式重新保存后再报送。",
                    "text near row " + row + " cannot be decoded as " + enc.charset().name()
                            + "; save the file again as 'CSV UTF-8' and send it again", e);
        }

        @Override
        public void close() {
        }
    }
}
