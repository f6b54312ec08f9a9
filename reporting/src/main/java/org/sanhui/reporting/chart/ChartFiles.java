package org.sanhui.reporting.chart;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as PNG (raster, for documents and the web) and SVG (JFreeSVG, text kept as text), each
 * through a temporary file renamed into place. Both go through {@code chart.draw(Graphics2D, Rectangle2D)},
 * the same code path as the PDF.
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Writes {@code base.png} and {@code base.svg}.
     *
     * @param chart the chart, null not permitted
     * @param dir the folder (created if absent), null not permitted
     * @param base the file name without extension, null not permitted
     * @param width the width in points (pixels at scale 1)
     * @param height the height in points
     * @param scale the PNG's pixels per point (2 for a crisp image)
     * @return the two files written, PNG first
     * @throws UncheckedIOException if writing fails
     */
    public static Path[] write(JFreeChart chart, Path dir, String base, int width, int height, double scale) {
        try {
            Files.createDirectories(dir);
            Path png = dir.resolve(base + ".png");
            Path svg = dir.resolve(base + ".svg");
            BufferedImage img = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
                    BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
            g.dispose();
            Path tmp = dir.resolve("." + base + "." + System.nanoTime() + ".png.tmp");
            try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                PngEncoder.write(img, out);
            }
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            SVGGraphics2D sg = new SVGGraphics2D(width, height);
            // a fixed prefix (default: System.nanoTime()) keeps the SVG reproducible
            sg.setDefsKeyPrefix("sanhui-" + base.replaceAll("[^A-Za-z0-9-]", ""));
            // two decimals are plenty at this size, halve the file and keep long digit runs out of the text
            sg.setGeomDoubleConverter(d -> Double.toString(Math.round(d * 100) / 100.0));
            sg.setTransformDoubleConverter(d -> Double.toString(Math.round(d * 10000) / 10000.0));
            chart.draw(sg, new Rectangle2D.Double(0, 0, width, height));
            Path tmp2 = dir.resolve("." + base + "." + System.nanoTime() + ".svg.tmp");
            Files.writeString(tmp2, sg.getSVGDocument(), StandardCharsets.UTF_8);
            Files.move(tmp2, svg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Path[] {png, svg};
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart files " + dir.resolve(base), e);
        }
    }
}
