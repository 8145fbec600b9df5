package io.jvppmux.impl.metrics;

import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The live counters of the channels of one name (what {@link ChannelMetrics} copies). */
public final class ChannelCounters {
    private final String name;
    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder requests = new PaddedAdder();
    private final LongAdder replies = new PaddedAdder();
    private final Set<IntSupplier> inFlightSources = ConcurrentHashMap.newKeySet();
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

    /** A channel of this name opened; {@code inFlight} tells its requests in flight (read only for snapshots). */
    public void opened(IntSupplier inFlight) {
        open.incrementAndGet();
        inFlightSources.add(inFlight);
    }

    /** That channel closed. */
    public void closed(IntSupplier inFlight) {
        if (inFlightSources.remove(inFlight)) {
            open.decrementAndGet();
        }
    }

    public void written() {
        requests.increment();
    }

    public void replied() {
        replies.increment();
    }

    /** A request failed: it ended without its reply, was refused before sending, or VPP answered an error. */
    public void failed(FailureCause cause) {
        failures.add(cause);
    }

    /** Requests in flight on the open channels of this name. */
    long inFlight() {
        long n = 0;
        for (IntSupplier s : inFlightSources) {
            n += s.getAsInt();
        }
        return n;
    }

    ChannelMetrics snapshot() {
        long inFlight = inFlight();
        return new ChannelMetrics(name, open.get(), requests.sum(), replies.sum(), inFlight, failures.snapshot(),
                staleDrops.sum(), eventDrops.sum());
    }
}
