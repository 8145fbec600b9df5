package io.jvppmux.impl.core;

import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.LatencyHistogram;
import io.jvppmux.api.MessageMetrics;
import io.jvppmux.impl.MuxMetrics;
import io.jvppmux.impl.metrics.ChannelCounterTable;
import io.jvppmux.impl.metrics.FailureCounts;
import io.jvppmux.impl.metrics.LatencyRecorder;
import io.jvppmux.impl.metrics.MessageCounters;
import io.jvppmux.impl.metrics.MessageCounterTable;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The writable side of {@link MuxMetrics}: one adder per cause, plus the latency buckets and per-message
 * counters. What every request touches is counted once, where it is finest: requests and replies per message
 * (their totals are sums over the messages), requests in flight per channel (their request-buffer permits), so
 * a request bumps no mux-wide adder that the sending and the routing thread would both write. The mux keeps two: one for plugin traffic (what {@code metrics()} shows) and one for its own
 * internal channel, so health-check probes never disturb the plugins' numbers.
 */
public final class Counters implements MuxMetrics {
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
    /** Requests re-sent after NotConnectedException. */
    public final LongAdder retries = new LongAdder();
    /** Successful reconnects. */
    public final LongAdder reconnects = new LongAdder();
    /** Health-check probes sent. */
    public final LongAdder healthProbes = new LongAdder();
    /** Health-check probes missed. */
    public final LongAdder healthMisses = new LongAdder();
    /** Failed requests by cause. */
    public final FailureCounts failures = new FailureCounts();
    /** Per channel name. */
    public final ChannelCounterTable channels = new ChannelCounterTable();
    /** Round trips of completed requests. */
    public final LatencyRecorder latency = new LatencyRecorder();
    /** Per request message. */
    public final MessageCounterTable messages = new MessageCounterTable();

    @Override
    public long requests() {
        return messages.requests();
    }

    @Override
    public long replies() {
        return messages.replies();
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
    public long inFlight() {
        return channels.inFlight();
    }

    @Override
    public long retries() {
        return retries.sum();
    }

    @Override
    public long reconnects() {
        return reconnects.sum();
    }

    @Override
    public long healthProbes() {
        return healthProbes.sum();
    }

    @Override
    public long healthMisses() {
        return healthMisses.sum();
    }

    @Override
    public long failures(FailureCause cause) {
        return failures.get(cause);
    }

    @Override
    public LatencyHistogram latency() {
        return latency.snapshot();
    }

    @Override
    public Map<String, MessageMetrics> messages() {
        return messages.snapshot();
    }

    @Override
    public Map<String, ChannelMetrics> channels() {
        return channels.snapshot();
    }

    /** A request was written to VPP. */
    public void written(MessageCounters stats) {
        stats.requests.increment();
    }

    /** A reply was queued for a request. */
    public void replied(MessageCounters stats) {
        stats.replies.increment();
    }

    /** A request ended: with its last reply after {@code nanos} when {@code f} is null, else with {@code f}. */
    public void ended(MessageCounters stats, Failure f, long nanos) {
        if (f == null) {
            stats.completed(nanos);
            latency.record(nanos);
            return;
        }
        stats.failed(f.cause());
        failures.add(f.cause());
        if (f == Failure.TIMEOUT) {
            timeouts.increment();
        } else if (f == Failure.OVERFLOW) {
            overflowDrops.increment();
        }
    }

    /**
     * Counts a failure of a request of {@code name} that is not its end: refused before it was sent (not
     * connected), or answered with a non-zero retval.
     */
    public void failed(String name, FailureCause cause) {
        failures.add(cause);
        messages.forMessage(name).failed(cause);
    }

    /** Replies and events received so far: what the health check looks at to tell a busy VPP from a dead one. */
    public long answered() {
        return replies() + events.sum() + unsolicited.sum() + keepalives.sum() + staleDrops.sum();
    }

    @Override
    public String toString() {
        return summary();
    }
}
