package io.jvppmux.impl.channel;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open channels by id (an array: the dispatcher finds a reply's channel in O(1) without locking), the
 * plugins' and the mux's own (internal) ones, which count their traffic apart and are not in {@link #size()}.
 */
public final class ChannelRegistry {
    private final AtomicReferenceArray<ChannelImpl> byId = new AtomicReferenceArray<>(Contexts.MAX_CHANNEL_ID + 1);
    private final ChannelIdPool ids = new ChannelIdPool();
    private final ChannelShared shared;
    private final Counters internalCounters = new Counters();
    private final AtomicInteger internalOpen = new AtomicInteger();
    /** How often unread replies and unanswered requests nobody waits for are looked for. */
    static final long SWEEP_EVERY_NANOS = 100_000_000L;

    /**
     * @param subscribers   where channels register their event subscriptions
     * @param registrations where plugin want_* requests are remembered
     */
    public ChannelRegistry(MuxCore core, Subscribers subscribers, EventRegistrations registrations) {
        MuxConfig c = core.config();
        RequestRetry retry = new RequestRetry(core, core.counters(), c.retryRequestCount(),
                c.retryRequestTimeout().toNanos());
        this.shared = new ChannelShared(core, subscribers, registrations, retry,
                new ByteBudget("reply-buffer-bytes", c.replyBufferBytes()),
                new ByteBudget("event-buffer-bytes", c.eventBufferBytes()));
        core.executors().scheduleEvery(this::sweep, SWEEP_EVERY_NANOS);
        core.trace().channelNames(this::nameOf);
    }

    /** Drops what nobody receives any more on every open channel ({@link ChannelImpl#sweep}); the timer runs it. */
    void sweep() {
        long now = System.nanoTime();
        for (int i = 1; i <= Contexts.MAX_CHANNEL_ID; i++) {
            ChannelImpl ch = byId.get(i);
            if (ch != null) {
                ch.sweep(now);
            }
        }
    }

    /** Opens a plugin channel with a fresh id. */
    public ChannelImpl open(int requestSize, int replySize) {
        return open(null, requestSize, replySize);
    }

    /**
     * Opens a plugin channel with a fresh id and a name (null for none) that its metrics, log lines, exceptions and
     * the API trace carry.
     */
    public ChannelImpl open(String name, int requestSize, int replySize) {
        if (name != null && (name.isBlank() || name.length() > 64 || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("channel name '" + name + "' must be 1..64 printable ASCII characters"
                    + " without spaces");
        }
        return open(name, requestSize, replySize, shared.core().counters(), false);
    }

    /**
     * Opens a channel for the mux's own requests (health check, connect): no retries, no remembered
     * registrations, counted in {@link #internalCounters()} and not in {@link #size()}.
     */
    public ChannelImpl openInternal(int requestSize, int replySize) {
        ChannelImpl ch = open("jvppmux-internal", requestSize, replySize, internalCounters, true);
        internalOpen.incrementAndGet();
        return ch;
    }

    private ChannelImpl open(String name, int requestSize, int replySize, Counters counters, boolean internal) {
        if (requestSize < 1 || requestSize > Contexts.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("requestSize " + requestSize + " must be in 1.." + Contexts.MAX_CHANNEL_ID);
        }
        if (replySize < 1) {
            throw new IllegalArgumentException("replySize " + replySize + " must be at least 1");
        }
        int id = ids.allocate();
        ChannelImpl ch = new ChannelImpl(shared, this, id, name, requestSize, replySize, counters, internal);
        byId.set(id, ch);
        return ch;
    }

    /** The open channel {@code id}, or null. */
    ChannelImpl get(int id) {
        return id > 0 && id <= Contexts.MAX_CHANNEL_ID ? byId.get(id) : null;
    }

    void release(ChannelImpl ch) {
        if (byId.compareAndSet(ch.id(), ch, null)) {
            ids.free(ch.id());
            if (ch.counters() == internalCounters) {
                internalOpen.decrementAndGet();
            }
        }
    }

    /** The name of the open channel {@code id} as the API trace shows it, e.g. {@code interface-watcher}, or null. */
    public String nameOf(int id) {
        ChannelImpl ch = get(id);
        return ch == null || ch.counters() == internalCounters ? null : ch.name();
    }

    /** Every open channel. */
    public List<ChannelImpl> all() {
        List<ChannelImpl> open = new ArrayList<>();
        for (int i = 1; i <= Contexts.MAX_CHANNEL_ID; i++) {
            ChannelImpl ch = byId.get(i);
            if (ch != null) {
                open.add(ch);
            }
        }
        return open;
    }

    /** How many plugin channels are open. */
    public int size() {
        return ids.inUse() - internalOpen.get();
    }

    /** The counters of the internal channels. */
    public Counters internalCounters() {
        return internalCounters;
    }

    /** Fails every request in flight on every channel. */
    public void failAll(Failure failure, Throwable cause) {
        all().forEach(ch -> ch.failAll(failure, cause));
    }

    Counters counters() {
        return shared.core().counters();
    }
}
