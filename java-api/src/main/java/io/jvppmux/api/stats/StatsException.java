package io.jvppmux.api.stats;

/**
 * Base of every failure of the stats client.
 */
public class StatsException extends io.jvppmux.api.VppException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the stat, offset or path involved */
    public StatsException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public StatsException(String message, Throwable cause) {
        super(message, cause);
    }
}
