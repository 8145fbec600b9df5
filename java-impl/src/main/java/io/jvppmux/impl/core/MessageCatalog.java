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

/**
 * Every message the mux knows, by {@code name_crc}, with each descriptor (and so its message class) loaded only
 * when first asked for: resolving ids at connect needs the keys alone, so connecting does not load the 2,000-odd
 * message classes of the bundled bindings, only those a plugin sends or VPP sends back. Thread-safe.
 *
 * <p>Counts what it loaded ({@link #loadedDescriptors()}, {@link #loadedModules()}), so that a test can tell that a
 * connect loaded no more than it used.
 */
public final class MessageCatalog {
    /** Where the descriptors of some keys come from: a module, or a module not loaded yet. */
    public interface Source {
        /** The descriptor of {@code nameCrc}, loading its class; null when this source has no such message. */
        MessageDescriptor<? extends Message> message(String nameCrc);

        /** Whether the module behind this source is loaded (a module at hand always is). */
        default boolean loaded() {
            return true;
        }
    }

    private final List<String> names;
    private final Map<String, Source> sources;
    private final List<Source> modules;
    private final Map<String, MessageDescriptor<? extends Message>> loaded = new ConcurrentHashMap<>();

    private MessageCatalog(List<String> names, Map<String, Source> sources, List<Source> modules) {
        this.names = names;
        this.sources = sources;
        this.modules = modules;
    }

    /** The messages of {@code modules}; the first module to list a {@code name_crc} owns it. */
    public static MessageCatalog of(Collection<ApiModule> modules) {
        Builder b = builder();
        modules.forEach(b::add);
        return b.build();
    }

    /** A catalog of descriptors already at hand (tests, tools); nothing left to load. */
    public static MessageCatalog ofDescriptors(Collection<MessageDescriptor<? extends Message>> descriptors) {
        Map<String, MessageDescriptor<? extends Message>> byKey = new LinkedHashMap<>();
        for (MessageDescriptor<? extends Message> d : descriptors) {
            byKey.putIfAbsent(d.nameCrc(), d);
        }
        return builder().addIndexed(List.copyOf(byKey.keySet()), byKey::get).build();
    }

    /** A builder: modules in order, the first to list a key owns it. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects modules and their keys. */
    public static final class Builder {
        private final Map<String, Source> sources = new LinkedHashMap<>();
        private final List<Source> modules = new ArrayList<>();

        private Builder() {
        }

        /** A module at hand: its keys from {@link ApiModule#messageNames()}. */
        public Builder add(ApiModule m) {
            return addIndexed(m.messageNames(), m::message);
        }

        /** A module known by its keys; {@code source} loads a descriptor when one is first asked for. */
        public Builder addIndexed(List<String> keys, Source source) {
            modules.add(source);
            for (String k : keys) {
                sources.putIfAbsent(k, source);
            }
            return this;
        }

        /** The catalog. */
        public MessageCatalog build() {
            return new MessageCatalog(List.copyOf(sources.keySet()), sources, List.copyOf(modules));
        }
    }

    /** Every {@code name_crc}, in module order. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** How many messages. */
    public int size() {
        return names.size();
    }

    /** How many modules (or other sources of descriptors) the catalog was built from. */
    public int modules() {
        return modules.size();
    }

    /** How many of {@link #modules()} are loaded now (those read from a key index are not, until first used). */
    public int loadedModules() {
        int n = 0;
        for (Source s : modules) {
            if (s.loaded()) {
                n++;
            }
        }
        return n;
    }

    /** How many descriptors were asked for so far (each loads its message class). */
    public int loadedDescriptors() {
        return loaded.size();
    }

    /** The keys whose descriptors were asked for so far, in no particular order. */
    public java.util.Set<String> loadedKeys() {
        return java.util.Set.copyOf(loaded.keySet());
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
        Source source = sources.get(nameCrc);
        if (source == null) {
            return null;
        }
        d = source.message(nameCrc);
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
