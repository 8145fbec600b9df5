package io.jvppmux.impl.channel;

import io.jvppmux.impl.core.Contexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counting and explaining replies that belong to no request in flight. The wrapping sequence
 * comparison tells a late reply (older than the latest request: completed, timed out or failed) from
 * one for a request never sent (a forged or corrupt context).
 */
final class Stale {
    private static final Logger log = LoggerFactory.getLogger(Stale.class);

    private Stale() {
    }

    /** Counts a reply for a closed or unknown channel. */
    static void unknownChannel(ChannelRegistry registry, int context, int msgId) {
        registry.counters().staleDrops.increment();
        if (log.isDebugEnabled()) {
            log.debug("dropped reply id {} with context {}: channel {} is not open", msgId,
                    Integer.toHexString(context), Contexts.channelId(context));
        }
    }

    private static final long WARN_EVERY_NANOS = 5_000_000_000L;
    private static final java.util.concurrent.atomic.AtomicLong lastWarn =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    /**
     * Counts and logs {@code n} replies of {@code request} nobody received: a warning at most every 5 s when they
     * waited past the unread-reply timeout; only a debug line when the channel closed with them unread (its owner
     * chose not to read them).
     */
    static void unread(ChannelImpl ch, String request, int n, boolean closing) {
        ch.countStale(n);
        if (closing) {
            log.debug("{}: {} unread replies of {} dropped as the channel closed", ch.label(), n, request);
            return;
        }
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarn.compareAndSet(last, now)) {
            log.warn("{}: {} replies of {} were not received within unread-reply-timeout ({} ms) and were dropped"
                    + " as stale", ch.label(), n, request, ch.unreadReplyTimeoutNanos() / 1_000_000);
        } else if (log.isDebugEnabled()) {
            log.debug("{}: {} unread replies of {} dropped as stale", ch.label(), n, request);
        }
    }

    /** Counts a reply whose sequence matches no request in flight on {@code ch}. */
    static void drop(ChannelImpl ch, int context, int msgId, int lastIssued) {
        ch.countStale(1);
        if (log.isDebugEnabled()) {
            int seq = Contexts.seq(context);
            String why = Contexts.compareSeq(seq, lastIssued) <= 0
                    ? "late: its request already ended" : "never sent: sequence is ahead of " + lastIssued;
            log.debug("{}: dropped reply id {} seq {} ({})", ch.label(), msgId, seq, why);
        }
    }
}
