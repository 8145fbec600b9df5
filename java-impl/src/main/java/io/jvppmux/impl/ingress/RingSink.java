package io.jvppmux.impl.ingress;

import com.lmax.disruptor.RingBuffer;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * The {@link RxSink} of one connection: the transport's single receive thread claims the next ring
 * slot ({@code ringBuffer.next()}, which waits while the ring is full), copies the message in and
 * publishes it. The end of the connection is published through the ring too, so the dispatcher sees
 * it after every message received before it. Not thread-safe by design: one producer per sink (the sinks of
 * successive connections may overlap; the ring is multi-producer).
 */
final class RingSink implements RxSink {
    private final RingBuffer<RxSlot> ring;
    private final int generation;
    private final int maxMessageSize;
    private final Consumer<Throwable> onClosed;
    private long claimed = -1;
    private boolean closed;

    RingSink(RingBuffer<RxSlot> ring, int generation, int maxMessageSize, Consumer<Throwable> onClosed) {
        this.ring = ring;
        this.generation = generation;
        this.maxMessageSize = maxMessageSize;
        this.onClosed = onClosed;
    }

    @Override
    public ByteBuffer claim(int length) {
        if (length < 0 || length > maxMessageSize) {
            throw new VppTransportException("incoming message of " + length + " bytes: outside 0..max-message-size "
                    + maxMessageSize);
        }
        if (claimed >= 0) {
            throw new IllegalStateException("claim() twice without publish()");
        }
        claimed = ring.next();
        return ring.get(claimed).prepare(length);
    }

    @Override
    public void publish(int length) {
        if (claimed < 0) {
            throw new IllegalStateException("publish() without claim()");
        }
        RxSlot slot = ring.get(claimed);
        slot.kind = RxSlot.MESSAGE;
        slot.generation = generation;
        slot.length = Math.max(0, Math.min(length, slot.buffer.capacity()));
        long seq = claimed;
        claimed = -1;
        ring.publish(seq);
    }

    @Override
    public void closed(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        if (claimed >= 0) {
            publish(0);
        }
        onClosed.accept(cause);
        long seq = ring.next();
        RxSlot slot = ring.get(seq);
        slot.kind = RxSlot.CLOSED;
        slot.generation = generation;
        slot.cause = cause;
        slot.length = 0;
        ring.publish(seq);
    }
}
