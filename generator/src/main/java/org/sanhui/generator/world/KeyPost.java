package org.sanhui.generator.world;

import java.time.LocalDate;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;

/**
 * One key-person post of the model (a row of 关键人物).
 *
 * @param county the county code
 * @param orgId the 组织编号 the post refers to (possibly unknown for a planted bad row)
 * @param orgName the organisation's name as written
 * @param person the (synthetic) name
 * @param unit the work unit
 * @param role the role
 * @param post the post
 * @param start the start date
 * @param end the end date as written, or null
 * @param phone the (unreal) phone number
 */
public record KeyPost(String county, String orgId, String orgName, String person, String unit, PersonRole role,
        Post post, LocalDate start, LocalDate end, String phone) {

    /**
     * Returns the end in force: as written, or start + 2 years for a seconded post without one, or null.
     *
     * @return the effective end, or null for an open post
     */
    public LocalDate effectiveEnd() {
        if (end != null) {
            return end;
        }
        return post == Post.SECONDED_VICE_CHAIR ? start.plusYears(2) : null;
    }

    /**
     * Tells whether the post counts as a current vice-chair at a date (DOMAIN.md "3+1" rule).
     *
     * @param date the period end
     * @return true for a part-time or seconded vice-chair in office on that date
     */
    public boolean currentViceChair(LocalDate date) {
        if (post != Post.PART_TIME_VICE_CHAIR && post != Post.SECONDED_VICE_CHAIR) {
            return false;
        }
        LocalDate e = effectiveEnd();
        return !start.isAfter(date) && (e == null || !e.isBefore(date));
    }
}
