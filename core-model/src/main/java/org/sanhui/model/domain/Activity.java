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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

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
        targetGroups = GroupSets.of(GroupSets.mask(targetGroups));
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
        return GroupSets.joined(GroupSets.mask(groups));
    }

    /**
     * Every combination of target groups (there are 2^10), made once: an unmodifiable set and its
     * stored text, by the bit mask of the groups' ordinals. A million activities then share a few
     * sets and texts instead of copying and joining their own.
     */
    private static final class GroupSets {
        private static final TargetGroup[] ALL = TargetGroup.values();
        private static final List<Set<TargetGroup>> SETS;
        private static final List<String> JOINED;

        static {
            List<TargetGroup> byName = Arrays.stream(ALL).sorted(Comparator.comparing(Enum::name)).toList();
            List<Set<TargetGroup>> sets = new ArrayList<>(1 << ALL.length);
            List<String> joined = new ArrayList<>(1 << ALL.length);
            sets.add(Set.of());
            joined.add(null);
            for (int mask = 1; mask < 1 << ALL.length; mask++) {
                EnumSet<TargetGroup> set = EnumSet.noneOf(TargetGroup.class);
                StringBuilder b = new StringBuilder(32);
                for (TargetGroup g : byName) { // sorted and distinct, as names
                    if ((mask & 1 << g.ordinal()) != 0) {
                        set.add(g);
                        b.append(b.length() > 0 ? ";" : "").append(g.name());
                    }
                }
                sets.add(Collections.unmodifiableSet(set));
                joined.add(b.toString());
            }
            SETS = List.copyOf(sets);
            JOINED = Collections.unmodifiableList(joined); // holds the empty set's null
        }

        private GroupSets() {
        }

        static int mask(Collection<TargetGroup> groups) {
            int m = 0;
            for (TargetGroup g : groups) {
                m |= 1 << g.ordinal();
            }
            return m;
        }

        static Set<TargetGroup> of(int mask) {
            return SETS.get(mask);
        }

        static String joined(int mask) {
            return JOINED.get(mask);
        }
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
        Columns c = new Columns();
        forEachValue(c::put);
        return c.build();
    }

    @Override
    public void forEachValue(BiConsumer<String, Object> action) {
        action.accept(ORG_KEY, orgKey);
        action.accept(ORG_ID, orgId);
        action.accept(ORG_NAME, orgName);
        action.accept(TITLE, title);
        action.accept(TYPE, type.name());
        action.accept(ACTIVITY_DATE, activityDate);
        action.accept(PLACE_CODE, placeCode);
        action.accept(PLACE_DEFAULTED, placeDefaulted);
        action.accept(TARGET_GROUPS, joinTargetGroups(targetGroups));
        action.accept(PARTICIPANTS, participants);
        action.accept(CO_HOST, coHost);
        action.accept(FORM, form == null ? null : form.name());
        action.accept(REPORTED_LATE, reportedLate);
    }
}
