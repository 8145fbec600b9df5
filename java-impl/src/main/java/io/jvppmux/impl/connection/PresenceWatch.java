package io.jvppmux.impl.connection;

import io.jvppmux.api.spi.VppPresence;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The supervisor's wait between two connect attempts. VPP coming back is the moment to try, not the end of the
 * backoff delay: while the transport can tell whether VPP is there (a stat and a bare connect, nothing VPP
 * notices), the wait looks every {@link #POLL} and ends as soon as VPP is there after having been absent. A VPP
 * present when the wait starts (it was there and refused, or it was going away) is looked at every
 * {@link #SLOW_POLL} until it is gone, and then like an absent one: a VPP that dies and comes back during a
 * long backoff is still tried at once. When the transport cannot tell, it is the plain backoff delay.
 */
final class PresenceWatch {
    /** How often an absent VPP is looked for: well inside the 100 ms a reconnect may take once VPP is back. */
    static final Duration POLL = Duration.ofMillis(5);
    /** How often a present VPP is looked at for its going away (a restart takes far longer than this). */
    static final Duration SLOW_POLL = Duration.ofMillis(50);

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
        VppPresence seen = probe.get();
        if (seen == VppPresence.UNKNOWN) {
            return stopping.await(delay.toNanos(), TimeUnit.NANOSECONDS) ? Wake.STOPPING : Wake.DELAY_OVER;
        }
        boolean wasAbsent = seen == VppPresence.ABSENT;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Wake.DELAY_OVER;
            }
            long step = (wasAbsent ? POLL : SLOW_POLL).toNanos();
            if (stopping.await(Math.min(left, step), TimeUnit.NANOSECONDS)) {
                return Wake.STOPPING;
            }
            seen = probe.get();
            if (seen == VppPresence.ABSENT) {
                wasAbsent = true;
            } else if (seen == VppPresence.PRESENT && wasAbsent) {
                return Wake.APPEARED;
            }
        }
    }
}
