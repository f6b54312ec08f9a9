package org.sanhui.model.rules;

/** How an annual norm is scaled to a period of the year (DOMAIN.md section 4, norms). */
public enum ProRata {
    /** ceil(annual x months elapsed / 12): ceil(5 x q / 4) by quarter q, ceil(5 x m / 12) by month m. */
    CEIL,
    /** The full annual norm at every period. */
    NONE
}
