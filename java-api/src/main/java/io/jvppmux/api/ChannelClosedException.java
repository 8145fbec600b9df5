package io.jvppmux.api;

/**
 * The channel was closed before or while the request was waiting.
 */
public class ChannelClosedException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public ChannelClosedException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public ChannelClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
