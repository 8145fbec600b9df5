package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.VppTransportException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A native call that may block far longer than anyone should wait ({@code vac_connect} up to ~100 s,
 * {@code vac_disconnect} 7 s or forever: docs/PROTOCOL.md 2.11), run on its own named daemon thread. The caller
 * waits up to a bound; past it the call is abandoned: it keeps running, and when it ends
 * {@code whenAbandoned} gets its failure (null on success) on that thread, to undo or release.
 */
final class BoundedCall {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final Thread thread;
    private volatile RuntimeException failure;

    BoundedCall(String threadName, Runnable call, Consumer<RuntimeException> whenAbandoned) {
        thread = new Thread(() -> {
            RuntimeException f = null;
            try {
                call.run();
            } catch (RuntimeException e) {
                f = e;
            }
            failure = f;
            if (!state.compareAndSet(RUNNING, DONE)) {
                whenAbandoned.accept(f);
            }
        }, threadName);
        thread.setDaemon(true);
    }

    /**
     * Starts the call and waits up to {@code bound}.
     *
     * @return true when it ended in time (its exception is rethrown), false when it was abandoned
     */
    boolean runWithin(Duration bound) {
        thread.start();
        try {
            thread.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                throw new VppTransportException("interrupted while waiting for " + thread.getName());
            }
        }
        if (state.compareAndSet(RUNNING, ABANDONED)) {
            return false;
        }
        join(bound);
        RuntimeException f = failure;
        if (f != null) {
            throw f;
        }
        return true;
    }

    /** Starts the call without waiting, abandoned from the start. */
    void runDetached() {
        state.set(ABANDONED);
        thread.start();
    }

    private void join(Duration bound) {
        try {
            thread.join(Math.max(1, bound.toMillis())); // it has finished its call: ends at once
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Thread thread() {
        return thread;
    }
}
