package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jvppmux.api.stats.StatsBusyException;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimistic read: bounded wait while in_progress, then success or the specific busy exception. */
class OptimisticReadTest {
    @TempDir
    Path dir;

    @Test
    void aWriterStuckInProgressEndsInBusyWithTheFlagWithinTheDeadline() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsOptions.defaults().withReadTimeout(Duration.ofMillis(100));
        try (StatsClient c = StatsFixture.client(m, o)) {
            m.segment().stickInProgress();
            long t0 = System.nanoTime();
            StatsBusyException e = catchThrowableOfType(StatsBusyException.class,
                    () -> c.listStats(StatsPattern.all()));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(e.inProgressStuck()).isTrue();
            assertThat(e).hasMessageContaining("in_progress stayed set for 100 ms");
            assertThat(ms).isBetween(100L, 3_000L);
        }
    }

    @Test
    void aReadWaitsWhileTheLockIsHeldAndSucceedsAfterIt() throws Exception {
        MockVppStats m = StatsFixture.mock(dir, 1);
        StatsOptions o = StatsOptions.defaults().withReadTimeout(Duration.ofSeconds(10));
        try (StatsClient c = StatsFixture.client(m, o)) {
            AtomicReference<Object> result = new AtomicReference<>();
            m.segment().beginUpdate();
            long epoch = m.segment().epoch();
            Thread reader = new Thread(() -> {
                try {
                    result.set(c.listStats(StatsPattern.exact("/if/rx")));
                } catch (RuntimeException e) {
                    result.set(e);
                }
            });
            reader.start();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (reader.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000); // await the reader parking in its bounded in_progress wait
            }
            assertThat(reader.getState()).isEqualTo(Thread.State.TIMED_WAITING);
            assertThat(result.get()).isNull();
            m.segment().endUpdate();
            reader.join(5_000);
            assertThat(result.get()).isEqualTo(List.of("/if/rx"));
            assertThat(m.segment().epoch()).isEqualTo(epoch + 1);
        }
    }
}
