package org.sanhui.ingestion.pipeline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sanhui.model.period.Period;
import org.sanhui.model.problem.Location;
import org.sanhui.model.problem.Problem;
import org.sanhui.model.schema.DatasetSchema;

/**
 * Validates and normalises one detail row of a sheet (the single-row rules of DOMAIN.md section 4,
 * which core-model implements); the rules that span rows live in {@link SheetProcessor}.
 */
public interface RowCheck {

    /**
     * What the row's context is.
     *
     * @param county the county the row belongs to (6 digits), null not permitted
     * @param period the submission's period, or null for evaluations
     * @param filingDate the filing date, or null when unknown
     * @param date1904 whether the workbook counts dates from 1904
     */
    record Context(String county, Period period, LocalDate filingDate, boolean date1904) {
    }

    /**
     * The outcome: the stored values (null when the row is rejected) and the problems found.
     *
     * @param values the values keyed by stored column name (provenance excluded), or null if rejected
     * @param problems the problems, masked, never null
     */
    record Checked(Map<String, Object> values, List<Problem> problems) {
        /** Copies. */
        public Checked {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Checks one row.
     *
     * @param dataset the dataset, null not permitted
     * @param location the row's location, null not permitted
     * @param raw the raw cell texts keyed by column name (phone left out), null not permitted
     * @param context the context, null not permitted
     * @return the outcome, never null
     */
    Checked check(DatasetSchema dataset, Location location, Map<String, String> raw, Context context);
}
