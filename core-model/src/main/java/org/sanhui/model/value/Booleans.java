package org.sanhui.model.value;

import java.util.Locale;
import java.util.Set;
import org.sanhui.model.problem.ProblemCode;

/**
 * Parses yes/no cells: 是/否, √/×, ✓/✗, Y/N, yes/no, true/false, 有/无, 1/0 (case-insensitive, after
 * {@link Text#normalize(String)}).
 *
 * <p>Unlike other columns, 无 in a boolean column means <em>no</em>. The other "not given" tokens
 * ({@link NotGiven}) and a blank cell give {@link ParseResult#blank()}: the flag is unknown.
 */
public final class Booleans {

    private static final Set<String> YES = Set.of("是", "√", "✓", "✔", "☑", "Y", "YES", "TRUE", "T", "有", "1", "1.0",
            "对", "已建立", "已建", "建立");
    private static final Set<String> NO = Set.of("否", "×", "✗", "✘", "✕", "╳", "X", "N", "NO", "FALSE", "F", "无", "0",
            "0.0", "没有", "未建立", "未建");

    private static final String EXPECTED_ZH = "应为 是/否、√/×、Y/N、有/无 或 1/0";
    private static final String EXPECTED_EN = "expected yes/no: 是/否, √/×, Y/N, 有/无 or 1/0";

    private Booleans() {
    }

    /**
     * Parses a yes/no cell.
     *
     * @param cell the raw cell text, may be null
     * @return TRUE or FALSE; blank for a blank or "not given" cell other than 无 (which is FALSE);
     *         {@link ProblemCode#BAD_BOOLEAN} otherwise, never null
     */
    public static ParseResult<Boolean> parse(String cell) {
        String t = Text.normalize(cell).replace(" ", "").toUpperCase(Locale.ROOT);
        if (YES.contains(t)) {
            return ParseResult.ok(Boolean.TRUE);
        }
        if (NO.contains(t)) {
            return ParseResult.ok(Boolean.FALSE);
        }
        if (NotGiven.is(t)) {
            return ParseResult.blank();
        }
        return ParseResult.error(ProblemCode.BAD_BOOLEAN, "“" + cell.strip() + "”不是是/否值；" + EXPECTED_ZH,
                "'" + cell.strip() + "' is not a yes/no value; " + EXPECTED_EN);
    }
}
