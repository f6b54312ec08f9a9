package org.sanhui.analytics;

import org.sanhui.model.indicator.IndicatorRow;

/** Test shorthand for the table's rounding. */
final class IndicatorRowRound {

    private IndicatorRowRound() {
    }

    static double r9(double v) {
        return IndicatorRow.round9(v);
    }
}
