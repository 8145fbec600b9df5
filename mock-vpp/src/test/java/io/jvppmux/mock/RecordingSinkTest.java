package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared test sink records what a transport hands it, as the tests of every transport read it. */
class RecordingSinkTest {
    private static final Duration NOW = Duration.ofMillis(1);

    private static void deliver(RecordingSink sink, byte[] message) {
        ByteBuffer slot = sink.claim(message.length);
        assertThat(slot.position()).isZero();
        assertThat(slot.remaining()).isEqualTo(message.length);
        slot.put(message);
        sink.publish(message.length);
    }

    @Test
    void directAndHeapSlotsGrowToTheClaimAndKeepCopies() throws Exception {
        assertThat(RecordingSink.direct().claim(1000).isDirect()).isTrue();
        assertThat(RecordingSink.heap().claim(1000).isDirect()).isFalse();
        RecordingSink sink = RecordingSink.direct();
        byte[] big = new byte[4096];
        big[4095] = 7;
        deliver(sink, new byte[] {0, 5, 0, 0, 0, 9});
        deliver(sink, big);
        assertThat(sink.largestClaim()).isEqualTo(4096);
        assertThat(sink.pending()).isEqualTo(2);
        RecordingSink.Received first = sink.next(NOW);
        assertThat(first.msgId()).isEqualTo(5);
        assertThat(first.replyContext()).isEqualTo(9);
        assertThat(first.thread()).isSameAs(Thread.currentThread());
        assertThat(sink.messages()).singleElement().satisfies(m -> assertThat(m[4095]).isEqualTo((byte) 7));
        assertThat(sink.threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void nextFailsClearlyWhenNothingCameAndSkipsToTheRequestedId() throws Exception {
        RecordingSink sink = RecordingSink.heap();
        assertThatThrownBy(() -> sink.next(NOW)).isInstanceOf(AssertionError.class).hasMessage("no message within 1 ms");
        deliver(sink, new byte[] {0, 1, 0, 0, 0, 1});
        deliver(sink, new byte[] {0, 2, 0, 0, 0, 2});
        assertThat(sink.next(2, NOW).replyContext()).isEqualTo(2);
        assertThat(sink.pending()).isZero();
        assertThatThrownBy(() -> sink.next(3, NOW)).isInstanceOf(AssertionError.class)
                .hasMessage("no message with id 3 within 1 ms");
    }

    @Test
    void aFailedCopyIsRecordedEmptyAndABadClaimIsRefused() throws Exception {
        RecordingSink sink = RecordingSink.heap();
        List<RecordingSink.Received> seen = new ArrayList<>();
        sink.onMessage(seen::add);
        sink.claim(8);
        sink.publish(0);
        assertThat(seen).singleElement().satisfies(r -> assertThat(r.bytes()).isEmpty());
        assertThatThrownBy(() -> sink.claim(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void closedIsRecordedWithItsCauseAndCounted() throws Exception {
        RecordingSink sink = RecordingSink.heap();
        assertThat(sink.closed).isNotDone();
        IllegalStateException cause = new IllegalStateException("gone");
        sink.closed(cause);
        sink.closed(new IllegalStateException("again"));
        assertThat(sink.awaitClosed(NOW)).isSameAs(cause);
        assertThat(sink.closedCalls()).isEqualTo(2);
    }
}
