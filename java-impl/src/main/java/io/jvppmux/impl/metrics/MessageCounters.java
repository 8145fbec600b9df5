package io.jvppmux.impl.metrics;

import io.jvppmux.api.FailureCause;
import io.jvppmux.api.MessageMetrics;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one request message; every field is a {@link LongAdder}, so updates never lock. */
public final class MessageCounters {
    /** Requests written. */
    public final LongAdder requests = new LongAdder();
    /** Replies and details received. */
    public final LongAdder replies = new LongAdder();
    /** Requests ended by their last reply. */
    public final LongAdder completed = new LongAdder();
    /** Sum of the round trips of the completed ones. */
    public final LongAdder latencyNanos = new LongAdder();
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
