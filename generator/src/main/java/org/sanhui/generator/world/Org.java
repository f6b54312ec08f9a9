package org.sanhui.generator.world;

import java.time.LocalDate;
import org.sanhui.model.domain.CivilRating;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.period.Period;

/**
 * One organisation of the model.
 *
 * @param county the county code (6 digits)
 * @param id the 组织编号 (always assigned; written only by counties that write ids)
 * @param name the name
 * @param kind the kind
 * @param region the region code (county or township)
 * @param established the established date as the files show it (a month-only date is the month's last day)
 * @param monthOnly whether the files write the established date as a month only
 * @param rectifyingFrom the first period in which the status is 整改中, or null
 * @param revokedFrom the first period in which the status is 撤销, or null
 * @param leader the leader's (synthetic) name
 * @param leaderTitle the leader's title
 * @param host the host unit, or null
 * @param memberUnits member units, or null
 * @param members members, or null
 * @param paired the paired provincial society, or null
 * @param governance charter, congress, council, financial rules, membership rules (null = blank)
 * @param party party organisation
 * @param rating the civil-affairs rating, or null
 * @param gaps 四缺 flags for township 科协 (null elements = blank), or null for other kinds
 * @param activityRate mean activities per quarter
 * @param silentFrom first period without any activity (the organisation falls inactive), or null
 */
public record Org(String county, String id, String name, OrgKind kind, String region, LocalDate established,
        boolean monthOnly, Period rectifyingFrom, Period revokedFrom, String leader, String leaderTitle, String host,
        Integer memberUnits, Integer members, String paired, Boolean[] governance, boolean party, CivilRating rating,
        Boolean[] gaps, double activityRate, Period silentFrom) {

    /**
     * Tells whether the organisation is a society graded by the yearly evaluation (the three grassroots kinds
     * and OTHER_SOCIETY).
     *
     * @return true for a graded kind
     */
    public boolean graded() {
        return kind == OrgKind.SCI_EDU_SOCIETY || kind == OrgKind.MEDICAL_SOCIETY || kind == OrgKind.AGRI_SOCIETY
                || kind == OrgKind.OTHER_SOCIETY;
    }

    /**
     * Tells whether the organisation can hold activities on a date.
     *
     * @param date the date
     * @return true if established and neither revoked nor silent by then
     */
    public boolean activeOn(LocalDate date) {
        if (date.isBefore(established)) {
            return false;
        }
        if (revokedFrom != null && !date.isBefore(revokedFrom.start())) {
            return false;
        }
        return silentFrom == null || date.isBefore(silentFrom.start());
    }
}
