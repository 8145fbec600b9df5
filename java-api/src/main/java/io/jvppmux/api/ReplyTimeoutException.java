package io.jvppmux.api;

/**
 * No reply arrived within the channel's reply timeout. A late reply to the request is dropped as stale, never handed to a later request.
 */
public class ReplyTimeoutException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public ReplyTimeoutException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public ReplyTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
