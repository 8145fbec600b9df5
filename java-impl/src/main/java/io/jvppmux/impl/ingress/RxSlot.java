package io.jvppmux.impl.ingress;

import java.nio.ByteBuffer;

/**
 * One pre-allocated slot of the ingress ring: a direct buffer the transport copies one message into,
 * or a marker that the connection closed. Slots are reused; a slot grown for a large message is
 * shrunk back after dispatch so that one big message does not pin memory for good.
 */
public final class RxSlot {
    /** Slot holds a message. */
    static final int MESSAGE = 0;
    /** Slot marks the end of a connection. */
    static final int CLOSED = 1;

    /** Default slot size: most VPP messages are far smaller. */
    static final int DEFAULT_CAPACITY = 512;
    /** Slots grown beyond this are given back after dispatch. */
    static final int KEEP_CAPACITY = 64 * 1024;

    ByteBuffer buffer = ByteBuffer.allocateDirect(DEFAULT_CAPACITY);
    int length;
    int kind;
    int generation;
    Throwable cause;

    /** The buffer, cleared, with room for {@code length} bytes and its limit at {@code length}. */
    ByteBuffer prepare(int needed) {
        if (buffer.capacity() < needed) {
            buffer = ByteBuffer.allocateDirect(needed);
        }
        buffer.clear().limit(needed);
        return buffer;
    }

    /** Forgets the content after dispatch. */
    void clear() {
        length = 0;
        kind = MESSAGE;
        cause = null;
        if (buffer.capacity() > KEEP_CAPACITY) {
            buffer = ByteBuffer.allocateDirect(DEFAULT_CAPACITY);
        }
    }
}
