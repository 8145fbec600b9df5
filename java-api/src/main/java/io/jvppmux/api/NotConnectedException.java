package io.jvppmux.api;

/**
 * The connection to VPP is down (not yet connected, lost, or being re-established); requests in flight when it went down fail with this.
 */
public class NotConnectedException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public NotConnectedException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public NotConnectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
