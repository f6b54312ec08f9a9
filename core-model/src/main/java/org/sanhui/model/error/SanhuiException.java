package org.sanhui.model.error;

/**
 * The root of sanhui's own exceptions. Subclasses say what kind of failure it is, so that the
 * command line can map it to an exit code; the message always says what was wrong, with the bad
 * value, what was expected and the way out.
 */
public class SanhuiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what went wrong and what to do, null not permitted
     */
    public SanhuiException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what went wrong and what to do, null not permitted
     * @param cause the cause, may be null
     */
    public SanhuiException(String message, Throwable cause) {
        super(message, cause);
    }
}
