package io.jvppmux.impl.ingress;

import com.lmax.disruptor.RingBuffer;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.impl.core.Counters;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RxSink} of one connection: the transport's single receive thread claims the next ring
 * slot ({@code ringBuffer.next()}, which waits while the ring is full), copies the message in and
 * publishes it. The end of the connection is published through the ring too, so the dispatcher sees
 * it after every message received before it. Not thread-safe by design: one producer per sink (the sinks of
 * successive connections may overlap; the ring is multi-producer).
 *
 * <p>Inline dispatch (on unless {@code MuxOptions.withInlineDispatch(false)}): a message that arrives while the
 * ring is empty, i.e. the dispatcher has finished everything claimed before it, is copied into a buffer of
 * this sink instead of a slot and routed at once on the receive thread, without waking the dispatcher: one
 * thread hop less per reply. Order is kept, since nothing older is still in the ring; the dispatcher and
 * this thread never route the current connection's messages at the same time (the dispatcher is idle, and
 * what another sink may publish meanwhile is of another connection, dropped as stale). A
 * {@code memclnt_keepalive} (answered by writing) or a message of an old connection still goes through the
 * ring. Routing never blocks: it copies the reply and wakes its requester.
 */
final class RingSink implements RxSink {
    private static final Logger log = LoggerFactory.getLogger(RingSink.class);
    private static final int INLINE_CAPACITY = 512;

    private final RingBuffer<RxSlot> ring;
    private final int generation;
    private final int maxMessageSize;
    private final Consumer<Throwable> onClosed;
    private final Dispatcher inline;
    private final Counters counters;
    private ByteBuffer inlineBuffer;
    private boolean claimedInline;
    private long claimed = -1;
    private boolean closed;

    /** @param inline the dispatcher to route with on the receive thread while the ring is empty; null: never */
    RingSink(RingBuffer<RxSlot> ring, int generation, int maxMessageSize, Consumer<Throwable> onClosed,
             Dispatcher inline, Counters counters) {
        this.ring = ring;
        this.generation = generation;
        this.maxMessageSize = maxMessageSize;
        this.onClosed = onClosed;
        this.inline = inline;
        this.counters = counters;
    }

    @Override
    public ByteBuffer claim(int length) {
        if (length < 0 || length > maxMessageSize) {
            throw new VppTransportException("incoming message of " + length + " bytes: outside 0..max-message-size "
                    + maxMessageSize);
        }
        if (claimed >= 0 || claimedInline) {
            throw new IllegalStateException("claim() twice without publish()");
        }
        if (inline != null && ring.getMinimumGatingSequence() >= ring.getCursor()) {
            claimedInline = true;
            if (inlineBuffer == null || inlineBuffer.capacity() < length) {
                inlineBuffer = ByteBuffer.allocateDirect(Math.max(INLINE_CAPACITY, length));
            }
            return inlineBuffer.clear().limit(length);
        }
        claimed = ring.next();
        return ring.get(claimed).prepare(length);
    }

    @Override
    public void publish(int length) {
        if (claimedInline) {
            claimedInline = false;
            publishInline(Math.max(0, Math.min(length, inlineBuffer.capacity())));
            return;
        }
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

    /** Routes the message now or, when it may not be routed here (or the copy failed), through the ring. */
    private void publishInline(int length) {
        if (length > 0 && inline.routableInline(inlineBuffer, length, generation)) {
            try {
                inline.dispatch(inlineBuffer, length, generation);
            } catch (RuntimeException e) {
                counters.dispatchErrors.increment();
                log.error("routing a {}-byte message on the receive thread failed; message dropped", length, e);
            }
            return;
        }
        claimed = ring.next();
        ring.get(claimed).prepare(length).put(0, inlineBuffer, 0, length);
        publish(length);
    }

    @Override
    public void closed(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        if (claimed >= 0 || claimedInline) {
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
