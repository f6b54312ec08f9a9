package org.sanhui.reporting.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/**
 * Breaks Chinese (and mixed) text into lines of a given width, as PDFBox does not. Chinese characters may
 * break anywhere; runs of Latin letters and digits stay whole; closing punctuation
 * (，。、；：！？）》」』”’ and their ASCII forms) never starts a line (it hangs past the margin instead,
 * 行尾悬挂), and opening punctuation（《「『“‘ never ends one.
 *
 * <p>Stateless and thread-safe.
 */
public final class LineBreaker {

    private static final String CLOSING = "，。、；：！？）》」』”’〕】,.;:!?)%…·";
    private static final String OPENING = "（《「『“‘〔【(";

    private LineBreaker() {
    }

    /**
     * Tells whether a character may not start a line.
     *
     * @param c the character
     * @return true for closing punctuation
     */
    public static boolean isClosing(int c) {
        return CLOSING.indexOf(c) >= 0;
    }

    /**
     * Breaks text into lines.
     *
     * @param text the text; {@code \n} forces a break; null not permitted
     * @param width the available width of every line
     * @param firstIndent extra indent of the first line (reduces its width)
     * @param advance the width of a character at the size used
     * @return the lines, never null, at least one
     */
    public static List<String> wrap(String text, double width, double firstIndent, IntToDoubleFunction advance) {
        List<String> out = new ArrayList<>();
        String[] paras = text.split("\n", -1);
        boolean first = true;
        for (String para : paras) {
            wrapOne(para, width, first ? firstIndent : 0, advance, out);
            first = false;
        }
        return out;
    }

    private static void wrapOne(String text, double width, double indent, IntToDoubleFunction advance,
            List<String> out) {
        List<String> tokens = tokens(text);
        StringBuilder line = new StringBuilder();
        double used = 0;
        double avail = width - indent;
        int hung = 0;
        for (String tok : tokens) {
            double w = 0;
            for (int i = 0; i < tok.length(); ) {
                int cp = tok.codePointAt(i);
                w += advance.applyAsDouble(cp);
                i += Character.charCount(cp);
            }
            boolean closing = tok.length() == 1 && isClosing(tok.charAt(0));
            if (used + w <= avail + 0.01 || line.isEmpty()) {
                line.append(tok);
                used += w;
                hung = 0;
                continue;
            }
            if (closing && hung < 2) {
                // hang closing punctuation in the margin rather than start the next line with it
                line.append(tok);
                used += w;
                hung++;
                continue;
            }
            if (tok.isBlank()) {
                // a space at the break is dropped
                flush(line, out);
                used = 0;
                avail = width;
                hung = 0;
                continue;
            }
            // opening punctuation never ends a line: carry it over
            StringBuilder carry = new StringBuilder();
            while (line.length() > 1 && OPENING.indexOf(line.charAt(line.length() - 1)) >= 0) {
                carry.insert(0, line.charAt(line.length() - 1));
                line.setLength(line.length() - 1);
            }
            if (tok.length() > 1 && w > width) {
                // a Latin run longer than a line: break it by characters
                flush(line, out);
                line.append(carry);
                used = measure(carry, advance);
                avail = width;
                for (int i = 0; i < tok.length(); ) {
                    int cp = tok.codePointAt(i);
                    double cw = advance.applyAsDouble(cp);
                    if (used + cw > avail && line.length() > 0) {
                        flush(line, out);
                        used = 0;
                    }
                    line.appendCodePoint(cp);
                    used += cw;
                    i += Character.charCount(cp);
                }
                hung = 0;
                continue;
            }
            flush(line, out);
            line.append(carry).append(tok);
            used = measure(carry, advance) + w;
            avail = width;
            hung = 0;
        }
        out.add(line.toString().stripTrailing());
    }

    private static double measure(CharSequence s, IntToDoubleFunction advance) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += advance.applyAsDouble(s.charAt(i));
        }
        return w;
    }

    private static void flush(StringBuilder line, List<String> out) {
        out.add(line.toString().stripTrailing());
        line.setLength(0);
    }

    /** Splits into break opportunities: one token per CJK character, runs of Latin letters/digits whole. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (isWordChar(cp)) {
                int j = i + n;
                while (j < text.length() && isWordChar(text.codePointAt(j))) {
                    j += Character.charCount(text.codePointAt(j));
                }
                out.add(text.substring(i, j));
                i = j;
            } else {
                out.add(text.substring(i, i + n));
                i += n;
            }
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x2000 && (Character.isLetterOrDigit(cp) || cp == '.' || cp == '%' || cp == '+' || cp == '-'
                || cp == ',' || cp == '/' || cp == '_' || cp == '\'')
                || cp == '—';
    }
}
