package io.jvppmux.impl.channel;

import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** The open channels by id (an array: the dispatcher finds a reply's channel in O(1) without locking). */
public final class ChannelRegistry {
    private final AtomicReferenceArray<ChannelImpl> byId = new AtomicReferenceArray<>(Contexts.MAX_CHANNEL_ID + 1);
    private final ChannelIdPool ids = new ChannelIdPool();
    private final MuxCore core;
    private final Subscribers subscribers;

    /** @param subscribers where channels register their event subscriptions */
    public ChannelRegistry(MuxCore core, Subscribers subscribers) {
        this.core = core;
        this.subscribers = subscribers;
    }

    /** Opens a channel with a fresh id. */
    public ChannelImpl open(int requestSize, int replySize) {
        if (requestSize < 1 || requestSize > Contexts.MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("requestSize " + requestSize + " must be in 1.." + Contexts.MAX_CHANNEL_ID);
        }
        if (replySize < 1) {
            throw new IllegalArgumentException("replySize " + replySize + " must be at least 1");
        }
        int id = ids.allocate();
        ChannelImpl ch = new ChannelImpl(core, id, requestSize, replySize, subscribers, this);
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
        }
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

    /** How many channels are open. */
    public int size() {
        return ids.inUse();
    }

    /** Fails every request in flight on every channel. */
    public void failAll(Failure failure, Throwable cause) {
        all().forEach(ch -> ch.failAll(failure, cause));
    }

    Counters counters() {
        return core.counters();
    }
}
