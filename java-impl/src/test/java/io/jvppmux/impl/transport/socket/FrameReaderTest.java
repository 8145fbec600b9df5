package io.jvppmux.impl.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.wire.SocketFrames;
import io.jvppmux.mock.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/** The receive side's framing: many frames per read, frames and headers split across reads, large frames. */
class FrameReaderTest {
    private static final int MAX = 1 << 20;

    /** A channel that hands out {@code bytes} in reads of at most {@code chunk(readNumber)} bytes, then EOF. */
    static final class ChunkedChannel implements ReadableByteChannel {
        private final byte[] bytes;
        private final IntUnaryOperator chunk;
        private int at;
        int reads;
        /** Like a non-blocking socket that has nothing every other time it is read. */
        boolean starveEveryOther;
        private int starved;

        ChunkedChannel(byte[] bytes, IntUnaryOperator chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (at == bytes.length) {
                return -1;
            }
            if (starveEveryOther && starved++ % 2 == 0) {
                return 0;
            }
            int n = Math.min(Math.min(dst.remaining(), bytes.length - at), Math.max(1, chunk.applyAsInt(reads++)));
            dst.put(bytes, at, n);
            at += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {
        }
    }

    static byte[] frame(byte[] message) {
        ByteBuffer b = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + message.length);
        SocketFrames.putHeader(b, message.length);
        return b.put(message).array();
    }

    /** Messages of the given sizes, each filled with a pattern that tells it from its neighbours. */
    static List<byte[]> messages(int... sizes) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] m = new byte[sizes[i]];
            for (int j = 0; j < m.length; j++) {
                m[j] = (byte) (i * 31 + j);
            }
            out.add(m);
        }
        return out;
    }

    static byte[] stream(List<byte[]> messages) {
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        messages.forEach(m -> s.writeBytes(frame(m)));
        return s.toByteArray();
    }

    /** Pumps until EOF; returns what the sink got. */
    static List<byte[]> drain(FrameReader r, RecordingSink sink) throws Exception {
        int calls = 0;
        while (r.pump(sink, () -> false) >= 0) {
            assertThat(++calls).as("pump calls").isLessThan(1_000_000);
        }
        return new ArrayList<>(sink.messages());
    }

    @Test
    void manyFramesInOneReadAreAllDeliveredFromThatRead() throws Exception {
        List<byte[]> msgs = java.util.Collections.nCopies(200, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        ChunkedChannel ch = new ChunkedChannel(stream(msgs), n -> Integer.MAX_VALUE);
        FrameReader r = new FrameReader(ch, FrameReader.DEFAULT_CAPACITY, MAX, "test", FrameReaderTest::blocking);
        RecordingSink sink = new RecordingSink();
        assertThat(r.pump(sink, () -> false)).isEqualTo(1);
        assertThat(ch.reads).as("one read").isEqualTo(1);
        assertThat(sink.messages()).hasSize(200);
        assertThat(r.pump(sink, () -> false)).as("then EOF at a frame boundary").isEqualTo(-1);
    }

    @Test
    void framesAndHeadersSplitAtEveryByteArriveWholeAndInOrder() throws Exception {
        List<byte[]> msgs = messages(2, 10, 17, 3, 40);
        byte[] all = stream(msgs);
        for (int first = 1; first < all.length; first++) {
            int cut = first;
            ChunkedChannel ch = new ChunkedChannel(all, n -> n == 0 ? cut : 7);
            RecordingSink sink = new RecordingSink();
            List<byte[]> got = drain(new FrameReader(ch, 64, MAX, "test", FrameReaderTest::blocking), sink);
            assertThat(got).as("first read of %d bytes", cut).containsExactlyElementsOf(msgs);
        }
    }

    @Test
    void randomChunksAndFramesLargerThanTheBufferKeepTheStreamIntact() throws Exception {
        Random rnd = new Random(12);
        int[] sizes = new int[300];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = i % 37 == 0 ? 200 + rnd.nextInt(3000) : 2 + rnd.nextInt(60);
        }
        List<byte[]> msgs = messages(sizes);
        ChunkedChannel ch = new ChunkedChannel(stream(msgs), n -> 1 + rnd.nextInt(150));
        RecordingSink sink = new RecordingSink();
        List<byte[]> got = drain(new FrameReader(ch, 128, MAX, "test", FrameReaderTest::blocking), sink);
        assertThat(got).containsExactlyElementsOf(msgs);
        assertThat(sink.largestClaim()).as("a large frame is claimed at its size").isGreaterThan(128);
    }

    @Test
    void nextReadsOneWholeMessageEvenLargerThanTheBuffer() throws Exception {
        List<byte[]> msgs = messages(500, 4);
        FrameReader r = new FrameReader(new ChunkedChannel(stream(msgs), n -> 33), 64, MAX, "test", FrameReaderTest::blocking);
        ByteBuffer first = r.next();
        assertThat(first.remaining()).isEqualTo(500);
        assertThat(first.array()).isEqualTo(msgs.get(0));
        RecordingSink sink = new RecordingSink();
        assertThat(drain(r, sink)).containsExactly(msgs.get(1));
        assertThat(r.next()).as("EOF at a boundary").isNull();
    }

    @Test
    void discardedFramesReachNoSink() throws Exception {
        List<byte[]> msgs = messages(10, 300, 10);
        FrameReader r = new FrameReader(new ChunkedChannel(stream(msgs), n -> 50), 64, MAX, "test", FrameReaderTest::blocking);
        RecordingSink sink = new RecordingSink();
        while (r.pump(sink, () -> true) >= 0) {
            assertThat(sink.messages()).isEmpty();
        }
        assertThat(sink.largestClaim()).isZero();
    }

    @Test
    void eofInsideAHeaderOrABodyIsAnError() {
        byte[] all = stream(messages(20));
        for (int cut : new int[] {5, SocketFrames.HEADER_SIZE + 3}) {
            byte[] part = java.util.Arrays.copyOf(all, cut);
            FrameReader r = new FrameReader(new ChunkedChannel(part, n -> 1000), 64, MAX, "vpp.sock", FrameReaderTest::blocking);
            assertThatThrownBy(() -> drain(r, new RecordingSink())).isInstanceOf(EOFException.class)
                    .hasMessageContaining("vpp.sock");
        }
    }

    @Test
    void eofInsideALargeFrameIsAnErrorAndPublishesNothingUsable() {
        byte[] all = stream(messages(500));
        byte[] part = java.util.Arrays.copyOf(all, 300);
        RecordingSink sink = new RecordingSink();
        FrameReader r = new FrameReader(new ChunkedChannel(part, n -> 1000), 64, MAX, "test", FrameReaderTest::blocking);
        assertThatThrownBy(() -> drain(r, sink)).isInstanceOf(EOFException.class).hasMessageContaining("bytes missing");
        assertThat(sink.messages()).containsExactly(new byte[0]);
    }

    @Test
    void aLengthBeyondMaxMessageSizeOrBelowAnIdIsACorruptStream() {
        ByteBuffer big = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 4);
        SocketFrames.putHeader(big, 0xfffffff0);
        RecordingSink sink = new RecordingSink();
        FrameReader r = new FrameReader(new ChunkedChannel(big.array(), n -> 1000), 64, MAX, "vpp.sock", FrameReaderTest::blocking);
        assertThatThrownBy(() -> drain(r, sink)).isInstanceOf(VppTransportException.class)
                .hasMessageContaining("corrupt stream").hasMessageContaining("exceeds max-message-size " + MAX);
        assertThat(sink.largestClaim()).isZero();

        ByteBuffer tiny = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 1);
        SocketFrames.putHeader(tiny, 1);
        FrameReader r2 = new FrameReader(new ChunkedChannel(tiny.array(), n -> 1000), 64, MAX, "vpp.sock", FrameReaderTest::blocking);
        assertThatThrownBy(() -> drain(r2, new RecordingSink())).isInstanceOf(VppTransportException.class)
                .hasMessageContaining("shorter than a message id");
    }

    @Test
    void aTooSmallBufferIsRefused() {
        assertThatThrownBy(() -> new FrameReader(new ChunkedChannel(new byte[0], n -> 1), 16, MAX, "x", FrameReaderTest::blocking))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes");
    }

    /** A blocking channel never reads nothing: a wait for readiness is a bug. */
    static void blocking() {
        throw new AssertionError("a blocking channel never needs a readiness wait");
    }

    @Test
    void aNonBlockingChannelThatHasNothingBetweenFramesReturnsZeroAndInsideAFrameWaits() throws Exception {
        List<byte[]> msgs = messages(40, 200, 3, 10, 300, 12);
        ChunkedChannel ch = new ChunkedChannel(stream(msgs), n -> 37);
        ch.starveEveryOther = true;
        int[] waits = {0};
        FrameReader r = new FrameReader(ch, 64, MAX, "test", () -> waits[0]++);
        RecordingSink sink = new RecordingSink();
        int zeros = 0;
        int status;
        while ((status = r.pump(sink, () -> false)) >= 0) {
            zeros += status == 0 ? 1 : 0;
            assertThat(zeros).as("pump calls that read nothing").isLessThan(100_000);
        }
        assertThat(zeros).as("reads that found nothing between frames").isPositive();
        assertThat(waits[0]).as("readiness waits inside a frame").isPositive();
        assertThat(sink.messages()).containsExactlyElementsOf(msgs);
    }
}
