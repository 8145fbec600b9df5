package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import io.jvppmux.api.RequestContext;
import io.jvppmux.impl.core.MessageTable;
import java.nio.ByteBuffer;
import java.util.Objects;

/** A request with one reply, received synchronously. */
final class SingleRequest extends Pending implements RequestContext {
    SingleRequest(ChannelImpl channel, MessageTable table, String requestName) {
        super(channel, table, requestName);
    }

    @Override
    boolean isLast(int msgId, ByteBuffer msg, int length) {
        return true;
    }

    @Override
    public void receiveReply(Message reply) {
        Objects.requireNonNull(reply, "reply");
        byte[] msg = take(channel.replyTimeoutNanos());
        if (msg == null) {
            throw new IllegalStateException(requestName + " on " + channel.label() + ": reply already received");
        }
        decodeReply(msg, reply);
    }
}
