package io.jvppmux.impl.core;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mux's own threads besides the dispatcher: a callback pool that completes futures (user code runs
 * there, never on the transport's or the dispatcher's thread) and one timer thread for the timeouts of
 * asynchronous calls. Both use daemon threads named {@code jvppmux-callback-N} and
 * {@code jvppmux-timer-N}; cancelled timeouts are removed at once (no timer leak, cf. FDio/govpp#120).
 */
public final class MuxExecutors {
    private static final Logger log = LoggerFactory.getLogger(MuxExecutors.class);

    private final NamedThreadFactory callbackThreads = new NamedThreadFactory("callback");
    private final NamedThreadFactory timerThreads = new NamedThreadFactory("timer");
    private final ThreadPoolExecutor callbacks;
    private final ScheduledThreadPoolExecutor timer;

    /** @param callbackThreadCount threads of the callback pool */
    public MuxExecutors(int callbackThreadCount) {
        callbacks = new ThreadPoolExecutor(callbackThreadCount, callbackThreadCount, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), callbackThreads);
        timer = new ScheduledThreadPoolExecutor(1, timerThreads);
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Where futures are completed. */
    public Executor callbacks() {
        return this::runCallback;
    }

    private void runCallback(Runnable task) {
        try {
            callbacks.execute(task);
        } catch (RejectedExecutionException e) {
            // only after close(), which fails every request first: run it on a throwaway daemon thread
            log.debug("callback executor is shut down; completing on a spare thread");
            Thread t = new Thread(task, NamedThreadFactory.PREFIX + "late-callback");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Runs {@code task} on the timer thread every {@code nanos} until the executors shut down; a failure is logged. */
    public void scheduleEvery(Runnable task, long nanos) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("periodic task failed (it runs again)", e);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the timer thread after {@code nanos}. */
    public ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return timer.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Stops both pools, letting queued callbacks run, and waits for their threads, at most {@code timeout} each;
     * called from a callback (closing the mux from a future's callback), it does not wait for the pool.
     */
    public void shutdown(Duration timeout) throws InterruptedException {
        timer.shutdownNow();
        callbacks.shutdown();
        if (callbackThreads.isCurrentThreadMine()) {
            return;
        }
        if (!callbacks.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("callbacks still running after {}; interrupting them", timeout);
            callbacks.shutdownNow();
        }
        timer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        callbackThreads.join(timeout);
        timerThreads.join(timeout);
    }
}
