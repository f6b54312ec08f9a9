package org.sanhui.generator.world;

import java.util.List;
import org.sanhui.model.region.Region;

/**
 * One county of the model with its organisations, posts and activities over the whole span.
 *
 * @param county the county
 * @param city the city above it
 * @param dialect how its clerk writes
 * @param channel how it sends
 * @param orgs its organisations, in id order
 * @param posts its key-person posts
 * @param activities its activities (only those some submission reports), in date order
 */
public record CountyPlan(Region county, Region city, Dialect dialect, Channel channel, List<Org> orgs,
        List<KeyPost> posts, List<Activity> activities) {

    /**
     * Returns the organisation key of an organisation as ingestion forms it (county/组织编号 when the county writes
     * ids, else county/normalised name).
     *
     * @param org the organisation
     * @return the key
     */
    public String key(Org org) {
        return World.orgKey(county.code(), dialect.ids() ? org.id() : null, org.name());
    }
}
