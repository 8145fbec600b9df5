package io.jvppmux.impl.core;

import java.nio.ByteBuffer;

/**
 * One reusable direct buffer per sending thread: requests are encoded on the caller's thread into it
 * and handed to the transport, which writes them before returning. Grows by powers of two up to the
 * configured maximum message size; never shrinks below the initial size.
 */
public final class EgressBuffers {
    private static final int INITIAL = 1024;

    private final int maxMessageSize;
    private final ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(INITIAL));

    /** @param maxMessageSize the largest message that may be sent */
    public EgressBuffers(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * This thread's buffer, cleared, with room for {@code length} bytes.
     *
     * @throws IllegalArgumentException when {@code length} exceeds the maximum message size
     */
    public ByteBuffer get(int length, String messageName) {
        if (length > maxMessageSize) {
            throw new IllegalArgumentException(messageName + ": " + length + " bytes exceeds max-message-size "
                    + maxMessageSize);
        }
        ByteBuffer b = buffers.get();
        if (b.capacity() < length) {
            b = ByteBuffer.allocateDirect(Math.min(Integer.highestOneBit(length - 1) << 1, maxMessageSize));
            buffers.set(b);
        }
        b.clear();
        return b;
    }
}
