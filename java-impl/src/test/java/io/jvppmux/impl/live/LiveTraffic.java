package io.jvppmux.impl.live;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.vpe.ShowVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * Plugin-like traffic on a live VPP: threads calling {@code show_version} without pause, each on its own channel.
 * Every call ends one way: a reply, {@link NotConnectedException}, {@link ReplyTimeoutException}, or something
 * else (kept, to fail the test). After a failure a thread pauses 20 ms (no spinning while VPP is away). After
 * {@link #recovered()} every failure is counted apart. The longest call is kept: none may hang.
 */
final class LiveTraffic {
    final AtomicLong replies = new AtomicLong();
    final AtomicLong notConnected = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong failuresAfterRecovery = new AtomicLong();
    final AtomicLong repliesAfterRecovery = new AtomicLong();
    final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final LongAccumulator longestNanos = new LongAccumulator(Math::max, 0);
    private final ExecutorService pool;
    private volatile boolean stop;
    private volatile boolean recovered;

    /** Starts {@code threads} callers, each on a new channel of {@code mux}. */
    LiveTraffic(VppMux mux, int threads) {
        pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            ApiChannel ch = mux.newApiChannel();
            pool.execute(() -> run(ch));
        }
    }

    private void run(ApiChannel ch) {
        try (ch) {
            while (!stop) {
                boolean after = recovered;
                long start = System.nanoTime();
                boolean ok = false;
                try {
                    ch.call(new ShowVersion());
                    ok = true;
                    replies.incrementAndGet();
                    if (after) {
                        repliesAfterRecovery.incrementAndGet();
                    }
                } catch (NotConnectedException e) {
                    notConnected.incrementAndGet();
                } catch (ReplyTimeoutException e) {
                    timeouts.incrementAndGet();
                } catch (RuntimeException e) {
                    unexpected.add(e);
                }
                longestNanos.accumulate(System.nanoTime() - start);
                if (!ok) {
                    if (after) {
                        failuresAfterRecovery.incrementAndGet();
                    }
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on every call must succeed. */
    void recovered() {
        recovered = true;
    }

    /** The longest call so far. */
    Duration longestCall() {
        return Duration.ofNanos(longestNanos.get());
    }

    /** Stops the callers and waits for them (at most {@code bound}). @throws AssertionError when one hangs */
    void stop(Duration bound) throws InterruptedException {
        stop = true;
        pool.shutdown();
        if (!pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("a traffic thread did not end within " + bound + ": a call hangs");
        }
    }

    @Override
    public String toString() {
        return replies + " replies, " + notConnected + " NotConnectedException, " + timeouts
                + " ReplyTimeoutException, " + unexpected.size() + " other; longest call " + longestCall().toMillis()
                + " ms";
    }
}
