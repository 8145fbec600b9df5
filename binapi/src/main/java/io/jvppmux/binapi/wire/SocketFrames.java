package io.jvppmux.binapi.wire;

import java.nio.ByteBuffer;

/**
 * The 16-byte frame header of VPP's API socket (docs/PROTOCOL.md 3.1), used by the socket transport and
 * mock-vpp's server alike:
 *
 * <pre>
 * offset size field
 * 0      8    q                  ignored; 0 when sending
 * 8      4    data_len           u32 big-endian: the message's length, header not included
 * 12     4    gc_mark_timestamp  ignored; 0 when sending
 * </pre>
 */
public final class SocketFrames {
    /** Size of the frame header. */
    public static final int HEADER_SIZE = 16;
    /** {@code sockclnt_create}'s id, fixed because the client has no table yet (docs/PROTOCOL.md 3.2). */
    public static final int SOCKCLNT_CREATE_ID = 15;
    /** {@code sockclnt_create_reply}'s id. */
    public static final int SOCKCLNT_CREATE_REPLY_ID = 16;

    private SocketFrames() {
    }

    /** Writes a frame header for a message of {@code dataLength} bytes at the buffer's position. */
    public static void putHeader(ByteBuffer out, int dataLength) {
        out.putLong(0L).putInt(dataLength).putInt(0);
    }

    /** The {@code data_len} of the frame header at the buffer's position, as an unsigned value. */
    public static long dataLength(ByteBuffer header) {
        return Integer.toUnsignedLong(header.getInt(header.position() + 8));
    }
}
