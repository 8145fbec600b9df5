package io.jvppmux.impl.channel;

import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.DumpRequest;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.Request;
import io.jvppmux.api.StreamRequest;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxCore;
import java.util.List;

/**
 * The egress side of a channel, run on the caller's thread: resolves the message ids against one snapshot
 * of the message table, waits for a request-buffer permit (backpressure, bounded by the reply timeout),
 * registers the request so its replies can be routed, then encodes and writes it (and, for a dump, the
 * control_ping after it with the same context). Every write names the table's generation, so a request
 * prepared before a reconnect is refused rather than sent with stale ids.
 */
final class Sender {
    private static final ControlPing PING = new ControlPing();

    private final MuxCore core;
    private final ChannelImpl channel;
    private final PendingTable pendings;
    private final Credits permits;
    private final int requestSize;
    private final EventRegistrations registrations;
    /** The request type resolved last and the table it was resolved against (racy by design: immutable). */
    private Resolved last;

    /** @param registrations where plugin want_* requests are remembered; null for the mux's own channel */
    Sender(MuxCore core, ChannelImpl channel, PendingTable pendings, int requestSize, EventRegistrations registrations) {
        this.core = core;
        this.channel = channel;
        this.pendings = pendings;
        this.requestSize = requestSize;
        this.permits = new Credits(requestSize);
        this.registrations = registrations;
    }

    /**
     * Checks that the request can be sent and returns the table snapshot to send it with: it knows the
     * request, its replies, and (for a cursor stream) its terminating reply. Create the request's
     * {@link Pending} with this table.
     */
    MessageTable resolve(Message request) {
        channel.ensureOpen();
        try {
            return snapshotFor(request);
        } catch (NotConnectedException e) {
            channel.countFailure(request.messageName(), FailureCause.NOT_CONNECTED);
            throw e;
        }
    }

    private MessageTable snapshotFor(Message request) {
        core.ensureConnected();
        MessageTable current = core.table();
        Resolved known = last;
        if (known != null && known.matches(request, current)) {
            return current;
        }
        core.requireId(request.descriptor());
        if (request instanceof Request<?> r) {
            core.learnQuietly(r.replyDescriptor());
        }
        if (request instanceof DumpRequest<?> d) {
            core.learnQuietly(d.detailsDescriptor());
        }
        if (request instanceof StreamRequest<?, ?> s) {
            core.requireId(s.replyDescriptor());
            core.learnQuietly(s.detailsDescriptor());
        }
        MessageTable t = core.table();
        if (t.idOf(request.descriptor()) <= 0) {
            throw new NotConnectedException(request.messageName() + " on " + channel.label()
                    + ": the connection to VPP changed while it was being prepared");
        }
        last = new Resolved(request.descriptor(), t, t.idOf(request.descriptor()), WantToggle.of(request) != null);
        return t;
    }

    /** The id of {@code request} in {@code t}, from the last resolution when it was of that type and table. */
    private int idOf(MessageTable t, Message request) {
        Resolved r = last;
        return r != null && r.matches(request, t) ? r.id : t.idOf(request.descriptor());
    }

    /** Whether {@code request} may be a {@code want_*} toggle to remember (always asked unless the last resolution says no). */
    private boolean mayToggle(Message request) {
        Resolved r = last;
        return r == null || r.descriptor != request.descriptor() || r.toggle;
    }

    /** Sends {@code request} for {@code p} with {@code p}'s table; blocks while the request buffer is full. */
    void send(Pending p, Message request, boolean multipart, boolean ping) {
        MessageTable t = p.table;
        if (ping && t.controlPingId() < 0) {
            throw new CompatibilityException(List.of(ControlPing.DESCRIPTOR.nameCrc()), List.of());
        }
        EventRegistrations.Candidate registration = registrations == null || !mayToggle(request) ? null
                : registrations.onSend(request);
        acquire(request.messageName());
        p.starting(registration);
        try {
            long deadline = System.nanoTime() + channel.replyTimeoutNanos();
            if (core.bytesInFlightBounded()) {   // wait for room before the request is in flight (and swept)
                core.awaitRoom(request, MessageCodec.length(request) + (ping ? MessageCodec.length(PING) : 0), deadline);
            }
            pendings.register(p, channel.id(), multipart);
            channel.ensureOpen();
            write(p, request, idOf(t, request), deadline);
            if (ping) {
                write(p, PING, t.controlPingId(), deadline);
            }
            p.written();
        } catch (RuntimeException e) {
            p.fail(e instanceof NotConnectedException ? Failure.DISCONNECTED : Failure.ABANDONED, e);
            throw e;
        }
    }

    /** Writes {@code request} again with {@code p}'s context and table (cursor stream after EAGAIN). */
    void resend(Pending p, Message request) {
        try {
            write(p, request, p.table.idOf(request.descriptor()), System.nanoTime() + channel.replyTimeoutNanos());
            p.written();
        } catch (RuntimeException e) {
            p.fail(e instanceof NotConnectedException ? Failure.DISCONNECTED : Failure.ABANDONED, e);
            throw e;
        }
    }

    /**
     * Writes one message of {@code p}; where the transport bounds the bytes VPP may hold unanswered, waiting for room
     * until {@code deadline} and giving {@code p} its mark ({@link MuxCore#replied}).
     */
    private void write(Pending p, Message m, int id, long deadline) {
        if (core.bytesInFlightBounded()) {
            core.write(m, id, p.context(), p.table.generation(), p::egressMark, deadline);
        } else {
            core.write(m, id, p.context(), p.table.generation());
        }
    }

    /** Requests sent and not ended (permits taken); for metrics snapshots. */
    int inFlight() {
        return permits.out();
    }

    void releasePermit() {
        permits.giveBack();
    }

    /** Lets every sender blocked on a permit go on (and find the channel closed). */
    void wakeBlockedSenders() {
        permits.close();
    }

    private void acquire(String requestName) {
        if (!permits.tryTake()) {
            try {
                if (!permits.take(channel.replyTimeoutNanos())) {
                    channel.ensureOpen();
                    throw new ReplyTimeoutException(requestName + " on " + channel.label() + ": not sent within "
                            + channel.replyTimeout().toMillis() + " ms, " + requestSize
                            + " requests already in flight (request buffer full)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VppException("interrupted while waiting to send " + requestName + " on " + channel.label(), e);
            }
        }
        if (channel.isClosed()) {
            permits.giveBack();
            channel.ensureOpen();
        }
    }

    /**
     * What resolving a request type against a table found: the id to write it with and whether it is a
     * {@code want_*} toggle. Kept for the next request of the same type, which then skips the look-ups (a plugin
     * sends the same request over and over); a new table (reconnect, a message learned) misses.
     */
    private record Resolved(MessageDescriptor<?> descriptor, MessageTable table, int id, boolean toggle) {
        boolean matches(Message request, MessageTable t) {
            return descriptor == request.descriptor() && table == t;
        }
    }
}
