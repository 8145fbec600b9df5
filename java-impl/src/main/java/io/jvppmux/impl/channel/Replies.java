package io.jvppmux.impl.channel;

import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.UnexpectedReplyException;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.MessageTable;
import java.nio.ByteBuffer;

/** Decoding a received reply on the requester's thread, with the checks every receive makes. */
final class Replies {
    /** VNET_API_ERROR_EAGAIN: "Retry stream call with cursor" (docs/PROTOCOL.md 4.7). */
    static final int EAGAIN = -165;

    private Replies() {
    }

    /** The message id of an encoded message. */
    static int messageId(byte[] msg) {
        return (msg[0] & 0xFF) << 8 | (msg[1] & 0xFF);
    }

    /**
     * Whether the reply {@code msgId} in {@code msg} carries retval 0 (the i32 right after its header: where every
     * {@code want_*} reply, the only ones asked, has it; binapi's RetvalTest checks that); false when it is too short
     * or its type is unknown. Runs on the dispatcher; reads only.
     */
    static boolean retvalIsZero(MessageTable table, int msgId, ByteBuffer msg, int length) {
        MessageDescriptor<?> d = table.byId(msgId);
        if (d == null) {
            return false;
        }
        int at = d.header().size();
        return length >= at + 4 && msg.getInt(at) == 0;
    }

    /**
     * Decodes {@code msg} into {@code into} after checking it is of {@code into}'s type; the retval is not
     * checked ({@link #checkRetval}).
     *
     * @throws UnexpectedReplyException when it is another message
     */
    static void decodeInto(byte[] msg, Message into, MessageTable table, String channel) {
        int id = messageId(msg);
        if (id != table.idOf(into.descriptor())) {
            throw new UnexpectedReplyException(channel + ": expected " + into.messageName()
                    + ", received " + table.describe(id));
        }
        MessageCodec.decode(msg, into);
    }

    /** @throws VppApiException carrying {@code m} when {@code m} has a non-zero retval */
    static void checkRetval(Message m) {
        if (m instanceof HasRetval r && r.retval() != 0) {
            throw new VppApiException(r);
        }
    }
}
