package org.sanhui.generator.world;

import java.time.LocalDate;
import java.util.List;
import org.sanhui.model.domain.ActivityType;
import org.sanhui.model.domain.Form;
import org.sanhui.model.domain.TargetGroup;

/**
 * One activity row of the model.
 *
 * @param county the county code
 * @param orgId the organiser's 组织编号 (possibly unknown for a planted bad row)
 * @param orgName the organiser's name as written
 * @param title the title
 * @param type the type
 * @param date the date
 * @param place the place as written (a township name or code, free text, or empty)
 * @param placeCode the region the place names, or null when it names none
 * @param groups the target groups
 * @param participants participants as a number (negative for a planted bad row)
 * @param coHost the co-hosting provincial society, or null
 * @param form the form
 */
public record Activity(String county, String orgId, String orgName, String title, ActivityType type,
        LocalDate date, String place, String placeCode, List<TargetGroup> groups, int participants, String coHost, Form form) {
}
