package io.jvppmux.api.stats;

/**
 * The VPP behind the mapped segment is gone: its heartbeat froze and no new segment could be obtained, or the client was closed.
 */
public class StatsStaleSegmentException extends StatsException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the stat, offset or path involved */
    public StatsStaleSegmentException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public StatsStaleSegmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
