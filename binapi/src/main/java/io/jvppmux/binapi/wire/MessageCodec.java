package io.jvppmux.binapi.wire;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDecodeException;
import java.nio.ByteBuffer;

/**
 * Whole messages on the wire: the header (docs/PROTOCOL.md 1.1) around a {@link Message}'s body. Used by
 * the mux and by mock-vpp alike. All offsets are absolute from the message's first byte, which is the
 * buffer's index {@code base}; all values big-endian.
 */
public final class MessageCodec {
    private MessageCodec() {
    }

    /** The encoded length of {@code m} with its header. */
    public static int length(Message m) {
        return m.descriptor().header().size() + m.encodedSize();
    }

    /**
     * Writes {@code m} with its header at the buffer's position and advances it.
     *
     * @param msgId       the message id from the connected VPP's table
     * @param clientIndex written where the layout has a client_index
     * @param context     written where the layout has a context
     * @return the number of bytes written
     */
    public static int encode(ByteBuffer out, Message m, int msgId, int clientIndex, int context) {
        int start = out.position();
        HeaderLayout h = m.descriptor().header();
        out.putShort((short) msgId);
        switch (h) {
            case REQUEST -> out.putInt(clientIndex).putInt(context);
            case REPLY -> out.putInt(context);
            case EVENT -> out.putInt(clientIndex);
            case NONE -> { }
        }
        m.encode(out);
        return out.position() - start;
    }

    /** The message id: the u16 at the message's first byte. */
    public static int messageId(ByteBuffer msg, int base) {
        return Short.toUnsignedInt(msg.getShort(base));
    }

    /** The context under {@code layout}, or 0 when the layout has none. */
    public static int context(ByteBuffer msg, int base, HeaderLayout layout) {
        return layout.hasContext() ? msg.getInt(base + layout.contextOffset()) : 0;
    }

    /** The client_index under {@code layout}, or 0 when the layout has none. */
    public static int clientIndex(ByteBuffer msg, int base, HeaderLayout layout) {
        return layout.clientIndexOffset() >= 0 ? msg.getInt(base + layout.clientIndexOffset()) : 0;
    }

    /**
     * Decodes the message of {@code length} bytes starting at {@code base} into {@code into}, skipping
     * its header. The buffer's position and limit are left as they were.
     *
     * @throws MessageDecodeException when the bytes are shorter than the header or the body needs
     */
    public static <M extends Message> M decode(ByteBuffer msg, int base, int length, M into) {
        int header = into.descriptor().header().size();
        if (length < header) {
            throw new MessageDecodeException(into.messageName() + ": " + length
                    + " bytes, shorter than its " + header + "-byte header");
        }
        ByteBuffer body = msg.duplicate();
        body.limit(base + length).position(base + header);
        into.decode(body);
        return into;
    }

    /** Decodes a whole message held in {@code bytes}. */
    public static <M extends Message> M decode(byte[] bytes, M into) {
        return decode(ByteBuffer.wrap(bytes), 0, bytes.length, into);
    }
}
