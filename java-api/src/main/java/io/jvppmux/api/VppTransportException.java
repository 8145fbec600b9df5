package io.jvppmux.api;

/**
 * The transport failed: connect refused, socket closed, corrupt stream, native library missing.
 */
public class VppTransportException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public VppTransportException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public VppTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
