package org.sanhui.model.region;

import java.util.List;

/**
 * The outcome of looking a region up by name: one region, or none with the candidates that came
 * close (several for an ambiguous name, similar ones for an unknown name).
 *
 * @param region the region found, or null
 * @param candidates the candidates when none was found unambiguously, never null
 */
public record NameMatch(Region region, List<Region> candidates) {

    /**
     * Copies the candidates.
     */
    public NameMatch {
        candidates = List.copyOf(candidates);
    }

    /**
     * Tells whether exactly one region was found.
     *
     * @return true when found
     */
    public boolean found() {
        return region != null;
    }

    /**
     * Tells whether several regions matched.
     *
     * @return true when ambiguous
     */
    public boolean ambiguous() {
        return region == null && candidates.size() > 1;
    }
}
