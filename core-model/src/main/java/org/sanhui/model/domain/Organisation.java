package org.sanhui.model.domain;

import static org.sanhui.model.schema.Datasets.CARRIED_FORWARD;
import static org.sanhui.model.schema.Datasets.CHARTER;
import static org.sanhui.model.schema.Datasets.CIVIL_RATING;
import static org.sanhui.model.schema.Datasets.CONGRESS;
import static org.sanhui.model.schema.Datasets.COUNCIL;
import static org.sanhui.model.schema.Datasets.ESTABLISHED;
import static org.sanhui.model.schema.Datasets.ESTABLISHED_PRECISION;
import static org.sanhui.model.schema.Datasets.FINANCIAL_RULES;
import static org.sanhui.model.schema.Datasets.HOST_UNIT;
import static org.sanhui.model.schema.Datasets.KIND;
import static org.sanhui.model.schema.Datasets.LACKS_FUNDS;
import static org.sanhui.model.schema.Datasets.LACKS_STAFF;
import static org.sanhui.model.schema.Datasets.LACKS_STAFFING;
import static org.sanhui.model.schema.Datasets.LACKS_VENUE;
import static org.sanhui.model.schema.Datasets.LEADER_NAME;
import static org.sanhui.model.schema.Datasets.LEADER_TITLE;
import static org.sanhui.model.schema.Datasets.MEMBERS;
import static org.sanhui.model.schema.Datasets.MEMBERSHIP_RULES;
import static org.sanhui.model.schema.Datasets.MEMBER_UNITS;
import static org.sanhui.model.schema.Datasets.ORG_ID;
import static org.sanhui.model.schema.Datasets.ORG_KEY;
import static org.sanhui.model.schema.Datasets.ORG_NAME;
import static org.sanhui.model.schema.Datasets.PAIRED_SOCIETY;
import static org.sanhui.model.schema.Datasets.PARTY_ORG;
import static org.sanhui.model.schema.Datasets.REGION_CODE;
import static org.sanhui.model.schema.Datasets.STATUS;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import org.sanhui.model.value.DatePrecision;

/**
 * An organisation (组织信息 row) as stored in the {@code organisations} dataset (DOMAIN.md section 2).
 * Nullable components are the ones a submission may leave blank; a null institution or 四缺 flag means
 * unknown.
 *
 * @param orgKey the organisation key ({@link org.sanhui.model.validation.OrgKeys}), null not permitted
 * @param orgId the 组织编号 as written, or null
 * @param orgName the name, null not permitted
 * @param kind the kind, null not permitted
 * @param regionCode the region (6 or 9 digits), null not permitted
 * @param established the established date (a month's last day for a month), or null
 * @param establishedPrecision the precision of {@code established}, null exactly when it is null
 * @param status the status, null not permitted
 * @param leaderName the leader's name (personal data), or null
 * @param leaderTitle the leader's title, or null
 * @param hostUnit the host unit (依托单位), or null
 * @param memberUnits the number of member units, or null
 * @param members the number of members, or null
 * @param pairedSociety the paired provincial society, or null
 * @param charter institution: charter, or null when unknown
 * @param congress institution: member (delegate) congress, or null when unknown
 * @param council institution: council, or null when unknown
 * @param financialRules institution: financial rules, or null when unknown
 * @param membershipRules institution: membership rules, or null when unknown
 * @param partyOrg party organisation present, or null when unknown
 * @param civilRating the civil-affairs rating, or null
 * @param lacksStaffing 四缺: no staffing quota, or null when unknown
 * @param lacksStaff 四缺: no staff, or null when unknown
 * @param lacksFunds 四缺: no funds, or null when unknown
 * @param lacksVenue 四缺: no venue, or null when unknown
 * @param carriedForward true for a row carried forward from an earlier accepted state
 */
public record Organisation(String orgKey, String orgId, String orgName, OrgKind kind, String regionCode,
        LocalDate established, DatePrecision establishedPrecision, OrgStatus status, String leaderName,
        String leaderTitle, String hostUnit, Integer memberUnits, Integer members, String pairedSociety,
        Boolean charter, Boolean congress, Boolean council, Boolean financialRules, Boolean membershipRules,
        Boolean partyOrg, CivilRating civilRating, Boolean lacksStaffing, Boolean lacksStaff, Boolean lacksFunds,
        Boolean lacksVenue, boolean carriedForward) implements DatasetRecord {

    /**
     * Checks the required components.
     *
     * @param orgKey the organisation key ({@link org.sanhui.model.validation.OrgKeys}), null not permitted
     * @param orgId the 组织编号 as written, or null
     * @param orgName the name, null not permitted
     * @param kind the kind, null not permitted
     * @param regionCode the region (6 or 9 digits), null not permitted
     * @param established the established date (a month's last day for a month), or null
     * @param establishedPrecision the precision of {@code established}, null exactly when it is null
     * @param status the status, null not permitted
     * @param leaderName the leader's name (personal data), or null
     * @param leaderTitle the leader's title, or null
     * @param hostUnit the host unit (依托单位), or null
     * @param memberUnits the number of member units, or null
     * @param members the number of members, or null
     * @param pairedSociety the paired provincial society, or null
     * @param charter institution: charter, or null when unknown
     * @param congress institution: member (delegate) congress, or null when unknown
     * @param council institution: council, or null when unknown
     * @param financialRules institution: financial rules, or null when unknown
     * @param membershipRules institution: membership rules, or null when unknown
     * @param partyOrg party organisation present, or null when unknown
     * @param civilRating the civil-affairs rating, or null
     * @param lacksStaffing 四缺: no staffing quota, or null when unknown
     * @param lacksStaff 四缺: no staff, or null when unknown
     * @param lacksFunds 四缺: no funds, or null when unknown
     * @param lacksVenue 四缺: no venue, or null when unknown
     * @param carriedForward true for a row carried forward from an earlier accepted state
     * @throws NullPointerException if orgKey, orgName, kind, regionCode or status is null
     * @throws IllegalArgumentException if a count is negative or the date and its precision disagree
     */
    public Organisation {
        Objects.requireNonNull(orgKey, "orgKey");
        Objects.requireNonNull(orgName, "orgName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(status, "status");
        if ((established == null) != (establishedPrecision == null)) {
            throw new IllegalArgumentException("established and establishedPrecision must be both given or both null");
        }
        if (memberUnits != null && memberUnits < 0 || members != null && members < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }

    /**
     * Returns this organisation marked as carried forward.
     *
     * @param carried the flag
     * @return a copy with the flag set, never null
     */
    public Organisation withCarriedForward(boolean carried) {
        return new Organisation(orgKey, orgId, orgName, kind, regionCode, established, establishedPrecision, status,
                leaderName, leaderTitle, hostUnit, memberUnits, members, pairedSociety, charter, congress, council,
                financialRules, membershipRules, partyOrg, civilRating, lacksStaffing, lacksStaff, lacksFunds,
                lacksVenue, carried);
    }

    @Override
    public Map<String, Object> values() {
        return new Columns().put(ORG_KEY, orgKey).put(ORG_ID, orgId).put(ORG_NAME, orgName).put(KIND, kind)
                .put(REGION_CODE, regionCode).put(ESTABLISHED, established)
                .put(ESTABLISHED_PRECISION, establishedPrecision).put(STATUS, status).put(LEADER_NAME, leaderName)
                .put(LEADER_TITLE, leaderTitle).put(HOST_UNIT, hostUnit).put(MEMBER_UNITS, memberUnits)
                .put(MEMBERS, members).put(PAIRED_SOCIETY, pairedSociety).put(CHARTER, charter)
                .put(CONGRESS, congress).put(COUNCIL, council).put(FINANCIAL_RULES, financialRules)
                .put(MEMBERSHIP_RULES, membershipRules).put(PARTY_ORG, partyOrg).put(CIVIL_RATING, civilRating)
                .put(LACKS_STAFFING, lacksStaffing).put(LACKS_STAFF, lacksStaff).put(LACKS_FUNDS, lacksFunds)
                .put(LACKS_VENUE, lacksVenue).put(CARRIED_FORWARD, carriedForward).build();
    }

    @Override
    public String toString() {
        return "Organisation[" + orgKey + " " + orgName + " " + kind + " " + regionCode + " " + status + "]";
    }
}
