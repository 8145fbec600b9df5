package io.jvppmux.shim;

import java.nio.ByteBuffer;

/** Hand-made wire bytes (docs/PROTOCOL.md 1.1, 4.3): the shim's tests do not depend on the mux's codec. */
final class Messages {
    static final String CONTROL_PING = "control_ping_51077d14";
    static final String CONTROL_PING_REPLY = "control_ping_reply_f6b0b8ca";
    static final String KEEPALIVE = "memclnt_keepalive_51077d14";

    private Messages() {
    }

    /** {@code control_ping}: u16 id; u32 client_index (0: vac writes it); u32 context. In a direct buffer. */
    static ByteBuffer controlPing(int id, int context) {
        ByteBuffer b = ByteBuffer.allocateDirect(10);
        b.putShort((short) id).putInt(0).putInt(context).flip();
        return b;
    }

    /** The context of a reply-shaped message (bytes 2..5). */
    static int replyContext(byte[] msg) {
        return ByteBuffer.wrap(msg).getInt(2);
    }
}
