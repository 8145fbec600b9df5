package io.jvppmux.impl.metrics;

import io.jvppmux.api.FailureCause;
import io.jvppmux.api.MessageMetrics;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one request message; every field is a {@link LongAdder}, so updates never lock, and the ones
 * every request bumps are {@link PaddedAdder}s, so the sending and the routing thread never share their cache line.
 */
public final class MessageCounters {
    /** Requests written. */
    public final LongAdder requests = new PaddedAdder();
    /** Replies and details received. */
    public final LongAdder replies = new PaddedAdder();
    /** Requests ended by their last reply. */
    public final LongAdder completed = new PaddedAdder();
    /** Sum of the round trips of the completed ones. */
    public final LongAdder latencyNanos = new PaddedAdder();
    /** Failures by cause. */
    public final FailureCounts failures = new FailureCounts();

    private final String name;

    /** @param name the request's VPP name */
    public MessageCounters(String name) {
        this.name = name;
    }

    /** Counts a completion after {@code nanos}. */
    public void completed(long nanos) {
        completed.increment();
        latencyNanos.add(nanos);
    }

    /** Counts a failure. */
    public void failed(FailureCause cause) {
        failures.add(cause);
    }

    /** The counters now. */
    public MessageMetrics snapshot() {
        return new MessageMetrics(name, requests.sum(), replies.sum(), completed.sum(), failures.snapshot(),
                latencyNanos.sum());
    }
}
