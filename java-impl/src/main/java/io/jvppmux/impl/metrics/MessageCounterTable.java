package io.jvppmux.impl.metrics;

import io.jvppmux.api.MessageMetrics;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link MessageCounters} of every request message sent so far, by VPP name. A lookup is one
 * {@link ConcurrentHashMap#get}; a message's counters are created once, on its first request.
 */
public final class MessageCounterTable {
    private final ConcurrentHashMap<String, MessageCounters> byName = new ConcurrentHashMap<>();

    /** The counters of {@code name}. */
    public MessageCounters forMessage(String name) {
        MessageCounters c = byName.get(name);
        return c != null ? c : byName.computeIfAbsent(name, MessageCounters::new);
    }

    /** Requests written, over every message. */
    public long requests() {
        long n = 0;
        for (MessageCounters c : byName.values()) {
            n += c.requests.sum();
        }
        return n;
    }

    /** Replies and details received, over every message. */
    public long replies() {
        long n = 0;
        for (MessageCounters c : byName.values()) {
            n += c.replies.sum();
        }
        return n;
    }

    /** Every message's counters now, by name. */
    public Map<String, MessageMetrics> snapshot() {
        Map<String, MessageMetrics> m = new TreeMap<>();
        byName.forEach((name, c) -> m.put(name, c.snapshot()));
        return m;
    }
}
