package io.jvppmux.api.spi;

import java.nio.ByteBuffer;

/**
 * Where a transport's receive side puts what VPP sends: java-impl backs it with the Disruptor ring.
 * Called from exactly one thread, the transport's receive thread (single producer).
 *
 * <p>Per message: {@link #claim} a slot big enough, copy the message (starting with its
 * {@code _vl_msg_id}) into the returned buffer between position 0 and {@code length}, then
 * {@link #publish}. A claimed slot must always be published, even when the copy failed: publish with
 * length 0 then.
 */
public interface RxSink {
    /**
     * Claims the next slot; blocks while the ring is full.
     *
     * @param length the message's length in bytes
     * @return a buffer of at least {@code length} bytes remaining, position 0, to copy the message into
     */
    ByteBuffer claim(int length);

    /** Publishes the claimed slot, holding {@code length} bytes (0 when the copy failed). */
    void publish(int length);

    /**
     * The connection is gone (EOF, reset, corrupt stream). Called at most once per connect, from the
     * receive thread, which then ends.
     */
    void closed(Throwable cause);
}
