package io.jvppmux.impl.channel;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * A bound on things taken on one side and given back on another, without the two sides writing the same
 * memory: a channel's request-buffer permits (taken by senders, given back when the request ends, mostly on
 * the routing thread) and its reply-buffer slots (taken by the routing thread, given back when the requester
 * takes the reply). A {@link java.util.concurrent.Semaphore} or one atomic counter would be written by both
 * threads on every request, pulling its cache line from one core to the other twice per request.
 *
 * <p>Here each side counts in its own padded cache line ({@link Side}); a taker reads the other side's count
 * only when its last view of it says the bound is reached, and keeps what it read as that view (the
 * Disruptor's cached gating sequence). The view only ever lags the true count, so a taker may re-read too
 * often, never take too many. Counts are ints that wrap; only differences are used, which stay within
 * {@code size} plus the number of concurrent takers.
 *
 * <p>Waiting for a credit ({@link #take}) is the slow path, on this object's monitor: a waiter announces
 * itself in the giving side's line before it checks again, and a giver looks there after it counted, so
 * one of the two always sees the other (both are volatile, i.e. sequentially consistent).
 */
final class Credits {
    private static final VarHandle COUNT;
    private static final VarHandle WAITERS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            COUNT = lookup.findVarHandle(SideFields.class, "count", int.class);
            WAITERS = lookup.findVarHandle(SideFields.class, "waiters", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int size;
    /** Written by takers only: how many were taken, and their last view of {@link #given}. */
    private final Side taken = new Side();
    /** Written by givers only (and by waiters announcing themselves, rarely). */
    private final Side given = new Side();
    private volatile boolean closed;

    /** @param size how many may be out at once, at least 1 */
    Credits(int size) {
        this(size, 0);
    }

    /** @param start where both counts start (tests start them just below the int wrap) */
    Credits(int size, int start) {
        if (size < 1) {
            throw new IllegalArgumentException("credits: size " + size + " must be at least 1");
        }
        this.size = size;
        taken.count = start;
        taken.seenOther = start;
        given.count = start;
    }

    /** Takes one credit unless {@code size} are out; never waits. */
    boolean tryTake() {
        Side t = taken;
        while (true) {
            int n = t.count;
            if (n - t.seenOther >= size) {
                int g = given.count;
                t.seenOther = g;
                if (n - g >= size) {
                    return false;
                }
            }
            if (COUNT.compareAndSet(t, n, n + 1)) {
                return true;
            }
        }
    }

    /**
     * Takes one credit, waiting up to {@code timeoutNanos} for one to be given back.
     *
     * @return false when none came back in time, or when {@link #close} was called
     */
    boolean take(long timeoutNanos) throws InterruptedException {
        if (tryTake()) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            WAITERS.getAndAdd(given, 1);
            try {
                while (!tryTake()) {
                    long left = deadline - System.nanoTime();
                    if (closed || left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return true;
            } finally {
                WAITERS.getAndAdd(given, -1);
            }
        }
    }

    /** Gives one credit back (any thread), waking a taker that waits for it. */
    void giveBack() {
        Side g = given;
        COUNT.getAndAdd(g, 1);
        if (g.waiters != 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /** Credits out now (taken and not given back). */
    int out() {
        int g = given.count;
        return Math.max(0, Math.min(size, taken.count - g));
    }

    /** Wakes every waiting taker and makes later waits return false at once (the channel closed). */
    void close() {
        closed = true;
        synchronized (this) {
            notifyAll();
        }
    }

    /** Padding before a side's fields: nothing allocated just before it shares their cache line. */
    @SuppressWarnings("unused")
    private static class SidePad {
        private long p1, p2, p3, p4, p5, p6, p7, p8;
    }

    /** One side's fields (superclass fields are laid out first, so the padding stays around them). */
    private static class SideFields extends SidePad {
        volatile int count;
        /** The taker's last view of the giving side's count (a hint that only lags). */
        int seenOther;
        volatile int waiters;
    }

    /** Padding after a side's fields. */
    @SuppressWarnings("unused")
    private static final class Side extends SideFields {
        private long q1, q2, q3, q4, q5, q6, q7, q8;
    }
}
