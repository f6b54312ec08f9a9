package org.sanhui.model.region;

import java.util.Objects;

/**
 * One row of the gazetteer.
 *
 * @param code the division code: {@code 00} for the nation, 2, 4, 6 or 9 digits, null not permitted
 * @param name the official name, null not permitted
 * @param level the level, null not permitted
 * @param parentCode the parent's code, or null for the nation
 */
public record Region(String code, String name, RegionLevel level, String parentCode) {

    /** The whole country. */
    public static final Region NATION = new Region("00", "全国", RegionLevel.NATION, null);

    /**
     * Checks the parts.
     *
     * @param code the division code: {@code 00} for the nation, 2, 4, 6 or 9 digits, null not permitted
     * @param name the official name, null not permitted
     * @param level the level, null not permitted
     * @param parentCode the parent's code, or null for the nation
     * @throws IllegalArgumentException if the code's length does not fit the level
     */
    public Region {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        if (code.length() != level.digits()) {
            throw new IllegalArgumentException("code " + code + " does not have the " + level.digits()
                    + " digits of level " + level);
        }
    }

    /**
     * Tells whether this township is a street (街道): code digits 7-9 in 001-099.
     *
     * @return true for a street
     */
    public boolean isStreet() {
        return level == RegionLevel.TOWNSHIP && suffixUnchecked() < 100;
    }

    /**
     * Tells whether this township counts in the township denominator: a 乡, 镇 or 街道, code digits
     * 7-9 below 400 ("类似乡级单位", development zones and farms, are 400 and up).
     *
     * @return true for a township in the denominator
     */
    public boolean isTownshipProper() {
        return level == RegionLevel.TOWNSHIP && suffixUnchecked() < 400;
    }

    /**
     * Tells whether this township counts in a township denominator whose suffix limit is configured
     * ({@link org.sanhui.model.rules.Rules#townshipSuffixLimit()}).
     *
     * @param suffixLimit township codes whose last three digits are below it count, 1..1000
     * @return true for a township whose code suffix is below the limit
     */
    public boolean isTownshipProper(int suffixLimit) {
        return level == RegionLevel.TOWNSHIP && suffix() < suffixLimit;
    }

    /**
     * Returns the last three digits of a township code as a number (000-999).
     *
     * @return the suffix
     * @throws IllegalStateException if this is not a township
     */
    public int suffix() {
        if (level != RegionLevel.TOWNSHIP) {
            throw new IllegalStateException(code + " is not a township, it has no township suffix");
        }
        return Integer.parseInt(code.substring(6));
    }

    private int suffixUnchecked() {
        return Integer.parseInt(code.substring(6));
    }
}
