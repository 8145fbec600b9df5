package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 channels driven by 16 threads (4 channels each), 10,000 requests per channel, in-process mock: every
 * reply is accounted for, none is lost, stale, overflowed or timed out. Each thread alternates synchronous
 * calls and pipelined asynchronous windows of 32.
 */
@Timeout(120)
class StressTest {
    private static final int THREADS = 16;
    private static final int CHANNELS_PER_THREAD = 4;
    private static final int REQUESTS_PER_CHANNEL = 10_000;
    private static final int WINDOW = 32;

    @Test
    void everyReplyOfSixtyFourChannelsIsAccountedFor() throws Exception {
        LongAdder received = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (MockVpp vpp = MockVpp.builder().receivedLogCapacity(0).start();
             JvppMux mux = JvppMux.connect(MuxConfig.builder().replyTimeout(Duration.ofSeconds(10)).build(),
                     vpp.newTransport())) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> drive(mux, received)));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            long total = (long) THREADS * CHANNELS_PER_THREAD * REQUESTS_PER_CHANNEL;
            assertThat(received.sum()).isEqualTo(total);
            MetricsSnapshot m = mux.metrics();
            assertThat(m.requests()).isEqualTo(total);
            assertThat(m.replies()).isEqualTo(total);
            assertThat(m.timeouts() + m.overflowDrops() + m.staleDrops() + m.unknownIds() + m.malformedDrops()).isZero();
            assertThat(m.inFlight()).isZero();
            assertThat(m.latency().count()).as("every round trip in the histogram").isEqualTo(total);
            assertThat(m.message("show_version").completed()).isEqualTo(total);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void drive(JvppMux mux, LongAdder received) {
        List<ApiChannel> channels = new ArrayList<>();
        for (int c = 0; c < CHANNELS_PER_THREAD; c++) {
            channels.add(mux.newApiChannel());
        }
        int[] sent = new int[CHANNELS_PER_THREAD];
        boolean more = true;
        while (more) {
            more = false;
            for (int c = 0; c < CHANNELS_PER_THREAD; c++) {
                int n = Math.min(WINDOW, REQUESTS_PER_CHANNEL - sent[c]);
                if (n > 0) {
                    roundOf(channels.get(c), n, sent[c] % (2 * WINDOW) == 0, received);
                    sent[c] += n;
                    more = true;
                }
            }
        }
        channels.forEach(ApiChannel::close);
    }

    private static void roundOf(ApiChannel ch, int n, boolean sync, LongAdder received) {
        if (sync) {
            for (int i = 0; i < n; i++) {
                assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
                received.increment();
            }
            return;
        }
        List<CompletableFuture<ShowVersionReply>> window = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            window.add(ch.callAsync(new ShowVersion()));
        }
        for (CompletableFuture<ShowVersionReply> f : window) {
            assertThat(f.join().program()).isEqualTo("vpe");
            received.increment();
        }
    }
}
