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
        targetGroups = targetGroupSet(targetGroups);
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
        return groups instanceof GroupSet g ? g.joined : GroupSets.of(GroupSets.mask(groups)).joined;
    }

    /**
     * Returns the shared unmodifiable set of these target groups (one per combination, made once), as an
     * activity keeps them.
     *
     * @param groups the groups, null not permitted
     * @return the set, equal to the groups, never null
     */
    public static Set<TargetGroup> targetGroupSet(Collection<TargetGroup> groups) {
        return groups instanceof GroupSet g ? g : GroupSets.of(GroupSets.mask(groups));
    }

    /** An unmodifiable set of target groups that knows its stored text. */
    private static final class GroupSet extends java.util.AbstractSet<TargetGroup> {
        private final Set<TargetGroup> groups;
        private final String joined;

        GroupSet(EnumSet<TargetGroup> groups, String joined) {
            this.groups = Collections.unmodifiableSet(groups);
            this.joined = joined;
        }

        @Override
        public java.util.Iterator<TargetGroup> iterator() {
            return groups.iterator();
        }

        @Override
        public int size() {
            return groups.size();
        }

        @Override
        public boolean contains(Object o) {
            return groups.contains(o);
        }
    }

    /**
     * Every combination of target groups (there are 2^10), made once with its stored text, by the bit mask
     * of the groups' ordinals. A million activities then share a few sets and texts instead of copying
     * and joining their own.
     */
    private static final class GroupSets {
        private static final TargetGroup[] ALL = TargetGroup.values();
        private static final List<GroupSet> SETS;

        static {
            List<TargetGroup> byName = Arrays.stream(ALL).sorted(Comparator.comparing(Enum::name)).toList();
            List<GroupSet> sets = new ArrayList<>(1 << ALL.length);
            for (int mask = 0; mask < 1 << ALL.length; mask++) {
                EnumSet<TargetGroup> set = EnumSet.noneOf(TargetGroup.class);
                StringBuilder b = new StringBuilder(32);
                for (TargetGroup g : byName) { // sorted and distinct, as names
                    if ((mask & 1 << g.ordinal()) != 0) {
                        set.add(g);
                        b.append(b.length() > 0 ? ";" : "").append(g.name());
                    }
                }
                sets.add(new GroupSet(set, mask == 0 ? null : b.toString()));
            }
            SETS = List.copyOf(sets);
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

        static GroupSet of(int mask) {
            return SETS.get(mask);
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
