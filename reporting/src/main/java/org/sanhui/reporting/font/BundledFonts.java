package org.sanhui.reporting.font;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled Noto Sans SC fonts (Regular and Bold, SIL OFL 1.1), parsed once per process: the FontBox
 * {@link TrueTypeFont} for PDF embedding and the AWT {@link Font} (registered with the local
 * {@link GraphicsEnvironment}) for charts.
 *
 * <p>Thread-safe to obtain; a document must be written by one thread at a time because FontBox reads
 * glyph data lazily (the writers take {@link #lock()}).
 */
public final class BundledFonts {

    private static final String DIR = "/org/sanhui/reporting/fonts/";

    private final TrueTypeFont regularTtf;
    private final TrueTypeFont boldTtf;
    private final Font regularAwt;
    private final Font boldAwt;
    private final CmapLookup cmap;
    private final Object lock = new Object();
    private final java.util.concurrent.ConcurrentHashMap<Integer, Float> widths =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final byte[] glyphs = new byte[Character.MAX_CODE_POINT + 1];
    private final float regularScale;
    private final float boldScale;

    private BundledFonts() {
        byte[] regular = read("NotoSansSC-Regular.ttf");
        byte[] bold = read("NotoSansSC-Bold.ttf");
        try {
            regularTtf = new TTFParser().parse(new RandomAccessReadBuffer(regular));
            boldTtf = new TTFParser().parse(new RandomAccessReadBuffer(bold));
            // Chinese needs no glyph substitution; PDFBox's GSUB pass on every showText was a hot spot
            regularTtf.setEnableGsub(false);
            boldTtf.setEnableGsub(false);
            cmap = regularTtf.getUnicodeCmapLookup();
            regularScale = 1000f / regularTtf.getUnitsPerEm();
            boldScale = 1000f / boldTtf.getUnitsPerEm();
            regularAwt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(regular));
            boldAwt = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bold));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse the bundled Noto Sans SC font", e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("the bundled Noto Sans SC font is not a TrueType font", e);
        }
        GraphicsEnvironment ge = GraphicsEnvironment.getLocalGraphicsEnvironment();
        ge.registerFont(regularAwt);
        ge.registerFont(boldAwt);
    }

    private static byte[] read(String name) {
        try (InputStream in = BundledFonts.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("font resource missing from the jar: " + DIR + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font resource " + DIR + name, e);
        }
    }

    private static final class Holder {
        static final BundledFonts INSTANCE = new BundledFonts();
    }

    /**
     * Returns the process-wide fonts, parsing them on first use.
     *
     * @return the fonts, never null
     */
    public static BundledFonts get() {
        return Holder.INSTANCE;
    }

    /**
     * Returns the AWT font of a weight at a size, for charts.
     *
     * @param bold true for the Bold face
     * @param size the size in points
     * @return the font, never null
     */
    public Font awt(boolean bold, float size) {
        return (bold ? boldAwt : regularAwt).deriveFont(Font.PLAIN, size);
    }

    /**
     * Loads a face into a document as a Type 0 font whose subset is embedded when the document is saved.
     *
     * @param doc the document, null not permitted
     * @param bold true for the Bold face
     * @return the PDF font, never null
     * @throws UncheckedIOException if the font cannot be loaded
     */
    public PDType0Font load(PDDocument doc, boolean bold) {
        try {
            return PDType0Font.load(doc, bold ? boldTtf : regularTtf, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the bundled font into the PDF", e);
        }
    }

    /**
     * Tells whether the fonts have a glyph for a code point (both faces cover the same characters).
     *
     * @param codePoint the character
     * @return true if it can be drawn
     */
    public boolean canDisplay(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            return false;
        }
        // racy but idempotent cache: 0 unknown, 1 has a glyph, 2 has none
        byte known = glyphs[codePoint];
        if (known == 0) {
            synchronized (lock) {
                known = cmap.getGlyphId(codePoint) > 0 ? (byte) 1 : (byte) 2;
            }
            glyphs[codePoint] = known;
        }
        return known == 1;
    }

    /**
     * Returns the advance width of a character in thousandths of the font size (as PDFBox's
     * {@code getStringWidth}), cached for the process.
     *
     * @param bold true for the Bold face
     * @param codePoint the character
     * @return the width, 0 for a character without glyph
     */
    public float advance(boolean bold, int codePoint) {
        int key = bold ? -1 - codePoint : codePoint;
        Float w = widths.get(key);
        if (w == null) {
            synchronized (lock) {
                try {
                    TrueTypeFont ttf = bold ? boldTtf : regularTtf;
                    int gid = (bold ? ttf.getUnicodeCmapLookup() : cmap).getGlyphId(codePoint);
                    w = gid == 0 ? 0f : ttf.getAdvanceWidth(gid) * (bold ? boldScale : regularScale);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read glyph widths of the bundled font", e);
                }
            }
            widths.put(key, w);
        }
        return w;
    }

    /**
     * Returns the lock that serialises use of the shared FontBox fonts.
     *
     * @return the lock, never null
     */
    public Object lock() {
        return lock;
    }
}
