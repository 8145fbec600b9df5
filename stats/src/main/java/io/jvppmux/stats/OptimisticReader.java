package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsBusyException;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * VPP's optimistic read (docs/PROTOCOL.md 8.8): wait, bounded, while {@code in_progress}; read the epoch (acquire);
 * run the body (every access bounds-checked); fence; accept only when {@code in_progress} is clear and the
 * epoch unchanged. Otherwise retry until the deadline, then {@link StatsBusyException}. Waits spin briefly,
 * then park in short steps: no unbounded spinning.
 */
final class OptimisticReader {
    private static final int SPINS = 64;
    private static final long PARK_NANOS = 20_000;
    private final long timeoutNanos;

    /** The body of a read: runs against {@code segment} at {@code epoch}; throws Inconsistent to retry. */
    interface Body<T> {
        T run(Segment segment, long epoch);
    }

    OptimisticReader(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    <T> T read(Segment s, Body<T> body) {
        long deadline = System.nanoTime() + timeoutNanos;
        int attempts = 0;
        String last = "none";
        while (true) {
            for (int w = 0; s.inProgress(); w++) {
                if (System.nanoTime() - deadline >= 0) {
                    throw new StatsBusyException(s.origin() + ": in_progress stayed set for "
                            + timeoutNanos / 1_000_000 + " ms (VPP holds its stats lock, or died holding it); "
                            + attempts + " reads tried, last problem: " + last, true, attempts);
                }
                pause(w);
            }
            long epoch = s.epoch();
            attempts++;
            T result = null;
            boolean ok = false;
            try {
                result = body.run(s, epoch);
                ok = true;
            } catch (Inconsistent | IndexOutOfBoundsException e) {
                last = e.getMessage();
            }
            VarHandle.acquireFence();
            if (ok && !s.inProgress() && s.epoch() == epoch) {
                return result;
            }
            if (ok) {
                last = "directory changed during the read (epoch " + epoch + " -> " + s.epoch() + ")";
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StatsBusyException(s.origin() + ": no consistent read within " + timeoutNanos / 1_000_000
                        + " ms after " + attempts + " attempts; last problem: " + last, false, attempts);
            }
            pause(attempts);
        }
    }

    private static void pause(int round) {
        if (round < SPINS) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(PARK_NANOS);
        }
    }
}
