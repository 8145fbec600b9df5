package io.jvppmux.impl.channel;

import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.StreamRequest;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.MessageTable;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request with a stream of replies:
 * <ul>
 *   <li>a dump, ended by the {@code control_ping_reply} to the ping sent right after it (the ping reply
 *       is not queued);</li>
 *   <li>a cursor stream, ended by its own {@code _get_reply}. The dispatcher peeks at that reply's
 *       retval: -165 (EAGAIN) keeps the request open, and the requester re-sends it from the reply's
 *       cursor with the same context.</li>
 * </ul>
 */
final class MultiRequest extends Pending implements MultiRequestContext {
    private final StreamRequest<?, ?> stream;
    private final int terminatorId;
    private final int retvalOffset;
    /** The mux's reply budget: a dump's or stream's unread replies take bytes of it, not reply-buffer slots. */
    private final ByteBudget budget;
    /** Bytes of the budget its unread replies hold, and the cost of the last reply refused (monitor held). */
    private long heldBytes;
    private int refusedBytes;

    /** A dump ended by control_ping_reply. */
    MultiRequest(ChannelImpl channel, MessageTable table, String requestName) {
        super(channel, table, requestName);
        this.budget = channel.replyBudget();
        this.stream = null;
        this.terminatorId = table.controlPingReplyId();
        this.retvalOffset = -1;
    }

    /** A cursor stream ended by its reply. */
    MultiRequest(ChannelImpl channel, MessageTable table, StreamRequest<?, ?> stream, int replyId) {
        super(channel, table, stream.messageName());
        this.budget = channel.replyBudget();
        this.stream = stream;
        this.terminatorId = replyId;
        this.retvalOffset = stream.replyDescriptor().header().size();
    }

    @Override
    boolean reserve(int length) {
        long n = ByteBudget.cost(length);
        if (!budget.tryReserve(heldBytes, n)) {
            refusedBytes = (int) n;
            return false;
        }
        heldBytes += n;
        return true;
    }

    @Override
    void release(byte[] reply) {
        long n = ByteBudget.cost(reply.length);
        heldBytes -= n;
        budget.release(n);
    }

    @Override
    String overflowText() {
        return budget.explain(heldBytes, refusedBytes);
    }

    @Override
    boolean isLast(int msgId, ByteBuffer msg, int length) {
        if (msgId != terminatorId) {
            return false;
        }
        return stream == null || length < retvalOffset + 4 || msg.getInt(retvalOffset) != Replies.EAGAIN;
    }

    @Override
    boolean keeps(int msgId) {
        return stream != null || msgId != terminatorId;
    }

    @Override
    public boolean receiveReply(Message reply) {
        Objects.requireNonNull(reply, "reply");
        while (true) {
            byte[] msg = take(channel.replyTimeoutNanos());
            if (msg == null) {
                return true;
            }
            if (stream != null && Replies.messageId(msg) == terminatorId) {
                if (endOfStream(stream, msg)) {
                    return true;
                }
                continue;
            }
            decodeReply(msg, reply);
            return false;
        }
    }

    /** Receives every remaining reply as {@code type} (for dump() and stream()). */
    <D extends Message> List<D> collect(MessageDescriptor<D> type) {
        List<D> all = new ArrayList<>();
        while (true) {
            D d = type.newInstance();
            if (receiveReply(d)) {
                return all;
            }
            all.add(d);
        }
    }

    /** Handles a cursor stream's reply: true at the end, false after re-sending on EAGAIN. */
    private <R extends HasRetval> boolean endOfStream(StreamRequest<R, ?> s, byte[] msg) {
        R reply = MessageCodec.decode(msg, s.replyDescriptor().newInstance());
        if (reply.retval() == Replies.EAGAIN) {
            if (s.resumeFrom(reply)) {
                channel.resend(this, s);
                return false;
            }
            finish();
        }
        checkRetval(reply);
        return true;
    }
}
