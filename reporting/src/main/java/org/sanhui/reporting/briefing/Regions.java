package org.sanhui.reporting.briefing;

import java.util.List;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * Region names as a briefing prints them: the gazetteer's pseudo-cities (市辖区 of the municipalities,
 * 省直辖县级行政区划) are named after their province, and the "whole of" word (全区, 全省, 全市, 全国)
 * follows the region's name.
 *
 * <p>Immutable and thread-safe.
 */
public final class Regions {

    private static final String DISTRICTS = "市辖区";
    private static final String DIRECT = "省直辖县级行政区划";

    private final Gazetteer gazetteer;

    /**
     * Creates the namer.
     *
     * @param gazetteer the gazetteer, null not permitted
     */
    public Regions(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * Returns the gazetteer.
     *
     * @return the gazetteer, never null
     */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /**
     * Returns a region's printed name.
     *
     * @param code the region code, null not permitted
     * @return the name; the code itself when the gazetteer does not know it
     */
    public String name(String code) {
        Region r = gazetteer.byCode(code).orElse(null);
        if (r == null) {
            return code;
        }
        if (r.level() == RegionLevel.CITY && (DISTRICTS.equals(r.name()) || DIRECT.equals(r.name()))) {
            String province = gazetteer.require(r.parentCode()).name();
            return DISTRICTS.equals(r.name()) ? province : province + "直辖县级行政区划";
        }
        return r.name();
    }

    /**
     * Returns a county's name preceded by its city's (固原市西吉县), for province-wide sentences; a county
     * of a pseudo-city is named alone.
     *
     * @param code the county code, null not permitted
     * @return the name, never null
     */
    public String qualified(String code) {
        Region r = gazetteer.byCode(code).orElse(null);
        if (r == null || r.level() != RegionLevel.COUNTY) {
            return name(code);
        }
        Region city = gazetteer.require(r.parentCode());
        if (DISTRICTS.equals(city.name()) || DIRECT.equals(city.name())) {
            return r.name();
        }
        return city.name() + r.name();
    }

    /**
     * Returns the level of a code.
     *
     * @param code the code, null not permitted
     * @return the level, never null
     * @throws IllegalArgumentException if the code is unknown
     */
    public RegionLevel level(String code) {
        return gazetteer.require(code).level();
    }

    /**
     * Returns the regions one level below.
     *
     * @param code the parent code, null not permitted
     * @return the children in code order, never null
     */
    public List<Region> children(String code) {
        return gazetteer.children(code);
    }

    /**
     * Returns the "whole of" word for a region: 全国, 全区 (autonomous regions), 全省, 全市.
     *
     * @param code the region code, null not permitted
     * @return the word, never null
     */
    public String whole(String code) {
        Region r = gazetteer.require(code);
        return switch (r.level()) {
            case NATION -> "全国";
            case PROVINCE -> r.name().endsWith("自治区") ? "全区" : r.name().endsWith("省") ? "全省" : "全市";
            case CITY -> name(code).endsWith("州") ? "全州" : name(code).endsWith("盟") ? "全盟" : "全市";
            default -> "全县（区）";
        };
    }

    /**
     * Returns the noun for a region's children: 省（区、市）, 市, 县（区）.
     *
     * @param code the region code, null not permitted
     * @return the noun, never null
     */
    public String childNoun(String code) {
        return switch (gazetteer.require(code).level()) {
            case NATION -> "省（区、市）";
            case PROVINCE -> "市";
            case CITY -> "县（区）";
            default -> "乡镇（街道）";
        };
    }
}
