package io.jvppmux.impl.metrics;

import io.jvppmux.api.ChannelMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The counters of every channel name of a mux; channels without a name count under {@link ChannelMetrics#UNNAMED}. */
public final class ChannelCounterTable {
    private final ConcurrentHashMap<String, ChannelCounters> byName = new ConcurrentHashMap<>();

    /** The counters of the channels named {@code name} (null: unnamed). */
    public ChannelCounters forName(String name) {
        return byName.computeIfAbsent(name == null ? ChannelMetrics.UNNAMED : name, ChannelCounters::new);
    }

    /** Requests in flight on every open channel. */
    public long inFlight() {
        long n = 0;
        for (ChannelCounters c : byName.values()) {
            n += c.inFlight();
        }
        return n;
    }

    /** Every name's counters now, by name. */
    public Map<String, ChannelMetrics> snapshot() {
        Map<String, ChannelMetrics> m = new TreeMap<>();
        byName.forEach((name, c) -> m.put(name, c.snapshot()));
        return m;
    }
}
