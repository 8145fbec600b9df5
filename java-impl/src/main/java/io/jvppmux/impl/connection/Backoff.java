package io.jvppmux.impl.connection;

import java.time.Duration;

/**
 * Capped exponential delays between reconnect attempts: {@code retry-connect-timeout}, then doubled after
 * each failure, never above {@code reconnect-backoff-max}. Not thread-safe (the supervisor's own).
 */
final class Backoff {
    private final long firstNanos;
    private final long maxNanos;
    private long nextNanos;

    Backoff(Duration first, Duration max) {
        this.maxNanos = max.toNanos();
        this.firstNanos = Math.min(first.toNanos(), maxNanos);
        this.nextNanos = firstNanos;
    }

    /** Starts over from the first delay. */
    void reset() {
        nextNanos = firstNanos;
    }

    /** The delay before the next attempt; doubles the one after. */
    Duration next() {
        long d = nextNanos;
        nextNanos = d > maxNanos / 2 ? maxNanos : d * 2;
        return Duration.ofNanos(d);
    }
}
