package io.jvppmux.binapi.service;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.Request;
import io.jvppmux.api.Subscription;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The subscription a generated service client's {@code want_*} method returns: events of one type,
 * plus the registration at VPP that makes VPP send them. Closing it sends the disable request, then
 * unsubscribes.
 *
 * @param <E> the event type
 */
public final class WantSubscription<E extends Message> implements Subscription<E> {
    private final ApiChannel channel;
    private final Subscription<E> events;
    private final Request<?> disable;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WantSubscription(ApiChannel channel, Subscription<E> events, Request<?> disable) {
        this.channel = channel;
        this.events = events;
        this.disable = disable;
    }

    /**
     * Subscribes to {@code event} on {@code channel}, then sends {@code enable} and waits for its reply.
     * When the request fails (a non-zero retval, a timeout, the connection down) the subscription is
     * closed and the exception thrown: nothing stays registered on either side.
     *
     * @param <E>        the event type
     * @param channel    the channel to subscribe and send on
     * @param event      the event's descriptor
     * @param bufferSize how many undelivered events to keep before dropping (at least 1)
     * @param enable     the {@code want_*} request with its enable field set
     * @param disable    the same request with its enable field cleared, sent by {@link #close()}
     * @return the subscription, registered at VPP
     */
    public static <E extends Message> Subscription<E> open(ApiChannel channel, MessageDescriptor<E> event, int bufferSize,
                                                          Request<?> enable, Request<?> disable) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(enable, "enable");
        Objects.requireNonNull(disable, "disable");
        Subscription<E> events = channel.subscribeNotification(event, bufferSize);
        try {
            channel.call(enable);
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        return new WantSubscription<>(channel, events, disable);
    }

    /**
     * A fresh copy of {@code m} with the same field values (through its own encoding).
     *
     * @param <M> the message type
     * @param m   the message to copy
     * @return the copy
     */
    @SuppressWarnings("unchecked")
    public static <M extends Message> M copyOf(M m) {
        Objects.requireNonNull(m, "message");
        ByteBuffer b = ByteBuffer.allocate(m.encodedSize());
        m.encode(b);
        b.flip();
        M copy = (M) m.descriptor().newInstance();
        copy.decode(b);
        return copy;
    }

    @Override
    public E poll(Duration timeout) {
        return events.poll(timeout);
    }

    @Override
    public long dropped() {
        return events.dropped();
    }

    /**
     * Unsubscribes and sends the disable request, waiting for its reply. Idempotent: only the first
     * call sends.
     *
     * @throws io.jvppmux.api.VppException as {@link ApiChannel#call} when the disable fails (the events
     *                                     are unsubscribed all the same)
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                events.close();
            } finally {
                channel.call(disable);
            }
        }
    }
}
