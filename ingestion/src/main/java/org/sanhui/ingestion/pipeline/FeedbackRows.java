package org.sanhui.ingestion.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rejected rows of one sheet as the clerk wrote them (names masked, phone numbers left out), with
 * the headers of their bad cells, for the feedback workbook.
 *
 * @param sheet the sheet name, never null
 * @param headers the headers as written, by 0-based column, never null
 * @param rows the rows, never null
 */
public record FeedbackRows(String sheet, List<String> headers, List<Row> rows) {

    /** How many rejected rows a sheet's feedback shows at most. */
    public static final int MAX_ROWS = 5000;

    /**
     * One rejected row.
     *
     * @param row the 1-based row
     * @param cells the cells as written (masked), by 0-based column, never null
     * @param badHeaders the headers of the cells at fault, never null
     */
    public record Row(int row, List<String> cells, Set<String> badHeaders) {
    }

    static FeedbackRows of(String sheet, List<String> headers) {
        return new FeedbackRows(sheet, headers, new ArrayList<>());
    }
}
