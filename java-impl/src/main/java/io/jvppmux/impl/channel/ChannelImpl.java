package io.jvppmux.impl.channel;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.DumpRequest;
import io.jvppmux.api.HasRetval;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.Request;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.StreamRequest;
import io.jvppmux.api.Subscription;
import io.jvppmux.impl.core.Counters;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MuxCore;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plugin's channel. Safe from many threads at once: each request gets its own sequence number,
 * context and reply queue. Requests in flight are bounded by the request-buffer size (senders block,
 * at most the reply timeout); received but unconsumed replies by the reply-buffer size (an extra reply
 * fails its request with ReplyOverflowException; the dispatcher never waits). Survives reconnects: it
 * holds no per-connection state.
 */
public final class ChannelImpl implements ApiChannel {
    private final MuxCore core;
    private final int id;
    private final int replySize;
    private final PendingTable pendings;
    private final Sender sender;
    private final AtomicInteger bufferedReplies = new AtomicInteger();
    private final ChannelSubscriptions subscriptions;
    private final ChannelRegistry registry;
    private volatile long replyTimeoutNanos;
    private volatile boolean closed;

    ChannelImpl(MuxCore core, int id, int requestSize, int replySize, Subscribers subscribers,
                ChannelRegistry registry) {
        this.core = core;
        this.id = id;
        this.replySize = replySize;
        this.pendings = new PendingTable(requestSize);
        this.sender = new Sender(core, this, pendings, requestSize);
        this.subscriptions = new ChannelSubscriptions(this, subscribers, core);
        this.registry = registry;
        this.replyTimeoutNanos = core.config().replyTimeout().toNanos();
    }

    @Override
    public RequestContext sendRequest(Message request) {
        int msgId = sender.resolve(Objects.requireNonNull(request, "request"));
        SingleRequest p = new SingleRequest(this, core.table(), request.messageName());
        sender.send(p, request, msgId, false, false);
        return p;
    }

    @Override
    public MultiRequestContext sendMultiRequest(Message request) {
        return startMulti(request, true);
    }

    private MultiRequest startMulti(Message request, boolean bounded) {
        int msgId = sender.resolve(Objects.requireNonNull(request, "request"));
        if (request instanceof StreamRequest<?, ?> s) {
            int replyId = core.requireId(s.replyDescriptor());
            MultiRequest p = new MultiRequest(this, core.table(), s, replyId, bounded);
            sender.send(p, request, msgId, true, false);
            return p;
        }
        MultiRequest p = new MultiRequest(this, core.table(), request.messageName(), bounded);
        sender.send(p, request, msgId, true, true);
        return p;
    }

    @Override
    public <R extends Message> R call(Request<R> request) {
        RequestContext ctx = sendRequest(request);
        R reply = request.replyDescriptor().newInstance();
        ctx.receiveReply(reply);
        return reply;
    }

    @Override
    public <R extends Message> CompletableFuture<R> callAsync(Request<R> request) {
        AsyncCall<R> p;
        try {
            int msgId = sender.resolve(Objects.requireNonNull(request, "request"));
            p = new AsyncCall<>(this, core.table(), request.messageName(), request.replyDescriptor(), core.executors());
            sender.send(p, request, msgId, false, false);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        p.startTimer(replyTimeoutNanos);
        return p.future();
    }

    @Override
    public <D extends Message> List<D> dump(DumpRequest<D> request) {
        return startMulti(request, false).collect(request.detailsDescriptor());
    }

    @Override
    public <R extends HasRetval, D extends Message> List<D> stream(StreamRequest<R, D> request) {
        return startMulti(request, false).collect(request.detailsDescriptor());
    }

    @Override
    public <E extends Message> Subscription<E> subscribeNotification(MessageDescriptor<E> event, int bufferSize) {
        ensureOpen();
        return subscriptions.subscribe(event, bufferSize);
    }

    @Override
    public void setReplyTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("reply timeout of channel " + id + " must be positive: " + timeout);
        }
        replyTimeoutNanos = timeout.toNanos();
    }

    @Override
    public Duration replyTimeout() {
        return Duration.ofNanos(replyTimeoutNanos);
    }

    @Override
    public void checkCompatibility(MessageDescriptor<?>... messages) {
        Objects.requireNonNull(messages, "messages");
        core.checkCompatibility(messages);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sender.wakeBlockedSenders();
        pendings.failAll(Failure.CLOSED, null);
        subscriptions.closeAll();
        registry.release(this);
    }

    @Override
    public String toString() {
        return "channel " + id + (closed ? " (closed)" : "");
    }

    /** Routes a reply (dispatcher thread) to its request, or counts it stale. */
    void onReply(int context, int msgId, ByteBuffer msg, int length) {
        Pending p = pendings.get(context & 0xFFFF);
        if (p == null || p.context() != context) {
            Stale.drop(this, context, msgId, pendings.lastIssued());
            return;
        }
        p.offer(msgId, msg, length);
    }

    /** Fails every request in flight (connection lost, mux closing). */
    void failAll(Failure failure, Throwable cause) {
        pendings.failAll(failure, cause);
    }

    void resend(Pending p, Message request) {
        sender.resend(p, request);
    }

    void unregister(Pending p) {
        if (pendings.remove(p)) {
            sender.releasePermit();
        }
    }

    boolean reserveReply() {
        if (bufferedReplies.incrementAndGet() > replySize) {
            bufferedReplies.decrementAndGet();
            return false;
        }
        return true;
    }

    void releaseReply() {
        bufferedReplies.decrementAndGet();
    }

    void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException("channel " + id + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    long replyTimeoutNanos() {
        return replyTimeoutNanos;
    }

    int replySize() {
        return replySize;
    }

    Counters counters() {
        return core.counters();
    }

    MuxCore core() {
        return core;
    }
}
