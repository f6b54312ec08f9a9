package org.sanhui.reporting;

/**
 * A briefing could not be written: a missing or unfinished indicator file, a bad option, an I/O failure.
 * The message says what was wrong and the way out.
 */
public class ReportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do, null not permitted
     */
    public ReportException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do, null not permitted
     * @param cause the cause, may be null
     */
    public ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
