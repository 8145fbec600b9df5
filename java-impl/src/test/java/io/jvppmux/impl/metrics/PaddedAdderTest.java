package io.jvppmux.impl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PaddedAdderTest {

    @Test
    void countsOnOneThread() {
        PaddedAdder a = new PaddedAdder();
        for (int i = 0; i < 1_000; i++) {
            a.increment();
        }
        a.add(42);
        a.decrement();
        a.add(-10);
        assertThat(a.sum()).isEqualTo(1_031);
        assertThat(a.longValue()).isEqualTo(1_031);
        assertThat(a.intValue()).isEqualTo(1_031);
        assertThat(a).hasToString("1031");
    }

    @Test
    void neverLosesACountWhenManyThreadsCountAtOnce() throws Exception {
        PaddedAdder a = new PaddedAdder();
        int threads = 6;
        int each = 200_000;
        countOnThreads(a, threads, each);
        assertThat(a.sum()).isEqualTo((long) threads * each);
    }

    @Test
    void anotherThreadSeesTheOwnersCountAndKeepsCountingAfterTheOwnerEnded() throws Exception {
        PaddedAdder a = new PaddedAdder();
        endedOwner(a, 5_000);
        assertThat(a.sum()).isEqualTo(5_000);
        for (int i = 0; i < 3_000; i++) {
            a.increment();
        }
        assertThat(a.sum()).isEqualTo(8_000);
    }

    @Test
    void aThreadTakesOverFromAnOwnerThatEndedAndGoesOnFromItsCount() throws Exception {
        PaddedAdder a = new PaddedAdder();
        Thread first = endedOwner(a, 1_000);
        assertThat(a.owner()).isSameAs(first);
        for (int i = 0; i < PaddedAdder.TAKEOVER_CHECK - 1; i++) {
            a.increment();
        }
        assertThat(a.owner()).as("still the first owner before the check").isSameAs(first);
        a.increment();
        assertThat(a.owner()).as("taken over at the check").isSameAs(Thread.currentThread());
        a.add(7);
        assertThat(a.sum()).isEqualTo(1_000L + PaddedAdder.TAKEOVER_CHECK + 7);
    }

    @Test
    void noThreadTakesOverFromAnOwnerThatIsAlive() throws Exception {
        PaddedAdder a = new PaddedAdder();
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            a.increment();
            counted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            a.increment();
        });
        owner.start();
        try {
            assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3 * PaddedAdder.TAKEOVER_CHECK; i++) {
                a.increment();
            }
            assertThat(a.owner()).isSameAs(owner);
        } finally {
            release.countDown();
            owner.join(10_000);
        }
        assertThat(a.sum()).isEqualTo(2L + 3 * PaddedAdder.TAKEOVER_CHECK);
    }

    @Test
    void manyThreadsRacingToTakeOverLoseNoCount() throws Exception {
        PaddedAdder a = new PaddedAdder();
        Thread first = endedOwner(a, 1);
        int threads = 6;
        int each = 50 * PaddedAdder.TAKEOVER_CHECK;
        countOnThreads(a, threads, each);
        assertThat(a.owner()).isNotSameAs(first);
        assertThat(a.sum()).isEqualTo(1L + (long) threads * each);
    }

    @Test
    void aReaderWhileTheOwnerCountsNeverSeesTheSumGoBack() throws Exception {
        PaddedAdder a = new PaddedAdder();
        int n = 2_000_000;
        Thread owner = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                a.increment();
            }
        });
        owner.start();
        long last = 0;
        while (owner.isAlive()) {
            long now = a.sum();
            assertThat(now).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(n);
            last = now;
        }
        owner.join(10_000);
        assertThat(a.sum()).isEqualTo(n);
    }

    @Test
    void resetClearsTheOwnersCountAndTheAddersAndCountingGoesOn() throws Exception {
        PaddedAdder a = new PaddedAdder();
        endedOwner(a, 1_000);                 // 1,000 in the ended owner's field
        a.add(5);                              // 5 through the adder (this thread is not the owner)
        assertThat(a.sumThenReset()).isEqualTo(1_005);
        assertThat(a.sum()).isZero();
        for (int i = 0; i < PaddedAdder.TAKEOVER_CHECK; i++) {
            a.increment();                     // takes over from the ended owner at the check
        }
        assertThat(a.owner()).isSameAs(Thread.currentThread());
        assertThat(a.sum()).isEqualTo(PaddedAdder.TAKEOVER_CHECK);
        a.reset();
        assertThat(a.sum()).isZero();
        a.add(3);
        assertThat(a.sum()).isEqualTo(3);
    }

    /** {@code threads} threads, started together, each increment {@code a} {@code each} times. */
    private static void countOnThreads(PaddedAdder a, int threads, int each) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        a.increment();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A thread that counts {@code n} on {@code a} first (so it owns it) and has ended when this returns. */
    private static Thread endedOwner(PaddedAdder a, int n) throws InterruptedException {
        Thread owner = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                a.increment();
            }
        });
        owner.start();
        owner.join(10_000);
        assertThat(owner.isAlive()).as("the owner thread ended").isFalse();
        assertThat(a.owner()).isSameAs(owner);
        return owner;
    }
}
