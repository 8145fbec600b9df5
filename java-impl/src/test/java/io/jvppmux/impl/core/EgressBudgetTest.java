package io.jvppmux.impl.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The bound on bytes VPP may hold unanswered: counting in write order, marks, consumption by replies, waiting. */
@Timeout(10)
class EgressBudgetTest {
    private final EgressBudget budget = new EgressBudget(1_000);
    private final AtomicLong mark = new AtomicLong();

    @Test
    void writesAreCountedInOrderAndEachGetsTheCountAfterItBeforeItIsWritten() {
        long[] seenInWrite = new long[1];
        assertThat(budget.write(400, false, mark::set, () -> seenInWrite[0] = mark.get())).isTrue();
        assertThat(seenInWrite[0]).as("the mark is set before the write runs").isEqualTo(400);
        assertThat(budget.write(500, false, mark::set, () -> { })).isTrue();
        assertThat(mark.get()).isEqualTo(900);
        assertThat(budget.inFlight()).isEqualTo(900);
        assertThat(budget.write(200, false, mark::set, () -> { })).as("past the limit").isFalse();
        assertThat(budget.inFlight()).isEqualTo(900);

        budget.consumed(400);
        assertThat(budget.inFlight()).as("the first handled").isEqualTo(500);
        budget.consumed(300);
        assertThat(budget.inFlight()).as("an older mark moves nothing back").isEqualTo(500);
        assertThat(budget.write(200, false, mark::set, () -> { })).isTrue();
        assertThat(mark.get()).isEqualTo(1_100);
    }

    @Test
    void aMessageLargerThanTheLimitGoesWhenNothingIsInFlightAndTheMuxsOwnAnswersAlwaysGo() {
        assertThat(budget.write(5_000, false, mark::set, () -> { })).isTrue();
        assertThat(budget.write(10, false, mark::set, () -> { })).isFalse();
        assertThat(budget.write(10, true, mark::set, () -> { })).as("always").isTrue();
        assertThat(budget.inFlight()).isEqualTo(5_010);
    }

    @Test
    void aWriteThatThrowsIsNotCounted() {
        assertThatThrownBy(() -> budget.write(300, false, mark::set, () -> {
            throw new IllegalStateException("transport failed");
        })).hasMessage("transport failed");
        assertThat(budget.inFlight()).isZero();
    }

    @Test
    void aWaiterGetsRoomWhenAReplyShowsVppHandledEnoughAndNotBefore() throws Exception {
        budget.write(800, false, mark::set, () -> { });
        long first = mark.get();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return budget.awaitRoom(500, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).as("still waiting while 800 of 1,000 are in flight").isNotDone();
        budget.consumed(first);
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitEndsAtItsDeadlineAndANewConnectionFreesEverything() throws Exception {
        budget.write(800, false, mark::set, () -> { });
        long start = System.nanoTime();
        assertThat(budget.awaitRoom(500, start + TimeUnit.MILLISECONDS.toNanos(150))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(150));
        budget.reset();
        assertThat(budget.inFlight()).isZero();
        assertThat(budget.awaitRoom(500, System.nanoTime())).isTrue();
    }

    @Test
    void aLimitMustBePositive() {
        assertThatThrownBy(() -> new EgressBudget(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bytes in flight: 0");
    }
}
