package io.jvppmux.api;

import java.util.List;

/**
 * A bounded trace of the last messages the mux sent and received, on every channel including the mux's own
 * (health check, connect). Off by default ({@code api-trace-size} 0); switch it on and off at run time.
 * While off it costs one volatile read per message. Thread-safe.
 */
public interface ApiTrace {
    /**
     * Starts tracing (or restarts with a new size), keeping the last {@code capacity} messages; entries
     * recorded so far are discarded.
     *
     * @param capacity 1..1048576
     */
    void enable(int capacity);

    /** Stops tracing and discards the entries. */
    void disable();

    /** Whether tracing is on. */
    boolean isEnabled();

    /** The last messages, oldest first (at most the capacity); empty when off. */
    List<ApiTraceEntry> entries();

    /** Discards the entries; tracing stays as it was. */
    void clear();
}
