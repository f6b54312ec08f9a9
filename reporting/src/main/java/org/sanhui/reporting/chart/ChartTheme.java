package org.sanhui.reporting.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.sanhui.reporting.font.BundledFonts;

/**
 * The one chart theme of the briefings: Noto Sans SC fonts derived from the bundled TTF, sizes for an A4
 * page, and a palette whose colours differ in lightness so that a grayscale print still tells the series
 * apart (bars also carry value labels; lines differ in dash and marker shape).
 *
 * <p>Immutable and thread-safe.
 */
public final class ChartTheme {

    /** Series colours, darkest first; relative luminance about 0.12, 0.30, 0.52, 0.72, 0.88. */
    static final Color[] PALETTE = {
        new Color(0x1F, 0x33, 0x64), // dark navy
        new Color(0xB8, 0x3B, 0x2E), // brick red
        new Color(0x4A, 0x9A, 0xC9), // mid blue
        new Color(0xE8, 0xB6, 0x6A), // light ochre
        new Color(0xDA, 0xDD, 0xE2), // pale grey
    };

    /** Text colour. */
    static final Color INK = new Color(0x22, 0x22, 0x22);

    private static final Stroke[] DASHES = {
        new BasicStroke(2.0f),
        new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f),
        new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f),
    };

    private static final Shape[] SHAPES = {
        new Ellipse2D.Double(-3.5, -3.5, 7, 7),
        new Rectangle2D.Double(-3.5, -3.5, 7, 7),
        new java.awt.Polygon(new int[] {-4, 0, 4}, new int[] {3, -4, 3}, 3),
    };

    private final BundledFonts fonts;
    private final StandardChartTheme base;

    /**
     * Creates the theme over the bundled fonts.
     *
     * @param fonts the fonts, null not permitted
     */
    public ChartTheme(BundledFonts fonts) {
        this.fonts = fonts;
        StandardChartTheme t = new StandardChartTheme("sanhui", false);
        t.setExtraLargeFont(fonts.awt(true, 13f));
        t.setLargeFont(fonts.awt(false, 10.5f));
        t.setRegularFont(fonts.awt(false, 9f));
        t.setSmallFont(fonts.awt(false, 8f));
        t.setTitlePaint(INK);
        t.setSubtitlePaint(INK);
        t.setLegendItemPaint(INK);
        t.setAxisLabelPaint(INK);
        t.setTickLabelPaint(INK);
        t.setItemLabelPaint(INK);
        t.setChartBackgroundPaint(Color.WHITE);
        t.setPlotBackgroundPaint(Color.WHITE);
        t.setPlotOutlinePaint(new Color(0xBB, 0xBB, 0xBB));
        t.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        t.setRangeGridlinePaint(new Color(0xD0, 0xD0, 0xD0));
        t.setBarPainter(new StandardBarPainter());
        t.setShadowVisible(false);
        t.setLegendBackgroundPaint(Color.WHITE);
        this.base = t;
    }

    /**
     * Returns the bundled font at a size (for titles drawn outside JFreeChart's own).
     *
     * @param bold true for bold
     * @param size the size in points
     * @return the font, never null
     */
    public Font font(boolean bold, float size) {
        return fonts.awt(bold, size);
    }

    /**
     * Returns the colour of series {@code i}.
     *
     * @param i the series index
     * @return the colour, never null
     */
    public Paint paint(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Styles a chart: fonts, colours, value labels, legend at the bottom, and a source line under it.
     *
     * @param chart the chart, null not permitted
     * @param source the source line, or null
     * @param percentLabels true when the values are percentages (labels with one decimal)
     */
    public void apply(JFreeChart chart, String source, boolean percentLabels) {
        base.apply(chart);
        chart.setAntiAlias(true);
        chart.setPadding(new RectangleInsets(4, 4, 4, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(fonts.awt(true, 12f));
            chart.getTitle().setPaint(INK);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legend.setItemFont(fonts.awt(false, 8.5f));
        }
        if (source != null) {
            TextTitle src = new TextTitle(source, fonts.awt(false, 7.5f));
            src.setPosition(RectangleEdge.BOTTOM);
            src.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.LEFT);
            src.setPaint(new Color(0x55, 0x55, 0x55));
            chart.addSubtitle(src);
        }
        if (chart.getPlot() instanceof CategoryPlot plot) {
            styleCategory(plot, percentLabels);
        }
    }

    private void styleCategory(CategoryPlot plot, boolean percent) {
        plot.setOutlineVisible(false);
        plot.setRangeGridlinesVisible(true);
        plot.setDomainGridlinesVisible(false);
        CategoryAxis x = plot.getDomainAxis();
        x.setTickLabelFont(fonts.awt(false, 8.5f));
        x.setLabelFont(fonts.awt(false, 9f));
        x.setMaximumCategoryLabelLines(2);
        x.setCategoryMargin(0.15);
        x.setLowerMargin(0.02);
        x.setUpperMargin(0.02);
        ValueAxis y = plot.getRangeAxis();
        y.setTickLabelFont(fonts.awt(false, 8f));
        y.setLabelFont(fonts.awt(false, 9f));
        y.setUpperMargin(0.12);
        if (plot.getOrientation() == PlotOrientation.VERTICAL && plot.getDataset() != null
                && plot.getDataset().getColumnCount() > 8) {
            x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        DecimalFormat fmt = new DecimalFormat(percent ? "0.0" : "#,##0.##");
        if (plot.getRenderer() instanceof StackedBarRenderer r) {
            r.setDrawBarOutline(true);
            for (int i = 0; i < 8; i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesOutlinePaint(i, Color.WHITE);
                r.setSeriesOutlineStroke(i, new BasicStroke(0.5f));
                r.setSeriesItemLabelPaint(i, i < 2 ? Color.WHITE : INK);
            }
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(fonts.awt(false, 7f));
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
            r.setItemLabelAnchorOffset(0);
            r.setShadowVisible(false);
            r.setBarPainter(new StandardBarPainter());
            r.setMaximumBarWidth(0.12);
        } else if (plot.getRenderer() instanceof BarRenderer r) {
            r.setDrawBarOutline(true);
            for (int i = 0; i < 8; i++) {
                r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                r.setSeriesOutlinePaint(i, new Color(0x33, 0x33, 0x33));
                r.setSeriesOutlineStroke(i, new BasicStroke(0.4f));
            }
            r.setItemMargin(0.04);
            r.setMaximumBarWidth(0.10);
            r.setShadowVisible(false);
            r.setBarPainter(new StandardBarPainter());
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(fonts.awt(false, 7f));
            r.setDefaultItemLabelPaint(INK);
            boolean horizontal = plot.getOrientation() == PlotOrientation.HORIZONTAL;
            boolean crowded = plot.getDataset() != null && plot.getDataset().getRowCount() >= 3;
            if (horizontal) {
                r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                        TextAnchor.CENTER_LEFT));
            } else if (crowded) {
                // side-by-side bars are narrower than their labels: turn the labels upright
                r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                        TextAnchor.CENTER_LEFT, TextAnchor.CENTER_LEFT, -Math.PI / 2));
                r.setDefaultItemLabelFont(fonts.awt(false, 6.5f));
            } else {
                r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                        TextAnchor.BOTTOM_CENTER));
            }
            r.setItemLabelAnchorOffset(2);
        } else if (plot.getRenderer() instanceof LineAndShapeRenderer r) {
            for (int i = 0; i < 8; i++) {
                r.setSeriesPaint(i, PALETTE[i % 3]);
                r.setSeriesStroke(i, DASHES[i % DASHES.length]);
                r.setSeriesShape(i, SHAPES[i % SHAPES.length]);
                r.setSeriesShapesVisible(i, true);
            }
            r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", fmt));
            r.setDefaultItemLabelsVisible(true);
            r.setDefaultItemLabelFont(fonts.awt(false, 7.5f));
            r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12,
                    TextAnchor.BOTTOM_CENTER));
        }
    }
}
