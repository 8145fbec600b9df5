package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.binapi.wire.SocketFrames;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.function.BooleanSupplier;

/**
 * Cuts VPP's socket stream into messages as a C client does: one {@code read} takes as many bytes as the
 * socket holds, up to a large direct buffer, and every whole frame in it is sliced out and copied into
 * the sink's slot; what is left (part of a header or of a message) moves to the buffer's front and the next
 * read completes it. A frame larger than the buffer is read straight into its slot. A {@code data_len}
 * beyond max-message-size (or below a message id) is a corrupt stream, never an allocation.
 *
 * <p>The channel may be non-blocking: a read that finds nothing between frames returns to the caller
 * ({@link #pump} says 0), one inside a frame waits through {@link IoWait} (VPP writes a frame whole, so that
 * wait is short).
 *
 * <p>Not thread-safe: used by one reader at a time ({@link ReaderRole}).
 */
final class FrameReader {
    /** The read buffer: a socket burst of a few thousand small replies, or a whole message table, in one call. */
    static final int DEFAULT_CAPACITY = 256 * 1024;
    private static final int HEADER = SocketFrames.HEADER_SIZE;

    private final ReadableByteChannel channel;
    private final ByteBuffer buf;
    private final int maxMessageSize;
    private final String where;
    private final IoWait readable;

    /**
     * @param capacity       bytes read at most per call (at least a header and a small message)
     * @param maxMessageSize the largest {@code data_len} accepted
     * @param where          the peer, for error texts
     */
    FrameReader(ReadableByteChannel channel, int capacity, int maxMessageSize, String where, IoWait readable) {
        if (capacity < 2 * HEADER) {
            throw new IllegalArgumentException("read buffer of " + capacity + " bytes: at least " + 2 * HEADER);
        }
        this.channel = channel;
        this.buf = ByteBuffer.allocateDirect(capacity);
        this.buf.limit(0);
        this.maxMessageSize = maxMessageSize;
        this.where = where;
        this.readable = readable;
    }

    /**
     * The next message, whole, in a new heap buffer (the handshake's reply).
     *
     * @return the message (position 0, limit its length), or null on EOF at a frame boundary
     */
    ByteBuffer next() throws IOException {
        while (buf.remaining() < HEADER) {
            int n = fill();
            if (n < 0) {
                requireBoundary();
                return null;
            }
            if (n == 0) {
                readable.await();
            }
        }
        int len = consumeHeader();
        ByteBuffer m = ByteBuffer.allocate(len);
        copyBody(m, len);
        return m.flip();
    }

    /**
     * Reads once (unless a whole frame is already buffered; a blocking channel blocks for it), then hands every
     * whole frame to {@code sink}, or drops it while {@code discard} says so.
     *
     * @return -1 on EOF at a frame boundary, 0 when a non-blocking read found nothing, else 1
     * @throws EOFException on EOF inside a frame
     * @throws VppTransportException on a corrupt {@code data_len}
     */
    int pump(RxSink sink, BooleanSupplier discard) throws IOException {
        if (!wholeFrameBuffered()) {
            int n = fill();
            if (n < 0) {
                requireBoundary();
                return -1;
            }
            if (n == 0) {
                return 0;
            }
        }
        while (buf.remaining() >= HEADER) {
            int len = peekLength();
            if (buf.remaining() - HEADER >= len) {
                buf.position(buf.position() + HEADER);
                deliver(sink, len, discard.getAsBoolean());
            } else if (HEADER + len > buf.capacity()) {
                buf.position(buf.position() + HEADER);
                deliverLarge(sink, len, discard.getAsBoolean());
            } else {
                break;
            }
        }
        return 1;
    }

    private boolean wholeFrameBuffered() {
        return buf.remaining() >= HEADER && buf.remaining() - HEADER >= peekLength();
    }

    /** Copies one buffered message into a slot and publishes it. */
    private void deliver(RxSink sink, int len, boolean discard) {
        int at = buf.position();
        buf.position(at + len);
        if (discard) {
            return;
        }
        ByteBuffer slot = sink.claim(len);
        int published = 0;
        try {
            slot.put(0, buf, at, len);
            published = len;
        } finally {
            sink.publish(published);
        }
    }

    /** A message larger than the read buffer: what is buffered, then the rest straight from the socket. */
    private void deliverLarge(RxSink sink, int len, boolean discard) throws IOException {
        if (discard) {
            skipBody(len);
            return;
        }
        ByteBuffer slot = sink.claim(len);
        int published = 0;
        int limit = slot.limit();
        try {
            slot.position(0).limit(len);
            copyBody(slot, len);
            published = len;
        } finally {
            slot.limit(limit).position(0);
            sink.publish(published);
        }
    }

    /** Fills {@code dst} (at its position, {@code len} bytes) from the buffer, then from the socket. */
    private void copyBody(ByteBuffer dst, int len) throws IOException {
        int fromBuf = Math.min(len, buf.remaining());
        dst.put(dst.position(), buf, buf.position(), fromBuf);
        dst.position(dst.position() + fromBuf);
        buf.position(buf.position() + fromBuf);
        int end = dst.position() + (len - fromBuf);
        int limit = dst.limit();
        dst.limit(end);
        try {
            while (dst.hasRemaining()) {
                int n = channel.read(dst);
                if (n < 0) {
                    throw new EOFException("EOF inside a message from " + where + " (" + dst.remaining() + " of " + len
                            + " bytes missing)");
                }
                if (n == 0) {
                    readable.await();
                }
            }
        } finally {
            dst.limit(limit);
        }
    }

    private void skipBody(int len) throws IOException {
        int left = len;
        while (left > 0) {
            if (!buf.hasRemaining()) {
                int r = fill();
                if (r < 0) {
                    throw new EOFException("EOF inside a message from " + where + " (" + left + " of " + len
                            + " bytes missing)");
                }
                if (r == 0) {
                    readable.await();
                    continue;
                }
            }
            int n = Math.min(left, buf.remaining());
            buf.position(buf.position() + n);
            left -= n;
        }
    }

    private int consumeHeader() {
        int len = peekLength();
        buf.position(buf.position() + HEADER);
        return len;
    }

    /** The data_len of the header at the buffer's position, checked. */
    private int peekLength() {
        long len = SocketFrames.dataLength(buf);
        if (len > maxMessageSize || len < 2) {
            throw new VppTransportException("corrupt stream from VPP at " + where + ": frame data_len " + len
                    + (len < 2 ? " is shorter than a message id" : " exceeds max-message-size " + maxMessageSize));
        }
        return (int) len;
    }

    /** Moves what is unread to the front and reads once more: the bytes read, 0 (non-blocking, none), -1 on EOF. */
    private int fill() throws IOException {
        buf.compact();
        try {
            return channel.read(buf);
        } finally {
            buf.flip();
        }
    }

    /** At EOF: nothing of a frame may be left over. */
    private void requireBoundary() throws EOFException {
        if (buf.hasRemaining()) {
            throw new EOFException("EOF inside a frame from " + where + " (" + buf.remaining() + " bytes of it received)");
        }
    }
}
