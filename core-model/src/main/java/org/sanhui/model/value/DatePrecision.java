package org.sanhui.model.value;

/** How much of a date a cell gave. */
public enum DatePrecision {
    /** A full date. */
    DAY,
    /** A month only ("2023年11月"): stored as that month's last day, so "established by" stays conservative. */
    MONTH,
    /** A year only: a warning; the row is left out of dated figures. */
    YEAR
}
