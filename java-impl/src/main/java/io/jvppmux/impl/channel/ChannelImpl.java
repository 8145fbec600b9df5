package io.jvppmux.impl.channel;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.DumpRequest;
import io.jvppmux.api.FailureCause;
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
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.metrics.ChannelCounters;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;

/**
 * One plugin's channel. Safe from many threads at once: each request gets its own sequence number,
 * context and reply queue. Requests in flight are bounded by the request-buffer size (senders block,
 * at most the reply timeout); received but unconsumed replies of single requests by the reply-buffer size,
 * the details of dumps and streams by the mux's byte budget (an extra reply fails its request with
 * ReplyOverflowException; the dispatcher never waits). Replies nobody takes within the reply timeout are
 * dropped as stale by the mux's sweeper, freeing their room. Survives reconnects: it
 * holds no per-connection state (each request holds the message table it was sent with). With
 * {@code retry-request-count} set, {@link #call}, {@link #callAsync}, {@link #sendRequest}, {@link #dump} and
 * {@link #stream} re-send a request that failed with NotConnectedException ({@link RequestRetry}).
 */
public final class ChannelImpl implements ApiChannel {
    private final MuxCore core;
    private final int id;
    private final String name;
    private final String label;
    private final ChannelCounters channelCounters;
    private final IntSupplier inFlight;
    private final int replySize;
    private final PendingTable pendings;
    private final Sender sender;
    private final Credits replySlots;
    private final ChannelSubscriptions subscriptions;
    private final ChannelRegistry registry;
    private final Counters counters;
    private final RequestRetry retry;
    private final ByteBudget replyBudget;
    private volatile long replyTimeoutNanos;
    private final long unreadReplyTimeoutNanos;
    private volatile boolean closed;

    /** @param internal the mux's own channel: no retries, no remembered registrations */
    ChannelImpl(ChannelShared shared, ChannelRegistry registry, int id, String name, int requestSize, int replySize,
                Counters counters, boolean internal) {
        this.core = shared.core();
        this.id = id;
        this.name = name == null ? ChannelMetrics.UNNAMED : name;
        this.label = "channel " + id + (name == null ? "" : " '" + name + "'");
        this.channelCounters = counters.channels.forName(name);
        this.replySize = replySize;
        this.replySlots = new Credits(replySize);
        this.counters = counters;
        this.pendings = PendingTable.forBuffers(requestSize, replySize);
        this.replyBudget = shared.replyBudget();
        this.sender = new Sender(core, this, pendings, requestSize, internal ? null : shared.registrations());
        this.retry = internal ? new RequestRetry(core, counters, 0, 0) : shared.retry();
        this.subscriptions = new ChannelSubscriptions(this, shared.subscribers(), shared.eventBudget(), core);
        this.registry = registry;
        this.replyTimeoutNanos = core.config().replyTimeout().toNanos();
        this.unreadReplyTimeoutNanos = core.config().unreadReplyTimeout().toNanos();
        this.inFlight = sender::inFlight;
        channelCounters.opened(inFlight);
    }

    @Override
    public RequestContext sendRequest(Message request) {
        Objects.requireNonNull(request, "request");
        return retry.enabled() ? new RetryingRequest(this, request, retry) : sendOnce(request);
    }

    /** Sends {@code request} once, without retries. */
    SingleRequest sendOnce(Message request) {
        MessageTable t = sender.resolve(request);
        SingleRequest p = new SingleRequest(this, t, request.messageName());
        sender.send(p, request, false, false);
        return p;
    }

    @Override
    public MultiRequestContext sendMultiRequest(Message request) {
        return startMulti(request);
    }

    private MultiRequest startMulti(Message request) {
        MessageTable t = sender.resolve(Objects.requireNonNull(request, "request"));
        if (request instanceof StreamRequest<?, ?> s) {
            MultiRequest p = new MultiRequest(this, t, s, t.idOf(s.replyDescriptor()));
            sender.send(p, request, true, false);
            return p;
        }
        MultiRequest p = new MultiRequest(this, t, request.messageName());
        sender.send(p, request, true, true);
        return p;
    }

    @Override
    public <R extends Message> R call(Request<R> request) {
        Objects.requireNonNull(request, "request");
        return retry.run(request.messageName(), attempt -> {
            R reply = request.replyDescriptor().newInstance();
            sendOnce(request).receiveReply(reply);
            return reply;
        });
    }

    @Override
    public <R extends Message> CompletableFuture<R> callAsync(Request<R> request) {
        return retry.enabled() && request != null
                ? retry.runAsync(request.messageName(), () -> callAsyncOnce(request)) : callAsyncOnce(request);
    }

    private <R extends Message> CompletableFuture<R> callAsyncOnce(Request<R> request) {
        AsyncCall<R> p;
        try {
            MessageTable t = sender.resolve(Objects.requireNonNull(request, "request"));
            p = new AsyncCall<>(this, t, request.messageName(), request.replyDescriptor(), core.executors());
            sender.send(p, request, false, false);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        p.startTimer(replyTimeoutNanos);
        return p.future();
    }

    @Override
    public <D extends Message> List<D> dump(DumpRequest<D> request) {
        Objects.requireNonNull(request, "request");
        return retry.run(request.messageName(), attempt -> startMulti(request).collect(request.detailsDescriptor()));
    }

    @Override
    public <R extends HasRetval, D extends Message> List<D> stream(StreamRequest<R, D> request) {
        Objects.requireNonNull(request, "request");
        return retry.run(request.messageName(), attempt -> startMulti(request).collect(request.detailsDescriptor()));
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
            throw new IllegalArgumentException("reply timeout of " + label + " must be positive: " + timeout);
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
    public String name() {
        return name;
    }

    /** How messages and logs name it: {@code channel 3 'interface-watcher'}, or {@code channel 3} without a name. */
    String label() {
        return label;
    }

    /** The counters of its name. */
    ChannelCounters channelCounters() {
        return channelCounters;
    }

    /** Counts {@code n} replies dropped as stale, mux-wide and under its name. */
    void countStale(long n) {
        counters.staleDrops.add(n);
        channelCounters.staleDrops.add(n);
    }

    /** Counts a failed {@code request} (one that did not end through its request's end), mux-wide and under its name. */
    void countFailure(String request, FailureCause cause) {
        counters.failed(request, cause);
        channelCounters.failed(cause);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        channelCounters.closed(inFlight);
        sender.wakeBlockedSenders();
        pendings.failAll(Failure.CLOSED, null);
        pendings.forEach(Pending::dropUnread);
        subscriptions.closeAll();
        registry.release(this);
    }

    @Override
    public String toString() {
        return label + (closed ? " (closed)" : "");
    }

    /** Routes a reply (dispatcher thread) to its request, or counts it stale. */
    void onReply(int context, int msgId, ByteBuffer msg, int length) {
        Pending p = pendings.get(context & 0xFFFF);
        if (p == null || p.context() != context) {
            Stale.drop(this, context, msgId, pendings.lastIssued());
            return;
        }
        if (core.bytesInFlightBounded()) {
            core.replied(p.egressMark());   // VPP handled what was written up to p's request
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

    /** {@code p} ended: its request-buffer permit is free again. */
    void ended(Pending p) {
        sender.releasePermit();
    }

    /** {@code p} ended and has no unread reply: its table slot is free again. */
    void drained(Pending p) {
        pendings.remove(p);
    }

    /** Drops what nobody receives any more ({@link Pending#expireIfAbandoned}); the sweeper calls it. */
    void sweep(long now) {
        pendings.forEach(p -> p.expireIfAbandoned(now));
    }

    ByteBudget replyBudget() {
        return replyBudget;
    }

    boolean reserveReply() {
        return replySlots.tryTake();
    }

    void releaseReply() {
        replySlots.giveBack();
    }

    void ensureOpen() {
        if (closed) {
            throw new ChannelClosedException(label + " is closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    long replyTimeoutNanos() {
        return replyTimeoutNanos;
    }

    long unreadReplyTimeoutNanos() {
        return unreadReplyTimeoutNanos;
    }

    int replySize() {
        return replySize;
    }

    Counters counters() {
        return counters;
    }

    MuxCore core() {
        return core;
    }
}
