package org.sanhui.model.validation.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.sanhui.model.problem.ProblemCode;
import org.sanhui.model.region.Gazetteer;
import org.sanhui.model.region.NameMatch;
import org.sanhui.model.region.Region;
import org.sanhui.model.region.RegionLevel;
import org.sanhui.model.validation.RowContext;
import org.sanhui.model.value.NotGiven;
import org.sanhui.model.value.Text;

/**
 * Resolves region cells (an organisation's region, an activity's place, an evaluation's county) against
 * the gazetteer, recording UNKNOWN_REGION, AMBIGUOUS_REGION, REGION_OUTSIDE_COUNTY or PLACE_NOT_REGION.
 */
public final class RegionResolver {

    /**
     * A resolved place.
     *
     * @param code the region code, or null when the place names no region
     * @param defaulted true when the place names no region (the organiser's region is to be used)
     */
    public record Place(String code, boolean defaulted) {
    }

    /** The outcome of a look-up before it is reported. */
    private record Lookup(Region region, List<Region> candidates, boolean outside, boolean ambiguous, boolean code) {
        static Lookup found(Region r) {
            return new Lookup(r, List.of(), false, false, false);
        }
    }

    private RegionResolver() {
    }

    /**
     * Resolves an organisation's region: a code or name of the county or a region in it.
     *
     * @param r the row reader
     * @param col the column
     * @return the code, or null when blank or not resolved (a problem is recorded when not resolved)
     */
    public static String region(CellReader r, String col) {
        String cell = r.raw(col);
        if (NotGiven.is(cell)) {
            return null;
        }
        RowContext ctx = r.context();
        Lookup l = lookup(ctx, cell);
        if (l.region == null && !l.outside && !l.ambiguous && !l.code) {
            Lookup named = named(ctx, cell);
            l = named != null ? named : l;
        }
        if (l.region != null) {
            return l.region.code();
        }
        report(r, col, cell, l, "本县（区）" + countyLabel(ctx) + "或其所辖乡镇（街道）的名称或代码");
        return null;
    }

    /**
     * Looks for regions named inside a longer text ("银川市兴庆区掌政镇春林村"): the deepest one inside the
     * county wins; else one outside it (other than the county's own ancestors) makes the text "outside".
     *
     * @return the look-up, or null when the text names no region
     */
    private static Lookup named(RowContext ctx, String cell) {
        Gazetteer g = ctx.gazetteer();
        Region outside = null;
        for (Region reg : g.mentionedIn(province(ctx), cell)) {
            if (g.isWithin(reg.code(), ctx.countyCode())) {
                return Lookup.found(reg);
            }
            if (!g.isWithin(ctx.countyCode(), reg.code()) && outside == null) {
                outside = reg; // not an ancestor of the county (银川市 in 银川市兴庆区… is fine)
            }
        }
        return outside == null ? null : new Lookup(null, List.of(outside), true, false, false);
    }

    /**
     * Resolves an activity place: a region of the county by code, by name, or named inside a longer text.
     *
     * @param r the row reader
     * @param col the column
     * @return the place, never null (a dummy when rejected)
     */
    public static Place place(CellReader r, String col) {
        String cell = r.raw(col);
        RowContext ctx = r.context();
        if (!NotGiven.is(cell)) {
            Lookup l = lookup(ctx, cell);
            if (l.region != null) {
                return new Place(l.region.code(), false);
            }
            if (l.outside || l.ambiguous || l.code) {
                report(r, col, cell, l, "本县（区）" + countyLabel(ctx) + "内的地点");
                return new Place(null, false);
            }
            Lookup named = named(ctx, cell);
            if (named != null && named.region != null) {
                return new Place(named.region.code(), false);
            }
            if (named != null) {
                report(r, col, cell, named, "本县（区）" + countyLabel(ctx) + "内的地点");
                return new Place(null, false);
            }
        }
        String h = r.header(col);
        r.warn(ProblemCode.PLACE_NOT_REGION, col,
                "“" + h + "”未指明本县（区）内的乡镇（街道）或区划代码，按主办单位所在地区计；如需精确统计，请填写乡镇（街道）名称或代码",
                "'" + h + "' (" + col + ") names no region of the county; the organiser's region is used instead;"
                        + " expected a township (乡镇/街道) name or a division code for exact figures");
        return new Place(null, true);
    }

    /**
     * Resolves an evaluation's county: the cell (a county name or code within the sender's region), or
     * the sender itself when it is a county and the cell is blank.
     *
     * @param r the row reader
     * @param col the column
     * @return the county code, or null when not resolved (a problem is recorded)
     */
    public static String county(CellReader r, String col) {
        RowContext ctx = r.context();
        Gazetteer g = ctx.gazetteer();
        String cell = r.raw(col);
        Region sender = g.require(ctx.countyCode());
        if (NotGiven.is(cell)) {
            if (sender.level() == RegionLevel.COUNTY) {
                return sender.code();
            }
            Optional<Region> up = sender.level() == RegionLevel.TOWNSHIP
                    ? g.ancestorAt(sender.code(), RegionLevel.COUNTY) : Optional.empty();
            if (up.isPresent()) {
                return up.get().code();
            }
            String h = r.header(col);
            r.error(ProblemCode.UNKNOWN_COUNTY_ROW, col, cell, "“" + h + "”为空，无法确定该行所属县（区）；应填写县（区）名称或代码",
                    "'" + h + "' (" + col + ") is blank, so the row's county cannot be determined; expected a county"
                            + " name or code");
            return null;
        }
        String n = Text.normalize(cell).replace(" ", "");
        Region found = null;
        List<Region> candidates = List.of();
        boolean outside = false;
        Optional<String> code = Gazetteer.normalizeCode(n);
        if (code.isPresent()) {
            Optional<Region> reg = g.byCode(code.get());
            if (reg.isPresent() && reg.get().level() == RegionLevel.COUNTY) {
                if (g.isWithin(reg.get().code(), sender.code())) {
                    return reg.get().code();
                }
                outside = true;
                candidates = List.of(reg.get());
            }
        } else if (sameName(sender, n) && sender.level() == RegionLevel.COUNTY) {
            return sender.code();
        } else {
            NameMatch m = g.byName(sender.code(), n);
            List<Region> pool = m.found() ? List.of(m.region()) : m.candidates();
            List<Region> counties = pool.stream().filter(x -> x.level() == RegionLevel.COUNTY).toList();
            if (m.found() || m.ambiguous()) {
                if (counties.size() == 1) {
                    found = counties.get(0);
                } else {
                    candidates = counties.isEmpty() ? pool : counties;
                }
            } else {
                candidates = counties;
            }
            if (found == null && sender.level() == RegionLevel.COUNTY) {
                Lookup l = lookup(ctx, cell);
                outside = l.outside;
                if (l.outside) {
                    candidates = l.candidates;
                }
            }
        }
        if (found == null && !outside && code.isEmpty()) {
            // a longer text naming the county, such as 银川市兴庆区
            String wide = sender.level() == RegionLevel.COUNTY ? province(ctx) : sender.code();
            List<Region> named = g.mentionedIn(wide, n).stream().filter(x -> x.level() == RegionLevel.COUNTY).toList();
            if (named.size() == 1) {
                if (g.isWithin(named.get(0).code(), sender.code())) {
                    return named.get(0).code();
                }
                outside = true;
                candidates = named;
            }
        }
        if (found != null) {
            return found.code();
        }
        String h = r.header(col);
        String scope = sender.name() + "（" + sender.code() + "）";
        if (outside) {
            r.error(ProblemCode.REGION_OUTSIDE_COUNTY, col, cell,
                    "“" + cell.strip() + "”" + list(candidates) + "不在报送单位 " + scope + " 范围内；应为其所辖县（区）",
                    "'" + cell.strip() + "' " + list(candidates) + " is outside the sender " + sender.code()
                            + "; expected a county within it");
        } else if (candidates.size() > 1) {
            r.error(ProblemCode.AMBIGUOUS_REGION, col, cell,
                    "“" + h + "”的“" + cell.strip() + "”对应多个县（区）：" + list(candidates) + "；请填写全称或区划代码",
                    "'" + cell.strip() + "' in '" + h + "' matches several counties: " + list(candidates)
                            + "; expected the full name or the division code");
        } else {
            r.error(ProblemCode.UNKNOWN_REGION, col, cell,
                    "“" + cell.strip() + "”不是 " + scope + " 所辖的县（区）；应为县（区）名称或6位区划代码"
                            + (candidates.isEmpty() ? "" : "，相近的有：" + list(candidates)),
                    "'" + cell.strip() + "' is not a county within " + sender.code() + "; expected a county name or"
                            + " 6-digit code" + (candidates.isEmpty() ? "" : ", close ones: " + list(candidates)));
        }
        return null;
    }

    /** Looks a cell up within the county, then within its province to tell "outside" from "unknown". */
    /** Look-ups already made: a sheet names the same few places on every row. Bounded; cleared when full. */
    private static final Map<LookupKey, Lookup> LOOKUPS = new ConcurrentHashMap<>();
    private static final int MAX_LOOKUPS = 20_000;

    /** A look-up's inputs; the gazetteer by identity (it is immutable, and one per process in practice). */
    private record LookupKey(Gazetteer gazetteer, String county, String cell) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LookupKey k && k.gazetteer == gazetteer && k.county.equals(county) && k.cell.equals(cell);
        }

        @Override
        public int hashCode() {
            return county.hashCode() * 31 + cell.hashCode();
        }
    }

    private static Lookup lookup(RowContext ctx, String cell) {
        LookupKey key = new LookupKey(ctx.gazetteer(), ctx.countyCode(), cell);
        Lookup l = LOOKUPS.get(key);
        if (l == null) {
            l = resolve(ctx, cell);
            if (LOOKUPS.size() >= MAX_LOOKUPS) {
                LOOKUPS.clear();
            }
            LOOKUPS.put(key, l);
        }
        return l;
    }

    private static Lookup resolve(RowContext ctx, String cell) {
        Gazetteer g = ctx.gazetteer();
        String county = ctx.countyCode();
        String n = Text.normalize(cell).replace(" ", "");
        if (!n.isEmpty() && asciiDigits(n)) {
            Optional<String> code = Gazetteer.normalizeCode(n);
            Optional<Region> reg = code.flatMap(g::byCode);
            if (reg.isEmpty()) {
                return new Lookup(null, List.of(), false, false, true);
            }
            if (g.isWithin(reg.get().code(), county)) {
                return Lookup.found(reg.get());
            }
            return new Lookup(null, List.of(reg.get()), true, false, true);
        }
        Region self = g.require(county);
        if (sameName(self, n)) {
            return Lookup.found(self);
        }
        NameMatch m = g.byName(county, n);
        if (m.found()) {
            return Lookup.found(m.region());
        }
        if (m.ambiguous()) {
            return new Lookup(null, m.candidates(), false, true, false);
        }
        NameMatch wide = g.byName(province(ctx), n);
        List<Region> hits = wide.found() ? List.of(wide.region()) : wide.ambiguous() ? wide.candidates() : List.of();
        List<Region> notAncestors = hits.stream().filter(x -> !g.isWithin(county, x.code())).toList();
        if (!notAncestors.isEmpty()) {
            return new Lookup(null, notAncestors, true, false, false);
        }
        return new Lookup(null, m.candidates(), false, false, false);
    }

    private static void report(CellReader r, String col, String cell, Lookup l, String expectedZh) {
        RowContext ctx = r.context();
        String h = r.header(col);
        String county = countyLabel(ctx);
        if (l.outside) {
            r.error(ProblemCode.REGION_OUTSIDE_COUNTY, col, cell,
                    "“" + h + "”的“" + cell.strip() + "”指向 " + list(l.candidates) + "，不属于报送县（区）" + county + "；应为"
                            + expectedZh,
                    "'" + cell.strip() + "' in '" + h + "' points to " + list(l.candidates)
                            + ", outside the submitting county " + ctx.countyCode() + "; expected a region within it");
        } else if (l.ambiguous) {
            r.error(ProblemCode.AMBIGUOUS_REGION, col, cell,
                    "“" + h + "”的“" + cell.strip() + "”对应多个地区：" + list(l.candidates) + "；请填写全称或区划代码",
                    "'" + cell.strip() + "' in '" + h + "' matches several regions: " + list(l.candidates)
                            + "; expected the full name or the division code");
        } else {
            r.error(ProblemCode.UNKNOWN_REGION, col, cell,
                    "“" + h + "”的“" + cell.strip() + "”不是已知的地区名称或区划代码；应为" + expectedZh
                            + (l.candidates.isEmpty() ? "" : "，相近的有：" + list(l.candidates)),
                    "'" + cell.strip() + "' in '" + h + "' is not a known region name or division code; expected a"
                            + " region of the county " + ctx.countyCode()
                            + (l.candidates.isEmpty() ? "" : ", close ones: " + list(l.candidates)));
        }
    }

    private static boolean asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The region's full name or one of its short forms (门源 and 门源回族 for 门源回族自治县). */
    private static boolean sameName(Region r, String n) {
        return r.name().equals(n) || Gazetteer.shortForms(r.name()).contains(n);
    }

    private static String province(RowContext ctx) {
        return ctx.gazetteer().ancestorAt(ctx.countyCode(), RegionLevel.PROVINCE).map(Region::code)
                .orElse(Region.NATION.code());
    }

    private static String countyLabel(RowContext ctx) {
        Region c = ctx.gazetteer().require(ctx.countyCode());
        return c.name() + "（" + c.code() + "）";
    }

    private static String list(List<Region> regions) {
        return regions.stream().limit(10).map(x -> x.name() + "（" + x.code() + "）").collect(Collectors.joining("、"));
    }
}
