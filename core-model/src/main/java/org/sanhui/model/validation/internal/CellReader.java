package org.sanhui.model.validation.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sanhui.model.domain.Labelled;
import org.sanhui.model.domain.Vocabulary;
import org.sanhui.model.privacy.PersonalData;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.problem.Severity;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;
import org.sanhui.model.schema.Datasets;
import org.sanhui.model.validation.RawRow;
import org.sanhui.model.validation.RowContext;
import org.sanhui.model.validation.RowResult;
import org.sanhui.model.value.Booleans;
import org.sanhui.model.value.DateValue;
import org.sanhui.model.value.Dates;
import org.sanhui.model.value.NotGiven;
import org.sanhui.model.value.Numbers;
import org.sanhui.model.value.ParseResult;
import org.sanhui.model.value.Text;

/**
 * Reads the cells of one row and collects its problems. Every problem's value and messages are scrubbed
 * of the row's person name and of phone numbers before they leave, so no caller can forget to.
 */
public final class CellReader {

    private static final Map<String, Map<String, Column>> COLUMNS = new ConcurrentHashMap<>();

    private final RawRow row;
    private final RowContext ctx;
    private final String name;
    private final String maskedName;
    private final Map<String, Column> columns;
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Starts reading a row.
     *
     * @param row the row, null not permitted
     * @param ctx the context, null not permitted
     * @param schema the dataset, null not permitted
     * @param personName the raw person name of the row (masked wherever it would be echoed), may be null
     */
    public CellReader(RawRow row, RowContext ctx, DatasetSchema schema, String personName) {
        this.row = row;
        this.ctx = ctx;
        this.name = NotGiven.is(personName) ? null : Text.normalize(personName);
        this.maskedName = name == null ? null : PersonalData.maskName(name);
        this.columns = COLUMNS.computeIfAbsent(schema.name(), k -> index(schema));
    }

    /**
     * Returns the context.
     *
     * @return the context
     */
    public RowContext context() {
        return ctx;
    }

    /**
     * Returns a raw cell.
     *
     * @param col the column name
     * @return the raw text or null
     */
    public String raw(String col) {
        return row.cell(col);
    }

    /**
     * Tells whether a cell gives a value.
     *
     * @param col the column name
     * @return true unless blank or "not given"
     */
    public boolean hasText(String col) {
        return !NotGiven.is(row.cell(col));
    }

    /**
     * Returns a text cell, normalised, with any phone number in it masked.
     *
     * @param col the column name
     * @return the text, or null when not given
     */
    public String text(String col) {
        String c = row.cell(col);
        if (NotGiven.is(c)) {
            return null;
        }
        String t = Text.normalize(c);
        // a phone number written into a free-text column is dropped too (DOMAIN.md 7); ids are left alone
        return col.equals(Datasets.ORG_ID) ? t : PersonalData.scrub(t, List.of());
    }

    /**
     * Returns a required text cell, recording MISSING_VALUE when blank.
     *
     * @param col the column name
     * @return the text, or null when not given
     */
    public String required(String col) {
        String t = text(col);
        if (t == null) {
            String h = header(col);
            error(ProblemCode.MISSING_VALUE, col, row.cell(col), "必填项“" + h + "”为空；应填写" + h,
                    "required column '" + h + "' (" + col + ") is blank; expected a value");
        }
        return t;
    }

    /**
     * Records that neither 组织编号 nor the organisation's name is given.
     *
     * @param col the name column
     */
    public void missingOrganisation(String col) {
        String h = header(col);
        error(ProblemCode.MISSING_VALUE, col, null, "“组织编号”和“" + h + "”均为空；应至少填写其中一项，指明所属组织",
                "both '组织编号' (org_id) and '" + h + "' (" + col
                        + ") are blank; expected at least one of them, naming the organisation");
    }

    /**
     * Parses a vocabulary cell, recording MISSING_VALUE or UNKNOWN_VALUE.
     *
     * @param col the column name
     * @param type the enum
     * @param required whether a blank is an error
     * @param <E> the enum type
     * @return the value, or null
     */
    public <E extends Enum<E> & Labelled> E vocab(String col, Class<E> type, boolean required) {
        if (!hasText(col)) {
            if (required) {
                required(col);
            }
            return null;
        }
        return vocabWord(col, row.cell(col), type);
    }

    /**
     * Parses one word of a vocabulary cell, recording UNKNOWN_VALUE with the accepted labels.
     *
     * @param col the column name
     * @param word the word
     * @param type the enum
     * @param <E> the enum type
     * @return the value, or null
     */
    public <E extends Enum<E> & Labelled> E vocabWord(String col, String word, Class<E> type) {
        E v = Vocabulary.parse(type, word).orElse(null);
        if (v == null) {
            String h = header(col);
            String zh = String.join("、", Vocabulary.labels(type));
            String en = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.label() + " (" + e.name() + ")")
                    .collect(Collectors.joining(", "));
            error(ProblemCode.UNKNOWN_VALUE, col, row.cell(col),
                    "“" + word.strip() + "”不是“" + h + "”的可选值；应为以下之一：" + zh,
                    "'" + word.strip() + "' is not a value of '" + h + "' (" + col + "); expected one of: " + en);
        }
        return v;
    }

    /**
     * Parses a count cell.
     *
     * @param col the column name
     * @return the count, or null
     */
    public Integer count(String col) {
        ParseResult<Integer> p = Numbers.parseCount(row.cell(col));
        if (p.hasProblem()) {
            error(p, col);
        }
        return p.value();
    }

    /**
     * Parses a date cell in the workbook's date system.
     *
     * @param col the column name
     * @param required whether a blank is an error
     * @return the date, or null
     */
    public DateValue date(String col, boolean required) {
        ParseResult<DateValue> p = Dates.parse(row.cell(col), ctx.date1904());
        if (p.isBlank()) {
            if (required) {
                required(col);
            }
            return null;
        }
        if (p.hasProblem()) {
            error(p, col);
        }
        return p.value();
    }

    /**
     * Parses a yes/no cell; a blank one is unknown (null), with UNKNOWN_FLAG when the flag matters.
     *
     * @param col the column name
     * @param warnIfBlank whether a blank flag is worth a warning
     * @return the flag, or null when unknown
     */
    public Boolean flag(String col, boolean warnIfBlank) {
        ParseResult<Boolean> p = Booleans.parse(row.cell(col));
        if (p.hasProblem()) {
            error(p, col);
        } else if (p.isBlank() && warnIfBlank) {
            String h = header(col);
            warn(ProblemCode.UNKNOWN_FLAG, col, "“" + h + "”为空，视为未知，该项不计入相应指标的分母；应填写 是 或 否",
                    "'" + h + "' (" + col + ") is blank and taken as unknown, left out of that figure's denominator;"
                            + " expected yes (是) or no (否)");
        }
        return p.value();
    }

    /**
     * Records a parse problem: an error rejects the row, a warning does not.
     *
     * @param p the result with a problem
     * @param col the column name
     */
    public void error(ParseResult<?> p, String col) {
        add(p.toProblem(location(col), col, shown(col, row.cell(col))));
    }

    /**
     * Records an error.
     *
     * @param code the code
     * @param col the column name
     * @param rawValue the raw value (masked or dropped as its column requires), may be null
     * @param zh the Chinese message
     * @param en the English message
     */
    public void error(ProblemCode code, String col, String rawValue, String zh, String en) {
        Severity s = code.defaultSeverity() == Severity.FATAL ? Severity.FATAL : Severity.ERROR;
        add(new Problem(code, s, location(col), col, shown(col, rawValue), zh, en));
    }

    /**
     * Records a warning about a cell.
     *
     * @param code the code
     * @param col the column name
     * @param zh the Chinese message
     * @param en the English message
     */
    public void warn(ProblemCode code, String col, String zh, String en) {
        add(new Problem(code, Severity.WARNING, location(col), col, shown(col, row.cell(col)), zh, en));
    }

    private void add(Problem p) {
        problems.add(new Problem(p.code(), p.severity(), p.location(), p.field(),
                p.value() == null ? null : scrub(p.value()), scrub(p.messageZh()), scrub(p.messageEn())));
    }

    /** Masks the row's person name and any phone number. */
    private String scrub(String text) {
        String t = name == null || name.length() < 2 ? text : text.replace(name, maskedName);
        return PersonalData.scrub(t, List.of());
    }

    private static Map<String, Column> index(DatasetSchema schema) {
        Map<String, Column> m = new HashMap<>();
        for (Column c : schema.columns()) {
            m.put(c.name(), c);
        }
        return Map.copyOf(m);
    }

    /**
     * Tells whether a rejecting problem was recorded.
     *
     * @return true when the row is rejected
     */
    public boolean rejected() {
        for (Problem p : problems) {
            if (p.rejects()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the rejection.
     *
     * @param <T> the record type
     * @return the result without a record
     */
    public <T> RowResult<T> reject() {
        return new RowResult<>(null, problems);
    }

    /**
     * Returns the acceptance.
     *
     * @param record the record
     * @param <T> the record type
     * @return the result with the record and the warnings
     */
    public <T> RowResult<T> accept(T record) {
        return new RowResult<>(record, problems);
    }

    /**
     * Returns the header a column is located by: as written in the file, else the canonical one.
     *
     * @param col the column name
     * @return the header
     */
    public String header(String col) {
        String h = row.headers().get(col);
        if (h != null) {
            return h;
        }
        Column c = columns.get(col);
        return c == null ? col : c.header();
    }

    private org.sanhui.model.problem.Location location(String col) {
        return row.location().withColumn(header(col));
    }

    /** The value as a problem may show it: masked for a name, never for a phone. */
    private String shown(String col, String rawValue) {
        if (rawValue == null || rawValue.isBlank() || col.equals(Datasets.PHONE)) {
            return null;
        }
        Column c = columns.get(col);
        boolean personal = c != null && c.personal();
        return personal ? PersonalData.maskName(rawValue) : rawValue.strip();
    }

    /**
     * Returns the earliest day a partial date may stand for.
     *
     * @param d the date
     * @return the first day of its month or year for MONTH or YEAR precision, else the date
     */
    public static LocalDate first(DateValue d) {
        return switch (d.precision()) {
            case DAY -> d.date();
            case MONTH -> YearMonth.from(d.date()).atDay(1);
            case YEAR -> LocalDate.of(d.date().getYear(), 1, 1);
        };
    }

    /**
     * Returns the latest day a partial date may stand for.
     *
     * @param d the date
     * @return the last day of its month or year for MONTH or YEAR precision, else the date
     */
    public static LocalDate last(DateValue d) {
        return switch (d.precision()) {
            case DAY -> d.date();
            case MONTH -> YearMonth.from(d.date()).atEndOfMonth();
            case YEAR -> LocalDate.of(d.date().getYear(), 12, 31);
        };
    }
}
