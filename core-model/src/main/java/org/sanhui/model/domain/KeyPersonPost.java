package org.sanhui.model.domain;

import static org.sanhui.model.schema.Datasets.CARRIED_FORWARD;
import static org.sanhui.model.schema.Datasets.EFFECTIVE_END;
import static org.sanhui.model.schema.Datasets.END_DATE;
import static org.sanhui.model.schema.Datasets.ORG_ID;
import static org.sanhui.model.schema.Datasets.ORG_KEY;
import static org.sanhui.model.schema.Datasets.ORG_NAME;
import static org.sanhui.model.schema.Datasets.PERSON_NAME;
import static org.sanhui.model.schema.Datasets.POST;
import static org.sanhui.model.schema.Datasets.ROLE;
import static org.sanhui.model.schema.Datasets.START_DATE;
import static org.sanhui.model.schema.Datasets.WORK_UNIT;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * A key person's post in a 科协 (关键人物 row) as stored in the {@code posts} dataset. The phone number
 * is read only to be dropped and has no component here.
 *
 * @param personName the holder's name (personal data), or null
 * @param workUnit the holder's work unit, or null
 * @param role the key-person category, null not permitted
 * @param orgKey the organisation key as the row names it (by 组织编号 or name); ingestion may resolve it
 *        against the organisations, null not permitted
 * @param orgId the 组织编号 as written, or null
 * @param orgName the organisation's name as written, or null
 * @param post the post, null not permitted
 * @param startDate the start, null not permitted
 * @param endDate the end as written, or null
 * @param effectiveEnd the end in force: as written, or start + the configured years for a seconded post
 *        without one, or null (open-ended)
 * @param carriedForward true for a row carried forward from an earlier accepted state
 */
public record KeyPersonPost(String personName, String workUnit, PersonRole role, String orgKey, String orgId,
        String orgName, Post post, LocalDate startDate, LocalDate endDate, LocalDate effectiveEnd,
        boolean carriedForward) implements DatasetRecord {

    /**
     * Checks the required components.
     *
     * @param personName the holder's name (personal data), or null
     * @param workUnit the holder's work unit, or null
     * @param role the key-person category, null not permitted
     * @param orgKey the organisation key as the row names it (by 组织编号 or name); ingestion may resolve it
     *     against the organisations, null not permitted
     * @param orgId the 组织编号 as written, or null
     * @param orgName the organisation's name as written, or null
     * @param post the post, null not permitted
     * @param startDate the start, null not permitted
     * @param endDate the end as written, or null
     * @param effectiveEnd the end in force: as written, or start + the configured years for a seconded post
     *     without one, or null (open-ended)
     * @param carriedForward true for a row carried forward from an earlier accepted state
     * @throws NullPointerException if role, orgKey, post or startDate is null
     * @throws IllegalArgumentException if the end is before the start
     */
    public KeyPersonPost {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(orgKey, "orgKey");
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(startDate, "startDate");
        if (endDate != null && endDate.isBefore(startDate) || effectiveEnd != null && effectiveEnd.isBefore(startDate)) {
            throw new IllegalArgumentException("end before start");
        }
    }

    /**
     * Returns this post pointing at another organisation key (once ingestion has resolved it).
     *
     * @param key the key, null not permitted
     * @return a copy, never null
     */
    public KeyPersonPost withOrgKey(String key) {
        return new KeyPersonPost(personName, workUnit, role, key, orgId, orgName, post, startDate, endDate, effectiveEnd,
                carriedForward);
    }

    /**
     * Returns this post marked as carried forward.
     *
     * @param carried the flag
     * @return a copy, never null
     */
    public KeyPersonPost withCarriedForward(boolean carried) {
        return new KeyPersonPost(personName, workUnit, role, orgKey, orgId, orgName, post, startDate, endDate,
                effectiveEnd, carried);
    }

    /**
     * Tells whether the post is held on a date: started on or before it and not ended before it.
     *
     * @param date the date, null not permitted
     * @return true when current on that date
     */
    public boolean currentOn(LocalDate date) {
        return !startDate.isAfter(date) && (effectiveEnd == null || !effectiveEnd.isBefore(date));
    }

    @Override
    public Map<String, Object> values() {
        return new Columns().put(PERSON_NAME, personName).put(WORK_UNIT, workUnit).put(ROLE, role)
                .put(ORG_KEY, orgKey).put(ORG_ID, orgId).put(ORG_NAME, orgName).put(POST, post)
                .put(START_DATE, startDate).put(END_DATE, endDate).put(EFFECTIVE_END, effectiveEnd)
                .put(CARRIED_FORWARD, carriedForward).build();
    }

    @Override
    public String toString() {
        return "KeyPersonPost[" + role + " " + post + " of " + orgKey + " from " + startDate + " to " + effectiveEnd + "]";
    }
}
