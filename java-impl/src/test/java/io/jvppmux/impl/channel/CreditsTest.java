package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CreditsTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void givesOutAtMostItsSizeAndTakesBackWhatIsGiven() {
        Credits c = new Credits(3);
        assertThat(c.tryTake()).isTrue();
        assertThat(c.tryTake()).isTrue();
        assertThat(c.tryTake()).isTrue();
        assertThat(c.tryTake()).isFalse();
        assertThat(c.out()).isEqualTo(3);
        c.giveBack();
        assertThat(c.out()).isEqualTo(2);
        assertThat(c.tryTake()).isTrue();
        assertThat(c.tryTake()).isFalse();
    }

    @Test
    void countsAcrossTheIntWrap() {
        Credits c = new Credits(2, Integer.MAX_VALUE - 1);
        for (int i = 0; i < 10; i++) {
            assertThat(c.tryTake()).isTrue();
            assertThat(c.tryTake()).isTrue();
            assertThat(c.tryTake()).as("round %d", i).isFalse();
            assertThat(c.out()).isEqualTo(2);
            c.giveBack();
            c.giveBack();
            assertThat(c.out()).isZero();
        }
    }

    private final ExecutorService waiters = Executors.newCachedThreadPool();

    @AfterEach
    void stopWaiters() {
        waiters.shutdownNow();
    }

    /** A taker on another thread, waiting up to {@code timeoutNanos} for the only credit (already taken). */
    private Future<Boolean> waitingTaker(Credits c, long timeoutNanos) throws InterruptedException {
        assertThat(c.tryTake()).isTrue();
        Future<Boolean> waiter = waiters.submit(() -> c.take(timeoutNanos));
        Thread.sleep(50);
        assertThat(waiter).isNotDone();
        return waiter;
    }

    @Test
    void aWaitingTakerGetsTheCreditGivenBackByAnotherThread() throws Exception {
        Credits c = new Credits(1);
        Future<Boolean> waiter = waitingTaker(c, 10 * SECOND);
        c.giveBack();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(c.out()).isEqualTo(1);
    }

    @Test
    void aTakerGivesUpAtItsTimeout() throws Exception {
        Credits c = new Credits(1);
        assertThat(c.tryTake()).isTrue();
        long start = System.nanoTime();
        assertThat(c.take(TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(c.out()).isEqualTo(1);
    }

    @Test
    void closingWakesAWaitingTakerEmptyHanded() throws Exception {
        Credits c = new Credits(1);
        Future<Boolean> waiter = waitingTaker(c, 60 * SECOND);
        c.close();
        assertThat(waiter.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(c.take(60 * SECOND)).as("a wait after close returns at once").isFalse();
    }

    @Test
    void manyTakersAndGiversNeverHoldMoreThanTheSize() throws Exception {
        int size = 4;
        Credits c = new Credits(size);
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        int threads = 6;
        int rounds = 100_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < rounds; i++) {
                    if (!c.take(10 * SECOND)) {
                        throw new AssertionError("no credit within 10 s at round " + i);
                    }
                    most.accumulateAndGet(holding.incrementAndGet(), Math::max);
                    holding.decrementAndGet();
                    c.giveBack();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(25, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(most.get()).isBetween(1, size);
        assertThat(c.out()).isZero();
    }

    @Test
    void refusesASizeBelowOne() {
        assertThatThrownBy(() -> new Credits(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size 0");
    }
}
