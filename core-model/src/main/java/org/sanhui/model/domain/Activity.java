package org.sanhui.model.domain;

import static org.sanhui.model.schema.Datasets.ACTIVITY_DATE;
import static org.sanhui.model.schema.Datasets.CO_HOST;
import static org.sanhui.model.schema.Datasets.FORM;
import static org.sanhui.model.schema.Datasets.ORG_ID;
import static org.sanhui.model.schema.Datasets.ORG_KEY;
import static org.sanhui.model.schema.Datasets.ORG_NAME;
import static org.sanhui.model.schema.Datasets.PARTICIPANTS;
import static org.sanhui.model.schema.Datasets.PLACE_CODE;
import static org.sanhui.model.schema.Datasets.PLACE_DEFAULTED;
import static org.sanhui.model.schema.Datasets.REPORTED_LATE;
import static org.sanhui.model.schema.Datasets.TARGET_GROUPS;
import static org.sanhui.model.schema.Datasets.TITLE;
import static org.sanhui.model.schema.Datasets.TYPE;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An activity (活动记录 row) as stored in the {@code activities} dataset.
 *
 * @param orgKey the organiser's key as the row names it; ingestion may resolve it, null not permitted
 * @param orgId the organiser's 组织编号 as written, or null
 * @param orgName the organiser's name as written, or null
 * @param title the title, null not permitted
 * @param type the type, null not permitted
 * @param activityDate the date (a month's last day or 31 December for a partial date), null not permitted
 * @param placeCode the place's region code, or null when the place named no region (ingestion then fills
 *        in the organiser's region)
 * @param placeDefaulted true when the place named no region
 * @param targetGroups the target groups, never null, possibly empty
 * @param participants the number of participants, or null
 * @param coHost the co-hosting provincial society, or null
 * @param form the form, or null
 * @param reportedLate true for an activity of an earlier period of the same year
 */
public record Activity(String orgKey, String orgId, String orgName, String title, ActivityType type,
        LocalDate activityDate, String placeCode, boolean placeDefaulted, Set<TargetGroup> targetGroups,
        Integer participants, String coHost, Form form, boolean reportedLate) implements DatasetRecord {

    /**
     * Checks and copies.
     *
     * @param orgKey the organiser's key as the row names it; ingestion may resolve it, null not permitted
     * @param orgId the organiser's 组织编号 as written, or null
     * @param orgName the organiser's name as written, or null
     * @param title the title, null not permitted
     * @param type the type, null not permitted
     * @param activityDate the date (a month's last day or 31 December for a partial date), null not permitted
     * @param placeCode the place's region code, or null when the place named no region (ingestion then fills
     *     in the organiser's region)
     * @param placeDefaulted true when the place named no region
     * @param targetGroups the target groups, never null, possibly empty
     * @param participants the number of participants, or null
     * @param coHost the co-hosting provincial society, or null
     * @param form the form, or null
     * @param reportedLate true for an activity of an earlier period of the same year
     * @throws NullPointerException if orgKey, title, type, activityDate or targetGroups is null
     * @throws IllegalArgumentException if participants is negative
     */
    public Activity {
        Objects.requireNonNull(orgKey, "orgKey");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(activityDate, "activityDate");
        targetGroups = targetGroups.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(targetGroups));
        if (participants != null && participants < 0) {
            throw new IllegalArgumentException("participants must be >= 0, got " + participants);
        }
    }

    /**
     * Joins target groups as stored: their constant names, sorted, joined by {@code ;}.
     *
     * @param groups the groups, null not permitted
     * @return the joined names, or null when there are none
     */
    public static String joinTargetGroups(Collection<TargetGroup> groups) {
        if (groups.isEmpty()) {
            return null;
        }
        return groups.stream().map(Enum::name).sorted().distinct().collect(Collectors.joining(";"));
    }

    /**
     * Returns this activity pointing at another organiser key, and with a place filled in.
     *
     * @param key the organiser key, null not permitted
     * @param place the place code, may be null
     * @return a copy, never null
     */
    public Activity withOrganiser(String key, String place) {
        return new Activity(key, orgId, orgName, title, type, activityDate, place, placeDefaulted, targetGroups,
                participants, coHost, form, reportedLate);
    }

    @Override
    public Map<String, Object> values() {
        return new Columns().put(ORG_KEY, orgKey).put(ORG_ID, orgId).put(ORG_NAME, orgName).put(TITLE, title)
                .put(TYPE, type).put(ACTIVITY_DATE, activityDate).put(PLACE_CODE, placeCode)
                .put(PLACE_DEFAULTED, placeDefaulted).put(TARGET_GROUPS, joinTargetGroups(targetGroups))
                .put(PARTICIPANTS, participants).put(CO_HOST, coHost).put(FORM, form)
                .put(REPORTED_LATE, reportedLate).build();
    }
}
