package io.jvppmux.impl.core;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The message ids of one connection: every known message resolved by {@code name_crc} against the
 * connected VPP's table (ids are dynamic, PROTOCOL.md 0.2). Immutable; rebuilt at every connect and
 * replaced (never edited) when a message outside the bundled modules is learned.
 *
 * <p>Lookups: id to descriptor through an array sized by the largest id (the dispatcher's hot path),
 * descriptor to id through an identity map with a {@code name_crc} fallback.
 */
public final class MessageTable {
    /** A table that knows nothing: in force before the first connect. */
    public static final MessageTable EMPTY = new MessageTable(new MessageDescriptor<?>[0], Map.of(), Map.of(), 0);

    private final MessageDescriptor<?>[] byId;
    private final Map<MessageDescriptor<?>, Integer> idByDescriptor;
    private final Map<String, Integer> idByNameCrc;
    private final int generation;
    private final int controlPingId;
    private final int controlPingReplyId;
    private final int keepaliveId;
    private final int keepaliveReplyId;

    private MessageTable(MessageDescriptor<?>[] byId, Map<MessageDescriptor<?>, Integer> idByDescriptor,
                         Map<String, Integer> idByNameCrc, int generation) {
        this.byId = byId;
        this.idByDescriptor = idByDescriptor;
        this.idByNameCrc = idByNameCrc;
        this.generation = generation;
        this.controlPingId = lookup(ControlPing.DESCRIPTOR);
        this.controlPingReplyId = lookup(ControlPingReply.DESCRIPTOR);
        this.keepaliveId = lookup(MemclntKeepalive.DESCRIPTOR);
        this.keepaliveReplyId = lookup(MemclntKeepaliveReply.DESCRIPTOR);
    }

    /**
     * Resolves every descriptor of {@code known} (plus memclnt's control messages) against the
     * transport's table. Descriptors VPP does not know are left out.
     */
    public static MessageTable resolve(Collection<MessageDescriptor<? extends Message>> known,
                                       VppTransport transport, int generation) {
        Map<MessageDescriptor<?>, Integer> ids = new IdentityHashMap<>();
        for (MessageDescriptor<?> d : List.of(ControlPing.DESCRIPTOR, ControlPingReply.DESCRIPTOR,
                MemclntKeepalive.DESCRIPTOR, MemclntKeepaliveReply.DESCRIPTOR)) {
            putIfKnown(ids, d, transport);
        }
        for (MessageDescriptor<?> d : known) {
            putIfKnown(ids, d, transport);
        }
        return build(ids, generation);
    }

    private static void putIfKnown(Map<MessageDescriptor<?>, Integer> ids, MessageDescriptor<?> d,
                                   VppTransport transport) {
        int id = transport.messageId(d.nameCrc());
        if (id > 0 && id <= 0xFFFF) {
            ids.put(d, id);
        }
    }

    private static MessageTable build(Map<MessageDescriptor<?>, Integer> ids, int generation) {
        int max = ids.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        MessageDescriptor<?>[] byId = new MessageDescriptor<?>[max + 1];
        Map<String, Integer> byName = new HashMap<>();
        for (Map.Entry<MessageDescriptor<?>, Integer> e : ids.entrySet()) {
            byId[e.getValue()] = e.getKey();
            byName.put(e.getKey().nameCrc(), e.getValue());
        }
        return new MessageTable(byId, ids, byName, generation);
    }

    /** A copy of this table that also knows {@code d} under {@code id}. */
    public MessageTable with(MessageDescriptor<?> d, int id) {
        Map<MessageDescriptor<?>, Integer> ids = new IdentityHashMap<>(idByDescriptor);
        ids.put(d, id);
        return build(ids, generation);
    }

    /** The descriptor of message id {@code id}, or null when the table has none. */
    public MessageDescriptor<?> byId(int id) {
        return id >= 0 && id < byId.length ? byId[id] : null;
    }

    /** The id of {@code d}, or -1 when VPP does not know it (or it was never resolved). */
    public int idOf(MessageDescriptor<?> d) {
        Integer id = idByDescriptor.get(d);
        if (id == null) {
            id = idByNameCrc.get(d.nameCrc());
        }
        return id == null ? -1 : id;
    }

    /** The name of message id {@code id} for error texts: its name_crc, or "unknown message id N". */
    public String describe(int id) {
        MessageDescriptor<?> d = byId(id);
        return d != null ? d.name() : "unknown message id " + id;
    }

    /** How many messages are resolved. */
    public int size() {
        return idByDescriptor.size();
    }

    /** The connection generation this table belongs to. */
    public int generation() {
        return generation;
    }

    /** {@code control_ping}'s id, or -1. */
    public int controlPingId() {
        return controlPingId;
    }

    /** {@code control_ping_reply}'s id, or -1. */
    public int controlPingReplyId() {
        return controlPingReplyId;
    }

    /** {@code memclnt_keepalive}'s id, or -1. */
    public int keepaliveId() {
        return keepaliveId;
    }

    /** {@code memclnt_keepalive_reply}'s id, or -1. */
    public int keepaliveReplyId() {
        return keepaliveReplyId;
    }

    private int lookup(MessageDescriptor<?> d) {
        Integer id = idByNameCrc.get(d.nameCrc());
        return id == null ? -1 : id;
    }
}
