package io.jvppmux.impl.core;

import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message ids of one connection: every known message resolved by {@code name_crc} against the
 * connected VPP's table (ids are dynamic, docs/PROTOCOL.md, Summary item 2). Immutable as seen from outside; rebuilt at every
 * connect and replaced (never edited) when a message outside the bundled modules is learned.
 *
 * <p>Resolving needs only the keys of the {@link MessageCatalog}: a descriptor (and its message class) is
 * loaded the first time its id is looked up. Lookups: id to descriptor through an array sized by the largest
 * id (the dispatcher's hot path), descriptor to id through a map by {@code name_crc}.
 */
public final class MessageTable {
    /** A table that knows nothing: in force before the first connect. */
    public static final MessageTable EMPTY = new MessageTable(new String[0], new MessageDescriptor<?>[0], Map.of(),
            MessageCatalog.ofDescriptors(List.of()), 0);

    private final String[] nameById;
    /** Filled as ids are first looked up; a racing fill writes the same immutable descriptor. */
    private final MessageDescriptor<?>[] byId;
    private final Map<String, Integer> idByNameCrc;
    private final MessageCatalog catalog;
    private final int generation;
    private final int controlPingId;
    private final int controlPingReplyId;
    private final int keepaliveId;
    private final int keepaliveReplyId;

    private MessageTable(String[] nameById, MessageDescriptor<?>[] byId, Map<String, Integer> idByNameCrc,
                         MessageCatalog catalog, int generation) {
        this.nameById = nameById;
        this.byId = byId;
        this.idByNameCrc = idByNameCrc;
        this.catalog = catalog;
        this.generation = generation;
        this.controlPingId = lookup(ControlPing.DESCRIPTOR);
        this.controlPingReplyId = lookup(ControlPingReply.DESCRIPTOR);
        this.keepaliveId = lookup(MemclntKeepalive.DESCRIPTOR);
        this.keepaliveReplyId = lookup(MemclntKeepaliveReply.DESCRIPTOR);
    }

    /**
     * Resolves every message of {@code known} (plus memclnt's control messages) against the transport's table,
     * by key only. Messages VPP does not know are left out.
     */
    public static MessageTable resolve(MessageCatalog known, VppTransport transport, int generation) {
        Map<String, Integer> ids = new HashMap<>(known.size() * 2);
        List<MessageDescriptor<?>> control = List.of(ControlPing.DESCRIPTOR, ControlPingReply.DESCRIPTOR,
                MemclntKeepalive.DESCRIPTOR, MemclntKeepaliveReply.DESCRIPTOR);
        for (MessageDescriptor<?> d : control) {
            putIfKnown(ids, d.nameCrc(), transport);
        }
        for (String nameCrc : known.names()) {
            putIfKnown(ids, nameCrc, transport);
        }
        MessageTable t = build(ids, Map.of(), known, generation);
        for (MessageDescriptor<?> d : control) {
            t.fill(d);
        }
        return t;
    }

    private static void putIfKnown(Map<String, Integer> ids, String nameCrc, VppTransport transport) {
        int id = transport.messageId(nameCrc);
        if (id > 0 && id <= 0xFFFF) {
            ids.put(nameCrc, id);
        }
    }

    private static MessageTable build(Map<String, Integer> ids, Map<Integer, MessageDescriptor<?>> descriptors,
                                      MessageCatalog catalog, int generation) {
        int max = 0;
        for (Integer id : ids.values()) {
            max = Math.max(max, id);
        }
        String[] names = new String[max + 1];
        for (Map.Entry<String, Integer> e : ids.entrySet()) {
            names[e.getValue()] = e.getKey();
        }
        MessageDescriptor<?>[] byId = new MessageDescriptor<?>[max + 1];
        descriptors.forEach((id, d) -> byId[id] = d);
        // ids is this table's own map, never changed after: read-only, without copying it again
        return new MessageTable(names, byId, Collections.unmodifiableMap(ids), catalog, generation);
    }

    private void fill(MessageDescriptor<?> d) {
        Integer id = idByNameCrc.get(d.nameCrc());
        if (id != null) {
            byId[id] = d;
        }
    }

    /** A copy of this table that also knows {@code d} under {@code id}. */
    public MessageTable with(MessageDescriptor<?> d, int id) {
        Map<String, Integer> ids = new HashMap<>(idByNameCrc);
        ids.values().removeIf(v -> v == id);
        ids.put(d.nameCrc(), id);
        Map<Integer, MessageDescriptor<?>> loaded = new HashMap<>();
        for (int i = 0; i < byId.length; i++) {
            if (byId[i] != null && i != id) {
                loaded.put(i, byId[i]);
            }
        }
        loaded.put(id, d);
        return build(ids, loaded, catalog, generation);
    }

    /** The descriptor of message id {@code id} (its class loaded now if this is the first lookup), or null. */
    public MessageDescriptor<?> byId(int id) {
        if (id < 0 || id >= byId.length) {
            return null;
        }
        MessageDescriptor<?> d = byId[id];
        if (d == null && nameById[id] != null) {
            d = catalog.descriptor(nameById[id]);
            byId[id] = d;
        }
        return d;
    }

    /** The id of {@code d}, or -1 when VPP does not know it (or it was never resolved). */
    public int idOf(MessageDescriptor<?> d) {
        Integer id = idByNameCrc.get(d.nameCrc());
        return id == null ? -1 : id;
    }

    /** The name of message id {@code id} for error texts: its name_crc, or "unknown message id N". */
    public String describe(int id) {
        MessageDescriptor<?> d = byId(id);
        return d != null ? d.name() : "unknown message id " + id;
    }

    /** How many messages are resolved. */
    public int size() {
        return idByNameCrc.size();
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
