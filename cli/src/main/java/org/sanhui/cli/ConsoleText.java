package org.sanhui.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes text from the files safe to print on a terminal or in a log: file names, sheet names, cell
 * values and the messages that quote them come from whoever made the file. A newline in a sheet name
 * would print a fake summary line, an escape sequence would drive the terminal, a bidi override would
 * show a name backwards. Every such character is written as a visible escape instead: {@code \n},
 * {@code \r}, {@code \t}, or {@code \}{@code uXXXX}.
 *
 * <p>Escaped: the C0 controls (U+0000-U+001F), DEL and the C1 controls (U+007F-U+009F), the line and
 * paragraph separators (U+2028, U+2029) and the bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
 * U+2066-U+2069). Everything else, Chinese included, is printed as it is.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    /**
     * Escapes a text for printing.
     *
     * @param s the text, may be null
     * @return the text with every control character escaped ("null" for null), never null
     */
    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        int n = s.length();
        int i = 0;
        while (i < n && !unsafe(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else {
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b.toString();
    }

    /**
     * Escapes an object's string form.
     *
     * @param o the object, may be null
     * @return the escaped text, never null
     */
    static String escape(Object o) {
        return escape(o == null ? null : o.toString());
    }

    static boolean unsafe(char c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == 0x061C || c == 0x200E || c == 0x200F
                || c >= 0x2028 && c <= 0x202E || c >= 0x2066 && c <= 0x2069;
    }

    /**
     * Returns a throwable's stack trace as lines, each escaped: what {@link Throwable#printStackTrace()}
     * prints (causes and suppressed exceptions included), but a message's own line breaks stay inside its
     * line.
     *
     * @param t the throwable, null not permitted
     * @return the lines, never null
     */
    static List<String> stackTrace(Throwable t) {
        List<String> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        trace(t, "", "", out, seen);
        return out;
    }

    private static void trace(Throwable t, String caption, String indent, List<String> out, Set<Throwable> seen) {
        if (!seen.add(t)) {
            out.add(indent + caption + "[CIRCULAR REFERENCE: " + escape(t.toString()) + "]");
            return;
        }
        out.add(indent + caption + escape(t.toString()));
        for (StackTraceElement e : t.getStackTrace()) {
            out.add(indent + "\tat " + escape(e.toString()));
        }
        for (Throwable s : t.getSuppressed()) {
            trace(s, "Suppressed: ", indent + "\t", out, seen);
        }
        if (t.getCause() != null) {
            trace(t.getCause(), "Caused by: ", indent, out, seen);
        }
    }
}
