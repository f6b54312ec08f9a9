package org.sanhui.reporting.briefing;

import java.util.List;
import java.util.Objects;
import org.jfree.chart.JFreeChart;

/**
 * One block of a briefing's body, in reading order. The layout (PDF) and the workbook read these; the
 * builder that makes them knows nothing of either.
 */
public sealed interface Block {

    /**
     * A numbered heading.
     *
     * @param level 1 (一、) to 4 (（1）)
     * @param number the numbering as printed, e.g. {@code 一、}
     * @param text the heading's text without the numbering
     */
    record Heading(int level, String number, String text) implements Block {
        /** Checks the level. */
        public Heading {
            if (level < 1 || level > 4) {
                throw new IllegalArgumentException("heading level must be 1..4, got " + level);
            }
        }

        /**
         * Returns the heading as printed.
         *
         * @return number and text
         */
        public String full() {
            return number + text;
        }
    }

    /**
     * A paragraph of running text, first line indented two characters.
     *
     * @param text the text, null not permitted
     */
    record Paragraph(String text) implements Block {
        /** Checks the text. */
        public Paragraph {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A small note (注：...) without indent.
     *
     * @param text the text, null not permitted
     */
    record Note(String text) implements Block {
        /** Checks the text. */
        public Note {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * A numbered chart.
     *
     * @param number 图N
     * @param slug the file name part, e.g. {@code coverage-by-city}
     * @param caption the caption without the number
     * @param chart the chart, null not permitted
     * @param aspect height / width
     * @param source the source line
     */
    record Figure(int number, String slug, String caption, JFreeChart chart, double aspect, String source)
            implements Block {
        /** Checks the chart. */
        public Figure {
            Objects.requireNonNull(chart, "chart");
        }
    }

    /**
     * A numbered table that may break across pages (the header row repeats).
     *
     * @param number 表N
     * @param caption the caption without the number
     * @param headers the column headers
     * @param widths relative column widths, one per header
     * @param rows the rows, each as long as the headers
     * @param source the source line, or null
     */
    record Table(int number, String caption, List<String> headers, double[] widths, List<List<Cell>> rows,
            String source) implements Block {
        /** Copies the lists and checks the shape. */
        public Table {
            headers = List.copyOf(headers);
            rows = List.copyOf(rows);
            if (widths.length != headers.size()) {
                throw new IllegalArgumentException("table " + caption + ": " + widths.length + " widths for "
                        + headers.size() + " columns");
            }
            for (List<Cell> r : rows) {
                if (r.size() != headers.size()) {
                    throw new IllegalArgumentException("table " + caption + ": row of " + r.size() + " cells for "
                            + headers.size() + " columns");
                }
            }
        }
    }

    /**
     * A table cell: its text as printed and, for the workbook, its number.
     *
     * @param text the text, null not permitted
     * @param number the number behind it (a rate 0..1 for percentages), or null for text
     * @param percent true when the number is a rate shown as a percentage
     * @param strong true to emphasise (a lagging value)
     */
    record Cell(String text, Double number, boolean percent, boolean strong) {
        /**
         * A text cell.
         *
         * @param text the text
         * @return the cell
         */
        public static Cell text(String text) {
            return new Cell(text, null, false, false);
        }
    }
}
