package org.sanhui.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * The regions of a scope as analytics rolls figures up: the counties (the grain of almost every figure)
 * and, for each, the aggregate regions above it within the scope (city, province, and the nation for
 * scope {@code 00}).
 */
final class Regions {

    final Gazetteer gazetteer;
    final String scope;
    final List<String> counties;
    final Map<String, List<String>> aggregatesOf = new HashMap<>();
    final Map<String, RegionLevel> levels = new LinkedHashMap<>();
    final Map<String, List<String>> countiesOf = new LinkedHashMap<>();

    Regions(Gazetteer g, String scope) {
        this.gazetteer = g;
        this.scope = scope;
        Region root = g.require(scope);
        List<String> cs = new ArrayList<>();
        if (root.level() == RegionLevel.COUNTY) {
            cs.add(root.code());
        } else {
            for (Region r : g.within(scope, RegionLevel.COUNTY)) {
                cs.add(r.code());
            }
        }
        cs.sort(null);
        this.counties = List.copyOf(cs);
        TreeSet<String> aggs = new TreeSet<>();
        for (String c : counties) {
            levels.put(c, RegionLevel.COUNTY);
            List<String> up = new ArrayList<>();
            for (Region a : g.ancestors(c)) {
                if (a.level() == RegionLevel.COUNTY || a.level() == RegionLevel.TOWNSHIP) {
                    continue;
                }
                if (!scope.equals("00") && a.level() == RegionLevel.NATION) {
                    continue;
                }
                if (a.code().length() < scope.length() && !scope.equals("00")) {
                    continue;
                }
                up.add(a.code());
                levels.put(a.code(), a.level());
                aggs.add(a.code());
            }
            aggregatesOf.put(c, up);
        }
        for (String a : aggs) {
            countiesOf.put(a, new ArrayList<>());
        }
        for (String c : counties) {
            for (String a : aggregatesOf.get(c)) {
                countiesOf.get(a).add(c);
            }
        }
    }

    /** Returns the county of a code inside it (a 6 or 9 digit code), or null. */
    static String countyOf(String code) {
        return code == null || code.length() < 6 ? null : code.substring(0, 6);
    }

    RegionLevel level(String code) {
        RegionLevel l = levels.get(code);
        return l != null ? l : gazetteer.require(code).level();
    }

    String name(String code) {
        return gazetteer.byCode(code).map(Region::name).orElse(code);
    }

    /** Township codes of a county: all, or only those in the township denominator. */
    List<Region> townships(String county) {
        List<Region> out = new ArrayList<>();
        for (Region r : gazetteer.children(county)) {
            if (r.level() == RegionLevel.TOWNSHIP) {
                out.add(r);
            }
        }
        return out;
    }

    /** The aggregate regions, in code order. */
    Collection<String> aggregates() {
        return countiesOf.keySet();
    }

    /** The city (4 digits) of a county, or null. */
    String cityOf(String county) {
        return gazetteer.ancestorAt(county, RegionLevel.CITY).map(Region::code).orElse(null);
    }

    String provinceOf(String county) {
        return county.substring(0, 2);
    }
}
