package io.jvppmux.impl.core;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * How many bytes of written messages VPP may hold unanswered at once, for a transport whose messages live in memory
 * VPP shares with the client ({@link io.jvppmux.api.spi.VppTransport#maxBytesInFlight}: shared memory, where every
 * message is allocated in VPP's API segment until VPP has handled it, and a full segment aborts the client and leaves
 * VPP waiting forever on the lock the client died holding; docs/PROTOCOL.md 7.3).
 *
 * <p>Every write is counted, in the order it reaches the transport (writes are serialised here, so the count is that
 * order), and the request it belongs to keeps the count after its own message: its <em>mark</em>. VPP handles a
 * client's messages in the order written, so a reply to a request means that every message up to that request's mark
 * has been handled and freed: {@link #consumed} moves the consumed count forward. Bytes in flight are the written
 * count minus the consumed one; a write that would take them past the limit waits ({@link #awaitRoom}) until replies
 * bring them down, bounded by the caller's deadline. A message is always let through when nothing is in flight, so a
 * message larger than the limit is not refused forever. A reply that never comes (a request timed out) leaves its
 * bytes counted until a later reply or the next connection ({@link #reset}): VPP may still hold them.
 */
public final class EgressBudget {
    private final long limit;
    /** Serialises counting and writing; the written count is guarded by it. */
    private final ReentrantLock order = new ReentrantLock();
    private volatile long written;
    private final AtomicLong consumed = new AtomicLong();
    private final Object room = new Object();
    private volatile int waiters;

    /** @param limit bytes VPP may hold unanswered, positive */
    public EgressBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("bytes in flight: " + limit + " must be positive");
        }
        this.limit = limit;
    }

    /** The limit. */
    public long limit() {
        return limit;
    }

    /** Bytes written and not known to be handled by VPP. */
    public long inFlight() {
        return Math.max(0, written - consumed.get());
    }

    private boolean fits(int length) {
        long n = inFlight();
        return n == 0 || n + length <= limit;
    }

    /**
     * Waits until {@code length} more bytes fit, at most until {@code deadlineNanos} ({@link System#nanoTime}).
     *
     * @return false when they still do not fit at the deadline
     */
    public boolean awaitRoom(int length, long deadlineNanos) throws InterruptedException {
        if (fits(length)) {
            return true;
        }
        synchronized (room) {
            waiters++;
            try {
                while (!fits(length)) {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(room, left);
                }
                return true;
            } finally {
                waiters--;
            }
        }
    }

    /**
     * Counts {@code length} bytes and runs {@code write}, unless they no longer fit (another writer came first): then
     * does nothing and returns false. {@code mark} gets the count after this message before the write starts, so a
     * reply can never find its request without it. A write that throws is not counted.
     *
     * @param always count and write even past the limit (the mux's own short answers, which must never wait)
     */
    public boolean write(int length, boolean always, LongConsumer mark, Runnable write) {
        order.lock();
        try {
            if (!always && !fits(length)) {
                return false;
            }
            long after = written + length;
            mark.accept(after);
            written = after;
            try {
                write.run();
            } catch (RuntimeException | Error e) {
                written = after - length;
                throw e;
            }
            return true;
        } finally {
            order.unlock();
        }
    }

    /** A reply to the request of {@code mark} arrived: VPP has handled every message up to it. */
    public void consumed(long mark) {
        long c = consumed.get();
        while (c < mark) {
            if (consumed.compareAndSet(c, mark)) {
                wakeWaiters();
                return;
            }
            c = consumed.get();
        }
    }

    /** A new connection: nothing written on the old one is in VPP's memory any more. */
    public void reset() {
        order.lock();
        try {
            consumed.set(written);
        } finally {
            order.unlock();
        }
        wakeWaiters();
    }

    private void wakeWaiters() {
        if (waiters > 0) {
            synchronized (room) {
                room.notifyAll();
            }
        }
    }
}
