package org.sanhui.model.region;

import java.util.List;

/**
 * The outcome of looking a region up by name: one region, or none with the candidates that came
 * close (several for an ambiguous name, similar ones for an unknown name).
 *
 * @param region the region found, or null
 * @param candidates the candidates when none was found unambiguously, never null
 * @param ambiguous true when several regions carry the name (the candidates), false when the name is
 *        unknown (the candidates then merely look alike) or was found
 */
public record NameMatch(Region region, List<Region> candidates, boolean ambiguous) {

    /**
     * Copies the candidates.
     *
     * @param region the region found, or null
     * @param candidates the candidates when none was found unambiguously, never null
     * @param ambiguous true when several regions carry the name (the candidates), false when the name is
     *     unknown (the candidates then merely look alike) or was found
     * @throws IllegalArgumentException if a found match is said to be ambiguous
     */
    public NameMatch {
        candidates = List.copyOf(candidates);
        if (region != null && ambiguous) {
            throw new IllegalArgumentException("a found region cannot be ambiguous");
        }
    }

    /**
     * Creates a match, ambiguous when no region is found and there are several candidates.
     *
     * @param region the region found, or null
     * @param candidates the candidates, null not permitted
     */
    public NameMatch(Region region, List<Region> candidates) {
        this(region, candidates, region == null && candidates.size() > 1);
    }

    /**
     * Returns an unknown-name match with look-alike candidates.
     *
     * @param lookAlikes regions whose names look alike, null not permitted
     * @return the match, never null
     */
    public static NameMatch unknown(List<Region> lookAlikes) {
        return new NameMatch(null, lookAlikes, false);
    }

    /**
     * Tells whether exactly one region was found.
     *
     * @return true when found
     */
    public boolean found() {
        return region != null;
    }
}
