package org.sanhui.ingestion.pipeline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.sanhui.model.value.NotGiven;
import org.sanhui.model.value.Text;

/**
 * The organisations known for a county: keys, and the key of each 组织编号 and normalised name, with their region.
 * A 组织编号 written as "not given" (无, -, 暂无 ...) is no id, as in core-model's {@code OrgKeys}. Not thread-safe.
 */
public final class OrgIndex {

    private final Set<String> keys = new HashSet<>();
    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> region = new HashMap<>();

    /**
     * Adds an organisation.
     *
     * @param key its key, null not permitted
     * @param id its 组织编号, may be null ("not given" tokens count as none)
     * @param name its name, may be null
     * @param regionCode its region, may be null
     */
    public void add(String key, String id, String name, String regionCode) {
        keys.add(key);
        if (!NotGiven.is(id)) {
            byId.put(norm(id), key);
        }
        if (name != null && !name.isBlank()) {
            byName.put(norm(name), key);
        }
        if (regionCode != null) {
            region.put(key, regionCode);
        }
    }

    /**
     * Adds every organisation of another index.
     *
     * @param other the index, null not permitted
     */
    public void addAll(OrgIndex other) {
        keys.addAll(other.keys);
        byId.putAll(other.byId);
        byName.putAll(other.byName);
        region.putAll(other.region);
    }

    /**
     * Finds the key of the organisation a row points to, by 组织编号 first, then by name.
     *
     * @param id the 组织编号 as written, may be null ("not given" tokens count as none)
     * @param name the name as written, may be null
     * @return the key, or null if unknown
     */
    public String resolve(String id, String name) {
        if (!NotGiven.is(id)) {
            String k = byId.get(norm(id));
            if (k != null) {
                return k;
            }
        }
        if (name != null && !name.isBlank()) {
            return byName.get(norm(name));
        }
        return null;
    }

    /**
     * Tells whether a key is known.
     *
     * @param key the key, may be null
     * @return true if known
     */
    public boolean contains(String key) {
        return keys.contains(key);
    }

    /**
     * Returns an organisation's region.
     *
     * @param key the key, null not permitted
     * @return the region code, or null
     */
    public String region(String key) {
        return region.get(key);
    }

    static String norm(String s) {
        return Text.normalizeAll(s).replace(" ", "");
    }
}
