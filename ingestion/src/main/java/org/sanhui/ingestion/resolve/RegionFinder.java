package org.sanhui.ingestion.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;

/**
 * Finds the province, city or county a free text names: a title ("银川市兴庆区基层科协组织建设情况统计表"),
 * a 填报单位 line, a file name ("640104_2024Q3.xlsx" or "兴庆区2024年第三季度.xlsx"). Full official names
 * only; a county name that several provinces share counts only when its city or province is named too.
 * Thread-safe once built.
 */
public final class RegionFinder {

    private static final Pattern CODE = Pattern.compile("(?<![0-9])(\\d{6}|\\d{4})(?![0-9])");

    private final Gazetteer gazetteer;
    private final List<Region> named;

    /**
     * Indexes the provinces, cities and counties of a gazetteer.
     *
     * @param gazetteer the gazetteer, null not permitted
     */
    public RegionFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        List<Region> all = new ArrayList<>();
        all.addAll(gazetteer.within("00", RegionLevel.PROVINCE));
        all.addAll(gazetteer.within("00", RegionLevel.CITY));
        all.addAll(gazetteer.within("00", RegionLevel.COUNTY));
        all.removeIf(r -> r.name().length() < 2 || r.name().equals("市辖区") || r.name().endsWith("直辖县级行政区划"));
        all.sort(Comparator.comparingInt((Region r) -> -r.name().length()));
        this.named = List.copyOf(all);
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
     * Finds the most precise region a text names: a county when one is named unambiguously (its city
     * or province named too settles a shared name), else a city, else a province.
     *
     * @param text the text, may be null
     * @return the region, or empty
     */
    public Optional<Region> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<Region> hits = new ArrayList<>();
        String rest = text;
        for (Region r : named) {
            if (rest.contains(r.name())) {
                hits.add(r);
                rest = rest.replace(r.name(), "\u0000");
            }
        }
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        List<Region> counties = hits.stream().filter(r -> r.level() == RegionLevel.COUNTY).toList();
        List<Region> upper = hits.stream().filter(r -> r.level() != RegionLevel.COUNTY).toList();
        if (!counties.isEmpty()) {
            List<Region> fitting = counties.stream()
                    .filter(c -> upper.isEmpty() || upper.stream().anyMatch(u -> gazetteer.isWithin(c.code(), u.code())))
                    .toList();
            List<Region> distinct = fitting.stream().filter(c -> sameNameCount(c) == 1 || !upper.isEmpty()).toList();
            if (distinct.size() == 1) {
                return Optional.of(distinct.get(0));
            }
        }
        Optional<Region> city = upper.stream().filter(r -> r.level() == RegionLevel.CITY).findFirst();
        if (city.isPresent()) {
            return city;
        }
        return upper.stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst();
    }

    /**
     * Finds a county or city code written in a text (a file name such as "640104_2024Q3.xlsx").
     *
     * @param text the text, may be null
     * @return the region of the first 6- or 4-digit code that is a known county or city, or empty
     */
    public Optional<Region> findCode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            Optional<Region> r = gazetteer.byCode(m.group(1));
            if (r.isPresent() && (r.get().level() == RegionLevel.COUNTY || r.get().level() == RegionLevel.CITY)) {
                return r;
            }
        }
        return Optional.empty();
    }

    private int sameNameCount(Region c) {
        int n = 0;
        for (Region r : named) {
            if (r.level() == RegionLevel.COUNTY && r.name().equals(c.name())) {
                n++;
            }
        }
        return n;
    }
}
