package org.sanhui.analytics;

/** The root of analytics' failures: a warehouse or an output that cannot be analysed or read, with the way out. */
public class AnalyticsException extends org.sanhui.model.error.SanhuiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do, null not permitted
     */
    public AnalyticsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do, null not permitted
     * @param cause the cause, may be null
     */
    public AnalyticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
