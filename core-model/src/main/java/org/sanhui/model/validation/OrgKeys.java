package org.sanhui.model.validation;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.sanhui.model.value.NotGiven;
import org.sanhui.model.value.Text;

/**
 * The organisation key rule: county code + "/" + 组织编号 when given, else county code + "/" + the
 * name normalised with {@link Text#normalizeAll(String)} and its spaces removed.
 */
public final class OrgKeys {

    /** Keys made from a 组织编号, by the 组织编号 as written: a sheet names its few organisations again and again. */
    private static final Map<String, String> BY_ID = new ConcurrentHashMap<>();
    private static final int MAX_BY_ID = 4096;

    private OrgKeys() {
    }

    /**
     * Returns the key of an organisation.
     *
     * @param countyCode the county (6 digits), null not permitted
     * @param orgId the 组织编号 as written, may be null or blank ("not given" tokens count as blank)
     * @param name the organisation's name as written, may be null when orgId is given
     * @return the key, never null
     * @throws IllegalArgumentException if neither an id nor a name is given
     */
    public static String of(String countyCode, String orgId, String name) {
        Objects.requireNonNull(countyCode, "countyCode");
        if (!NotGiven.is(orgId)) {
            String made = BY_ID.get(orgId);
            // made is county + "/" + id, and a county code holds no "/": its prefix tells the county
            if (made != null && made.startsWith(countyCode) && made.length() > countyCode.length()
                    && made.charAt(countyCode.length()) == '/') {
                return made;
            }
            made = countyCode + "/" + normalise(orgId);
            if (BY_ID.size() < MAX_BY_ID) {
                BY_ID.put(orgId, made);
            }
            return made;
        }
        String n = normalise(name);
        if (n.isEmpty()) {
            throw new IllegalArgumentException("an organisation key needs a 组织编号 or a name, got neither");
        }
        return countyCode + "/" + n;
    }

    /**
     * Returns a name or id as it appears in keys: {@link Text#normalizeAll(String)} with spaces removed.
     *
     * @param s the text, may be null
     * @return the normalised text, empty for null, never null
     */
    public static String normalise(String s) {
        return Text.normalizeAll(s).replace(" ", "");
    }
}
