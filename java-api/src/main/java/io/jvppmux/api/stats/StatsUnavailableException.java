package io.jvppmux.api.stats;

/**
 * The stats segment could not be obtained: the stats socket is missing, refuses (VPP dead) or denies access, no fd arrived in time, or the native helper that receives the fd is not available.
 */
public class StatsUnavailableException extends StatsException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened, naming the stat, offset or path involved */
    public StatsUnavailableException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause   the underlying failure
     */
    public StatsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
