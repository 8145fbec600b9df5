package io.jvppmux.impl.reconnect;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.Tally;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads calling {@code show_version} without pause, each on its own channel, as plugins would. A call that
 * fails with NotConnectedException waits for the mux's next CONNECTED event (no spinning while VPP is away);
 * any other failure is kept. After {@link #recovered()}, a call that fails at all is counted apart.
 */
final class Traffic {
    final Tally successes = new Tally();
    final AtomicLong notConnected = new AtomicLong();
    final AtomicLong failuresAfterRecovery = new AtomicLong();
    final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final Tally connects = new Tally();
    private final ExecutorService pool;
    private volatile boolean stop;
    private volatile boolean recovered;

    Traffic(JvppMux mux, int threads) {
        mux.addConnectionListener(e -> {
            if (e.state() == ConnectionState.CONNECTED) {
                connects.increment();
            }
        });
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
                long seen = connects.get();
                try {
                    ch.call(new ShowVersion());
                    successes.increment();
                } catch (NotConnectedException e) {
                    failed(after);
                    notConnected.incrementAndGet();
                    connects.await(seen + 1, ReconnectFixture.WAIT);
                } catch (RuntimeException e) {
                    failed(after);
                    unexpected.add(e);
                }
            }
        } catch (InterruptedException | AssertionError e) {
            unexpected.add(e);
        }
    }

    private void failed(boolean afterRecovery) {
        if (afterRecovery) {
            failuresAfterRecovery.incrementAndGet();
        }
    }

    /** From now on every call must succeed. */
    void recovered() {
        recovered = true;
    }

    /** Stops the threads and waits for them; idempotent. */
    void stop() throws InterruptedException {
        stop = true;
        pool.shutdown();
        if (!pool.awaitTermination(ReconnectFixture.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("traffic threads did not stop within " + ReconnectFixture.WAIT);
        }
    }
}
