package io.jvppmux.mock;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.Binapi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every message descriptor of the bundled API set ({@link Binapi#modules()}), computed once: the 28
 * memclnt messages in VPP's fixed order first (docs/PROTOCOL.md 4.1), then every other module's messages in
 * module order, each {@code name_crc} once.
 */
final class Catalog {
    /** The memclnt messages in the order of their fixed ids 1..28. */
    static final List<String> MEMCLNT_ORDER = List.of(
            "memclnt_create", "memclnt_create_reply", "memclnt_delete", "memclnt_delete_reply",
            "rx_thread_exit", "memclnt_rx_thread_suspend", "memclnt_read_timeout", "rpc_call",
            "rpc_call_reply", "get_first_msg_id", "get_first_msg_id_reply", "api_versions",
            "api_versions_reply", "trace_plugin_msg_ids", "sockclnt_create", "sockclnt_create_reply",
            "sockclnt_delete", "sockclnt_delete_reply", "sock_init_shm", "sock_init_shm_reply",
            "memclnt_keepalive", "memclnt_keepalive_reply", "control_ping", "control_ping_reply",
            "memclnt_create_v2", "memclnt_create_v2_reply", "get_api_json", "get_api_json_reply");

    private static final Catalog INSTANCE = new Catalog();

    private final List<MessageDescriptor<? extends Message>> memclnt;
    private final List<MessageDescriptor<? extends Message>> dynamic;
    private final Map<String, MessageDescriptor<? extends Message>> byName;

    private Catalog() {
        Map<String, MessageDescriptor<? extends Message>> names = new LinkedHashMap<>();
        Map<String, MessageDescriptor<? extends Message>> memclntByName = new LinkedHashMap<>();
        List<MessageDescriptor<? extends Message>> others = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ApiModule module : Binapi.modules()) {
            boolean isMemclnt = module.name().equals("memclnt");
            for (MessageDescriptor<? extends Message> d : module.messages()) {
                names.putIfAbsent(d.name(), d);
                if (isMemclnt) {
                    memclntByName.put(d.name(), d);
                } else if (seen.add(d.nameCrc())) {
                    others.add(d);
                }
            }
        }
        List<MessageDescriptor<? extends Message>> fixed = new ArrayList<>();
        for (String name : MEMCLNT_ORDER) {
            MessageDescriptor<? extends Message> d = memclntByName.get(name);
            if (d == null) {
                throw new IllegalStateException("binapi has no memclnt message " + name
                        + "; mock-vpp needs all 28 memclnt messages");
            }
            fixed.add(d);
        }
        this.memclnt = Collections.unmodifiableList(fixed);
        this.dynamic = Collections.unmodifiableList(others);
        this.byName = Collections.unmodifiableMap(names);
    }

    static Catalog get() {
        return INSTANCE;
    }

    /** The 28 memclnt messages, index i having id i + 1. */
    List<MessageDescriptor<? extends Message>> memclnt() {
        return memclnt;
    }

    /** Every other message, in deterministic module order. */
    List<MessageDescriptor<? extends Message>> dynamic() {
        return dynamic;
    }

    /** The descriptor of the message called {@code name} (without CRC), or null. */
    MessageDescriptor<? extends Message> byName(String name) {
        return byName.get(name);
    }
}
