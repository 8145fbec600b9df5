package io.jvppmux.impl.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The hand-over of the socket's reader role. */
class ReaderRoleTest {
    private final ReaderRole role = new ReaderRole();

    /** Runs {@code body} on a new thread and returns what it returned. */
    private static <T> T onOtherThread(java.util.function.Supplier<T> body) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> f.complete(body.get()));
        t.start();
        T v = f.get(10, TimeUnit.SECONDS);
        t.join(10_000);
        return v;
    }

    @Test
    void oneReaderAtATime() throws Exception {
        assertThat(role.tryTake()).isTrue();
        assertThat(role.holder()).isEqualTo(Thread.currentThread());
        assertThat(onOtherThread(role::tryTake)).as("another thread, while this one reads").isFalse();
        role.release();
        assertThat(role.holder()).isNull();
        assertThat(onOtherThread(role::tryTake)).isTrue();
    }

    @Test
    void releaseHandsTheRoleToTheLongestWaiterAndSkipsThoseWhoLeft() throws Exception {
        assertThat(role.tryTake()).isTrue();
        Object m1 = new Object();
        Object m2 = new Object();
        ReaderRole.Waiter first = onOtherThread(() -> role.enlist(m1));
        ReaderRole.Waiter second = onOtherThread(() -> role.enlist(m2));
        ReaderRole.Waiter third = onOtherThread(() -> role.enlist(new Object()));
        assertThat(role.leave(first)).as("left the line before the release").isTrue();
        assertThat(role.waiting()).as("and the queue with it").isEqualTo(2);
        role.release();
        assertThat(second.granted()).isTrue();
        assertThat(role.holder()).isEqualTo(second.thread);
        assertThat(role.leave(second)).as("granted: too late to leave, it must read or pass on").isFalse();
        assertThat(third.granted()).isFalse();
    }

    @Test
    void releaseWithNobodyWaitingFreesTheRoleAndStartsTheGrace() throws Exception {
        assertThat(role.tryTake()).isTrue();
        role.release();
        assertThat(role.holder()).isNull();
        assertThat(role.sinceRelease()).isLessThan(TimeUnit.SECONDS.toNanos(5));
    }
}
