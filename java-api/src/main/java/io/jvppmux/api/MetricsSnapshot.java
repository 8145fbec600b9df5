package io.jvppmux.api;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The mux's counters at one instant, as {@link VppMux#metrics()} returns them. Counters count plugin traffic
 * since the mux was created; the mux's own health-check and connect-time requests are counted only in
 * {@code healthProbes} and {@code healthMisses}. Every message the mux receives ends in exactly one of: a
 * reply delivered, an event delivered or dropped, a keepalive answered, or one of the drop counters.
 *
 * @param timestamp      when the snapshot was taken
 * @param requests       requests written to VPP (a dump counts once, its control_ping not)
 * @param replies        replies and details handed to their request
 * @param timeouts       requests that got no reply within their reply timeout
 * @param overflowDrops  replies that did not fit their channel's reply buffer (each failed its request)
 * @param staleDrops     replies for a request that had already ended, was never sent, or belongs to an
 *                       earlier connection
 * @param unknownIds     messages whose id is not in the connection's message table
 * @param malformedDrops messages shorter than their header
 * @param events         events delivered to subscribers (one per subscriber)
 * @param eventDrops     events dropped because a subscriber's buffer was full
 * @param unsolicited    context-less messages nobody subscribed to
 * @param keepalives     {@code memclnt_keepalive} messages answered
 * @param dispatchErrors exceptions caught in the dispatcher
 * @param inFlight       requests sent and not yet ended, now
 * @param channelsOpen   channels open now (the mux's internal channel not counted)
 * @param retries        requests re-sent after a {@link NotConnectedException} ({@code retry-request-count})
 * @param reconnects     successful reconnects
 * @param healthProbes   health-check probes sent
 * @param healthMisses   health-check probes that counted as missed
 * @param failures       failed requests by cause
 * @param latency        round trips of completed requests
 * @param messages       the counters of each request message, by VPP name
 * @param channels       the counters of each channel name ({@link ChannelMetrics#UNNAMED} for channels without one)
 */
public record MetricsSnapshot(Instant timestamp, long requests, long replies, long timeouts, long overflowDrops,
                              long staleDrops, long unknownIds, long malformedDrops, long events, long eventDrops,
                              long unsolicited, long keepalives, long dispatchErrors, long inFlight, int channelsOpen,
                              long retries, long reconnects, long healthProbes, long healthMisses,
                              Map<FailureCause, Long> failures, LatencyHistogram latency,
                              Map<String, MessageMetrics> messages, Map<String, ChannelMetrics> channels) {
    /** Copies the maps. */
    public MetricsSnapshot {
        Objects.requireNonNull(timestamp, "timestamp");
        failures = Map.copyOf(failures);
        Objects.requireNonNull(latency, "latency");
        messages = Map.copyOf(messages);
        channels = Map.copyOf(channels);
    }

    /** The counters of the channels named {@code name}, or null when no channel had that name. */
    public ChannelMetrics channel(String name) {
        return channels.get(name);
    }

    /** Failed requests of one cause. */
    public long failures(FailureCause cause) {
        return failures.getOrDefault(cause, 0L);
    }

    /** The counters of request {@code name}, or null when none was sent. */
    public MessageMetrics message(String name) {
        return messages.get(name);
    }

    /** The main counters as one line, for logs. */
    public String summary() {
        return "requests=" + requests + " replies=" + replies + " inFlight=" + inFlight + " timeouts=" + timeouts
                + " overflowDrops=" + overflowDrops + " staleDrops=" + staleDrops + " unknownIds=" + unknownIds
                + " malformedDrops=" + malformedDrops + " events=" + events + " eventDrops=" + eventDrops
                + " unsolicited=" + unsolicited + " keepalives=" + keepalives + " dispatchErrors=" + dispatchErrors
                + " channels=" + channelsOpen + " retries=" + retries + " reconnects=" + reconnects
                + " healthMisses=" + healthMisses + "/" + healthProbes;
    }
}
