package io.jvppmux.api;

/**
 * Bytes that do not decode as the message they claim to be: too short for a field, a count beyond the buffer, a corrupt frame. The text names the message and the field.
 */
public class MessageDecodeException extends VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the message or channel involved */
    public MessageDecodeException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public MessageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
