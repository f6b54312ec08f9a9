package org.sanhui.model.value;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.sanhui.model.problem.ProblemCode;

/**
 * Parses number cells: counts (members, participants) and decimals (scores).
 *
 * <p>After {@link Text#normalize(String)} (full-width digits and commas fold to ASCII), thousands
 * separators ({@code 1,234}, {@code １，２３４}) and spaces are removed and a trailing unit word is
 * tolerated (人, 人次, 个, 场, 场次, 次, 名, 位, 家, 户, 所, 分). A "not given" cell is blank.
 */
public final class Numbers {

    /** Unit words, longest first so that 人次 is cut before 次 and 人. */
    private static final List<String> UNITS = List.of("人次", "场次", "余人", "多人", "人", "个", "场", "次", "名", "位",
            "家", "户", "所", "分", "余", "多");
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private Numbers() {
    }

    /**
     * Parses a count: a whole number, zero or more. {@code 12.0} is 12; {@code 1,234} is 1234.
     *
     * @param cell the raw cell text, may be null
     * @return the count; blank for a "not given" cell; {@link ProblemCode#NEGATIVE_COUNT} for a negative
     *         number; {@link ProblemCode#BAD_NUMBER} for text, a fraction or a number above
     *         {@value Integer#MAX_VALUE}; never null
     */
    public static ParseResult<Integer> parseCount(String cell) {
        if (cell != null && plainDigits(cell)) {
            return ParseResult.ok(Integer.parseInt(cell)); // 1-9 ASCII digits: what the general path gives
        }
        if (NotGiven.is(cell)) {
            return ParseResult.blank();
        }
        BigDecimal d = decimal(cell);
        if (d == null) {
            return ParseResult.error(ProblemCode.BAD_NUMBER,
                    "“" + cell.strip() + "”不是数字；应为不小于0的整数，如 12 或 1,234",
                    "'" + cell.strip() + "' is not a number; expected a whole number of 0 or more, such as 12 or 1,234");
        }
        if (d.signum() < 0) {
            return ParseResult.error(ProblemCode.NEGATIVE_COUNT,
                    "数量“" + cell.strip() + "”为负数；应为不小于0的整数",
                    "count '" + cell.strip() + "' is negative; expected a whole number of 0 or more");
        }
        BigDecimal whole = d.stripTrailingZeros();
        if (whole.scale() > 0) {
            return ParseResult.error(ProblemCode.BAD_NUMBER,
                    "数量“" + cell.strip() + "”不是整数；应为不小于0的整数",
                    "count '" + cell.strip() + "' is not a whole number; expected a whole number of 0 or more");
        }
        if (whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return ParseResult.error(ProblemCode.BAD_NUMBER,
                    "数量“" + cell.strip() + "”过大；应为不超过 " + Integer.MAX_VALUE + " 的整数",
                    "count '" + cell.strip() + "' is too large; expected a whole number up to " + Integer.MAX_VALUE);
        }
        return ParseResult.ok(whole.intValueExact());
    }

    /**
     * Parses a decimal number such as a score ({@code 85.5}, {@code 85分}). The range is the caller's
     * business.
     *
     * @param cell the raw cell text, may be null
     * @return the number; blank for a "not given" cell; {@link ProblemCode#BAD_NUMBER} otherwise; never null
     */
    public static ParseResult<Double> parseDecimal(String cell) {
        if (NotGiven.is(cell)) {
            return ParseResult.blank();
        }
        BigDecimal d = decimal(cell);
        if (d == null || !Double.isFinite(d.doubleValue())) {
            return ParseResult.error(ProblemCode.BAD_NUMBER,
                    "“" + cell.strip() + "”不是数字；应为数字，如 85 或 92.5",
                    "'" + cell.strip() + "' is not a number; expected a number such as 85 or 92.5");
        }
        return ParseResult.ok(d.doubleValue());
    }

    /** Whether a text is 1 to 9 ASCII digits (a whole number below Integer.MAX_VALUE, written plainly). */
    private static boolean plainDigits(String s) {
        return s.length() <= 9 && asciiDigits(s);
    }

    /** Whether a text is one or more ASCII digits and nothing else. */
    static boolean asciiDigits(String s) {
        int n = s.length();
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Returns the number written in the cell, or null when it is not one. */
    private static BigDecimal decimal(String cell) {
        String t = Text.normalize(cell).replace(" ", "").replace('−', '-').replace('－', '-');
        for (String u : UNITS) {
            if (t.endsWith(u) && t.length() > u.length()) {
                t = t.substring(0, t.length() - u.length());
                break;
            }
        }
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        } else if (!PLAIN.matcher(t).matches()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(t);
            return d.scale() < -9 ? null : d; // refuse 1E+99 and the like before anything expands it
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
