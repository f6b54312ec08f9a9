package org.sanhui.model.indicator;

import java.util.Objects;
import org.sanhui.model.region.RegionLevel;

/**
 * One row of the long indicator table (DOMAIN.md section 6), the one output shape of analytics.
 *
 * @param period {@code 2024Q4}, {@code 2024-07}, or {@code 2024} for yearly indicators; null not permitted
 * @param indicator the id and one suffix, e.g. {@code C1.full}, {@code A1.median}; null not permitted
 * @param regionCode {@code 00}, 2, 4, 6 or 9 digits; null not permitted
 * @param regionLevel the region's level; null not permitted
 * @param breakdown sorted {@code key=value;key=value} with English enum names, empty if none; never null
 * @param numerator the count behind a rate, or null
 * @param denominator the count behind a rate, or null
 * @param value the figure (a rate in 0..1, a count, a mean, a p-value), rounded to 9 decimals, or null
 *     when it cannot be computed (an empty denominator)
 */
public record IndicatorRow(String period, String indicator, String regionCode, RegionLevel regionLevel,
        String breakdown, Long numerator, Long denominator, Double value) {

    /**
     * Checks the required parts and rounds the value to 9 decimals.
     *
     * @param period {@code 2024Q4}, {@code 2024-07}, or {@code 2024} for yearly indicators; null not permitted
     * @param indicator the id and one suffix, e.g. {@code C1.full}, {@code A1.median}; null not permitted
     * @param regionCode {@code 00}, 2, 4, 6 or 9 digits; null not permitted
     * @param regionLevel the region's level; null not permitted
     * @param breakdown sorted {@code key=value;key=value} with English enum names, empty if none; never null
     * @param numerator the count behind a rate, or null
     * @param denominator the count behind a rate, or null
     * @param value the figure (a rate in 0..1, a count, a mean, a p-value), rounded to 9 decimals, or null
     *     when it cannot be computed (an empty denominator)
     * @throws NullPointerException if a required part is null
     */
    public IndicatorRow {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(regionLevel, "regionLevel");
        breakdown = breakdown == null ? "" : breakdown;
        value = value == null || value.isNaN() ? null : round9(value);
    }

    /**
     * Rounds to 9 decimals, half up, as every writer of the table must.
     *
     * @param v the value
     * @return the rounded value
     */
    public static double round9(double v) {
        if (Double.isInfinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(Double.toString(v)).setScale(9, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
