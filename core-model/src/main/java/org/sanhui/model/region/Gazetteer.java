package org.sanhui.model.region;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.sanhui.model.value.Text;

/**
 * The national statistical division codes (2023 edition): 31 provinces, 342 cities, 2,978 counties
 * and 41,352 townships, bundled as a resource, with the whole country as region {@code 00}.
 *
 * <p>Immutable and thread-safe; {@link #national()} loads it once per class loader.
 */
public final class Gazetteer {

    // The suffixes a short form leaves off. Every one that a name ends in is taken off, the longer first
    // (自治县 as well as 县, 林区 as well as 区), then again from what is left. A compound suffix is listed by
    // its parts, so that every tail of a stack is a short form of its own: 民族乡 is 民族 + 乡 (东固畲族少数民族乡
    // is also 东固畲族少数民族, 东固畲族 and 东固), 街道办事处 is 街道 + 办事处 (保康街道办事处 is also 保康街道 and 保康).
    private static final List<String> ADMINISTRATIVE = List.of("办事处", "街道", "自治县", "自治旗", "特区", "林区",
            "新区", "区", "县", "市", "旗", "镇", "乡", "苏木", "少数民族", "民族");

    // The 55 minority peoples. "<people>族" is a suffix (于家务回族乡, 门源回族自治县, 友谊达斡尔族满族柯尔克孜族乡);
    // before 民族 the people is named without 族 (音河达斡尔鄂温克民族乡), so the bare names are suffixes there only.
    private static final List<String> PEOPLES = List.of("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
            "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡",
            "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
            "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲",
            "门巴", "珞巴", "基诺");

    /** Suffixes by their last character, longest first; the peoples with 族 (回族, 蒙古族, ...). */
    private static final SuffixTable SUFFIXES = new SuffixTable(ADMINISTRATIVE,
            PEOPLES.stream().map(p -> p + "族").toList());

    /** Bare people names (two characters or more: one would cut too much), taken off after 民族 only. */
    private static final SuffixTable BARE_PEOPLES = new SuffixTable(
            PEOPLES.stream().filter(p -> p.length() >= 2).toList(), List.of());

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;
    private final Map<String, NameIndex> nameIndexes = new ConcurrentHashMap<>();

    private Gazetteer(Map<String, Region> byCode) {
        this.byCode = byCode;
        Map<String, List<Region>> kids = new HashMap<>();
        for (Region r : byCode.values()) {
            if (r.parentCode() != null) {
                kids.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = kids;
    }

    /** The bundled one: loaded once, by the first caller of {@link #national()} or by {@link #preloadNational()}. */
    private static final FutureTask<Gazetteer> NATIONAL = new FutureTask<>(Gazetteer::load);

    /**
     * Returns the bundled national gazetteer, loaded on first use (a caller that comes while another
     * thread loads it waits for that load).
     *
     * @return the gazetteer, never null
     * @throws UncheckedIOException if the bundled resource cannot be read
     */
    public static Gazetteer national() {
        NATIONAL.run(); // does nothing when it is loaded or being loaded
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return NATIONAL.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException("cannot load the bundled gazetteer", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Starts loading the national gazetteer on a daemon thread and returns at once, so that a caller
     * with other work to do first (opening a workbook, say) finds it loaded; {@link #national()} waits
     * for that load. Does nothing once it is loaded.
     */
    public static void preloadNational() {
        if (NATIONAL.isDone()) {
            return;
        }
        Thread t = new Thread(NATIONAL, "sanhui-gazetteer");
        t.setDaemon(true);
        t.start();
    }

    /** Loads a fresh copy from the bundled resource; {@link #national()} keeps one. Package-private for tests. */
    static Gazetteer load() {
        Map<String, Region> map = new LinkedHashMap<>(64_000);
        map.put(Region.NATION.code(), Region.NATION);
        read("provinces.csv", f -> new Region(f[0], f[1], RegionLevel.PROVINCE, "00"), map);
        read("cities.csv", f -> new Region(f[0], f[1], RegionLevel.CITY, f[2]), map);
        read("areas.csv", f -> new Region(f[0], f[1], RegionLevel.COUNTY, f[2]), map);
        read("streets.csv", f -> new Region(f[0], f[1], RegionLevel.TOWNSHIP, f[2]), map);
        return new Gazetteer(Collections.unmodifiableMap(map));
    }

    private interface RowMapper {
        Region map(String[] fields);
    }

    private static void read(String resource, RowMapper mapper, Map<String, Region> into) {
        try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("gazetteer resource missing from the jar: " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                Region region = mapper.map(split(line));
                into.put(region.code(), region);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gazetteer resource " + resource, e);
        }
    }

    // The files quote names and never put a comma or quote inside one; a hand-rolled split is several
    // times faster than String.split on a cold JVM, and loading time is part of the contract.
    private static String[] split(String line) {
        String[] f = new String[5];
        int n = 0;
        int start = 0;
        while (n < f.length) {
            int comma = line.indexOf(',', start);
            int end = comma < 0 ? line.length() : comma;
            int a = start;
            int b = end;
            if (b - a >= 2 && line.charAt(a) == '"' && line.charAt(b - 1) == '"') {
                a++;
                b--;
            }
            f[n++] = line.substring(a, b);
            if (comma < 0) {
                break;
            }
            start = comma + 1;
        }
        return f;
    }

    /**
     * Normalises a code as written: trims, folds full-width digits, cuts a 12-digit village-level code
     * to its 9-digit township.
     *
     * @param code the code, may be null
     * @return the normalised code, or empty if it is not 2, 4, 6, 9 or 12 digits
     */
    public static Optional<String> normalizeCode(String code) {
        String c = Text.normalize(code);
        if (c.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                return Optional.empty();
            }
        }
        return switch (c.length()) {
            case 2, 4, 6, 9 -> Optional.of(c);
            case 12 -> Optional.of(c.substring(0, 9));
            default -> Optional.empty();
        };
    }

    /**
     * Finds a region by code; 12-digit village-level codes resolve to their township.
     *
     * @param code the code, may be null
     * @return the region, or empty
     */
    public Optional<Region> byCode(String code) {
        return normalizeCode(code).map(byCode::get);
    }

    /**
     * Returns the region of that code.
     *
     * @param code the code, null not permitted
     * @return the region, never null
     * @throws IllegalArgumentException if the code is unknown
     */
    public Region require(String code) {
        Objects.requireNonNull(code, "code");
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown region code: '" + code
                + "', expected a code of the 2023 national division codes (2, 4, 6, 9 or 12 digits)"));
    }

    /**
     * Returns the direct children of a region, in code order.
     *
     * @param code the parent's code, null not permitted
     * @return the children, never null, empty for a township or unknown code
     */
    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    /**
     * Returns the ancestors of a region, nearest first, ending with the nation.
     *
     * @param code the code, null not permitted
     * @return the ancestors, never null
     * @throws IllegalArgumentException if the code is unknown
     */
    public List<Region> ancestors(String code) {
        List<Region> out = new ArrayList<>();
        Region r = require(code);
        while (r.parentCode() != null) {
            r = byCode.get(r.parentCode());
            out.add(r);
        }
        return out;
    }

    /**
     * Returns the ancestor of a region at a level (or the region itself when it is at that level).
     *
     * @param code the code, null not permitted
     * @param level the level, null not permitted
     * @return the ancestor, or empty if the region is above that level
     */
    public Optional<Region> ancestorAt(String code, RegionLevel level) {
        Region r = require(code);
        while (r != null && r.level() != level) {
            r = r.parentCode() == null ? null : byCode.get(r.parentCode());
        }
        return Optional.ofNullable(r);
    }

    /**
     * Tells whether a region lies within another (or is it).
     *
     * @param code the region's code, null not permitted
     * @param scope the would-be ancestor's code, null not permitted
     * @return true if code equals scope or scope is among its ancestors
     */
    public boolean isWithin(String code, String scope) {
        Optional<Region> r = byCode(code);
        if (r.isEmpty()) {
            return false;
        }
        if (scope.equals(Region.NATION.code()) || r.get().code().equals(scope)) {
            return true;
        }
        return r.get().code().startsWith(scope) && byCode.containsKey(scope);
    }

    /**
     * Returns every region of a level within a scope, in code order.
     *
     * @param scope the scope's code ({@code 00} for the country), null not permitted
     * @param level the level, null not permitted
     * @return the regions, never null
     * @throws IllegalArgumentException if the scope is unknown
     */
    public List<Region> within(String scope, RegionLevel level) {
        Region root = require(scope);
        List<Region> out = new ArrayList<>();
        collect(root, level, out);
        return out;
    }

    private void collect(Region r, RegionLevel level, List<Region> out) {
        if (r.level() == level) {
            out.add(r);
            return;
        }
        for (Region c : children(r.code())) {
            collect(c, level, out);
        }
    }

    /**
     * Looks a region up by name (or code) among the descendants of a parent. An exact name wins; else a
     * short form, the name minus any tail of its suffixes (see {@link #shortForms}: 兴庆 finds 兴庆区, 西三旗
     * and 西三 find 西三旗街道); else a short form of the name as written (兴庆县 finds 兴庆区). Several hits are
     * ambiguous and are returned as the candidates, never guessed between, except that a region listed with
     * a part of itself is taken alone; no hit lists up to ten names that share the first character. A code is
     * accepted too: one within the parent is found, one outside it is returned as the only candidate.
     *
     * <p>The names under each parent are indexed on first use, so repeated look-ups cost a hash look-up.
     *
     * @param parentCode the code of the region to search under, null not permitted
     * @param name the name or code as written, may be null
     * @return the match, never null
     * @throws IllegalArgumentException if the parent code is unknown
     */
    public NameMatch byName(String parentCode, String name) {
        Objects.requireNonNull(parentCode, "parentCode");
        String n = Text.normalize(name).replace(" ", "");
        if (n.isEmpty()) {
            require(parentCode);
            return NameMatch.unknown(List.of());
        }
        Optional<Region> coded = byCode(n);
        if (coded.isPresent()) {
            return isWithin(coded.get().code(), parentCode) ? new NameMatch(coded.get(), List.of())
                    : NameMatch.unknown(List.of(coded.get()));
        }
        NameIndex index = nameIndex(parentCode);
        NameMatch m = pick(index.exact.get(n));
        if (m == null) {
            m = pick(index.forms.get(n));
        }
        // a suffix changed rather than left off (兴庆县 for 兴庆区, 于家务乡 for 于家务回族乡): the written name's
        // own short forms, longest first, against the full names and their short forms
        for (String form : m == null ? shortForms(n) : List.<String>of()) {
            List<Region> full = index.exact.getOrDefault(form, List.of());
            List<Region> shorter = index.forms.getOrDefault(form, List.of());
            List<Region> both = new ArrayList<>(full);
            shorter.stream().filter(r -> !full.contains(r)).forEach(both::add);
            m = pick(both);
            if (m != null) {
                break;
            }
        }
        return m != null ? m : NameMatch.unknown(index.byFirstChar.getOrDefault(n.charAt(0), List.of()));
    }

    /**
     * One region, or several (ambiguous), or null for none. A region listed with a part of itself is taken
     * alone: under 上海市, 嘉定 is 嘉定区 rather than also its 嘉定镇街道.
     */
    private NameMatch pick(List<Region> regions) {
        if (regions == null || regions.isEmpty()) {
            return null;
        }
        List<Region> kept = regions;
        if (regions.size() > 1) {
            kept = regions.stream().filter(r -> regions.stream().noneMatch(a -> a != r && isWithin(r.code(), a.code())))
                    .toList();
        }
        return kept.size() == 1 ? new NameMatch(kept.get(0), List.of()) : new NameMatch(null, kept, true);
    }

    /**
     * Finds the regions under a scope whose full official name (three characters or more, such as
     * 掌政镇 or 兴庆区) is written somewhere inside a free text such as an activity place
     * ("掌政镇春林村村委会"). Shorter names are left out: two characters match too much ordinary text.
     *
     * @param scopeCode the code of the region to search under (its descendants only), null not permitted
     * @param text the free text, may be null
     * @return the regions named, deepest level first then by position in the text, never null
     * @throws IllegalArgumentException if the scope code is unknown
     */
    public List<Region> mentionedIn(String scopeCode, String text) {
        Objects.requireNonNull(scopeCode, "scopeCode");
        NameIndex index = nameIndex(scopeCode);
        String t = Text.normalize(text).replace(" ", "");
        List<Region> out = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < t.length(); i++) {
            for (int len = Math.min(index.longest, t.length() - i); len >= 3; len--) {
                List<Region> hit = index.exact.get(t.substring(i, i + len));
                if (hit != null) {
                    for (Region r : hit) {
                        if (!out.contains(r)) {
                            out.add(r);
                            at.add(i);
                        }
                    }
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int byLevel = Integer.compare(out.get(b).level().digits(), out.get(a).level().digits());
            return byLevel != 0 ? byLevel : Integer.compare(at.get(a), at.get(b));
        });
        List<Region> sorted = new ArrayList<>();
        for (int i : order) {
            sorted.add(out.get(i));
        }
        return List.copyOf(sorted);
    }

    /** The names of every descendant of one parent, indexed for {@link #byName} and {@link #mentionedIn}. */
    private static final class NameIndex {
        final Map<String, List<Region>> exact = new HashMap<>();
        final Map<String, List<Region>> forms = new HashMap<>();
        final Map<Character, List<Region>> byFirstChar = new HashMap<>();
        int longest;
    }

    private NameIndex nameIndex(String parentCode) {
        NameIndex cached = nameIndexes.get(parentCode);
        if (cached != null) {
            return cached;
        }
        Region root = require(parentCode);
        NameIndex index = new NameIndex();
        List<Region> pool = new ArrayList<>();
        descendants(root, pool);
        for (Region r : pool) {
            index.exact.computeIfAbsent(r.name(), k -> new ArrayList<>(1)).add(r);
            for (String form : shortForms(r.name())) {
                index.forms.computeIfAbsent(form, k -> new ArrayList<>(1)).add(r);
            }
            List<Region> first = index.byFirstChar.computeIfAbsent(r.name().charAt(0), k -> new ArrayList<>());
            if (first.size() < 10) {
                first.add(r);
            }
            index.longest = Math.max(index.longest, r.name().length());
        }
        index.exact.replaceAll((k, v) -> List.copyOf(v));
        index.forms.replaceAll((k, v) -> List.copyOf(v));
        index.byFirstChar.replaceAll((k, v) -> List.copyOf(v));
        NameIndex raced = nameIndexes.putIfAbsent(parentCode, index);
        return raced != null ? raced : index;
    }

    private void descendants(Region r, List<Region> out) {
        for (Region c : children(r.code())) {
            out.add(c);
            descendants(c, out);
        }
    }

    /**
     * Returns the short forms of an official name: the name minus each tail of suffixes it ends in, the
     * administrative ones (街道, 办事处, 镇, 乡, 苏木, 区, 县, 市, 旗, 自治县, 新区, ...), 民族 and the minority
     * peoples' names (回族, 蒙古族, ...), as long as two characters or more are left. So 西三旗街道 gives 西三旗 and
     * 西三, 大安镇镇 gives 大安镇 and 大安, 于家务回族乡 gives 于家务回族 and 于家务, 万柏林区 gives 万柏林 and 万柏
     * (a 林区 or a 区), and 掌政 gives none. Some forms are what nobody writes (门源回族自治 from 门源回族自治县);
     * they are harmless, since a look-up only meets them when they are written.
     *
     * @param name an official name, null not permitted
     * @return the short forms, longest first (then the longer suffix taken off first), never null, empty when the
     *     name ends in no suffix; the name itself is not among them
     */
    public static List<String> shortForms(String name) {
        Objects.requireNonNull(name, "name");
        // breadth first over what is left; arrays rather than collections, since every name of a scope passes
        // here when its index is built (44,704 for the whole country)
        String[] forms = null;
        boolean[] afterMinzu = null;
        int n = 0;
        String cur = name;
        boolean after = false;
        for (int next = 0; ; next++) {
            for (int pass = 0; pass < (after ? 2 : 1); pass++) {
                String[] candidates = (pass == 0 ? SUFFIXES : BARE_PEOPLES).endingIn(cur);
                for (int i = 0; candidates != null && i < candidates.length; i++) {
                    String s = candidates[i];
                    if (cur.length() >= s.length() + 2 && cur.endsWith(s)) {
                        String rest = cur.substring(0, cur.length() - s.length());
                        if (forms == null) {
                            forms = new String[4];
                            afterMinzu = new boolean[4];
                        }
                        if (indexOf(forms, n, rest) < 0) {
                            if (n == forms.length) {
                                forms = Arrays.copyOf(forms, n * 2);
                                afterMinzu = Arrays.copyOf(afterMinzu, n * 2);
                            }
                            forms[n] = rest;
                            afterMinzu[n] = pass == 1 || s.equals("民族") || s.equals("少数民族");
                            n++;
                        }
                    }
                }
            }
            if (next >= n) {
                break;
            }
            cur = forms[next];
            after = afterMinzu[next];
        }
        if (n <= 1) {
            return n == 0 ? List.of() : List.of(forms[0]);
        }
        String[] out = Arrays.copyOf(forms, n);
        Arrays.sort(out, (x, y) -> Integer.compare(y.length(), x.length())); // stable: ties keep their order
        return List.of(out);
    }

    private static int indexOf(String[] a, int n, String s) {
        for (int i = 0; i < n; i++) {
            if (a[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    /** Suffixes by their last character, for a look-up without boxing the character. */
    private static final class SuffixTable {
        private final char[] lastChars;
        private final String[][] suffixes;

        SuffixTable(List<String> a, List<String> b) {
            Map<Character, List<String>> m = new java.util.TreeMap<>();
            for (List<String> list : List.of(a, b)) {
                for (String s : list) {
                    m.computeIfAbsent(s.charAt(s.length() - 1), k -> new ArrayList<>()).add(s);
                }
            }
            lastChars = new char[m.size()];
            suffixes = new String[m.size()][];
            int i = 0;
            for (Map.Entry<Character, List<String>> e : m.entrySet()) {
                lastChars[i] = e.getKey();
                suffixes[i++] = e.getValue().stream().sorted((x, y) -> Integer.compare(y.length(), x.length()))
                        .toArray(String[]::new);
            }
        }

        /** The suffixes ending in the text's last character, longest first, or null. */
        String[] endingIn(String text) {
            if (text.length() < 3) {
                return null;
            }
            int i = Arrays.binarySearch(lastChars, text.charAt(text.length() - 1));
            return i < 0 ? null : suffixes[i];
        }
    }

    /**
     * Returns the number of regions, the nation included.
     *
     * @return the size
     */
    public int size() {
        return byCode.size();
    }
}
