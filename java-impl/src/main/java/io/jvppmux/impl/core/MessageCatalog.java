package io.jvppmux.impl.core;

import io.jvppmux.api.ApiModule;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every message the mux knows, by {@code name_crc}, with each descriptor (and so its message class) loaded only
 * when first asked for: resolving ids at connect needs the keys alone, so connecting does not load the 2,000-odd
 * message classes of the bundled bindings, only those a plugin sends or VPP sends back. Thread-safe.
 */
public final class MessageCatalog {
    private final List<String> names;
    private final Map<String, Function<String, MessageDescriptor<? extends Message>>> loaders;
    private final Map<String, MessageDescriptor<? extends Message>> loaded = new ConcurrentHashMap<>();

    private MessageCatalog(List<String> names, Map<String, Function<String, MessageDescriptor<? extends Message>>> loaders) {
        this.names = names;
        this.loaders = loaders;
    }

    /** The messages of {@code modules}; the first module to list a {@code name_crc} owns it. */
    public static MessageCatalog of(Collection<ApiModule> modules) {
        Map<String, Function<String, MessageDescriptor<? extends Message>>> loaders = new LinkedHashMap<>();
        for (ApiModule m : modules) {
            for (String nameCrc : m.messageNames()) {
                loaders.putIfAbsent(nameCrc, m::message);
            }
        }
        return new MessageCatalog(List.copyOf(loaders.keySet()), loaders);
    }

    /** A catalog of descriptors already at hand (tests, tools); nothing left to load. */
    public static MessageCatalog ofDescriptors(Collection<MessageDescriptor<? extends Message>> descriptors) {
        Map<String, Function<String, MessageDescriptor<? extends Message>>> loaders = new LinkedHashMap<>();
        for (MessageDescriptor<? extends Message> d : descriptors) {
            loaders.putIfAbsent(d.nameCrc(), k -> d);
        }
        return new MessageCatalog(List.copyOf(loaders.keySet()), loaders);
    }

    /** Every {@code name_crc}, in module order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** How many messages. */
    public int size() {
        return names.size();
    }

    /**
     * The descriptor of {@code nameCrc}, loading its class on first use; null when no module has it.
     *
     * @throws IllegalStateException when a module lists the key but cannot produce its descriptor
     */
    public MessageDescriptor<? extends Message> descriptor(String nameCrc) {
        MessageDescriptor<? extends Message> d = loaded.get(nameCrc);
        if (d != null) {
            return d;
        }
        Function<String, MessageDescriptor<? extends Message>> loader = loaders.get(nameCrc);
        if (loader == null) {
            return null;
        }
        d = loader.apply(nameCrc);
        if (d == null || !d.nameCrc().equals(nameCrc)) {
            throw new IllegalStateException("binding module lists " + nameCrc + " but gives "
                    + (d == null ? "no descriptor" : d.nameCrc()) + " for it");
        }
        loaded.putIfAbsent(nameCrc, d);
        return d;
    }

    /** Every descriptor, loading them all (for tools that list messages, never on the connect path). */
    public List<MessageDescriptor<? extends Message>> loadAll() {
        List<MessageDescriptor<? extends Message>> all = new ArrayList<>(names.size());
        names.forEach(n -> all.add(descriptor(n)));
        return all;
    }
}
