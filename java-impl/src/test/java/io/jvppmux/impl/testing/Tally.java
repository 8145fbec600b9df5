package io.jvppmux.impl.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A counter that tests can wait on. */
public final class Tally {
    private long count;

    /** Adds one. */
    public synchronized void increment() {
        count++;
        notifyAll();
    }

    /** The count now. */
    public synchronized long get() {
        return count;
    }

    /** Waits until the count reaches {@code target}. @throws AssertionError when it does not in time */
    public synchronized void await(long target, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count < target) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("count " + count + " did not reach " + target + " within " + timeout.toMillis()
                        + " ms");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
