package org.sanhui.model.error;

/**
 * Stored data is incomplete or damaged: an output without its completion marker, a truncated or
 * tampered Parquet file, a damaged manifest. Readers refuse such data rather than use part of it.
 * The command line exits with 3.
 */
public class DataIntegrityException extends SanhuiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what is damaged or missing and how to recover (e.g. rerun analyze); null not permitted
     */
    public DataIntegrityException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what is damaged or missing and how to recover; null not permitted
     * @param cause the cause, may be null
     */
    public DataIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
