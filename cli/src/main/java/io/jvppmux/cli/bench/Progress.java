package io.jvppmux.cli.bench;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The progress line on stderr: about once a second, while a phase has run for a second or more, one line
 * with the phase, the requests done and the rate since the last line. Short phases print nothing. One
 * daemon thread ({@code jvppmux-bench-progress}), idle between ticks.
 */
final class Progress implements AutoCloseable {
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PrintWriter err;
    private final Thread thread;
    private volatile Phase phase;
    private volatile boolean closed;

    /** @param enabled false: no thread, nothing printed */
    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        if (enabled) {
            thread = new Thread(this::loop, "jvppmux-bench-progress");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    /** Starts reporting on a phase of {@code total} requests; returns the counter its callers add to. */
    Counter start(String label, long total) {
        Phase p = new Phase(label, total, System.nanoTime());
        phase = p;
        return p.counter;
    }

    /** Stops reporting on the current phase. */
    void stop() {
        phase = null;
    }

    private void loop() {
        Phase last = null;
        long lastDone = 0;
        long lastAt = 0;
        while (!closed) {
            try {
                TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
            } catch (InterruptedException e) {
                return;
            }
            Phase p = phase;
            long now = System.nanoTime();
            if (p == null || now - p.startedAt < TICK_NANOS) {
                continue;
            }
            long done = p.counter.done.sum();
            if (p != last) {
                last = p;
                lastDone = 0;
                lastAt = p.startedAt;
            }
            double rate = (done - lastDone) * 1e9 / Math.max(1, now - lastAt);
            err.printf("bench: %s: %,d of %,d requests, %,.0f req/s%n", p.label, done, p.total, rate);
            err.flush();
            lastDone = done;
            lastAt = now;
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Phase(String label, long total, long startedAt, Counter counter) {
        Phase(String label, long total, long startedAt) {
            this(label, total, startedAt, new Counter());
        }
    }

    /** Requests done in the current phase; callers add in batches to keep it off their fast path. */
    static final class Counter {
        private final LongAdder done = new LongAdder();

        void add(long n) {
            done.add(n);
        }
    }
}
