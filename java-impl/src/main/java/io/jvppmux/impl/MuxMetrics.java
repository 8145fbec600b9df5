package io.jvppmux.impl;

/**
 * The mux's counters, per cause, since it was created. Every message the mux receives ends in exactly
 * one of: a reply delivered to its request, an event delivered (or dropped and counted), a keepalive
 * answered, or one of the drop counters here; nothing is lost without a count.
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

    /** Replies for a request that was already completed, timed out, or never sent (unknown channel or sequence). */
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

    /** The counters as one line, for logs. */
    default String summary() {
        return "requests=" + requests() + " replies=" + replies() + " timeouts=" + timeouts()
                + " overflowDrops=" + overflowDrops() + " staleDrops=" + staleDrops() + " unknownIds=" + unknownIds()
                + " malformedDrops=" + malformedDrops() + " events=" + events() + " eventDrops=" + eventDrops()
                + " unsolicited=" + unsolicited() + " keepalives=" + keepalives() + " dispatchErrors=" + dispatchErrors();
    }
}
