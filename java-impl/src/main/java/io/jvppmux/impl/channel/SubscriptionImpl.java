package io.jvppmux.impl.channel;

import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.Counters;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's bounded event buffer. The dispatcher offers without waiting: when the buffer is full
 * the event is dropped, counted, and a warning is logged at most every 5 s. Events are decoded by
 * {@link #poll} on the subscriber's thread.
 */
final class SubscriptionImpl<E extends Message> implements Subscription<E> {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionImpl.class);
    private static final byte[] END = new byte[0];
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MessageDescriptor<E> descriptor;
    private final int channelId;
    private final ArrayBlockingQueue<byte[]> buffer;
    private final LongAdder dropped = new LongAdder();
    private final Counters counters;
    private final Consumer<SubscriptionImpl<?>> onClose;
    private volatile boolean closed;
    private long lastWarn = System.nanoTime() - WARN_EVERY_NANOS;

    SubscriptionImpl(MessageDescriptor<E> descriptor, int channelId, int bufferSize, Counters counters,
                     Consumer<SubscriptionImpl<?>> onClose) {
        this.descriptor = descriptor;
        this.channelId = channelId;
        this.buffer = new ArrayBlockingQueue<>(bufferSize);
        this.counters = counters;
        this.onClose = onClose;
    }

    MessageDescriptor<E> descriptor() {
        return descriptor;
    }

    /** Dispatcher thread: buffer the event or drop and count it. */
    void offer(byte[] event) {
        if (closed) {
            return;
        }
        if (buffer.offer(event)) {
            counters.events.increment();
            return;
        }
        dropped.increment();
        counters.eventDrops.increment();
        long now = System.nanoTime();
        if (now - lastWarn >= WARN_EVERY_NANOS) {
            lastWarn = now;
            log.warn("channel {}: subscriber of {} is full ({} buffered); {} events dropped so far", channelId,
                    descriptor.name(), buffer.size(), dropped.sum());
        }
    }

    @Override
    public E poll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        ensureOpen();
        byte[] event;
        try {
            event = buffer.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VppException("interrupted while waiting for " + descriptor.name() + " on channel " + channelId, e);
        }
        if (event == END) {
            buffer.offer(END);
            ensureOpen();
        }
        return event == null ? null : MessageCodec.decode(event, descriptor.newInstance());
    }

    @Override
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.accept(this);
        buffer.clear();
        buffer.offer(END);
    }

    private void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException("subscription to " + descriptor.name() + " on channel " + channelId
                    + " is closed");
        }
    }
}
