package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsHealth;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.api.stats.StatsStaleSegmentException;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dead VPP (frozen heartbeat, stuck in_progress) and a restarted one (new segment) are detected. */
class RestartTest {
    @TempDir
    Path dir;

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() < deadline).as("timed out awaiting " + what).isTrue();
            LockSupport.parkNanos(5_000_000);
        }
    }

    @Test
    void aRestartedVppIsRemappedOnTheNextProbe() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsFixture.fast().withProbeInterval(Duration.ofMillis(1));
        try (StatsClient c = StatsFixture.client(m, o)) {
            assertThat(c.interfaceStats()).extracting(InterfaceCounters::name).containsExactly("local0");
            MockVppStats after = m.restart();
            after.addInterface("after-restart");
            assertThat(c.health().remaps()).isEqualTo(1);
            assertThat(c.interfaceStats()).extracting(InterfaceCounters::name).containsExactly("local0", "after-restart");
            m.addInterface("old-vpp-still-writing");
            assertThat(c.listStats(StatsPattern.prefix("/interfaces/old-vpp"))).isEmpty();
        }
    }

    @Test
    void aVppStuckInProgressIsReplacedByItsRestartedSegment() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsFixture.fast().withProbeInterval(Duration.ofHours(1));
        try (StatsClient c = StatsFixture.client(m, o)) {
            c.listStats(StatsPattern.all());
            m.segment().stickInProgress();
            m.restart().addInterface("fresh");
            assertThat(c.listStats(StatsPattern.prefix("/interfaces/fresh/"))).hasSize(17);
            assertThat(c.health().remaps()).isEqualTo(1);
        }
    }

    @Test
    void aFrozenHeartbeatWithNoNewSegmentMeansGoneUntilVppComesBack() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsFixture.fast().withProbeInterval(Duration.ofMillis(1))
                .withHeartbeatTimeout(Duration.ofMillis(100));
        try (StatsClient c = StatsFixture.client(m, o)) {
            m.tick();
            assertThat(c.health().alive()).isTrue();
            await("the heartbeat to be declared frozen", () -> !c.health().alive());
            StatsHealth h = c.health();
            assertThat(h.sinceHeartbeatChange()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(h.heartbeat()).isEqualTo(1);
            assertThatThrownBy(() -> c.listStats(StatsPattern.all())).isInstanceOf(StatsStaleSegmentException.class)
                    .hasMessageContaining("heartbeat frozen at 1");
            m.restart();
            assertThat(c.health().alive()).isTrue();
            assertThat(c.listStats(StatsPattern.exact("/sys/heartbeat"))).hasSize(1);
        }
    }

    @Test
    void aTickingHeartbeatStaysAlive() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsFixture.fast().withProbeInterval(Duration.ofMillis(1))
                .withHeartbeatTimeout(Duration.ofMillis(400));
        try (StatsClient c = StatsFixture.client(m, o)) {
            long end = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < end) {
                m.tick();
                assertThat(c.health().alive()).isTrue();
                LockSupport.parkNanos(10_000_000);
            }
            assertThat(c.systemStats().heartbeat()).isGreaterThan(10);
        }
    }

    @Test
    void aClosedClientRefusesReads() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsClient c = StatsFixture.client(m);
        c.close();
        assertThatThrownBy(() -> c.listStats(StatsPattern.all())).isInstanceOf(StatsStaleSegmentException.class)
                .hasMessageContaining("closed");
    }
}
