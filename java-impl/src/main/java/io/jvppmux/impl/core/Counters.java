package io.jvppmux.impl.core;

import io.jvppmux.impl.MuxMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The writable side of {@link MuxMetrics}: one adder per cause. */
public final class Counters implements MuxMetrics {
    /** Requests written. */
    public final LongAdder requests = new LongAdder();
    /** Replies delivered. */
    public final LongAdder replies = new LongAdder();
    /** Reply timeouts. */
    public final LongAdder timeouts = new LongAdder();
    /** Replies that overflowed their channel's buffer. */
    public final LongAdder overflowDrops = new LongAdder();
    /** Stale replies dropped. */
    public final LongAdder staleDrops = new LongAdder();
    /** Unknown message ids dropped. */
    public final LongAdder unknownIds = new LongAdder();
    /** Malformed messages dropped. */
    public final LongAdder malformedDrops = new LongAdder();
    /** Events delivered. */
    public final LongAdder events = new LongAdder();
    /** Events dropped on a full subscriber buffer. */
    public final LongAdder eventDrops = new LongAdder();
    /** Context-less messages nobody subscribed to. */
    public final LongAdder unsolicited = new LongAdder();
    /** Keepalives answered. */
    public final LongAdder keepalives = new LongAdder();
    /** Dispatcher exceptions. */
    public final LongAdder dispatchErrors = new LongAdder();

    @Override
    public long requests() {
        return requests.sum();
    }

    @Override
    public long replies() {
        return replies.sum();
    }

    @Override
    public long timeouts() {
        return timeouts.sum();
    }

    @Override
    public long overflowDrops() {
        return overflowDrops.sum();
    }

    @Override
    public long staleDrops() {
        return staleDrops.sum();
    }

    @Override
    public long unknownIds() {
        return unknownIds.sum();
    }

    @Override
    public long malformedDrops() {
        return malformedDrops.sum();
    }

    @Override
    public long events() {
        return events.sum();
    }

    @Override
    public long eventDrops() {
        return eventDrops.sum();
    }

    @Override
    public long unsolicited() {
        return unsolicited.sum();
    }

    @Override
    public long keepalives() {
        return keepalives.sum();
    }

    @Override
    public long dispatchErrors() {
        return dispatchErrors.sum();
    }

    @Override
    public String toString() {
        return summary();
    }
}
