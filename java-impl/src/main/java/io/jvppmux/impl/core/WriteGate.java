package io.jvppmux.impl.core;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * Makes "check the connection generation, then write" atomic with respect to a reconnect, so a message
 * encoded with the ids of one connection never reaches the next: writers hold the read side around their
 * check and their write; the mux takes the write side once after disconnecting, which waits until every
 * write that passed its check has returned. One CAS per write, no allocation.
 */
final class WriteGate {
    private final StampedLock lock = new StampedLock();

    /** Enters the gate (before checking the generation); pass the stamp to {@link #leave}. */
    long enter() {
        return lock.readLock();
    }

    void leave(long stamp) {
        lock.unlockRead(stamp);
    }

    /**
     * Waits until no writer is inside, at most {@code timeout}.
     *
     * @return false when a writer is still inside (blocked in the transport) after {@code timeout}
     */
    boolean drain(Duration timeout) throws InterruptedException {
        long stamp = lock.tryWriteLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (stamp == 0) {
            return false;
        }
        lock.unlockWrite(stamp);
        return true;
    }
}
