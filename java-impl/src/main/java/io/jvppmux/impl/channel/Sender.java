package io.jvppmux.impl.channel;

import io.jvppmux.api.DumpRequest;
import io.jvppmux.api.Message;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.Request;
import io.jvppmux.api.StreamRequest;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The egress side of a channel, run on the caller's thread: resolves the message id, waits for a
 * request-buffer permit (backpressure, bounded by the reply timeout), registers the request so its
 * replies can be routed, then encodes and writes it (and, for a dump, the control_ping after it with
 * the same context).
 */
final class Sender {
    private static final ControlPing PING = new ControlPing();
    private static final int WAKE_ALL = 1 << 20;

    private final MuxCore core;
    private final ChannelImpl channel;
    private final PendingTable pendings;
    private final Semaphore permits;
    private final int requestSize;

    Sender(MuxCore core, ChannelImpl channel, PendingTable pendings, int requestSize) {
        this.core = core;
        this.channel = channel;
        this.pendings = pendings;
        this.requestSize = requestSize;
        this.permits = new Semaphore(requestSize);
    }

    /**
     * Checks that the request can be sent and returns its id; makes the table know its replies too.
     * Call before creating the request's {@link Pending}, which captures the table.
     */
    int resolve(Message request) {
        channel.ensureOpen();
        core.ensureConnected();
        int id = core.requireId(request.descriptor());
        if (request instanceof Request<?> r) {
            core.learnQuietly(r.replyDescriptor());
        }
        if (request instanceof DumpRequest<?> d) {
            core.learnQuietly(d.detailsDescriptor());
        }
        if (request instanceof StreamRequest<?, ?> s) {
            core.learnQuietly(s.detailsDescriptor());
        }
        return id;
    }

    /** Sends {@code request} (id {@code msgId}) for {@code p}; blocks while the request buffer is full. */
    void send(Pending p, Message request, int msgId, boolean multipart, boolean ping) {
        int pingId = ping ? core.requireId(ControlPing.DESCRIPTOR) : -1;
        acquire(request.messageName());
        pendings.register(p, channel.id(), multipart);
        try {
            channel.ensureOpen();
            core.ensureConnected();
            core.write(request, msgId, p.context());
            if (ping) {
                core.write(PING, pingId, p.context());
            }
            core.counters().requests.increment();
        } catch (RuntimeException e) {
            p.fail(Failure.ABANDONED, e);
            throw e;
        }
    }

    /** Writes {@code request} again with {@code p}'s context (cursor stream after EAGAIN). */
    void resend(Pending p, Message request) {
        try {
            core.write(request, core.requireId(request.descriptor()), p.context());
            core.counters().requests.increment();
        } catch (RuntimeException e) {
            p.fail(Failure.ABANDONED, e);
            throw e;
        }
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
                    throw new ReplyTimeoutException(requestName + " on channel " + channel.id() + ": not sent within "
                            + channel.replyTimeout().toMillis() + " ms, " + requestSize
                            + " requests already in flight (request buffer full)");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VppException("interrupted while waiting to send " + requestName + " on channel "
                        + channel.id(), e);
            }
        }
        if (channel.isClosed()) {
            permits.release();
            channel.ensureOpen();
        }
    }
}
