package org.sanhui.ingestion.layout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sanhui.model.schema.Column;
import org.sanhui.model.schema.DatasetSchema;

/**
 * How one sheet is laid out: which dataset it holds, where its header rows are, which column holds
 * which dataset column, and what was written above the header.
 *
 * @param dataset the dataset the sheet holds, null not permitted
 * @param firstHeaderRow the 1-based row of the (upper) header row
 * @param lastHeaderRow the 1-based row of the last header row (equal for a one-row header)
 * @param columns the dataset column of each 0-based sheet column that maps to one, never null
 * @param headers the header as written (joined "group/sub" for two-row headers) of each mapped or unknown column, never null
 * @param unknown the 0-based columns with a header that maps to nothing (and is not 序号/备注), never null
 * @param missingRequired the required input columns no header maps to, never null
 * @param titleLines the texts of the rows above the header (title, 填报单位/填报日期 line), never null
 */
public record SheetLayout(DatasetSchema dataset, int firstHeaderRow, int lastHeaderRow, Map<Integer, Column> columns,
        Map<Integer, String> headers, List<Integer> unknown, List<Column> missingRequired, List<String> titleLines) {

    /** Copies. */
    public SheetLayout {
        Objects.requireNonNull(dataset, "dataset");
        columns = Map.copyOf(columns);
        headers = Map.copyOf(headers);
        unknown = List.copyOf(unknown);
        missingRequired = List.copyOf(missingRequired);
        titleLines = List.copyOf(titleLines);
    }

    /**
     * Returns the header as written over a column.
     *
     * @param col the 0-based column
     * @return the header, or null
     */
    public String header(int col) {
        return headers.get(col);
    }

    /**
     * Returns the sheet column of a dataset column.
     *
     * @param name the dataset column name, null not permitted
     * @return the 0-based column, or -1 if the sheet does not have it
     */
    public int indexOf(String name) {
        for (Map.Entry<Integer, Column> e : columns.entrySet()) {
            if (e.getValue().name().equals(name)) {
                return e.getKey();
            }
        }
        return -1;
    }
}
