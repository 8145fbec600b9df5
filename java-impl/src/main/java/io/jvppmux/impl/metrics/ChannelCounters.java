package io.jvppmux.impl.metrics;

import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** The live counters of the channels of one name (what {@link ChannelMetrics} copies). */
public final class ChannelCounters {
    private final String name;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final LongAdder inFlight = new LongAdder();
    private final FailureCounts failures = new FailureCounts();
    /** Replies dropped as stale. */
    public final LongAdder staleDrops = new LongAdder();
    /** Events dropped by a subscription that stopped reading. */
    public final LongAdder eventDrops = new LongAdder();

    ChannelCounters(String name) {
        this.name = name;
    }

    /** The channels' name. */
    public String name() {
        return name;
    }

    public void opened() {
        open.incrementAndGet();
    }

    public void closed() {
        open.decrementAndGet();
    }

    public void started() {
        inFlight.increment();
    }

    public void written() {
        requests.increment();
    }

    public void replied() {
        replies.increment();
    }

    /** A request ended, with its last reply when {@code cause} is null. */
    public void ended(FailureCause cause) {
        inFlight.decrement();
        if (cause != null) {
            failures.add(cause);
        }
    }

    /** A failure that is not a request's end (refused before sending, non-zero retval). */
    public void failed(FailureCause cause) {
        failures.add(cause);
    }

    ChannelMetrics snapshot() {
        return new ChannelMetrics(name, open.get(), requests.sum(), replies.sum(), inFlight.sum(), failures.snapshot(),
                staleDrops.sum(), eventDrops.sum());
    }
}
