package io.jvppmux.impl.connection;

import io.jvppmux.api.spi.VppPresence;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The supervisor's wait between two connect attempts. When the failed attempt found VPP absent (no socket, a
 * stale one), VPP coming back is the moment to try, not the end of the backoff delay: the wait looks every
 * {@link #POLL} whether VPP is there (a stat and a bare connect, nothing VPP notices) and ends as soon as it
 * is. When VPP was there and refused, or the transport cannot tell, it is the plain backoff delay.
 */
final class PresenceWatch {
    /** How often an absent VPP is looked for: well inside the 100 ms a reconnect may take once VPP is back. */
    static final Duration POLL = Duration.ofMillis(5);

    /** How a wait ended. */
    enum Wake {
        /** The delay passed. */
        DELAY_OVER,
        /** VPP was absent and is there now. */
        APPEARED,
        /** The mux is closing. */
        STOPPING
    }

    private final Supplier<VppPresence> probe;
    private final CountDownLatch stopping;

    PresenceWatch(Supplier<VppPresence> probe, CountDownLatch stopping) {
        this.probe = probe;
        this.stopping = stopping;
    }

    /** Waits {@code delay}, or less when VPP appears or the mux stops. */
    Wake await(Duration delay) throws InterruptedException {
        long deadline = System.nanoTime() + delay.toNanos();
        if (probe.get() != VppPresence.ABSENT) {
            return stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS) ? Wake.STOPPING : Wake.DELAY_OVER;
        }
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Wake.DELAY_OVER;
            }
            if (stopping.await(Math.min(left, POLL.toNanos()), TimeUnit.NANOSECONDS)) {
                return Wake.STOPPING;
            }
            if (probe.get() == VppPresence.PRESENT) {
                return Wake.APPEARED;
            }
        }
    }
}
