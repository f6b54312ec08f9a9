package org.sanhui.reporting.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.Title;
import org.sanhui.reporting.Lang;
import org.sanhui.reporting.briefing.Block;
import org.sanhui.reporting.briefing.Briefing;
import org.sanhui.reporting.font.BundledFonts;

/**
 * Lays a {@link Briefing} out on A4 pages with PDFBox: the masthead (red name, issue line, issuer and
 * date, red rule), the centred bold title, numbered headings (bookmarked), paragraphs broken the Chinese
 * way, charts drawn as vector graphics through graphics2d with the same embedded font subset as the text,
 * tables that break across pages with their header repeated, page numbers "— n —", the 报/送/发 end
 * matter and the document metadata.
 *
 * <p>One writer per document; not thread-safe.
 */
public final class PdfBriefingWriter {

    static final float PAGE_W = PDRectangle.A4.getWidth();
    static final float PAGE_H = PDRectangle.A4.getHeight();
    static final float MM = 72f / 25.4f;
    static final float LEFT = 25 * MM;
    static final float RIGHT = PAGE_W - 25 * MM;
    static final float TOP = PAGE_H - 28 * MM;
    static final float BOTTOM = 24 * MM;
    static final float WIDTH = RIGHT - LEFT;

    static final Color RED = new Color(0xC8, 0x10, 0x1E);
    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    static final Color GREY = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0x99, 0x99, 0x99);
    static final Color HEAD_BG = new Color(0xE6, 0xE6, 0xE6);

    static final float BODY = 11f;
    static final float BODY_LEAD = BODY * 1.75f;
    static final float TABLE = 8.8f;
    static final float TABLE_LEAD = TABLE * 1.45f;
    static final float PAD = 3f;

    private static final java.util.regex.Pattern NUMERIC = java.util.regex.Pattern.compile("[+\\-]?[0-9][0-9,.]*.*|—");

    private final BundledFonts fonts;
    private PDDocument doc;
    private PDType0Font regular;
    private PDType0Font bold;
    private PdfBoxGraphics2DFontTextDrawer drawer;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;
    private int pageNo;
    private PDDocumentOutline outline;
    private PDOutlineItem lastTop;

    /**
     * Creates a writer over the bundled fonts.
     *
     * @param fonts the fonts, null not permitted
     */
    public PdfBriefingWriter(BundledFonts fonts) {
        this.fonts = Objects.requireNonNull(fonts, "fonts");
    }

    /**
     * Writes the briefing as a PDF.
     *
     * @param briefing the briefing, null not permitted
     * @param author the document author (the issuer), null not permitted
     * @param out where to write; not closed; null not permitted
     * @throws UncheckedIOException if writing fails
     */
    public void write(Briefing briefing, String author, OutputStream out) {
        synchronized (fonts.lock()) {
            try (PDDocument d = new PDDocument()) {
                this.doc = d;
                this.zh = briefing.lang() == Lang.ZH;
                regular = fonts.load(d, false);
                bold = fonts.load(d, true);
                drawer = new PdfBoxGraphics2DFontTextDrawer();
                drawer.registerFont(fonts.awt(false, 10).getFontName(), regular);
                drawer.registerFont(fonts.awt(true, 10).getFontName(), bold);
                outline = new PDDocumentOutline();
                d.getDocumentCatalog().setDocumentOutline(outline);
                d.getDocumentCatalog().setLanguage(briefing.lang() == Lang.ZH ? "zh-CN" : "en");
                metadata(briefing, author);
                pageNo = 0;
                newPage();
                masthead(briefing);
                for (Block b : briefing.blocks()) {
                    block(b);
                }
                endMatter(briefing);
                cs.close();
                drawer.close();
                outline.openNode();
                d.save(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the briefing PDF of " + briefing.regionCode(), e);
            } finally {
                doc = null;
                cs = null;
            }
        }
    }

    private void metadata(Briefing b, String author) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(b.mastTitle() + " " + b.issueLine() + " " + b.title());
        info.setAuthor(author);
        info.setSubject(b.subject());
        info.setKeywords(b.lang() == Lang.ZH ? "基层科协,三长建三会,简报," + b.periodCode() + "," + b.regionName()
                : "grassroots science association,briefing," + b.periodCode());
        info.setCreator("sanhui");
        info.setProducer("sanhui reporting (Apache PDFBox)");
        Calendar now = Calendar.getInstance();
        info.setCreationDate(now);
        info.setModificationDate(now);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        doc.getDocumentCatalog().setViewerPreferences(prefs);
    }

    // ------------------------------------------------------------------ pages

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        pageNo++;
        String num = "— " + pageNo + " —";
        float w = width(num, regular, 10.5f);
        text(num, regular, 10.5f, (PAGE_W - w) / 2, 14 * MM, INK);
        y = TOP;
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    // ------------------------------------------------------------------ text primitives

    private float width(String s, PDType0Font font, float size) {
        boolean b = font == bold;
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += fonts.advance(b, cp);
            i += Character.charCount(cp);
        }
        return w * size / 1000f;
    }

    private void text(String s, PDType0Font font, float size, float x, float baseline, Color color)
            throws IOException {
        if (s.isEmpty()) {
            return;
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, baseline);
        cs.showText(s);
        cs.endText();
    }

    private List<String> wrap(String s, PDType0Font font, float size, float w, float indent) {
        boolean b = font == bold;
        return LineBreaker.wrap(s, w, indent, cp -> fonts.advance(b, cp) * size / 1000f);
    }

    private void rule(float x1, float x2, float atY, float thickness, Color color) throws IOException {
        cs.setStrokingColor(color);
        cs.setLineWidth(thickness);
        cs.moveTo(x1, atY);
        cs.lineTo(x2, atY);
        cs.stroke();
    }

    private void centred(String s, PDType0Font font, float size, Color color, float lead) throws IOException {
        for (String line : wrap(s, font, size, WIDTH, 0)) {
            ensure(lead);
            float w = width(line, font, size);
            y -= lead;
            text(line, font, size, LEFT + (WIDTH - w) / 2, y + (lead - size) / 2, color);
        }
    }

    // ------------------------------------------------------------------ masthead and end matter

    private void masthead(Briefing b) throws IOException {
        float size = b.lang() == Lang.ZH ? 30f : 22f;
        List<String> lines = wrap(b.mastTitle(), bold, size, WIDTH, 0);
        y = PAGE_H - 22 * MM;
        for (String line : lines) {
            float w = width(line, bold, size);
            // a light letter-spacing, as mastheads are set
            float spacing = b.lang() == Lang.ZH && lines.size() == 1 ? Math.min(6f, (WIDTH - w) / Math.max(1,
                    line.length() - 1)) : 0;
            float total = w + spacing * (line.length() - 1);
            y -= size * 1.25f;
            cs.beginText();
            cs.setFont(bold, size);
            cs.setNonStrokingColor(RED);
            cs.setCharacterSpacing(spacing);
            cs.newLineAtOffset(LEFT + (WIDTH - total) / 2, y);
            cs.showText(line);
            cs.setCharacterSpacing(0);
            cs.endText();
        }
        y -= 12;
        float iw = width(b.issueLine(), regular, 12f);
        y -= 14;
        text(b.issueLine(), regular, 12f, LEFT + (WIDTH - iw) / 2, y, INK);
        y -= 26;
        text(b.issuer(), regular, 11.5f, LEFT, y, INK);
        float dw = width(b.dateLine(), regular, 11.5f);
        text(b.dateLine(), regular, 11.5f, RIGHT - dw, y, INK);
        y -= 8;
        rule(LEFT, RIGHT, y, 1.6f, RED);
        y -= 14;
        centred(b.title(), bold, 15f, INK, 15f * 1.6f);
        y -= 6;
        PDOutlineItem top = new PDOutlineItem();
        top.setTitle(b.title());
        top.setDestination(dest(PAGE_H));
        outline.addLast(top);
    }

    private PDPageXYZDestination dest(float atY) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(page);
        d.setTop((int) Math.min(PAGE_H, atY + 20));
        d.setLeft(0);
        return d;
    }

    private void endMatter(Briefing b) throws IOException {
        if (b.distribution().isEmpty() && b.copies() == null) {
            return;
        }
        float lead = 11f * 1.8f;
        float need = b.distribution().size() * lead + 24;
        ensure(need + 10);
        // at the bottom of the last page, as 版记 sits
        y = Math.min(y - 10, BOTTOM + need);
        rule(LEFT, RIGHT, y, 0.7f, INK);
        y -= 4;
        for (int i = 0; i < b.distribution().size(); i++) {
            y -= lead;
            text(b.distribution().get(i), regular, 11f, LEFT + 4, y + 5, INK);
            if (i == b.distribution().size() - 1 && b.copies() != null) {
                float w = width(b.copies(), regular, 11f);
                text(b.copies(), regular, 11f, RIGHT - w - 4, y + 5, INK);
            }
        }
        if (b.distribution().isEmpty() && b.copies() != null) {
            y -= lead;
            float w = width(b.copies(), regular, 11f);
            text(b.copies(), regular, 11f, RIGHT - w - 4, y + 5, INK);
        }
        y -= 4;
        rule(LEFT, RIGHT, y, 0.7f, INK);
    }

    // ------------------------------------------------------------------ blocks

    private void block(Block b) throws IOException {
        if (b instanceof Block.Heading h) {
            heading(h);
        } else if (b instanceof Block.Paragraph p) {
            paragraph(p.text(), regular, BODY, BODY_LEAD, BODY * 2, INK);
        } else if (b instanceof Block.Note n) {
            paragraph(n.text(), regular, 9f, 9f * 1.6f, 0, GREY);
        } else if (b instanceof Block.Figure f) {
            figure(f);
        } else if (b instanceof Block.Table t) {
            table(t);
        }
    }

    private void heading(Block.Heading h) throws IOException {
        float size = h.level() == 1 ? 13.5f : 11.5f;
        float lead = size * 1.7f;
        float before = h.level() == 1 ? 10f : 4f;
        // keep a heading with at least two lines of what follows
        ensure(before + lead + 2 * BODY_LEAD);
        y -= before;
        float top = y;
        float indent = h.level() == 1 ? 0 : BODY * 2;
        for (String line : wrap(h.full(), bold, size, WIDTH - indent, 0)) {
            y -= lead;
            text(line, bold, size, LEFT + indent, y + (lead - size) / 2, INK);
        }
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(h.full());
        item.setDestination(dest(top));
        if (h.level() == 1 || lastTop == null) {
            outline.addLast(item);
            lastTop = item;
        } else {
            lastTop.addLast(item);
        }
    }

    private void paragraph(String s, PDType0Font font, float size, float lead, float indent, Color color)
            throws IOException {
        List<String> lines = wrap(s, font, size, WIDTH, indent);
        for (int i = 0; i < lines.size(); i++) {
            ensure(lead);
            y -= lead;
            text(lines.get(i), font, size, LEFT + (i == 0 ? indent : 0), y + (lead - size) / 2, color);
        }
    }

    private void figure(Block.Figure f) throws IOException {
        float w = WIDTH;
        float h = (float) (WIDTH * f.aspect());
        float captionH = 10.5f * 1.7f + 9f * 1.6f + 6;
        ensure(h + captionH + 6);
        y -= 6;
        drawChart(f.chart(), LEFT, y - h, w, h);
        y -= h;
        y -= 2;
        centred((zh ? "图" + f.number() + "　" : "Figure " + f.number() + ". ") + f.caption(), bold, 10.5f,
                INK, 10.5f * 1.7f);
        if (f.source() != null) {
            centred(f.source(), regular, 8.5f, GREY, 9f * 1.5f);
        }
        y -= 4;
    }

    private boolean zh = true;

    /**
     * Draws a chart as vector graphics: its own title and source line are hidden (the page prints the
     * numbered caption and the source under it), the text goes through the document's embedded font.
     */
    private void drawChart(JFreeChart chart, float x, float yBottom, float w, float h) throws IOException {
        List<Title> hidden = new ArrayList<>();
        if (chart.getTitle() != null && chart.getTitle().isVisible()) {
            chart.getTitle().setVisible(false);
            hidden.add(chart.getTitle());
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            Title t = chart.getSubtitle(i);
            if (t instanceof org.jfree.chart.title.TextTitle && t.isVisible()) {
                t.setVisible(false);
                hidden.add(t);
            }
        }
        try {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, w, h);
            g.setFontTextDrawer(drawer);
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
            g.dispose();
            PDFormXObject form = g.getXFormObject();
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(x, yBottom));
            cs.drawForm(form);
            cs.restoreGraphicsState();
        } finally {
            for (Title t : hidden) {
                t.setVisible(true);
            }
        }
    }

    private void table(Block.Table t) throws IOException {
        float[] cols = new float[t.widths().length];
        double sum = 0;
        for (double d : t.widths()) {
            sum += d;
        }
        for (int i = 0; i < cols.length; i++) {
            cols[i] = (float) (t.widths()[i] / sum * WIDTH);
        }
        String caption = (zh ? "表" + t.number() + "　" : "Table " + t.number() + ". ") + t.caption();
        List<List<String>> header = cellLines(t.headers(), cols, true);
        float headerH = rowHeight(header);
        float firstRowH = t.rows().isEmpty() ? 0 : rowHeight(cellLines(texts(t.rows().get(0)), cols, false));
        ensure(10.5f * 1.8f + headerH + firstRowH + 8);
        y -= 4;
        centred(caption, bold, 10.5f, INK, 10.5f * 1.8f);
        y -= 2;
        drawRow(header, null, cols, headerH, true);
        float sourceH = t.source() == null ? 0 : 9f * 1.5f + 2;
        for (int r = 0; r < t.rows().size(); r++) {
            List<Block.Cell> row = t.rows().get(r);
            List<List<String>> lines = cellLines(texts(row), cols, false);
            float h = rowHeight(lines);
            // the last row keeps the source line with it
            float need = h + (r == t.rows().size() - 1 ? sourceH : 0);
            if (y - need < BOTTOM) {
                rule(LEFT, RIGHT, y, 0.9f, INK);
                newPage();
                drawRow(header, null, cols, headerH, true);
            }
            drawRow(lines, row, cols, h, false);
        }
        rule(LEFT, RIGHT, y, 0.9f, INK);
        if (t.source() != null) {
            y -= 2;
            ensure(9f * 1.5f);
            y -= 9f * 1.5f;
            text(t.source(), regular, 8.5f, LEFT, y + 3, GREY);
        }
        y -= 8;
    }

    private static List<String> texts(List<Block.Cell> row) {
        return row.stream().map(Block.Cell::text).toList();
    }

    private List<List<String>> cellLines(List<String> cells, float[] cols, boolean header) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            out.add(wrap(cells.get(i), header ? bold : regular, TABLE, cols[i] - 2 * PAD, 0));
        }
        return out;
    }

    private static float rowHeight(List<List<String>> lines) {
        int n = 1;
        for (List<String> l : lines) {
            n = Math.max(n, l.size());
        }
        return n * TABLE_LEAD + 2 * PAD;
    }

    private void drawRow(List<List<String>> lines, List<Block.Cell> cells, float[] cols, float h, boolean header)
            throws IOException {
        float top = y;
        float bottom = y - h;
        if (header) {
            cs.setNonStrokingColor(HEAD_BG);
            cs.addRect(LEFT, bottom, WIDTH, h);
            cs.fill();
            rule(LEFT, RIGHT, top, 0.9f, INK);
        }
        float x = LEFT;
        for (int i = 0; i < cols.length; i++) {
            Block.Cell cell = cells == null ? null : cells.get(i);
            boolean strong = cell != null && cell.strong();
            boolean numeric = cell != null && NUMERIC.matcher(cell.text()).matches();
            boolean right = cell != null && i > 0 && numeric;
            // a coded cell (已建/未建, 是/否) is centred
            boolean centre = header || cell != null && i > 0 && cell.number() != null && !numeric;
            PDType0Font font = header || strong ? bold : regular;
            List<String> ls = lines.get(i);
            float ty = top - PAD - TABLE;
            for (String line : ls) {
                float lw = width(line, font, TABLE);
                float tx = centre ? x + (cols[i] - lw) / 2 : right ? x + cols[i] - PAD - lw : x + PAD;
                text(line, font, TABLE, tx, ty, strong ? RED.darker() : INK);
                ty -= TABLE_LEAD;
            }
            x += cols[i];
        }
        // grid: thin verticals and the bottom line
        cs.setStrokingColor(RULE);
        cs.setLineWidth(0.4f);
        x = LEFT;
        for (int i = 0; i < cols.length - 1; i++) {
            x += cols[i];
            cs.moveTo(x, top);
            cs.lineTo(x, bottom);
        }
        cs.stroke();
        rule(LEFT, RIGHT, bottom, header ? 0.7f : 0.3f, header ? INK : RULE);
        y = bottom;
    }
}
