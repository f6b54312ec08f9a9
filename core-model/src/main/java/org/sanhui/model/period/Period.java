package org.sanhui.model.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.value.Text;

/**
 * A reporting period: a month ({@code 2024-07}), a quarter ({@code 2024Q3}) or a year
 * ({@code 2024}). Immutable; ordered by start date, then by length (a month before the quarter that
 * starts with it).
 *
 * <p>Parsing accepts {@code 2024Q3}, {@code 2024-Q3}, {@code 2024年第三季度}, {@code 2024年第3季度},
 * {@code 2024年3季度}, {@code 2024-07}, {@code 2024年7月}, {@code 2024年} and {@code 2024}, with
 * full-width digits.
 */
public final class Period implements Comparable<Period> {

    /** The length of a period. */
    public enum Kind {
        /** A calendar month. */
        MONTH(1),
        /** A calendar quarter. */
        QUARTER(3),
        /** A calendar year. */
        YEAR(12);

        private final int months;

        Kind(int months) {
            this.months = months;
        }

        /**
         * Returns the number of months in a period of this kind.
         *
         * @return 1, 3 or 12
         */
        public int months() {
            return months;
        }
    }

    private static final Comparator<Period> ORDER =
            Comparator.comparing(Period::start).thenComparing(p -> p.kind.months);

    private static final String CN_DIGITS = "〇一二三四五六七八九十";
    private static final Pattern QUARTER = Pattern.compile(
            "(\\d{4})\\s*(?:[-_ ]?\\s*[Qq]\\s*([1-4])|年\\s*第?\\s*([1-4一二三四])\\s*季度?)");
    private static final Pattern MONTH = Pattern.compile(
            "(\\d{4})\\s*(?:-|/|\\.|年)\\s*(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\\s*(?:月|(?!\\d))");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*(?:年度?)?");

    private final Kind kind;
    private final int year;
    private final int index;
    /** The first and last days, worked out once: a million rows' date checks ask for them. */
    private final LocalDate start;
    private final LocalDate end;

    private Period(Kind kind, int year, int index) {
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year + ", expected 1900..2999");
        }
        int max = 12 / kind.months;
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(kind + " index out of range: " + index + ", expected 1.." + max);
        }
        this.kind = kind;
        this.year = year;
        this.index = index;
        this.start = LocalDate.of(year, (index - 1) * kind.months + 1, 1);
        this.end = YearMonth.of(year, index * kind.months).atEndOfMonth();
    }

    /**
     * Returns the quarter.
     *
     * @param year the year
     * @param quarter 1 to 4
     * @return the period, never null
     * @throws IllegalArgumentException if the quarter or year is out of range
     */
    public static Period quarter(int year, int quarter) {
        return new Period(Kind.QUARTER, year, quarter);
    }

    /**
     * Returns the month.
     *
     * @param year the year
     * @param month 1 to 12
     * @return the period, never null
     * @throws IllegalArgumentException if the month or year is out of range
     */
    public static Period month(int year, int month) {
        return new Period(Kind.MONTH, year, month);
    }

    /**
     * Returns the year.
     *
     * @param year the year
     * @return the period, never null
     * @throws IllegalArgumentException if the year is out of range
     */
    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 1);
    }

    /**
     * Returns the period of the given kind that contains the date.
     *
     * @param kind the kind, null not permitted
     * @param date the date, null not permitted
     * @return the period, never null
     */
    public static Period containing(Kind kind, LocalDate date) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(date, "date");
        return switch (kind) {
            case MONTH -> month(date.getYear(), date.getMonthValue());
            case QUARTER -> quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(date.getYear());
        };
    }

    /**
     * Parses a period written as a whole cell or argument.
     *
     * @param text the text, null not permitted
     * @return the period, never null
     * @throws IllegalArgumentException if the text is not a period, with the forms accepted
     */
    public static Period parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = Text.normalize(text);
        Optional<Period> p = matchWhole(t);
        return p.orElseThrow(() -> new IllegalArgumentException("not a period: '" + text
                + "', expected one of 2024Q3, 2024-Q3, 2024年第三季度, 2024年3季度, 2024-07, 2024年7月, 2024"));
    }

    /**
     * Parses a period written as a whole cell or argument, without throwing.
     *
     * @param text the text, may be null
     * @return the period, or empty if the text is not one
     */
    public static Optional<Period> tryParse(String text) {
        return text == null ? Optional.empty() : matchWhole(Text.normalize(text));
    }

    /**
     * Finds the first quarter or month written inside a longer text such as a title
     * ("XX县基层科协组织建设情况统计表（2024年第三季度）") or a file name ("640104_2024Q3.xlsx").
     * Bare years are not found: a title's "2024年" alone says nothing about the period.
     *
     * @param text the text, may be null
     * @return the period, or empty if none is written
     */
    public static Optional<Period> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = Text.normalize(text);
        Matcher q = QUARTER.matcher(t);
        Matcher m = MONTH.matcher(t);
        boolean hq = q.find();
        boolean hm = m.find();
        if (hq && (!hm || q.start() <= m.start())) {
            return Optional.of(fromQuarter(q));
        }
        if (hm) {
            return Optional.of(fromMonth(m));
        }
        return Optional.empty();
    }

    private static Optional<Period> matchWhole(String t) {
        Matcher q = QUARTER.matcher(t);
        if (q.matches()) {
            return Optional.of(fromQuarter(q));
        }
        Matcher m = MONTH.matcher(t);
        if (m.matches()) {
            return Optional.of(fromMonth(m));
        }
        Matcher y = YEAR.matcher(t);
        if (y.matches()) {
            return Optional.of(year(Integer.parseInt(y.group(1))));
        }
        return Optional.empty();
    }

    private static Period fromQuarter(Matcher q) {
        String d = q.group(2) != null ? q.group(2) : q.group(3);
        return quarter(Integer.parseInt(q.group(1)), number(d));
    }

    private static Period fromMonth(Matcher m) {
        return month(Integer.parseInt(m.group(1)), number(m.group(2)));
    }

    private static int number(String d) {
        if (Character.isDigit(d.charAt(0))) {
            return Integer.parseInt(d);
        }
        if (d.startsWith("十")) {
            return d.length() == 1 ? 10 : 10 + CN_DIGITS.indexOf(d.charAt(1));
        }
        return CN_DIGITS.indexOf(d.charAt(0));
    }

    /**
     * Returns the kind.
     *
     * @return the kind, never null
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Returns the calendar year.
     *
     * @return the year
     */
    public int year() {
        return year;
    }

    /**
     * Returns the position within the year: the month 1-12, the quarter 1-4, or 1 for a year.
     *
     * @return the index
     */
    public int index() {
        return index;
    }

    /**
     * Returns the first day.
     *
     * @return the start date, never null
     */
    public LocalDate start() {
        return start;
    }

    /**
     * Returns the last day (inclusive).
     *
     * @return the end date, never null
     */
    public LocalDate end() {
        return end;
    }

    /**
     * Tells whether the date falls within the period.
     *
     * @param date the date, null not permitted
     * @return true if start &lt;= date &lt;= end
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /**
     * Returns the months of this period, in order (one for a month).
     *
     * @return the months, never null
     */
    public List<Period> months() {
        List<Period> out = new ArrayList<>();
        int first = (index - 1) * kind.months + 1;
        for (int m = first; m < first + kind.months; m++) {
            out.add(month(year, m));
        }
        return List.copyOf(out);
    }

    /**
     * Returns the period of the same kind just before this one.
     *
     * @return the previous period, never null
     */
    public Period previous() {
        return plus(-1);
    }

    /**
     * Returns the period of the same kind just after this one.
     *
     * @return the next period, never null
     */
    public Period next() {
        return plus(1);
    }

    /**
     * Returns the period of the same kind {@code n} steps away.
     *
     * @param n steps, negative for earlier
     * @return the period, never null
     */
    public Period plus(int n) {
        int per = 12 / kind.months;
        int abs = year * per + (index - 1) + n;
        return new Period(kind, Math.floorDiv(abs, per), Math.floorMod(abs, per) + 1);
    }

    /**
     * Returns the same period one year earlier.
     *
     * @return the period, never null
     */
    public Period sameLastYear() {
        return new Period(kind, year - 1, index);
    }

    /**
     * Returns the period of another kind that contains this one's end (e.g. the quarter of a month).
     *
     * @param other the kind, null not permitted
     * @return the period, never null
     */
    public Period as(Kind other) {
        return containing(other, end());
    }

    /**
     * Returns the canonical Chinese label: 2024年第三季度, 2024年7月, 2024年.
     *
     * @return the label, never null
     */
    public String label() {
        return switch (kind) {
            case MONTH -> year + "年" + index + "月";
            case QUARTER -> year + "年第" + "一二三四".charAt(index - 1) + "季度";
            case YEAR -> year + "年";
        };
    }

    /**
     * Returns the canonical code: {@code 2024Q3}, {@code 2024-07} or {@code 2024}.
     *
     * @return the code, never null
     */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> String.format("%d-%02d", year, index);
            case QUARTER -> year + "Q" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    @Override
    public int compareTo(Period o) {
        return ORDER.compare(this, o);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && p.kind == kind && p.year == year && p.index == index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, year, index);
    }
}
