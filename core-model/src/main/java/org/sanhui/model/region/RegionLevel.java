package org.sanhui.model.region;

/** The level of a region in the gazetteer. */
public enum RegionLevel {
    /** The whole country, code {@code 00}. */
    NATION("全国", 2),
    /** Province, autonomous region or municipality (2 digits). */
    PROVINCE("省级", 2),
    /** Prefecture-level city (4 digits). */
    CITY("市级", 4),
    /** County-level division (6 digits). */
    COUNTY("县级", 6),
    /** Township or street (9 digits). */
    TOWNSHIP("乡级", 9);

    private final String label;
    private final int digits;

    RegionLevel(String label, int digits) {
        this.label = label;
        this.digits = digits;
    }

    /**
     * Returns the Chinese label.
     *
     * @return the label, never null
     */
    public String label() {
        return label;
    }

    /**
     * Returns the number of digits of a code at this level.
     *
     * @return 2, 4, 6 or 9
     */
    public int digits() {
        return digits;
    }
}
