package io.jvppmux.impl.channel;

import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.UnexpectedReplyException;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.MessageTable;

/** Decoding a received reply on the requester's thread, with the checks every receive makes. */
final class Replies {
    /** VNET_API_ERROR_EAGAIN: "Retry stream call with cursor" (PROTOCOL.md 4.7). */
    static final int EAGAIN = -165;

    private Replies() {
    }

    /** The message id of an encoded message. */
    static int messageId(byte[] msg) {
        return (msg[0] & 0xFF) << 8 | (msg[1] & 0xFF);
    }

    /**
     * Decodes {@code msg} into {@code into} after checking it is of {@code into}'s type.
     *
     * @throws UnexpectedReplyException when it is another message
     * @throws VppApiException          when it carries a non-zero retval (after decoding)
     */
    static void decodeInto(byte[] msg, Message into, MessageTable table, int channelId) {
        int id = messageId(msg);
        if (id != table.idOf(into.descriptor())) {
            throw new UnexpectedReplyException("channel " + channelId + ": expected " + into.messageName()
                    + ", received " + table.describe(id));
        }
        MessageCodec.decode(msg, into);
        checkRetval(into);
    }

    /** @throws VppApiException when {@code m} has a non-zero retval */
    static void checkRetval(Message m) {
        if (m instanceof HasRetval r && r.retval() != 0) {
            throw new VppApiException(m.messageName(), r.retval());
        }
    }
}
