package io.jvppmux.impl.channel;

import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.api.ReplyOverflowException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * A channel's requests in flight, by sequence number. Slots are indexed by {@code seq & mask} with a
 * power-of-two size at least the channel's request-buffer size; a new request gets the next sequence
 * number whose slot is free, so two live requests never share a slot even when an old one (a long
 * dump) outlives 65,536 newer ones. A reply matches only when the slot holds a live request with exactly
 * its sequence and context; anything else is stale.
 *
 * <p>A request that ended and whose replies were all taken is marked drained ({@link #remove}) and left in
 * its slot until a later request takes the slot over: only the sending side writes the slots, so the
 * requester taking its reply never writes the cache line the routing thread is reading the next replies'
 * slots from. A drained request is invisible to {@link #get}, {@link #forEach} and {@link #failAll}. At most
 * one table's worth of drained requests stays reachable per channel (a few hundred small objects).
 */
final class PendingTable {
    private final AtomicReferenceArray<Pending> slots;
    private final int mask;
    private int next = 1;
    /** Written under the monitor, read without it (stale-reply logging only). */
    private volatile int lastIssued;

    /**
     * A table for a channel with these buffers: room for every request in flight and for as many ended ones
     * whose replies still wait unread, twice over, so a free slot is found at once.
     */
    static PendingTable forBuffers(int requestSize, int replySize) {
        return new PendingTable((int) Math.min(1 << 16, 2L * (requestSize + replySize)));
    }

    PendingTable(int requestSize) {
        int size = requestSize <= 1 ? 1 : Integer.highestOneBit(requestSize - 1) << 1;
        slots = new AtomicReferenceArray<>(size);
        mask = size - 1;
    }

    /** Gives {@code p} the next free sequence number and its context, and makes it reachable by replies. */
    synchronized void register(Pending p, int channelId, boolean multipart) {
        for (int tries = 0; tries <= mask; tries++) {
            int seq = next;
            next = (next + 1) & Contexts.SEQ_MASK;
            Pending old = slots.get(seq & mask);
            if (old == null || old.isDrained()) {
                p.assign(seq, Contexts.context(channelId, multipart, seq));
                slots.setRelease(seq & mask, p);   // a release store: the request is written to VPP only after it
                lastIssued = seq;
                return;
            }
        }
        throw new ReplyOverflowException("channel " + channelId + ": all " + (mask + 1) + " request slots are taken by"
                + " requests in flight or with unread replies (receive them; unread replies are dropped as stale after"
                + " the reply timeout)");
    }

    /** The request with sequence {@code seq} (in flight, or ended with unread replies), or null. */
    Pending get(int seq) {
        Pending p = slots.get(seq & mask);
        return p != null && p.seq() == seq && !p.isDrained() ? p : null;
    }

    /** Removes {@code p}: its slot is free for a later request; true when this call removed it. */
    boolean remove(Pending p) {
        return slots.get(p.seq() & mask) == p && p.drain();
    }

    /** The sequence number of the latest request sent. */
    int lastIssued() {
        return lastIssued;
    }

    /** Runs {@code action} on every request in the table (in flight, or ended with unread replies). */
    void forEach(Consumer<Pending> action) {
        for (int i = 0; i <= mask; i++) {
            Pending p = slots.get(i);
            if (p != null && !p.isDrained()) {
                action.accept(p);
            }
        }
    }

    /** Fails every request in flight. */
    void failAll(Failure failure, Throwable cause) {
        forEach(p -> p.fail(failure, cause));
    }
}
