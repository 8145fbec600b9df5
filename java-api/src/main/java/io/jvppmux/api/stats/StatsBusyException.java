package io.jvppmux.api.stats;

/**
 * A consistent read of the segment did not succeed before the read deadline: VPP kept changing the
 * directory, or held its stats lock ({@code in_progress}) the whole time. Retrying later may succeed;
 * {@link #inProgressStuck()} tells the two apart (a stuck lock suggests VPP died while holding it).
 */
public class StatsBusyException extends StatsException {
    private static final long serialVersionUID = 1L;
    private final boolean inProgressStuck;
    private final int attempts;

    /**
     * @param message         what happened, naming the last inconsistency seen
     * @param inProgressStuck true when {@code in_progress} stayed set until the deadline
     * @param attempts        how many optimistic reads were tried
     */
    public StatsBusyException(String message, boolean inProgressStuck, int attempts) {
        super(message);
        this.inProgressStuck = inProgressStuck;
        this.attempts = attempts;
    }

    /** True when VPP's {@code in_progress} flag stayed set until the deadline. */
    public boolean inProgressStuck() {
        return inProgressStuck;
    }

    /** How many optimistic reads were tried before giving up. */
    public int attempts() {
        return attempts;
    }
}
