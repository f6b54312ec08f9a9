package org.sanhui.reporting.chart;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Makes the briefing's charts from plain series (no indicator knowledge here) and styles them with the
 * {@link ChartTheme}.
 *
 * <p>Thread-safe (stateless apart from the theme).
 */
public final class Charts {

    private final ChartTheme theme;

    /**
     * Creates the factory.
     *
     * @param theme the theme, null not permitted
     */
    public Charts(ChartTheme theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    /**
     * A (grouped) bar chart.
     *
     * @param title the chart's title, null not permitted
     * @param valueLabel the value axis label with its unit, e.g. {@code 覆盖率（%）}
     * @param categories the categories in order, null not permitted
     * @param series series name to one value per category (null for none), in legend order
     * @param percent true when values are percentages 0..100 (axis fixed to 0..100)
     * @param horizontal true for horizontal bars (many or long categories)
     * @param source the source line, or null
     * @return the chart, never null
     */
    public JFreeChart bars(String title, String valueLabel, List<String> categories, Map<String, Double[]> series,
            boolean percent, boolean horizontal, String source) {
        DefaultCategoryDataset ds = dataset(categories, series);
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueLabel, ds,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, series.size() > 1, false, false);
        theme.apply(chart, source, percent);
        CategoryPlot plot = chart.getCategoryPlot();
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        if (percent) {
            y.setRange(0, series.size() >= 3 && !horizontal ? 122 : 112);
            y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(20, new UpToHundred()));
        } else {
            y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return chart;
    }

    /**
     * A 100% stacked bar chart (shares of a whole per category).
     *
     * @param title the title, null not permitted
     * @param valueLabel the value axis label
     * @param categories the categories
     * @param series series name to one share (percent 0..100) per category
     * @param source the source line, or null
     * @return the chart, never null
     */
    public JFreeChart stacked(String title, String valueLabel, List<String> categories, Map<String, Double[]> series,
            String source) {
        DefaultCategoryDataset ds = dataset(categories, series);
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, valueLabel, ds,
                categories.size() > 8 ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, false, false);
        theme.apply(chart, source, true);
        NumberAxis y = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        y.setRange(0, 100);
        y.setUpperMargin(0);
        return chart;
    }

    /**
     * A line chart over periods.
     *
     * @param title the title, null not permitted
     * @param valueLabel the value axis label with its unit
     * @param categories the period labels, oldest first
     * @param series series name to one value per period
     * @param source the source line, or null
     * @return the chart, never null
     */
    public JFreeChart line(String title, String valueLabel, List<String> categories, Map<String, Double[]> series,
            String source) {
        DefaultCategoryDataset ds = dataset(categories, series);
        JFreeChart chart = ChartFactory.createLineChart(title, null, valueLabel, ds, PlotOrientation.VERTICAL,
                series.size() > 1, false, false);
        theme.apply(chart, source, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setStandardTickUnits(
                NumberAxis.createIntegerTickUnits());
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        return chart;
    }

    /** Tick labels of a percentage axis: the headroom above 100 (for value labels) is left unlabelled. */
    private static final class UpToHundred extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            return number > 100.0001 ? to : to.append(Math.round(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return number > 100 ? to : to.append(number);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            return null;
        }
    }

    private static DefaultCategoryDataset dataset(List<String> categories, Map<String, Double[]> series) {
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        for (Map.Entry<String, Double[]> e : series.entrySet()) {
            Double[] v = e.getValue();
            if (v.length != categories.size()) {
                throw new IllegalArgumentException("series " + e.getKey() + " has " + v.length + " values for "
                        + categories.size() + " categories");
            }
            for (int i = 0; i < v.length; i++) {
                ds.addValue(v[i], e.getKey(), categories.get(i));
            }
        }
        return ds;
    }
}
