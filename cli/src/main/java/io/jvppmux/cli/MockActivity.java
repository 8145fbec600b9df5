package io.jvppmux.cli;

import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.stats.MockVppStats;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Against the embedded mock only, so that long-running commands show something without a live VPP: every
 * {@code period} local0's link goes up or down (an {@code sw_interface_event}) and, in the embedded stats
 * segment, the first interface after local0 receives and sends a few packets.
 */
final class MockActivity implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private MockActivity(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts; does nothing when both are null (a live VPP). */
    static MockActivity start(MockVpp vpp, MockVppStats stats, Duration period) {
        if (vpp == null && stats == null) {
            return new MockActivity(null);
        }
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jvppmux-mock-activity");
            t.setDaemon(true);
            return t;
        });
        boolean[] up = {false};
        timer.scheduleAtFixedRate(() -> {
            up[0] = !up[0];
            if (vpp != null) {
                vpp.setInterfaceState(0, true, up[0]);
            }
            if (stats != null) {
                stats.addTraffic(1, 0, "rx", 10, 15_000);
                stats.addTraffic(1, 0, "tx", 8, 12_000);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
        return new MockActivity(timer);
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
