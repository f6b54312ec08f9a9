package org.sanhui.reporting;

import org.sanhui.model.error.InvalidInputException;

/**
 * A briefing could not be written from what it was given: a missing or unfinished indicator file (no
 * {@code _SUCCESS}), a file that is not an indicator file, a city outside the file's scope. The message
 * says what was wrong and the way out. (I/O failures while writing are {@link java.io.UncheckedIOException}.)
 */
public class ReportException extends InvalidInputException {

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
