package io.jvppmux.impl.channel;

import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.metrics.ChannelCounters;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's event buffer. The dispatcher offers without waiting. The first {@code bufferSize} unread
 * events are always kept; beyond them a burst is absorbed in bytes of the mux's {@code event-buffer-bytes}
 * budget ({@link ByteBudget}), so a subscriber that keeps reading loses nothing when VPP sends thousands of
 * events at once. Only a subscriber that stops reading long enough to exhaust its share has events dropped:
 * counted ({@link #dropped()}), and a warning is logged at most every 5 s. Events are decoded by {@link #poll}
 * on the subscriber's thread.
 */
final class SubscriptionImpl<E extends Message> implements Subscription<E> {
    private static final Logger log = LoggerFactory.getLogger(SubscriptionImpl.class);
    private static final byte[] END = new byte[0];
    private static final long WARN_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MessageDescriptor<E> descriptor;
    private final String channel;
    private final ChannelCounters channelCounters;
    private final LinkedBlockingQueue<byte[]> buffer = new LinkedBlockingQueue<>();
    private final int bufferSize;
    private final ByteBudget budget;
    private final AtomicLong heldBytes = new AtomicLong();
    private final LongAdder dropped = new LongAdder();
    private final Counters counters;
    private final Consumer<SubscriptionImpl<?>> onClose;
    private volatile boolean closed;
    private long lastWarn = System.nanoTime() - WARN_EVERY_NANOS;

    SubscriptionImpl(MessageDescriptor<E> descriptor, String channel, ChannelCounters channelCounters, int bufferSize,
                     ByteBudget budget, Counters counters, Consumer<SubscriptionImpl<?>> onClose) {
        this.descriptor = descriptor;
        this.channel = channel;
        this.channelCounters = channelCounters;
        this.bufferSize = bufferSize;
        this.budget = budget;
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
        long n = ByteBudget.cost(event.length);
        if (buffer.size() < bufferSize) {
            budget.forceReserve(n);
        } else if (!budget.tryReserve(heldBytes.get(), n)) {
            drop();
            return;
        }
        heldBytes.addAndGet(n);
        buffer.add(event);
        counters.events.increment();
        if (closed && buffer.remove(event)) {
            release(event);
        }
    }

    private void drop() {
        dropped.increment();
        counters.eventDrops.increment();
        channelCounters.eventDrops.increment();
        long now = System.nanoTime();
        if (now - lastWarn >= WARN_EVERY_NANOS) {
            lastWarn = now;
            log.warn("{}: subscriber of {} stopped reading: {} events ({} bytes) wait unread and the"
                    + " event-buffer-bytes budget is exhausted; {} events dropped so far", channel,
                    descriptor.name(), buffer.size(), heldBytes.get(), dropped.sum());
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
            throw new VppException("interrupted while waiting for " + descriptor.name() + " on " + channel, e);
        }
        if (event == END) {
            buffer.offer(END);
            ensureOpen();
        }
        if (event != null) {
            release(event);
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
        for (byte[] e = buffer.poll(); e != null; e = buffer.poll()) {
            if (e != END) {
                release(e);
            }
        }
        buffer.offer(END);
    }

    private void release(byte[] event) {
        long n = ByteBudget.cost(event.length);
        heldBytes.addAndGet(-n);
        budget.release(n);
    }

    private void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException("subscription to " + descriptor.name() + " on " + channel
                    + " is closed");
        }
    }
}
