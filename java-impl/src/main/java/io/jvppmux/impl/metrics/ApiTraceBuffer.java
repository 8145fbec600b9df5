package io.jvppmux.impl.metrics;

import io.jvppmux.api.ApiTrace;
import io.jvppmux.api.ApiTraceEntry;
import io.jvppmux.impl.core.Contexts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The {@link ApiTrace}: a lock-free ring of the last N entries. While off, {@link #sent} and
 * {@link #received} read one volatile field and return; while on, each records one entry (the only
 * allocation). Under concurrent recording a reader may see an entry overwritten by a newer one: the trace
 * is a debugging aid, not an audit log.
 */
public final class ApiTraceBuffer implements ApiTrace {
    private static final int MAX_CAPACITY = 1 << 20;

    private volatile Ring ring;
    private volatile IntFunction<String> channelNames = id -> null;

    /** @param capacity initial capacity; 0 = off */
    public ApiTraceBuffer(int capacity) {
        if (capacity > 0) {
            enable(capacity);
        }
    }

    /** How entries find the name of the channel their context names. */
    public void channelNames(IntFunction<String> namesById) {
        channelNames = namesById;
    }

    private String channelOf(int context) {
        return context == 0 ? null : channelNames.apply(Contexts.channelId(context));
    }

    /** Records a message written to VPP. */
    public void sent(String message, int messageId, int context) {
        Ring r = ring;
        if (r != null) {
            r.add(new ApiTraceEntry(ApiTraceEntry.Direction.SENT, message, messageId, context, Instant.now(),
                    channelOf(context)));
        }
    }

    /** Records a message received from VPP. */
    public void received(String message, int messageId, int context) {
        Ring r = ring;
        if (r != null) {
            r.add(new ApiTraceEntry(ApiTraceEntry.Direction.RECEIVED, message, messageId, context, Instant.now(),
                    channelOf(context)));
        }
    }

    /** Whether tracing is on (callers may skip building arguments when off). */
    public boolean on() {
        return ring != null;
    }

    @Override
    public void enable(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException("API trace capacity " + capacity + " must be in 1.." + MAX_CAPACITY);
        }
        ring = new Ring(capacity);
    }

    @Override
    public void disable() {
        ring = null;
    }

    @Override
    public boolean isEnabled() {
        return ring != null;
    }

    @Override
    public List<ApiTraceEntry> entries() {
        Ring r = ring;
        return r == null ? List.of() : r.entries();
    }

    @Override
    public void clear() {
        Ring r = ring;
        if (r != null) {
            ring = new Ring(r.slots.length());
        }
    }

    private static final class Ring {
        final AtomicReferenceArray<ApiTraceEntry> slots;
        final AtomicLong next = new AtomicLong();

        Ring(int capacity) {
            slots = new AtomicReferenceArray<>(capacity);
        }

        void add(ApiTraceEntry e) {
            slots.set((int) (next.getAndIncrement() % slots.length()), e);
        }

        List<ApiTraceEntry> entries() {
            long end = next.get();
            long start = Math.max(0, end - slots.length());
            List<ApiTraceEntry> out = new ArrayList<>((int) (end - start));
            for (long i = start; i < end; i++) {
                ApiTraceEntry e = slots.get((int) (i % slots.length()));
                if (e != null) {
                    out.add(e);
                }
            }
            return out;
        }
    }
}
