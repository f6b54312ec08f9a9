package org.sanhui.model.validation;

import java.time.LocalDate;
import java.util.Objects;
import org.sanhui.model.period.Period;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.rules.Rules;

/**
 * What a row is validated against: the submitting county, the period, the filing date, the rules, the
 * gazetteer and the workbook's date system.
 *
 * @param countyCode the submitting county (6 digits); for evaluations, the code of whoever sent them (any
 *        level), null not permitted
 * @param period the submission's period; may be null only for evaluations (a yearly dataset whose year is in
 *        the row); {@link RowValidator#activity(RawRow, RowContext)} needs it
 * @param filingDate the 填报日期, or null when unknown
 * @param rules the rules, null not permitted
 * @param gazetteer the gazetteer, null not permitted
 * @param date1904 whether the workbook uses Excel's 1904 date system
 */
public record RowContext(String countyCode, Period period, LocalDate filingDate, Rules rules, Gazetteer gazetteer,
        boolean date1904) {

    /**
     * Checks the parts.
     *
     * @param countyCode the submitting county (6 digits); for evaluations, the code of whoever sent them (any
     *     level), null not permitted
     * @param period the submission's period; may be null only for evaluations (a yearly dataset whose year is in
 *        the row); {@link RowValidator#activity(RawRow, RowContext)} needs it
     * @param filingDate the 填报日期, or null when unknown
     * @param rules the rules, null not permitted
     * @param gazetteer the gazetteer, null not permitted
     * @param date1904 whether the workbook uses Excel's 1904 date system
     * @throws NullPointerException if countyCode, rules or gazetteer is null
     * @throws IllegalArgumentException if the county code is not in the gazetteer
     */
    public RowContext {
        Objects.requireNonNull(countyCode, "countyCode");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(gazetteer, "gazetteer");
        gazetteer.require(countyCode);
    }

    /**
     * Returns a context with the default rules, the national gazetteer and the 1900 date system.
     *
     * @param countyCode the submitting county, null not permitted
     * @param period the period, null not permitted
     * @param filingDate the filing date, may be null
     * @return the context, never null
     */
    public static RowContext of(String countyCode, Period period, LocalDate filingDate) {
        return new RowContext(countyCode, period, filingDate, Rules.DEFAULTS, Gazetteer.national(), false);
    }

    /**
     * Tells whether the context's code is a county.
     *
     * @return true when {@link #countyCode()} is at county level
     */
    public boolean isCounty() {
        return gazetteer.require(countyCode).level() == RegionLevel.COUNTY;
    }
}
