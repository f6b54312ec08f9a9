package org.sanhui.ingestion.resolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sanhui.model.value.Text;

/**
 * Reads filing dates (填报日期): from a "填报日期：2024年10月8日" line, and from a {@code received.csv}
 * (file name, date) beside the input files.
 */
public final class FilingDates {

    /** The name of the file listing when each input file was received. */
    public static final String RECEIVED_CSV = "received.csv";

    private static final Pattern LINE = Pattern.compile("(?:填报|报送|上报)(?:日期|时间)\\s*[:：]?\\s*([0-9０-９][^ ]*(?: ?[0-9]+日)?)");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[年./\\-]\\s*(\\d{1,2})\\s*[月./\\-]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private FilingDates() {
    }

    /** What a 填报 line says: nothing, a date, or a text that is not a date. */
    public record Stated(String text, LocalDate date) {
    }

    /**
     * Finds the 填报日期 written in a line.
     *
     * @param line the line, may be null
     * @return the stated text and its date (null when the text is not a date), or empty if the line states none
     */
    public static Optional<Stated> inLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String t = Text.normalize(line);
        Matcher m = LINE.matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        String text = m.group(1);
        return Optional.of(new Stated(text, parse(text).orElse(null)));
    }

    /**
     * Removes a stated filing date from a line, so that its month is not taken for the period.
     *
     * @param line the line, may be null
     * @return the line without the date, never null
     */
    public static String withoutDate(String line) {
        if (line == null) {
            return "";
        }
        return LINE.matcher(Text.normalize(line)).replaceAll("");
    }

    /**
     * Parses a date written as 2024年10月8日, 2024-10-08, 2024/10/8, 2024.10.8 or 20241008.
     *
     * @param text the text, may be null
     * @return the date, or empty
     */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Text.normalize(text).strip();
        Matcher m = DATE.matcher(t);
        if (!m.lookingAt()) {
            m = COMPACT.matcher(t);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads {@code received.csv} (columns: file name, date; a header line is allowed) from a folder.
     *
     * @param folder the folder, null not permitted
     * @return file name to date, empty if there is no such file, never null
     * @throws IllegalArgumentException if the file has a line whose date cannot be read, naming the line
     */
    public static Map<String, LocalDate> received(Path folder) {
        Path f = folder.resolve(RECEIVED_CSV);
        Map<String, LocalDate> out = new HashMap<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try (CSVParser p = CSVParser.builder().setPath(f).setCharset(StandardCharsets.UTF_8)
                .setFormat(CSVFormat.DEFAULT).get()) {
            for (CSVRecord r : p) {
                List<String> v = r.toList();
                if (v.size() < 2 || v.get(0).isBlank()) {
                    continue;
                }
                String name = v.get(0).replace("\uFEFF", "").strip();
                Optional<LocalDate> d = parse(v.get(1));
                if (d.isEmpty()) {
                    if (r.getRecordNumber() == 1) {
                        continue;
                    }
                    throw new IllegalArgumentException(f + " line " + r.getRecordNumber() + ": '" + v.get(1)
                            + "' is not a date, expected e.g. 2024-10-08");
                }
                out.put(name, d.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        return out;
    }
}
