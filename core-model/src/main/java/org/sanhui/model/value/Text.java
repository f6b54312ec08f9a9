package org.sanhui.model.value;

/**
 * Text normalisation that every reader shares: full-width forms to half-width, the ideographic
 * space and non-breaking spaces to a plain space, runs of white space folded, ends trimmed.
 *
 * <p>Full-width brackets in Chinese names (（）) are kept as written by {@link #normalize(String)}
 * because the gazetteer and the vocabulary use them; {@link #normalizeAll(String)} folds them too.
 */
public final class Text {

    private Text() {
    }

    /**
     * Folds full-width ASCII forms (digits, letters, punctuation other than brackets) to half-width,
     * folds every white-space run to one space and trims.
     *
     * @param s the text, may be null
     * @return the normalised text, empty for null, never null
     */
    public static String normalize(String s) {
        return fold(s, false);
    }

    /**
     * Like {@link #normalize(String)} but also folds full-width brackets, for keys and comparisons.
     *
     * @param s the text, may be null
     * @return the normalised text, empty for null, never null
     */
    public static String normalizeAll(String s) {
        return fold(s, true);
    }

    private static String fold(String s, boolean brackets) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (alreadyFolded(s, brackets)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u3000' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF'
                    || Character.isWhitespace(c)) {
                space = c != '\uFEFF' || space;
                continue;
            }
            if (c >= '\uFF01' && c <= '\uFF5E') {
                boolean bracket = c == '（' || c == '）';
                if (!bracket || brackets) {
                    c = (char) (c - 0xFEE0);
                }
            }
            if (space && b.length() > 0) {
                b.append(' ');
            }
            space = false;
            b.append(c);
        }
        return b.toString();
    }

    /**
     * Whether {@link #fold(String, boolean)} would return the text unchanged: no white space other than
     * single interior plain spaces, no foldable full-width form. Conservative: any doubt answers false.
     */
    private static boolean alreadyFolded(String s, boolean brackets) {
        int n = s.length();
        char prev = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || prev == ' ') {
                    return false;
                }
            } else if (c < ' ') {
                return false;
            } else if (c >= '\u0080') {
                // above U+007F, Character.isWhitespace holds only between U+1680 and U+3000: most CJK text skips the call
                if (c == '\u00A0' || c == '\uFEFF' || c >= '\u1680' && c <= '\u3000' && (c == '\u3000' || c == '\u2007'
                        || c == '\u202F' || Character.isWhitespace(c))) {
                    return false;
                }
                if (c >= '\uFF01' && c <= '\uFF5E' && (brackets || (c != '（' && c != '）'))) {
                    return false;
                }
            }
            prev = c;
        }
        return true;
    }
}
