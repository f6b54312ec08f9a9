package org.sanhui.generator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sanhui.model.period.Period;

/**
 * One county's submission for one period, with every data row and its expected outcome.
 *
 * @param county the county code
 * @param period the period
 * @param filingDate the 填报日期
 * @param channel how it is sent
 * @param via the city code when the city's workbook carries it, else null
 * @param organisations the 组织信息 rows
 * @param posts the 关键人物 rows
 * @param activities the 活动记录 rows
 * @param totalMismatch whether the 活动记录 合计 row is deliberately wrong
 */
public record Submission(String county, Period period, LocalDate filingDate, Channel channel, String via,
        List<Row<OrgRow>> organisations, List<Row<KeyPost>> posts, List<Row<Activity>> activities,
        boolean totalMismatch) {

    /**
     * Creates an empty submission to be filled.
     *
     * @param county the county code
     * @param period the period
     * @param filingDate the filing date
     * @param channel the channel
     * @param via the sending city, or null
     * @param totalMismatch whether the activities total is planted wrong
     * @return the submission
     */
    public static Submission of(String county, Period period, LocalDate filingDate, Channel channel, String via,
            boolean totalMismatch) {
        return new Submission(county, period, filingDate, channel, via, new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), totalMismatch);
    }

    /**
     * Tells whether the filing date is within 15 days after the period end.
     *
     * @return true when on time
     */
    public boolean onTime() {
        return !filingDate.isAfter(period.end().plusDays(15));
    }
}
