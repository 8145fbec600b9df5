package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ReplySpinTest {
    @Test
    void aReplyThatComesWhileSpinningEndsTheSpin() throws Exception {
        ReplySpin spin = new ReplySpin(Duration.ofSeconds(1), 2);
        AtomicBoolean news = new AtomicBoolean();
        Thread deliverer = new Thread(() -> {
            sleepMillis(20);
            news.set(true);
        });
        deliverer.start();
        long start = System.nanoTime();
        assertThat(spin.spin(news::get, start + TimeUnit.SECONDS.toNanos(5))).isTrue();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(900));
        deliverer.join();
        assertThat(spin.spinning()).isZero();
    }

    @Test
    void withoutNewsItGivesUpAfterItsTimeOrTheDeadlineWhicheverComesFirst() {
        ReplySpin spin = new ReplySpin(Duration.ofMillis(30), 2);
        long start = System.nanoTime();
        assertThat(spin.spin(() -> false, start + TimeUnit.SECONDS.toNanos(5))).isFalse();
        long took = System.nanoTime() - start;
        assertThat(took).isBetween(TimeUnit.MILLISECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(2));

        ReplySpin longSpin = new ReplySpin(Duration.ofSeconds(1), 2);
        start = System.nanoTime();
        assertThat(longSpin.spin(() -> false, start + TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(900));
    }

    @Test
    void oneSpinnerPerTwoCpusTheOthersParkAtOnce() throws Exception {
        ReplySpin spin = new ReplySpin(Duration.ofSeconds(1), 2);
        CountDownLatch spinning = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        AtomicInteger checks = new AtomicInteger();
        Thread first = new Thread(() -> spin.spin(() -> {
            spinning.countDown();
            return release.get();
        }, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
        first.start();
        assertThat(spinning.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(spin.spinning()).isEqualTo(1);
        assertThat(spin.spin(() -> checks.incrementAndGet() > 1_000_000, System.nanoTime() + TimeUnit.SECONDS.toNanos(5)))
                .as("a second thread does not spin while the first does").isFalse();
        assertThat(checks).hasValue(0);
        release.set(true);
        first.join();
        assertThat(spin.spinning()).isZero();
    }

    @Test
    void oneCpuOrZeroTimeNeverSpins() {
        AtomicInteger checks = new AtomicInteger();
        assertThat(new ReplySpin(Duration.ofSeconds(1), 1).spin(() -> checks.incrementAndGet() > 0,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isFalse();
        assertThat(new ReplySpin(Duration.ZERO, 8).spin(() -> checks.incrementAndGet() > 0,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(5))).isFalse();
        assertThat(checks).hasValue(0);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
