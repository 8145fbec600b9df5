package io.jvppmux.api;

import java.time.Duration;

/**
 * A subscription to one event message, with its own bounded buffer (size chosen by the subscriber).
 * Events that arrive while the buffer is full are dropped and counted in {@link #dropped()}, and a
 * warning is logged; the dispatcher never waits for a subscriber. Closing unsubscribes.
 *
 * @param <E> the event type
 */
public interface Subscription<E extends Message> extends AutoCloseable {
    /**
     * The next event, waiting at most {@code timeout}.
     *
     * @return the event, or null when none arrived in time
     * @throws ChannelClosedException when the subscription or its channel is closed
     */
    E poll(Duration timeout);

    /** Events dropped because the buffer was full. */
    long dropped();

    /** Unsubscribes; pending events are discarded. Idempotent. */
    @Override
    void close();
}
