package io.jvppmux.stats;

/**
 * Tracks {@code /sys/heartbeat}: when it last changed, as seen by this client (monotonic clock). VPP
 * increments it once per collector run ({@code statseg { update-interval }}, 10 s by default).
 */
final class Liveness {
    private long heartbeat = -1;
    private long changedAt;
    private boolean known;

    /** Records a heartbeat read at {@code now} (nanoTime). */
    synchronized void observe(long value, long now) {
        if (!known || value != heartbeat) {
            heartbeat = value;
            changedAt = now;
            known = true;
        }
    }

    /** Forgets the history (a new segment, or VPP confirmed alive): the timer starts again at {@code now}. */
    synchronized void reset(long now) {
        known = false;
        changedAt = now;
    }

    /** Nanoseconds since the heartbeat last changed (0 before the first observation). */
    synchronized long frozenFor(long now) {
        return known ? now - changedAt : 0;
    }

    synchronized long heartbeat() {
        return heartbeat;
    }
}
