package io.jvppmux.api.stats;

/**
 * The segment is not one this client can read: wrong version, the legacy v2 layout, a size it cannot map, or a header that points outside the segment.
 */
public class StatsFormatException extends StatsException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the stat, offset or path involved */
    public StatsFormatException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public StatsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
