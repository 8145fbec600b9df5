package io.jvppmux.impl.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes named daemon threads ({@code jvppmux-<role>-<n>}) and remembers them, so that closing the mux
 * can wait until every thread it started has ended.
 */
public final class NamedThreadFactory implements ThreadFactory {
    /** The prefix of every thread the mux starts. */
    public static final String PREFIX = "jvppmux-";

    private final String name;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    /** @param role e.g. {@code dispatcher} or {@code callback} */
    public NamedThreadFactory(String role) {
        this.name = PREFIX + role + "-";
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name + count.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /** Interrupts every thread made here that is still alive. */
    public void interruptAll() {
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
    }

    /** Whether the calling thread was made here. */
    public boolean isCurrentThreadMine() {
        return threads.contains(Thread.currentThread());
    }

    /**
     * Waits until every thread made here has ended, at most {@code timeout} in all; the calling thread itself
     * (closing the mux from one of its own threads) is not waited for.
     */
    public boolean join(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            if (t == Thread.currentThread()) {
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
