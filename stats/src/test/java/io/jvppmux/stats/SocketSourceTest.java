package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsUnavailableException;
import io.jvppmux.mock.stats.MockVppStats;
import io.jvppmux.mock.stats.StatsSocketServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats socket source. Where jvpp-shim's native helper is loadable, the whole path runs: mock-vpp
 * serves its segment's fd with SCM_RIGHTS, the client receives, maps and reads it, and a restart behind the
 * same socket is remapped. Where it is not, connecting fails with one line that says why.
 */
class SocketSourceTest {
    @TempDir
    Path dir;

    private static long openFds() {
        try (java.util.stream.Stream<Path> l = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return l.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void withoutTheNativeHelperTheFailureIsOneClearLine() {
        if (NativeStatsFd.unavailabilityCause() == null) {
            assertThatThrownBy(() -> StatsClients.connectSocket(dir.resolve("missing.sock")))
                    .isInstanceOf(StatsUnavailableException.class).hasMessageContaining("no stats socket at")
                    .hasMessageContaining("ENOENT");
            return;
        }
        assertThatThrownBy(() -> StatsClients.connectSocket(dir.resolve("stats.sock")))
                .isInstanceOf(StatsUnavailableException.class).hasMessageContaining("native stats helper")
                .hasMessageNotContaining("\n");
    }

    @Test
    void segmentFdReceivedOverTheSocketWhenTheHelperIsThere() {
        if (NativeStatsFd.unavailabilityCause() != null) {
            assertThat(StatsSocketServer.isSupported()).isFalse();
            return; // the file source covers the parser; this path needs jvpp-shim's stats_fd.c built
        }
        Path sock = dir.resolve("stats.sock");
        MockVppStats m = StatsFixture.mock(dir, 2);
        m.addInterface("sock0");
        StatsOptions o = StatsFixture.fast().withProbeInterval(Duration.ofMillis(1))
                .withHeartbeatTimeout(Duration.ofMillis(50));
        try (StatsSocketServer server = StatsSocketServer.serve(sock, m.segment().file());
             StatsClient c = StatsClients.connect(StatsSegmentSource.fromSocket(sock), o)) {
            assertThat(c.interfaceStats()).extracting(InterfaceCounters::name).containsExactly("local0", "sock0");
            long servedBy = System.nanoTime() + 5_000_000_000L;
            while (server.served() < 1 && System.nanoTime() < servedBy) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // the server counts after sending
            }
            assertThat(server.served()).isGreaterThanOrEqualTo(1);
            long fds = openFds();
            for (int i = 0; i < 20; i++) {
                StatsClients.connect(StatsSegmentSource.fromSocket(sock), o).close();
            }
            // the server closes its end of each connection on its own thread: allow it a moment and a slack of
            // 2 for the rest of the JVM; a leak per cycle would be 20 or more
            long settleBy = System.nanoTime() + 2_000_000_000L;
            while (openFds() > fds && System.nanoTime() < settleBy) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
            }
            assertThat(openFds()).as("received fds are closed after mapping").isLessThanOrEqualTo(fds + 2);
            m.restart().addInterface("after");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (c.health().remaps() == 0 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            assertThat(c.interfaceStats()).extracting(InterfaceCounters::name).containsExactly("local0", "after");
        }
        assertThatThrownBy(() -> StatsClients.connectSocket(sock)).isInstanceOf(StatsUnavailableException.class)
                .hasMessageContaining("no stats socket at " + sock);
    }
}
