package org.sanhui.generator.sheet;

import java.util.ArrayList;
import java.util.List;
import org.sanhui.generator.world.Outcome;
import org.sanhui.model.problem.ProblemCode;

/**
 * One sheet as a clerk lays it out, independent of the file format: title, filing line, headers (one or two
 * rows), data rows, a 合计 row, notes and a footer.
 */
final class Table {

    /**
     * A column: a flat header, or a sub-header under a group header when headers take two rows.
     *
     * @param group the group header (负责人), or null
     * @param sub the header under the group
     * @param flat the header when headers take one row
     * @param sum whether the 合计 row sums this column
     * @param sequence whether this is the 序号 column
     */
    record Col(String group, String sub, String flat, boolean sum, boolean sequence) {
    }

    /**
     * A data row.
     *
     * @param cells the cell values: String, Integer, LocalDate (a date cell) or null
     * @param outcome what ingestion must do with it
     * @param code the problem, or null
     */
    record DataRow(Object[] cells, Outcome outcome, ProblemCode code) {
    }

    final String sheet;
    final List<Col> cols = new ArrayList<>();
    final List<DataRow> rows = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String title;
    String filingLine;
    String footer;
    boolean twoRow;
    boolean totals;
    int totalOffset;

    Table(String sheet) {
        this.sheet = sheet;
    }

    /**
     * Returns the 合计 row values: "合计" in the first column, the sums of the summed columns (of every detail
     * row as written, whatever its outcome), plus the planted offset on the last summed column.
     */
    Object[] totalRow() {
        Object[] t = new Object[cols.size()];
        t[0] = "合计";
        int lastSum = -1;
        for (int c = 0; c < cols.size(); c++) {
            if (!cols.get(c).sum()) {
                continue;
            }
            long s = 0;
            for (DataRow r : rows) {
                if (r.cells()[c] instanceof Integer i) {
                    s += i;
                }
            }
            t[c] = (int) s;
            lastSum = c;
        }
        if (lastSum >= 0 && totalOffset != 0) {
            t[lastSum] = (Integer) t[lastSum] + totalOffset;
        }
        return t;
    }
}
