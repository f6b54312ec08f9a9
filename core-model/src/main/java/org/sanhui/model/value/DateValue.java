package org.sanhui.model.value;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date read from a cell, with the precision the cell gave.
 *
 * @param date the date (the month's last day for MONTH, 31 December for YEAR), null not permitted
 * @param precision how much the cell gave, null not permitted
 */
public record DateValue(LocalDate date, DatePrecision precision) {

    /**
     * Checks the parts.
     *
     * @param date the date (the month's last day for MONTH, 31 December for YEAR), null not permitted
     * @param precision how much the cell gave, null not permitted
     * @throws NullPointerException if a part is null
     */
    public DateValue {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(precision, "precision");
    }
}
