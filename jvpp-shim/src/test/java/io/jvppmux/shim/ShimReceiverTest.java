package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.RecordingSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Java half of the receive bridge, driven as the C shim drives it. */
class ShimReceiverTest {
    @Test
    void afterCloseNothingReachesTheSink() {
        RecordingSink sink = RecordingSink.direct();
        ShimReceiver r = new ShimReceiver(sink);
        r.close();
        assertThat(r.claim(10)).isNull();
        assertThat(r.dropped()).isEqualTo(1);
        assertThat(sink.pending()).isZero();
        assertThat(r.isOpen()).isFalse();
    }

    @Test
    void aHeapSinkIsServedThroughADirectScratchBufferAndGetsTheBytesAtPublish() throws Exception {
        RecordingSink sink = RecordingSink.heap();
        ShimReceiver r = new ShimReceiver(sink);
        ByteBuffer b = r.claim(4);
        assertThat(b.isDirect()).isTrue();
        b.put(0, new byte[] {1, 2, 3, 4});
        r.publish(4);
        assertThat(sink.next(Duration.ofMillis(1)).bytes()).containsExactly(1, 2, 3, 4);
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(r.isReceiveThread(Thread.currentThread())).isTrue();
    }

    @Test
    void aFailedCopyIsPublishedEmptyAndCountedAsDropped() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        ShimReceiver r = new ShimReceiver(sink);
        r.claim(8);
        r.publish(0);
        assertThat(sink.next(Duration.ofMillis(1)).bytes()).isEmpty();
        assertThat(r.dropped()).isEqualTo(1);
    }
}
