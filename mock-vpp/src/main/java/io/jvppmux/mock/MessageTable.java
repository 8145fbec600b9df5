package io.jvppmux.mock;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * The mock's message table: {@code name_crc} to message id, for every message of the bundled API set.
 * As in VPP, the 28 memclnt messages have the fixed ids 1..28 (docs/PROTOCOL.md 4.1) and every other message
 * gets an id from {@value #FIRST_DYNAMIC_ID} on. Seed 0 gives a deterministic module order; any other seed
 * shuffles the dynamic ids (what {@link MockVpp#restart()} uses to simulate a VPP with another plugin set).
 * Immutable.
 */
public final class MessageTable {
    /** The first id after the memclnt messages. */
    public static final int FIRST_DYNAMIC_ID = 29;

    private final long seed;
    private final List<MessageDescriptor<? extends Message>> byId;
    private final Map<String, Integer> idByNameCrc;
    private final Set<String> nameCrcs;

    private MessageTable(long seed, List<MessageDescriptor<? extends Message>> byId) {
        this.seed = seed;
        this.byId = byId;
        Map<String, Integer> ids = new HashMap<>(byId.size() * 2);
        Set<String> keys = new LinkedHashSet<>();
        for (int id = 1; id < byId.size(); id++) {
            ids.put(byId.get(id).nameCrc(), id);
            keys.add(byId.get(id).nameCrc());
        }
        this.idByNameCrc = ids;
        this.nameCrcs = Collections.unmodifiableSet(keys);
    }

    /**
     * Builds the table.
     *
     * @param seed 0 for the deterministic order, anything else to shuffle the dynamic ids with that seed
     */
    public static MessageTable build(long seed) {
        Catalog catalog = Catalog.get();
        List<MessageDescriptor<? extends Message>> dynamic = new ArrayList<>(catalog.dynamic());
        if (seed != 0) {
            Collections.shuffle(dynamic, new Random(seed));
        }
        List<MessageDescriptor<? extends Message>> all = new ArrayList<>(dynamic.size() + 29);
        all.add(null); // id 0 is never used
        all.addAll(catalog.memclnt());
        all.addAll(dynamic);
        return new MessageTable(seed, Collections.unmodifiableList(all));
    }

    /** The seed this table was built with. */
    public long seed() {
        return seed;
    }

    /** The id of {@code name_crc}, or -1 when the table lacks it. */
    public int id(String nameCrc) {
        Integer id = idByNameCrc.get(nameCrc);
        return id == null ? -1 : id;
    }

    /** The id of a message type, or -1 when the table lacks it. */
    public int id(MessageDescriptor<?> descriptor) {
        return id(Objects.requireNonNull(descriptor, "descriptor").nameCrc());
    }

    /** The message with this id, or null when the id is unknown. */
    public MessageDescriptor<? extends Message> descriptor(int id) {
        return id > 0 && id < byId.size() ? byId.get(id) : null;
    }

    /** The highest id in use; {@code maxId() + 1} is an id no client can know. */
    public int maxId() {
        return byId.size() - 1;
    }

    /** The number of entries. */
    public int size() {
        return byId.size() - 1;
    }

    /** Every {@code name_crc}, in id order. */
    public Set<String> nameCrcs() {
        return nameCrcs;
    }

    @Override
    public String toString() {
        return "MessageTable{" + size() + " messages, seed " + seed + "}";
    }
}
