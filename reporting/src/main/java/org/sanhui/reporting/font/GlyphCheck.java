package org.sanhui.reporting.font;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Replaces characters that the bundled font cannot draw with a visible {@code ?} and remembers them,
 * so a document can report every missing glyph once (never a silent box).
 *
 * <p>Not thread-safe; one per document.
 */
public final class GlyphCheck {

    private final BundledFonts fonts;
    private final Set<Integer> missing = new TreeSet<>();

    /**
     * Creates a check over the bundled fonts.
     *
     * @param fonts the fonts, null not permitted
     */
    public GlyphCheck(BundledFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Returns the text with every character the font lacks replaced by {@code ?}.
     *
     * @param text the text, null not permitted
     * @return the drawable text, never null
     */
    public String clean(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (!fonts.canDisplay(cp)) {
                if (sb == null) {
                    sb = new StringBuilder(text.substring(0, i));
                }
                missing.add(cp);
                sb.append('?');
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * Tells the missing characters met so far, if any, to a listener as one warning.
     *
     * @param what what was written (a file name), for the message
     * @param warnings the listener, null not permitted
     */
    public void report(String what, Consumer<String> warnings) {
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder chars = new StringBuilder();
        for (int cp : missing) {
            chars.append(String.format("'%s' (U+%04X) ", new String(Character.toChars(cp)), cp));
        }
        warnings.accept(what + ": the bundled font has no glyph for " + missing.size()
                + " character(s), drawn as '?': " + chars.toString().trim());
    }

    /**
     * Returns the missing code points met so far.
     *
     * @return the code points, never null
     */
    public Set<Integer> missing() {
        return Set.copyOf(missing);
    }
}
