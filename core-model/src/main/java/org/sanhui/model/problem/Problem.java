package org.sanhui.model.problem;

import java.util.Objects;

/**
 * One located problem found in a submission: what, how bad, where, the value as written (masked
 * when it is a person's name), and a message in Chinese and in English.
 *
 * @param code the kind of problem, null not permitted
 * @param severity how bad it is, null not permitted
 * @param location where it is, null not permitted
 * @param field the dataset column concerned (English name), or null
 * @param value the raw value as written (masked for names; never a phone number), or null
 * @param messageZh the message in Chinese, saying what was expected, null not permitted
 * @param messageEn the message in English, saying what was expected, null not permitted
 */
public record Problem(ProblemCode code, Severity severity, Location location, String field, String value,
        String messageZh, String messageEn) {

    /**
     * Checks the required parts.
     *
     * @param code the kind of problem, null not permitted
     * @param severity how bad it is, null not permitted
     * @param location where it is, null not permitted
     * @param field the dataset column concerned (English name), or null
     * @param value the raw value as written (masked for names; never a phone number), or null
     * @param messageZh the message in Chinese, saying what was expected, null not permitted
     * @param messageEn the message in English, saying what was expected, null not permitted
     * @throws NullPointerException if code, severity, location or a message is null
     */
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /**
     * Creates a problem with the code's default severity.
     *
     * @param code the code, null not permitted
     * @param location where, null not permitted
     * @param field the column, may be null
     * @param value the raw value, may be null
     * @param messageZh message in Chinese, null not permitted
     * @param messageEn message in English, null not permitted
     * @return the problem, never null
     */
    public static Problem of(ProblemCode code, Location location, String field, String value, String messageZh,
            String messageEn) {
        return new Problem(code, code.defaultSeverity(), location, field, value, messageZh, messageEn);
    }

    /**
     * Tells whether the problem rejects its row (or file).
     *
     * @return true for ERROR and FATAL
     */
    public boolean rejects() {
        return severity == Severity.ERROR || severity == Severity.FATAL;
    }

    @Override
    public String toString() {
        return severity + " " + code + " at " + location + (value == null ? "" : " value '" + value + "'") + ": "
                + messageEn;
    }
}
