package org.sanhui.ingestion.pipeline;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.sanhui.model.schema.ColumnType;
import org.sanhui.model.value.Dates;

/**
 * A workbook cell's raw value as the clerk saw it in Excel, for the feedback workbook and the problems: a
 * number cell arrives as the number's text ({@code 4.0}, {@code -5.0}, {@code 1.0E7}) and a date cell as its
 * serial ({@code 45139.0}). Whole numbers are shown without a fraction, and a serial in a date column as the
 * date ({@code 2023-08-01}). CSV cells are shown as written and do not come here.
 */
final class ShownValue {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");
    private static final int MINUTES_A_DAY = 24 * 60;

    private ShownValue() {
    }

    /**
     * Returns a workbook cell's value as shown.
     *
     * @param raw the raw cell text, may be null
     * @param type the type of the column it stands in, or null when it maps to none
     * @param date1904 whether the workbook counts dates from 1904
     * @return the value as shown, null for null
     */
    static String of(String raw, ColumnType type, boolean date1904) {
        if (raw == null || raw.isEmpty()) {
            return raw;
        }
        char c0 = raw.charAt(0);
        if (c0 != '-' && (c0 < '0' || c0 > '9') || !NUMBER.matcher(raw).matches()) {
            return raw;
        }
        double d;
        try {
            d = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        boolean whole = d == Math.rint(d) && Math.abs(d) < 1e15;
        // a whole number from 1900 to 2100 in a date column is a year (core-model reads it so), not a serial
        if (type == ColumnType.DATE && !(whole && d >= Dates.MIN_YEAR && d <= Dates.MAX_YEAR)) {
            try {
                LocalDate day = Dates.fromExcelSerial(d, date1904);
                long minutes = Math.round((d - Math.floor(d)) * MINUTES_A_DAY);
                return minutes == 0 || minutes == MINUTES_A_DAY ? day.toString()
                        : String.format("%s %02d:%02d", day, minutes / 60, minutes % 60);
            } catch (IllegalArgumentException e) {
                // not a date serial (serial 60, beyond 9999-12-31): shown as the number it is
            }
        }
        return whole ? Long.toString((long) d) : raw;
    }
}
