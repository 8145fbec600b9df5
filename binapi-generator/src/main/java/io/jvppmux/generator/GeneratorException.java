package io.jvppmux.generator;

/** A generator failure; the message names the file, the message or type, and the field involved. */
public class GeneratorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public GeneratorException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause   the underlying failure
     */
    public GeneratorException(String message, Throwable cause) {
        super(message, cause);
    }
}
