package io.jvppmux.api;

/**
 * Base of every exception jvppmux throws. Unchecked: every blocking call documents which subclasses it throws.
 */
public class VppException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public VppException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public VppException(String message, Throwable cause) {
        super(message, cause);
    }
}
