package io.jvppmux.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The meters a binder registered, in every registry it was bound to. Meters are keyed, so that a set that
 * changes (messages sent, interfaces created and deleted) registers each meter once and removes the meters of
 * what is gone; each key belongs to a group ({@code interface eth0}) so that a whole group goes at once.
 * Thread-safe.
 */
final class MeterSet {
    private record Entry(String kind, String group, Function<MeterRegistry, Meter> factory, List<Meter> meters) {
    }

    private final List<MeterRegistry> registries = new ArrayList<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private boolean closed;

    /** Registers every meter known so far in {@code registry}, and every later one too. */
    synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (closed) {
            throw new IllegalStateException("the binder is closed: bind a new one");
        }
        if (registries.contains(registry)) {
            return;
        }
        registries.add(registry);
        for (Entry e : entries.values()) {
            e.meters.add(e.factory.apply(registry));
        }
    }

    /** Registers the meter {@code factory} makes under {@code key} in every registry, unless the key is known. */
    synchronized void add(String kind, String group, String key, Function<MeterRegistry, Meter> factory) {
        if (closed || entries.containsKey(key)) {
            return;
        }
        Entry e = new Entry(kind, group, factory, new ArrayList<>());
        for (MeterRegistry r : registries) {
            e.meters.add(factory.apply(r));
        }
        entries.put(key, e);
    }

    /** Whether a meter is registered under {@code key}. */
    synchronized boolean contains(String key) {
        return entries.containsKey(key);
    }

    /** Removes the meters of {@code kind} whose group is not in {@code live}. */
    synchronized void retain(String kind, Set<String> live) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.kind.equals(kind) && !live.contains(e.group)) {
                remove(e);
                it.remove();
            }
        }
    }

    /** Removes every meter from every registry; later additions are ignored. */
    synchronized void close() {
        closed = true;
        entries.values().forEach(this::remove);
        entries.clear();
        registries.clear();
    }

    private void remove(Entry e) {
        for (int i = 0; i < e.meters.size(); i++) {
            registries.get(i).remove(e.meters.get(i));
        }
    }
}
