package io.jvppmux.impl.transport.socket;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which thread reads the socket now ("leader/follower"). A thread that waits for a reply reads the socket itself
 * when nobody else does, as a C client blocks in its own {@code read}: the reply wakes the thread that wants it,
 * not a receive thread that then wakes it (one thread hop less per round trip: the measured gap to a C client).
 * Whatever the reader reads is delivered to the sink as usual (other channels' replies, events), whoever it is for.
 *
 * <ul>
 *   <li>{@link #tryTake}: become the reader if nobody is.</li>
 *   <li>{@link #enlist}: another thread reads; wait in line (on the waiter's own monitor) to be handed the role,
 *       then {@link #leave} (false: it was handed over).</li>
 *   <li>{@link #release}: give the role to the longest-waiting enlisted thread, else to nobody. A thread that
 *       enlisted after the releaser looked finds the role free on its second {@link #tryTake}, so no waiter is
 *       left without a reader.</li>
 * </ul>
 * The receive thread takes the role only when nobody has read for {@link #IDLE_GRACE_NANOS} (events, replies of
 * callers that do not wait), and hands it over when a waiting thread asks ({@link #handoffWanted}). The role's
 * hand-over (a volatile write, then read) orders everything the last reader did before what the next one does.
 */
final class ReaderRole {
    /**
     * How long the role stays free after a caller read before the receive thread takes it back: longer than a
     * caller takes between two waits (sending a window of 100 pipelined requests takes 0.3-0.5 ms; 0.2 ms here
     * measured 0.73 of a C client's pipelined rate against VPP, 1 ms 0.98-1.03), short enough that an event or
     * a reply nobody waits for is read within it when no caller reads.
     */
    static final long IDLE_GRACE_NANOS = 1_000_000;

    private final AtomicReference<Thread> reader = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private volatile long lastRelease = System.nanoTime() - IDLE_GRACE_NANOS;
    /** Set by a thread that enlisted while the receive thread reads: it gives the role up at its next wake. */
    volatile boolean handoffWanted;

    /** Becomes the reader if nobody is. */
    boolean tryTake() {
        return reader.get() == null && reader.compareAndSet(null, Thread.currentThread());
    }

    Thread holder() {
        return reader.get();
    }

    /** The calling thread reads no more: the role goes to the longest waiter, else to nobody. */
    void release() {
        lastRelease = System.nanoTime();
        while (true) {
            Waiter w;
            while ((w = waiters.poll()) != null) {
                if (w.grant()) {
                    reader.set(w.thread);
                    w.wake();
                    return;
                }
            }
            reader.set(null);
            if (waiters.isEmpty() || !tryTake()) {
                return;
            }
        }
    }

    /** Nanoseconds since a reader last gave the role up. */
    long sinceRelease() {
        return System.nanoTime() - lastRelease;
    }

    /** Waits in line for the role; {@link #leave} when done waiting. */
    Waiter enlist(Object monitor) {
        Waiter w = new Waiter(Thread.currentThread(), monitor);
        waiters.add(w);
        return w;
    }

    /**
     * Leaves the line (and the queue at once, so that threads whose replies another reader delivered do not pile
     * up behind a reader that waits long for its own); false when the role was granted meanwhile: the caller
     * reads now and must {@link #release}.
     */
    boolean leave(Waiter w) {
        if (!w.cancel()) {
            return false;
        }
        waiters.remove(w);
        return true;
    }

    /** Threads in line (for tests). */
    int waiting() {
        return waiters.size();
    }

    /** A thread in line for the role. */
    static final class Waiter {
        private static final int WAITING = 0;
        private static final int GRANTED = 1;
        private static final int CANCELLED = 2;
        final Thread thread;
        private final Object monitor;
        private final AtomicInteger state = new AtomicInteger(WAITING);

        private Waiter(Thread thread, Object monitor) {
            this.thread = thread;
            this.monitor = monitor;
        }

        boolean granted() {
            return state.get() == GRANTED;
        }

        private boolean grant() {
            return state.compareAndSet(WAITING, GRANTED);
        }

        /** Leaves the line; false when the role was granted meanwhile. */
        private boolean cancel() {
            return state.compareAndSet(WAITING, CANCELLED) || state.get() == CANCELLED;
        }

        private void wake() {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }
}
