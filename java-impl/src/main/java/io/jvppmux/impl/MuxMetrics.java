package io.jvppmux.impl;

import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.LatencyHistogram;
import io.jvppmux.api.MessageMetrics;
import io.jvppmux.api.MetricsSnapshot;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The mux's live counters, per cause, since it was created; {@link #snapshot} copies them into the API's
 * {@link MetricsSnapshot}. Every message the mux receives ends in exactly one of: a reply delivered to its
 * request, an event delivered (or dropped and counted), a keepalive answered, or one of the drop counters
 * here; nothing is lost without a count.
 */
public interface MuxMetrics {
    /** Requests written to VPP (a dump counts once, its control_ping not). */
    long requests();

    /** Replies (and details) handed to their request. */
    long replies();

    /** Requests that got no reply within their reply timeout. */
    long timeouts();

    /** Replies that did not fit their channel's reply buffer: each failed its request with ReplyOverflowException. */
    long overflowDrops();

    /** Replies for a request that was already completed, timed out, never sent, or of an earlier connection. */
    long staleDrops();

    /** Messages whose id is not in the message table of the connection. */
    long unknownIds();

    /** Messages too short for their header, or empty slots from a failed copy. */
    long malformedDrops();

    /** Events delivered to subscribers (one per subscriber). */
    long events();

    /** Events dropped because a subscriber's buffer was full. */
    long eventDrops();

    /** Messages without a context that nobody subscribed to. */
    long unsolicited();

    /** {@code memclnt_keepalive} messages answered. */
    long keepalives();

    /** Exceptions caught in the dispatcher (each logged). */
    long dispatchErrors();

    /** Requests sent and not yet ended. */
    long inFlight();

    /** Requests re-sent after a NotConnectedException. */
    long retries();

    /** Successful reconnects. */
    long reconnects();

    /** Health-check probes sent. */
    long healthProbes();

    /** Health-check probes counted as missed. */
    long healthMisses();

    /** Failed requests of one cause. */
    long failures(FailureCause cause);

    /** Round trips of completed requests. */
    LatencyHistogram latency();

    /** Per request message, by VPP name. */
    Map<String, MessageMetrics> messages();

    /** Per channel name. */
    Map<String, ChannelMetrics> channels();

    /** Every counter now, with {@code channelsOpen} channels open. */
    default MetricsSnapshot snapshot(int channelsOpen) {
        Map<FailureCause, Long> failures = new EnumMap<>(FailureCause.class);
        for (FailureCause c : FailureCause.values()) {
            long n = failures(c);
            if (n > 0) {
                failures.put(c, n);
            }
        }
        return new MetricsSnapshot(Instant.now(), requests(), replies(), timeouts(), overflowDrops(), staleDrops(),
                unknownIds(), malformedDrops(), events(), eventDrops(), unsolicited(), keepalives(), dispatchErrors(),
                inFlight(), channelsOpen, retries(), reconnects(), healthProbes(), healthMisses(), failures, latency(),
                messages(), channels());
    }

    /** The counters as one line, for logs. */
    default String summary() {
        return "requests=" + requests() + " replies=" + replies() + " inFlight=" + inFlight() + " timeouts="
                + timeouts() + " overflowDrops=" + overflowDrops() + " staleDrops=" + staleDrops() + " unknownIds="
                + unknownIds() + " malformedDrops=" + malformedDrops() + " events=" + events() + " eventDrops="
                + eventDrops() + " unsolicited=" + unsolicited() + " keepalives=" + keepalives() + " dispatchErrors="
                + dispatchErrors() + " retries=" + retries() + " reconnects=" + reconnects() + " healthMisses="
                + healthMisses() + "/" + healthProbes();
    }
}
