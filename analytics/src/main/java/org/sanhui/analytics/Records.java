package org.sanhui.analytics;

import java.time.LocalDate;
import org.sanhui.model.domain.OrgKind;
import org.sanhui.model.domain.OrgStatus;
import org.sanhui.model.domain.PersonRole;
import org.sanhui.model.domain.Post;
import org.sanhui.model.period.Period;

/** The small per-row facts the driver works on once Spark has selected and aggregated them. */
final class Records {

    private Records() {
    }

    /** An organisation row of one county's snapshot file. */
    record Org(String county, Period period, String key, String name, OrgKind kind, String region,
            LocalDate established, String precision, OrgStatus status, String leader, Integer members,
            Integer memberUnits, String paired, Boolean charter, Boolean congress, Boolean council,
            Boolean financialRules, Boolean membershipRules, Boolean party, String civilRating,
            Boolean lacksStaffing, Boolean lacksStaff, Boolean lacksFunds, Boolean lacksVenue) {

        /**
         * "Exists" at a date: ACTIVE or RECTIFYING, established on or before it. A year-only established
         * date leaves the row out of dated figures; an unknown date counts as established.
         */
        boolean existsAt(LocalDate date) {
            if (status == OrgStatus.REVOKED || kind == null) {
                return false;
            }
            if ("YEAR".equals(precision)) {
                return false;
            }
            return established == null || !established.isAfter(date);
        }
    }

    /** A key-person post row of one county's snapshot file. */
    record PostRow(String county, Period period, String orgKey, PersonRole role, Post post, LocalDate start,
            LocalDate end) {

        /** Current at a date: started on or before it and ending (given or effective) on or after it. */
        boolean currentAt(LocalDate date) {
            return start != null && !start.isAfter(date) && (end == null || !end.isBefore(date));
        }
    }

    /** An evaluation row. */
    record Eval(String orgKey, String county, String name, OrgKind kind, int year, String grade, String submission) {
    }

    /**
     * An accepted submission: {@code datasets} are the datasets it holds (a resubmission replaces only those), in
     * the warehouse's names.
     */
    record Submission(String id, String county, Period period, LocalDate filingDate, long ingestedAt,
            java.util.Set<String> datasets, long accepted, long rejected) {
    }

    /** Activities of one organisation in one month. */
    record OrgMonth(String orgKey, String county, int yearMonth, long count, long participants, long coHosted,
            long conferences) {
    }

    /** Activities of one county in the analysed period by type, form and target groups. */
    record Breakdown(String county, String type, String form, String targets, long count, long participants) {
    }

    /** Problems of one county's live submission, by code. */
    record Problems(String county, Period period, String code, long count) {
    }
}
