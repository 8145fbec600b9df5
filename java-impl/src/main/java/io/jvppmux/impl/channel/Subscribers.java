package io.jvppmux.impl.channel;

import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.impl.core.Counters;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every event subscription of every channel, by {@code name_crc} (not by id: ids change at reconnect,
 * subscriptions do not). The dispatcher copies an event once and hands the same read-only bytes to
 * each subscriber's bounded buffer; decoding happens on the subscriber's thread.
 */
public final class Subscribers {
    private final ConcurrentHashMap<String, SubscriptionImpl<?>[]> byNameCrc = new ConcurrentHashMap<>();
    private final Counters counters;

    /** @param counters where undelivered events are counted */
    public Subscribers(Counters counters) {
        this.counters = counters;
    }

    void add(SubscriptionImpl<?> s) {
        byNameCrc.merge(s.descriptor().nameCrc(), new SubscriptionImpl<?>[] {s}, Subscribers::concat);
    }

    void remove(SubscriptionImpl<?> s) {
        byNameCrc.computeIfPresent(s.descriptor().nameCrc(), (k, subs) -> {
            SubscriptionImpl<?>[] left = Arrays.stream(subs).filter(x -> x != s).toArray(SubscriptionImpl<?>[]::new);
            return left.length == 0 ? null : left;
        });
    }

    /** Delivers an event (dispatcher thread); counts it as unsolicited when nobody subscribed. */
    void publish(MessageDescriptor<?> d, ByteBuffer msg, int length) {
        SubscriptionImpl<?>[] subs = byNameCrc.get(d.nameCrc());
        if (subs == null) {
            counters.unsolicited.increment();
            return;
        }
        byte[] copy = new byte[length];
        msg.get(0, copy, 0, length);
        for (SubscriptionImpl<?> s : subs) {
            s.offer(copy);
        }
    }

    private static SubscriptionImpl<?>[] concat(SubscriptionImpl<?>[] a, SubscriptionImpl<?>[] b) {
        SubscriptionImpl<?>[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
