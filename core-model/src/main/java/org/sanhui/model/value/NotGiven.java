package org.sanhui.model.value;

import java.util.Set;

/**
 * The "not given" tokens of DOMAIN.md section 2b: in a text, number or date column a blank cell and
 * the tokens 无, 暂无, /, -, —, 空 (and their doubled dashes) all mean that nothing was given.
 *
 * <p>In a boolean column 无 means <em>no</em>; {@link Booleans#parse(String)} handles that itself,
 * so callers of a boolean column should not test this class first.
 */
public final class NotGiven {

    /** The tokens, after {@link Text#normalize(String)} (full-width / and - fold to ASCII). */
    private static final Set<String> TOKENS = Set.of("无", "暂无", "/", "-", "—", "——", "--", "空", "－");

    private NotGiven() {
    }

    /**
     * Tells whether a cell gives nothing: null, blank after {@link Text#normalize(String)}, or one of
     * 无, 暂无, /, -, —, ——, --, 空.
     *
     * @param cell the raw cell text, may be null
     * @return true if the cell gives no value
     */
    public static boolean is(String cell) {
        // three leading characters that normalisation keeps: the text stays longer than any token
        if (cell != null && cell.length() > 2 && kept(cell.charAt(0)) && kept(cell.charAt(1)) && kept(cell.charAt(2))) {
            return false;
        }
        // one or two Chinese characters (线上, 农民), which normalisation leaves alone: only 无, 暂无 and 空 are tokens
        if (cell != null && !cell.isEmpty() && cell.length() <= 2 && ideograph(cell.charAt(0))
                && (cell.length() == 1 || ideograph(cell.charAt(1)))) {
            char c = cell.charAt(0);
            return cell.length() == 1 ? c == '无' || c == '空' : c == '暂' && cell.charAt(1) == '无';
        }
        String t = Text.normalize(cell);
        // every token is one or two characters long: a longer text needs no set look-up (no hashing of the cell)
        return t.isEmpty() || t.length() <= 2 && TOKENS.contains(t);
    }

    private static boolean ideograph(char c) {
        return c >= '\u4E00' && c <= '\u9FFF';
    }

    /** Whether {@link Text#normalize(String)} keeps the character as one character (it is no white space). */
    private static boolean kept(char c) {
        if (c <= ' ') {
            return false;
        }
        if (c < '\u0080') {
            return true;
        }
        return c != '\u00A0' && c != '\uFEFF' && !(c >= '\u1680' && c <= '\u3000' && (c == '\u3000' || c == '\u2007'
                || c == '\u202F' || Character.isWhitespace(c)));
    }

    /**
     * Returns the tokens that mean "not given" (besides a blank cell), for documentation and templates.
     *
     * @return the tokens, never null
     */
    public static Set<String> tokens() {
        return TOKENS;
    }
}
