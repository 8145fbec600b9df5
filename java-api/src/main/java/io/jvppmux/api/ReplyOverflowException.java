package io.jvppmux.api;

/**
 * A reply arrived for a request whose channel had no room left in its reply buffer. The request fails with this exception and a counter goes up; the reply is never dropped silently. Drain faster, use a larger reply buffer (VppMux.newApiChannelBuffered) or ApiChannel.dump.
 */
public class ReplyOverflowException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public ReplyOverflowException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public ReplyOverflowException(String message, Throwable cause) {
        super(message, cause);
    }
}
