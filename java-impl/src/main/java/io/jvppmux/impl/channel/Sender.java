package io.jvppmux.impl.channel;

import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.DumpRequest;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.Message;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.Request;
import io.jvppmux.api.StreamRequest;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxCore;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The egress side of a channel, run on the caller's thread: resolves the message ids against one snapshot
 * of the message table, waits for a request-buffer permit (backpressure, bounded by the reply timeout),
 * registers the request so its replies can be routed, then encodes and writes it (and, for a dump, the
 * control_ping after it with the same context). Every write names the table's generation, so a request
 * prepared before a reconnect is refused rather than sent with stale ids.
 */
final class Sender {
    private static final ControlPing PING = new ControlPing();
    private static final int WAKE_ALL = 1 << 20;

    private final MuxCore core;
    private final ChannelImpl channel;
    private final PendingTable pendings;
    private final Semaphore permits;
    private final int requestSize;
    private final EventRegistrations registrations;

    /** @param registrations where plugin want_* requests are remembered; null for the mux's own channel */
    Sender(MuxCore core, ChannelImpl channel, PendingTable pendings, int requestSize, EventRegistrations registrations) {
        this.core = core;
        this.channel = channel;
        this.pendings = pendings;
        this.requestSize = requestSize;
        this.permits = new Semaphore(requestSize);
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
        return t;
    }

    /** Sends {@code request} for {@code p} with {@code p}'s table; blocks while the request buffer is full. */
    void send(Pending p, Message request, boolean multipart, boolean ping) {
        MessageTable t = p.table;
        if (ping && t.controlPingId() < 0) {
            throw new CompatibilityException(List.of(ControlPing.DESCRIPTOR.nameCrc()), List.of());
        }
        EventRegistrations.Candidate registration = registrations == null ? null : registrations.onSend(request);
        acquire(request.messageName());
        p.starting(registration);
        try {
            pendings.register(p, channel.id(), multipart);
            channel.ensureOpen();
            core.write(request, t.idOf(request.descriptor()), p.context(), t.generation());
            if (ping) {
                core.write(PING, t.controlPingId(), p.context(), t.generation());
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
            core.write(request, p.table.idOf(request.descriptor()), p.context(), p.table.generation());
            p.written();
        } catch (RuntimeException e) {
            p.fail(e instanceof NotConnectedException ? Failure.DISCONNECTED : Failure.ABANDONED, e);
            throw e;
        }
    }

    /** Requests sent and not ended (permits taken); for metrics snapshots. */
    int inFlight() {
        return Math.max(0, requestSize - permits.availablePermits());
    }

    void releasePermit() {
        permits.release();
    }

    /** Lets every sender blocked on a permit go on (and find the channel closed). */
    void wakeBlockedSenders() {
        permits.release(WAKE_ALL);
    }

    private void acquire(String requestName) {
        if (!permits.tryAcquire()) {
            try {
                if (!permits.tryAcquire(channel.replyTimeoutNanos(), TimeUnit.NANOSECONDS)) {
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
            permits.release();
            channel.ensureOpen();
        }
    }
}
