package org.sanhui.model.error;

/**
 * The caller's input is unusable: an invalid configuration key or value, a missing input file, an
 * option that contradicts another. The command line exits with 2.
 */
public class InvalidInputException extends SanhuiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong, the bad value, what was expected; null not permitted
     */
    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what was wrong, the bad value, what was expected; null not permitted
     * @param cause the cause, may be null
     */
    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
