package org.sanhui.reporting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The configurable parts of the briefing's masthead (报头) and end matter (报尾). Every part is optional:
 * a null issuer becomes "&lt;province&gt;科学技术协会", a null issue line becomes "&lt;year&gt;年第&lt;n&gt;期"
 * from the period, a null date the day of writing; the 报/送/发 lines are left out when null.
 *
 * @param title the briefing's name, or null for 基层科协组织建设工作简报
 * @param issuer the issuing body, or null
 * @param issue the issue line, e.g. {@code 2024年第4期（总第12期）}, or null
 * @param date the date printed on the right, or null
 * @param reportTo the 报 line (superiors), or null
 * @param sendTo the 送 line (peers), or null
 * @param distributeTo the 发 line (subordinates), or null
 * @param copies the print count (共印N份), or 0 for none
 */
public record Masthead(String title, String issuer, String issue, LocalDate date, String reportTo, String sendTo,
        String distributeTo, int copies) {

    /** Every part left to its default. */
    public static final Masthead DEFAULT = new Masthead(null, null, null, null, null, null, null, 0);

    /**
     * Checks the print count.
     *
     * @throws IllegalArgumentException if copies is negative
     */
    public Masthead {
        if (copies < 0) {
            throw new IllegalArgumentException("copies must be 0 or more, got " + copies);
        }
    }

    /**
     * Returns a copy with another title.
     *
     * @param value the title, may be null
     * @return the copy, never null
     */
    public Masthead withTitle(String value) {
        return new Masthead(value, issuer, issue, date, reportTo, sendTo, distributeTo, copies);
    }

    /**
     * Returns a copy with another issuer.
     *
     * @param value the issuer, may be null
     * @return the copy, never null
     */
    public Masthead withIssuer(String value) {
        return new Masthead(title, value, issue, date, reportTo, sendTo, distributeTo, copies);
    }

    /**
     * Returns a copy with another issue line.
     *
     * @param value the issue line, may be null
     * @return the copy, never null
     */
    public Masthead withIssue(String value) {
        return new Masthead(title, issuer, value, date, reportTo, sendTo, distributeTo, copies);
    }

    /**
     * Returns a copy with another date.
     *
     * @param value the date, may be null
     * @return the copy, never null
     */
    public Masthead withDate(LocalDate value) {
        return new Masthead(title, issuer, issue, value, reportTo, sendTo, distributeTo, copies);
    }

    /**
     * Returns a copy with other distribution lines.
     *
     * @param report the 报 line, may be null
     * @param send the 送 line, may be null
     * @param distribute the 发 line, may be null
     * @param count the print count, 0 for none
     * @return the copy, never null
     */
    public Masthead withDistribution(String report, String send, String distribute, int count) {
        return new Masthead(title, issuer, issue, date, report, send, distribute, count);
    }

    /**
     * Tells whether any 报/送/发 line is configured.
     *
     * @return true if the end matter is printed
     */
    public boolean hasDistribution() {
        return notBlank(reportTo) || notBlank(sendTo) || notBlank(distributeTo);
    }

    static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    @Override
    public String toString() {
        return "Masthead[" + Objects.toString(title, "") + ", " + Objects.toString(issuer, "") + "]";
    }
}
