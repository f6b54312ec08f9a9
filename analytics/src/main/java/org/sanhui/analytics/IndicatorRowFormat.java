package org.sanhui.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Short number text for list reasons. */
final class IndicatorRowFormat {

    private IndicatorRowFormat() {
    }

    static String num(double v) {
        return new BigDecimal(Double.toString(v)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
