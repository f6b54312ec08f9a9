package org.sanhui.model.value;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.problem.ProblemCode;

/**
 * Parses date cells in every form of DOMAIN.md section 3.
 *
 * <p>Accepted, after {@link Text#normalize(String)} (so full-width digits and spaces are fine):
 * <ul>
 *   <li>full dates: {@code 2024-07-01}, {@code 2024/7/1}, {@code 2024.7.1}, {@code 2024年7月1日}
 *       (or 号), {@code 20240701}; a trailing time ({@code 10:30}, {@code 10:30:00}, {@code T10:30})
 *       is ignored;</li>
 *   <li>Excel serial numbers, the raw numeric text of a date cell ({@code 45474} or
 *       {@code 45474.5}; the fraction is the time of day and is dropped), in the 1900 or 1904 date
 *       system of the workbook (see {@link #fromExcelSerial(double, boolean)});</li>
 *   <li>a month: {@code 2023年11月}, {@code 2023-11}, {@code 2023/11}, {@code 2023.11},
 *       {@code 202311}: that month's last day, precision {@link DatePrecision#MONTH}, so that
 *       "established by" stays conservative;</li>
 *   <li>a year: {@code 2023}, {@code 2023年}: 31 December, precision {@link DatePrecision#YEAR}, with
 *       the warning {@link ProblemCode#YEAR_ONLY_DATE} (the row is left out of dated figures).</li>
 * </ul>
 * A range ({@code 2024.7.1至7.3}, {@code 2024-07-01~2024-07-03}, {@code 2024年7月1日—3日}, separated by
 * 至, 到, ~, ～ or —) is read as its first day.
 * A whole number from 1900 to 2100 is read as a year, never as a serial (serials 1900-2100 are days
 * of 1905, which no submission means); a six-digit number {@code yyyyMM} with a month 01-12 is read as
 * a month. Dates must fall in the years 1900-2100. A "not given" cell ({@link NotGiven}) is blank;
 * anything else is {@link ProblemCode#BAD_DATE} with a message saying what was expected.
 */
public final class Dates {

    /** The first year a parsed date may have. */
    public static final int MIN_YEAR = 1900;
    /** The last year a parsed date may have. */
    public static final int MAX_YEAR = 2100;

    /** The largest serial Excel shows as a date (9999-12-31 in the 1900 system). */
    private static final double MAX_SERIAL = 2_958_465;

    private static final LocalDate EPOCH_1900_EARLY = LocalDate.of(1899, 12, 31);
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);

    private static final Pattern TIME = Pattern.compile(
            "^(.+?)(?:[T ]+\\d{1,2}:\\d{1,2}(?::\\d{1,2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)$");
    private static final Pattern DAY = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})[日号]?");
    private static final Pattern COMPACT_DAY = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})月?(?:份)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(0[1-9]|1[0-2])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年度?)?");
    private static final Pattern RANGE = Pattern.compile("^(.+?)\\s*(?:至|到|~|～|—+|--)\\s*\\S.*$");
    private static final Pattern SERIAL = Pattern.compile("\\d+(?:\\.\\d+)?(?:[eE][+]?\\d+)?");

    private static final String EXPECTED_ZH =
            "应为日期，如 2024-07-01、2024/7/1、2024.7.1、2024年7月1日、20240701，或年月 2024年7月";
    private static final String EXPECTED_EN =
            "expected a date such as 2024-07-01, 2024/7/1, 2024.7.1, 2024年7月1日, 20240701, or a month 2024年7月";

    private Dates() {
    }

    /**
     * Parses a date cell.
     *
     * @param cell the raw cell text (an Excel date cell arrives as its serial number), may be null
     * @param date1904 whether the workbook uses the 1904 date system (serials only)
     * @return the date with its precision; blank for a "not given" cell; a warning for a year alone;
     *         {@link ProblemCode#BAD_DATE} otherwise; never null
     */
    public static ParseResult<DateValue> parse(String cell, boolean date1904) {
        if (cell != null && plainSerial(cell)) {
            // what the patterns below conclude for such a text, without them; a column repeats few serials
            int slot = cell.hashCode() & (SERIALS.length - 1);
            SerialParse hit = SERIALS[slot];
            if (hit != null && hit.date1904 == date1904 && hit.cell.equals(cell)) {
                return hit.result;
            }
            ParseResult<DateValue> r = serial(cell, cell, date1904);
            SERIALS[slot] = new SerialParse(cell, date1904, r);
            return r;
        }
        if (NotGiven.is(cell)) {
            return ParseResult.blank();
        }
        String t = Text.normalize(cell);
        Matcher range = RANGE.matcher(t);
        if (range.matches()) {
            ParseResult<DateValue> first = parse(range.group(1), date1904);
            if (first.present() && first.value().precision() == DatePrecision.DAY) {
                return first;
            }
        }
        Matcher time = TIME.matcher(t);
        if (time.matches()) {
            t = time.group(1);
        }
        t = t.replace(" ", "");
        Matcher m;
        if ((m = DAY.matcher(t)).matches() || (m = COMPACT_DAY.matcher(t)).matches()) {
            return day(cell, num(m, 1), num(m, 2), num(m, 3));
        }
        if ((m = YEAR.matcher(t)).matches()) {
            int y = num(m, 1);
            if (y < MIN_YEAR || y > MAX_YEAR) {
                if (SERIAL.matcher(t).matches()) {
                    return serial(cell, t, date1904);
                }
                return outOfRange(cell, y);
            }
            return ParseResult.warn(new DateValue(LocalDate.of(y, 12, 31), DatePrecision.YEAR),
                    ProblemCode.YEAR_ONLY_DATE,
                    "日期“" + cell.strip() + "”只有年份，应填写到日（如 " + y + "-07-01）或至少到月；该行不计入按日期统计的指标",
                    "date '" + cell.strip() + "' gives only a year; expected a day (e.g. " + y
                            + "-07-01) or at least a month; the row is left out of dated figures");
        }
        if ((m = MONTH.matcher(t)).matches() || (m = COMPACT_MONTH.matcher(t)).matches()) {
            return month(cell, num(m, 1), num(m, 2));
        }
        if (SERIAL.matcher(t).matches()) {
            return serial(cell, t, date1904);
        }
        return bad(cell);
    }

    /**
     * Converts an Excel serial date number to a date, dropping the time of day (the fraction).
     *
     * <p>1900 system: serial 1 is 1900-01-01 and 59 is 1900-02-28. Excel (after Lotus 1-2-3) counts a
     * 29 February 1900 that never existed as serial 60; this method refuses 60 rather than guess, and
     * maps 61 and later to the date Excel shows (61 is 1900-03-01, 45474 is 2024-07-01): one day less
     * than a naive count from 1899-12-31. 1904 system (old Mac workbooks): serial 0 is 1904-01-01.
     *
     * @param serial the serial number (1 or more in the 1900 system, 0 or more in the 1904 system)
     * @param date1904 whether the workbook uses the 1904 date system
     * @return the date, never null
     * @throws IllegalArgumentException for serial 60 in the 1900 system, a negative, zero (1900 system),
     *         non-finite or too large serial (beyond 9999-12-31)
     */
    public static LocalDate fromExcelSerial(double serial, boolean date1904) {
        if (!Double.isFinite(serial) || serial < (date1904 ? 0 : 1) || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("Excel serial date out of range: " + serial + ", expected "
                    + (date1904 ? "0" : "1") + ".." + (long) MAX_SERIAL);
        }
        long days = (long) Math.floor(serial);
        if (date1904) {
            return EPOCH_1904.plusDays(days);
        }
        if (days == 60) {
            throw new IllegalArgumentException("Excel serial 60 is 1900-02-29, a day that never existed "
                    + "(Excel's 1900 leap-year bug); expected a real date");
        }
        return days < 60 ? EPOCH_1900_EARLY.plusDays(days) : EPOCH_1900.plusDays(days);
    }

    /**
     * Whether a cell is ASCII digits only, of a length none of the day, month and year patterns takes
     * (4, 6 and 8): the raw text of a date cell, which {@link #parse} reads as a serial in any case.
     */
    /** A serial already parsed (immutable, so a slot may be read by another thread as it is replaced). */
    private record SerialParse(String cell, boolean date1904, ParseResult<DateValue> result) {
    }

    /** Recently parsed serials, direct-mapped by the text's hash. */
    private static final SerialParse[] SERIALS = new SerialParse[1024];

    private static boolean plainSerial(String s) {
        int n = s.length();
        return n != 4 && n != 6 && n != 8 && Numbers.asciiDigits(s);
    }

    private static ParseResult<DateValue> serial(String cell, String t, boolean date1904) {
        double serial;
        try {
            serial = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return bad(cell);
        }
        if (!date1904 && Math.floor(serial) == 60) {
            return ParseResult.error(ProblemCode.BAD_DATE,
                    "日期“" + cell.strip() + "”是 Excel 序列号 60，对应不存在的 1900年2月29日（Excel 1900 日期系统的闰年错误）；"
                            + "请改写为实际日期，如 2024-07-01",
                    "date '" + cell.strip() + "' is Excel serial 60, the non-existent 1900-02-29 (Excel's 1900 "
                            + "leap-year bug); expected a real date such as 2024-07-01");
        }
        LocalDate d;
        try {
            d = fromExcelSerial(serial, date1904);
        } catch (IllegalArgumentException e) {
            return bad(cell);
        }
        if (d.getYear() > MAX_YEAR) {
            return outOfRange(cell, d.getYear());
        }
        return ParseResult.ok(new DateValue(d, DatePrecision.DAY));
    }

    private static ParseResult<DateValue> day(String cell, int y, int mo, int d) {
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return outOfRange(cell, y);
        }
        if (mo < 1 || mo > 12) {
            return ParseResult.error(ProblemCode.BAD_DATE,
                    "日期“" + cell.strip() + "”的月份 " + mo + " 无效，月份应为 1-12；" + EXPECTED_ZH,
                    "date '" + cell.strip() + "' has month " + mo + ", expected 1-12; " + EXPECTED_EN);
        }
        try {
            return ParseResult.ok(new DateValue(LocalDate.of(y, mo, d), DatePrecision.DAY));
        } catch (DateTimeException e) {
            int last = YearMonth.of(y, mo).lengthOfMonth();
            return ParseResult.error(ProblemCode.BAD_DATE,
                    "日期“" + cell.strip() + "”不存在：" + y + "年" + mo + "月只有" + last + "天，日应为 1-" + last,
                    "date '" + cell.strip() + "' does not exist: " + y + "-" + mo + " has " + last
                            + " days, expected a day 1-" + last);
        }
    }

    private static ParseResult<DateValue> month(String cell, int y, int mo) {
        if (y < MIN_YEAR || y > MAX_YEAR) {
            return outOfRange(cell, y);
        }
        if (mo < 1 || mo > 12) {
            return ParseResult.error(ProblemCode.BAD_DATE,
                    "日期“" + cell.strip() + "”的月份 " + mo + " 无效，月份应为 1-12；" + EXPECTED_ZH,
                    "date '" + cell.strip() + "' has month " + mo + ", expected 1-12; " + EXPECTED_EN);
        }
        return ParseResult.ok(new DateValue(YearMonth.of(y, mo).atEndOfMonth(), DatePrecision.MONTH));
    }

    private static ParseResult<DateValue> outOfRange(String cell, int y) {
        return ParseResult.error(ProblemCode.BAD_DATE,
                "日期“" + cell.strip() + "”的年份 " + y + " 超出范围，应在 " + MIN_YEAR + "-" + MAX_YEAR + " 年之间",
                "date '" + cell.strip() + "' has year " + y + ", expected a year from " + MIN_YEAR + " to "
                        + MAX_YEAR);
    }

    private static ParseResult<DateValue> bad(String cell) {
        return ParseResult.error(ProblemCode.BAD_DATE, "“" + cell.strip() + "”不是日期；" + EXPECTED_ZH,
                "'" + cell.strip() + "' is not a date; " + EXPECTED_EN);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
