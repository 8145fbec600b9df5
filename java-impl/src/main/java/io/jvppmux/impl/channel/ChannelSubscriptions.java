package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.Subscription;
import io.jvppmux.impl.core.MuxCore;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A channel's event subscriptions: made here, registered with the mux-wide {@link Subscribers}, closed with the channel. */
final class ChannelSubscriptions {
    private final ChannelImpl channel;
    private final Subscribers subscribers;
    private final MuxCore core;
    private final ByteBudget budget;
    private final Set<SubscriptionImpl<?>> open = ConcurrentHashMap.newKeySet();

    ChannelSubscriptions(ChannelImpl channel, Subscribers subscribers, ByteBudget budget, MuxCore core) {
        this.channel = channel;
        this.budget = budget;
        this.subscribers = subscribers;
        this.core = core;
    }

    <E extends Message> Subscription<E> subscribe(MessageDescriptor<E> event, int bufferSize) {
        Objects.requireNonNull(event, "event");
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize of a subscription to " + event.name() + " must be at least 1: "
                    + bufferSize);
        }
        core.learnQuietly(event);
        SubscriptionImpl<E> s = new SubscriptionImpl<>(event, channel.label(), channel.channelCounters(), bufferSize, budget,
                core.counters(), this::closed);
        open.add(s);
        subscribers.add(s);
        return s;
    }

    private void closed(SubscriptionImpl<?> s) {
        subscribers.remove(s);
        open.remove(s);
    }

    void closeAll() {
        open.forEach(SubscriptionImpl::close);
    }
}
