package io.jvppmux.impl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.leaks.JvmGauges;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The socket transport and the mux behind it fed mutated frames and handshakes by a fake peer
 * ({@link MutatingProxy} in front of mock-vpp's socket face) while four threads send requests: every request
 * ends in a reply or a specific exception within its bound, the mux counts what it drops and reconnects when
 * the stream is corrupt, its dispatcher survives, and once the peer behaves again the mux works, with no more
 * threads, heap or direct memory than before. Seeded ({@code -Djvppmux.fuzz.seed}); {@code
 * -Djvppmux.fuzz.socket-seconds} runs longer ({@code ci/fuzz.sh}).
 */
@Timeout(600)
class SocketTransportFuzzTest {
    private static final long SEED = Long.getLong("jvppmux.fuzz.seed", 13);
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("jvppmux.fuzz.socket-seconds", 8));
    private static final int MAX_MESSAGE = 256 * 1024;
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(300);
    /** A request may wait its reply timeout twice (pipelined pair) plus a connect attempt. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final double RATE = 0.08;

    @Test
    void mutatedFramesAndHandshakesNeverHangKillTheDispatcherOrLeak() throws Exception {
        Path dir = Files.createTempDirectory("jvppmux-fuzz");
        try (MockVpp vpp = MockVpp.start();
             MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
             MutatingProxy proxy = new MutatingProxy(dir.resolve("fuzz.sock"), server.path(), SEED, MAX_MESSAGE)) {
            JvppMux mux = JvppMux.connect(config(proxy.path()), new SocketTransport());
            try {
                Thread dispatcher = dispatcher();
                Set<String> threadsBefore = names(MuxThreads.alive());
                long heapBefore = JvmGauges.heapAfterGc();
                long directBefore = JvmGauges.directBytesAfterGc();

                proxy.mutate(RATE);
                Traffic traffic = new Traffic(mux, REPLY_TIMEOUT, BOUND);
                traffic.start(4, SEED);
                Thread.sleep(RUN.toMillis());
                proxy.mutate(0);
                traffic.stop();

                assertThat(traffic.violations()).as("requests that hung or failed with a non-VPP exception").isEmpty();
                awaitWorking(mux);
                MetricsSnapshot m = mux.metrics();
                report(proxy, traffic, m);
                assertThat(dispatcher.isAlive()).as("the dispatcher thread survived").isTrue();
                assertThat(proxy.mutated()).as("frames mutated").isGreaterThan(100);
                assertThat(m.malformedDrops() + m.unknownIds() + m.staleDrops() + m.dispatchErrors())
                        .as("messages the mux counted and dropped").isPositive();
                assertThat(m.reconnects()).as("reconnects after corrupt streams").isPositive();
                awaitThreads(threadsBefore);
                assertThat(JvmGauges.heapAfterGc()).as("heap after GC").isLessThan(heapBefore + (32L << 20));
                assertThat(JvmGauges.directBytesAfterGc()).as("direct memory (old connections' buffers freed)")
                        .isLessThan(directBefore + 2L * MAX_MESSAGE + (4L << 20));
            } finally {
                mux.close();
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    private static MuxConfig config(Path socket) {
        return MuxConfig.builder().socketPath(socket).maxMessageSize(MAX_MESSAGE).replyTimeout(REPLY_TIMEOUT)
                .connectTimeout(Duration.ofSeconds(1)).healthCheckProbeInterval(Duration.ofMillis(200))
                .healthCheckReplyTimeout(Duration.ofMillis(150)).retryConnectTimeout(Duration.ofMillis(10))
                .reconnectBackoffMax(Duration.ofMillis(100)).build();
    }

    /** With the peer faithful again, a call succeeds within 20 s (a desynchronised stream ends in a reconnect first). */
    private static void awaitWorking(JvppMux mux) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (ApiChannel ch = mux.newApiChannel()) {
            while (true) {
                try {
                    ch.call(new ControlPing());
                    return;
                } catch (VppException e) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the mux did not work again within 20 s of the peer behaving", e);
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static Thread dispatcher() {
        return MuxThreads.alive().stream().filter(t -> t.getName().startsWith("jvppmux-dispatcher-")).findFirst()
                .orElseThrow(() -> new AssertionError("no dispatcher thread: " + names(MuxThreads.alive())));
    }

    /** The mux's threads come back to what they were before the fuzzing (one receive thread, no leftovers). */
    private static void awaitThreads(Set<String> before) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (MuxThreads.alive().size() > before.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(MuxThreads.alive().size()).as("mux threads %s, before %s", names(MuxThreads.alive()), before)
                .isLessThanOrEqualTo(before.size());
    }

    private static Set<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void report(MutatingProxy proxy, Traffic traffic, MetricsSnapshot m) {
        StringBuilder kinds = new StringBuilder();
        for (FrameMutator.Kind k : FrameMutator.Kind.values()) {
            kinds.append(' ').append(k.name().toLowerCase()).append('=').append(proxy.count(k));
        }
        System.out.printf("FUZZ-FIGURE socket seed=%d seconds=%d inputs=%d connections=%d bytes=%d%s%n",
                SEED, RUN.toSeconds(), proxy.mutated(), proxy.connections(), proxy.bytesSent(), kinds);
        System.out.printf("FUZZ-FIGURE socket outcomes=%s slowest=%dms malformed=%d unknownIds=%d stale=%d"
                        + " dispatchErrors=%d reconnects=%d%n", traffic.outcomes(), traffic.slowest().toMillis(),
                m.malformedDrops(), m.unknownIds(), m.staleDrops(), m.dispatchErrors(), m.reconnects());
    }
}
