package io.jvppmux.api;

/**
 * A reply with the request's context but of another message type than the request expects.
 */
public class UnexpectedReplyException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public UnexpectedReplyException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public UnexpectedReplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
