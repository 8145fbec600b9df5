package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;

/** Encoding and decoding helpers for tests. */
final class TestWire {
    private TestWire() {
    }

    static byte[] encode(Message m, int id, int clientIndex, int context) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id, clientIndex, context);
        return b.array();
    }

    static int id(byte[] msg) {
        return ((msg[0] & 0xff) << 8) | (msg[1] & 0xff);
    }

    static <M extends Message> M decode(byte[] msg, M into) {
        return MessageCodec.decode(msg, into);
    }

    static int contextOf(byte[] msg, Message type) {
        return MessageCodec.context(ByteBuffer.wrap(msg), 0, type.descriptor().header());
    }

    static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
