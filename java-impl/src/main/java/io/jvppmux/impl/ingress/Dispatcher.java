package io.jvppmux.impl.ingress;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.metrics.ApiTraceBuffer;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ring's one consumer. Reads each message's id, finds its header layout from the id's descriptor
 * (context is not always at offset 2: docs/PROTOCOL.md 1.1) and routes it: {@code memclnt_keepalive} to an
 * automatic {@code memclnt_keepalive_reply}, messages with a context to their request, messages without
 * one to their subscribers. Unknown ids and messages too short for their header are counted and
 * dropped. Never decodes a body, never runs user code, never waits for a channel.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final int KEEPALIVE_CONTEXT_OFFSET = 6;

    private final MuxCore core;
    private final Routes routes;
    private final Counters counters;
    private final ApiTraceBuffer trace;
    private final MemclntKeepaliveReply keepaliveReply = new MemclntKeepaliveReply();

    /** @param routes where replies, events and the end of a connection go */
    public Dispatcher(MuxCore core, Routes routes) {
        this.core = core;
        this.routes = routes;
        this.counters = core.counters();
        this.trace = core.trace();
    }

    void onSlot(RxSlot slot) {
        if (slot.kind == RxSlot.CLOSED) {
            routes.connectionLost(slot.generation, slot.cause);
        } else {
            dispatch(slot.buffer, slot.length, slot.generation);
        }
    }

    /**
     * Whether a receive thread may route {@code msg} itself ({@link RingSink} with inline dispatch): a message
     * of the current connection that is not a {@code memclnt_keepalive}, whose answer is written from this
     * thread, never from a receive thread. Anything else goes through the ring.
     */
    boolean routableInline(ByteBuffer msg, int length, int generation) {
        MessageTable table = core.table();
        return length >= 2 && generation == table.generation() && MessageCodec.messageId(msg, 0) != table.keepaliveId();
    }

    /**
     * Routes one message held in {@code msg} from index 0 to {@code length}, received on the connection of
     * {@code generation}. A message of another connection than the current table's is dropped as stale: its
     * id means something else in this table.
     */
    void dispatch(ByteBuffer msg, int length, int generation) {
        if (length < 2) {
            counters.malformedDrops.increment();
            log.debug("dropped a {}-byte message: no message id", length);
            return;
        }
        MessageTable table = core.table();
        int id = MessageCodec.messageId(msg, 0);
        if (generation != table.generation()) {
            counters.staleDrops.increment();
            log.debug("dropped message id {} of connection {}: the message table is of connection {}", id, generation,
                    table.generation());
            return;
        }
        if (id == table.keepaliveId()) {
            answerKeepalive(msg, length, table);
            return;
        }
        MessageDescriptor<?> d = table.byId(id);
        if (d == null) {
            counters.unknownIds.increment();
            trace.received(table.describe(id), id, 0);
            log.debug("dropped message id {} ({} bytes): not in the message table", id, length);
            return;
        }
        HeaderLayout header = d.header();
        if (length < header.size()) {
            counters.malformedDrops.increment();
            log.debug("dropped {}: {} bytes, shorter than its {}-byte header", d.name(), length, header.size());
            return;
        }
        int context = MessageCodec.context(msg, 0, header);
        trace.received(d.name(), id, context);
        if (context != 0) {
            routes.reply(context, id, msg, length);
        } else {
            routes.event(d, msg, length);
        }
    }

    /**
     * Answers VPP's keepalive (docs/PROTOCOL.md 4.6): {@code memclnt_keepalive_reply} with the keepalive's
     * bytes 6..9 copied verbatim as context and retval 0, written from this thread, never the receive thread.
     */
    private void answerKeepalive(ByteBuffer msg, int length, MessageTable table) {
        if (length < KEEPALIVE_CONTEXT_OFFSET + 4 || table.keepaliveReplyId() < 0) {
            counters.malformedDrops.increment();
            log.debug("cannot answer a {}-byte memclnt_keepalive", length);
            return;
        }
        int context = msg.getInt(KEEPALIVE_CONTEXT_OFFSET);
        trace.received("memclnt_keepalive", table.keepaliveId(), context);
        counters.keepalives.increment(); // before the write: whoever sees the answer sees the count
        try {
            core.write(keepaliveReply, table.keepaliveReplyId(), context, table.generation());
        } catch (VppException e) {
            log.warn("could not answer memclnt_keepalive: {}", e.getMessage());
        }
    }
}
