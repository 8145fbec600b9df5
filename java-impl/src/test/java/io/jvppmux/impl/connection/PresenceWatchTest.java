package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.spi.VppPresence;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait between connect attempts: cut short when an absent VPP appears, the plain backoff otherwise. */
class PresenceWatchTest {
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Test
    void anAbsentVppThatAppearsEndsTheWaitLongBeforeTheDelay() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PresenceWatch w = new PresenceWatch(() -> probes.incrementAndGet() < 4 ? VppPresence.ABSENT : VppPresence.PRESENT,
                stopping);
        long t0 = System.nanoTime();
        assertThat(w.await(Duration.ofSeconds(30))).isEqualTo(PresenceWatch.Wake.APPEARED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(probes.get()).isEqualTo(4);
    }

    @Test
    void aVppThatStaysThereGetsTheWholeBackoffAndIsLookedAtOnlySlowly() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PresenceWatch w = new PresenceWatch(() -> {
            probes.incrementAndGet();
            return VppPresence.PRESENT;
        }, stopping);
        long t0 = System.nanoTime();
        assertThat(w.await(Duration.ofMillis(300))).isEqualTo(PresenceWatch.Wake.DELAY_OVER);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(probes.get()).as("one look after the failure, then one per SLOW_POLL at most")
                .isBetween(1, 1 + (int) (300 / PresenceWatch.SLOW_POLL.toMillis()));
    }

    @Test
    void aVppThatGoesAwayAndComesBackDuringTheBackoffIsTriedAtOnce() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PresenceWatch w = new PresenceWatch(() -> {
            int n = probes.incrementAndGet();
            return n < 3 || n > 5 ? VppPresence.PRESENT : VppPresence.ABSENT;
        }, stopping);
        long t0 = System.nanoTime();
        assertThat(w.await(Duration.ofSeconds(30))).isEqualTo(PresenceWatch.Wake.APPEARED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
        assertThat(probes.get()).as("there, there, gone x3, there again").isEqualTo(6);
    }

    @Test
    void aTransportThatCannotTellGetsThePlainBackoff() throws Exception {
        PresenceWatch w = new PresenceWatch(() -> VppPresence.UNKNOWN, stopping);
        long t0 = System.nanoTime();
        assertThat(w.await(Duration.ofMillis(30))).isEqualTo(PresenceWatch.Wake.DELAY_OVER);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void aVppThatStaysAbsentIsLookedForUntilTheDelayIsOver() throws Exception {
        AtomicInteger probes = new AtomicInteger();
        PresenceWatch w = new PresenceWatch(() -> {
            probes.incrementAndGet();
            return VppPresence.ABSENT;
        }, stopping);
        assertThat(w.await(Duration.ofMillis(100))).isEqualTo(PresenceWatch.Wake.DELAY_OVER);
        assertThat(probes.get()).as("looked for repeatedly").isGreaterThan(2);
    }

    @Test
    void stoppingEndsTheWaitEitherWay() throws Exception {
        stopping.countDown();
        assertThat(new PresenceWatch(() -> VppPresence.ABSENT, stopping).await(Duration.ofSeconds(30)))
                .isEqualTo(PresenceWatch.Wake.STOPPING);
        assertThat(new PresenceWatch(() -> VppPresence.PRESENT, stopping).await(Duration.ofSeconds(30)))
                .isEqualTo(PresenceWatch.Wake.STOPPING);
    }
}
