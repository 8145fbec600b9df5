package io.jvppmux.cli.bench;

import io.jvppmux.api.spi.RxSink;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline's receive side, all on the transport's receive thread: one reused direct buffer instead of
 * a ring, the reply decoded (without allocating) into one reused {@code control_ping_reply}, matched to its
 * caller by the top 16 bits of its context and counted there. Anything else (keepalives, unknown ids) is counted and dropped.
 */
final class RawSink implements RxSink {
    /** Caller slots are 1..MAX_CALLERS (the context's top 16 bits). */
    static final int MAX_CALLERS = 0x7FFF;
    /** The length of an encoded {@code control_ping_reply}: shorter ones are dropped, never decoded. */
    private static final int REPLY_LENGTH = MessageCodec.length(new ControlPingReply());

    private final AtomicReferenceArray<RawCaller> callers = new AtomicReferenceArray<>(MAX_CALLERS + 1);
    private final ControlPingReply reply = new ControlPingReply();
    private final LongAdder dropped = new LongAdder();
    private final int replyHeader = ControlPingReply.DESCRIPTOR.header().size();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(1024);
    /** A second view of {@link #buffer} to decode from, so that decoding allocates nothing. */
    private ByteBuffer body = buffer.duplicate();
    private volatile int replyId = -1;
    private volatile Throwable closedCause;

    /** Sets the id of {@code control_ping_reply} once the transport knows it. */
    void replyId(int id) {
        replyId = id;
    }

    void register(int slot, RawCaller caller) {
        callers.set(slot, caller);
    }

    void unregister(int slot, RawCaller caller) {
        callers.compareAndSet(slot, caller, null);
    }

    /** Why the connection ended, or null while it is up. */
    Throwable closedCause() {
        return closedCause;
    }

    long dropped() {
        return dropped.sum();
    }

    @Override
    public ByteBuffer claim(int length) {
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocateDirect(Integer.highestOneBit(length - 1) << 1);
            body = buffer.duplicate();
        }
        buffer.clear().limit(length);
        return buffer;
    }

    @Override
    public void publish(int length) {
        ByteBuffer b = buffer;
        if (length < REPLY_LENGTH || MessageCodec.messageId(b, 0) != replyId) {
            dropped.increment();
            return;
        }
        int context = b.getInt(2);
        RawCaller c = callers.get(context >>> 16 & MAX_CALLERS);
        if (c == null) {
            dropped.increment();
            return;
        }
        body.limit(length).position(replyHeader);
        reply.decode(body);
        c.onReply(context & 0xFFFF, reply.retval());
    }

    @Override
    public void closed(Throwable cause) {
        closedCause = cause != null ? cause : new IllegalStateException("the connection closed");
        for (int i = 1; i <= MAX_CALLERS; i++) {
            RawCaller c = callers.get(i);
            if (c != null) {
                c.wake();
            }
        }
    }
}
