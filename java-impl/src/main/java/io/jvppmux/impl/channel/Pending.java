package io.jvppmux.impl.channel;

import io.jvppmux.api.FailureCause;
import io.jvppmux.api.Message;
import io.jvppmux.api.VppApiException;
import io.jvppmux.api.VppException;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.metrics.MessageCounters;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;

/**
 * One request in flight and the replies received for it but not yet consumed. The dispatcher offers
 * replies (copying each out of its ring slot: the one allocation per reply); the requester takes them
 * on its own thread and decodes them there. A request ends exactly once, by its last reply or a
 * {@link Failure}; ending frees its request-buffer permit, so later replies for it are stale, and counts it
 * in the metrics (before anyone waiting is woken, so a caller that saw the failure sees it counted). It
 * stays in its channel's table until its replies are consumed or dropped, so the sweeper
 * ({@link #expireIfAbandoned}) can find replies nobody takes any more.
 * <p>What a reply costs while unread: a single request's reply takes one of the channel's reply-buffer
 * slots ({@code replySize}); the details of a dump or stream take bytes of the mux's
 * {@code reply-buffer-bytes} budget ({@link ByteBudget}), with no count limit ({@link #reserve}, {@link #release};
 * {@link MultiRequest} keeps the byte accounting, so a single request carries none of it). All state is guarded by
 * this object's monitor, held only briefly.
 * A {@code want_*} registration it carries is confirmed by the dispatcher, inside the monitor and before the
 * request ends, when its reply has retval 0 ({@link EventRegistrations}).
 */
abstract class Pending extends ReplyQueue {
    private static final VarHandle WAITING;
    private static final VarHandle DRAINED;

    static {
        try {
            WAITING = MethodHandles.lookup().findVarHandle(Pending.class, "waiting", int.class);
            DRAINED = MethodHandles.lookup().findVarHandle(Pending.class, "drained", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int OPEN = 0;
    private static final int DONE = 1;
    private static final int FAILED = 2;

    final ChannelImpl channel;
    final MessageTable table;
    final String requestName;
    private long lastTake;
    /** Replies taken so far, and that count when the sweeper last looked: a take that did not wait reads no clock. */
    private int takes;
    private int takesSwept;
    private long timeoutNanos;
    private int seq;
    private int context;
    private int state;
    /** How it failed, once it did (null otherwise): one object, made only on failure. */
    private Failed failed;
    /** The thread in {@link #take}, if any. */
    private volatile Thread waiter;
    /**
     * Threads in {@link #awaitNews} (counted before they wait on this monitor): a reply notifies the monitor only
     * when one may wait there. Read under the monitor, so a waiter that counted itself is either seen here or
     * sees the reply when it checks under the monitor before waiting.
     */
    private volatile int waiting;
    /** Ended with every reply taken or dropped, and out of its channel's table ({@link PendingTable#remove}). */
    private volatile boolean drained;
    /** {@link #hasNews} as a supplier, made at the first wait (a dump waits many times). */
    private BooleanSupplier news;
    private final MessageCounters stats;
    private long startedAt;
    private EventRegistrations.Candidate registration;
    /** Where its last message ends in the written stream, where the transport counts it ({@link MuxCore#replied}). */
    private volatile long egressMark;

    Pending(ChannelImpl channel, MessageTable table, String requestName) {
        this.channel = channel;
        this.table = table;
        this.requestName = requestName;
        this.stats = channel.counters().messages.forMessage(requestName);
    }

    /** Whether {@code msgId} ends the request. Runs on the dispatcher; must not block. */
    abstract boolean isLast(int msgId, ByteBuffer msg, int length);

    /** Whether a message {@code msgId} is queued for the requester (false for a dump's control_ping_reply). */
    boolean keeps(int msgId) {
        return true;
    }

    /** Called once, outside the monitor, after the request ended. */
    void onEnded() {
    }

    /** Called before it is registered: it is in flight from now, and confirms {@code r} (may be null) on success. */
    final void starting(EventRegistrations.Candidate r) {
        registration = r;
        startedAt = System.nanoTime();
        lastTake = startedAt;
        timeoutNanos = channel.replyTimeoutNanos();
    }

    /** Called once written to VPP. */
    final void written() {
        channel.counters().written(stats);
        channel.channelCounters().written();
    }

    void assign(int seq, int context) {
        this.seq = seq;
        this.context = context;
    }

    final boolean isDrained() {
        return drained;
    }

    /** Marks it drained; true when this call did. */
    final boolean drain() {
        return DRAINED.compareAndSet(this, false, true);
    }

    /** Set before its message is written (the writing thread). */
    final void egressMark(long mark) {
        egressMark = mark;
    }

    final long egressMark() {
        return egressMark;
    }

    final int seq() {
        return seq;
    }

    final int context() {
        return context;
    }

    /** Takes one reply from the dispatcher: queue it, or fail the request when the channel's buffer is full. */
    final void offer(int msgId, ByteBuffer msg, int length) {
        boolean last = isLast(msgId, msg, length);
        boolean ended;
        synchronized (this) {
            if (state != OPEN) {
                channel.countStale(1);
                return;
            }
            if (keeps(msgId)) {
                if (!reserve(length)) {
                    ended = endLocked(Failure.OVERFLOW, null);
                } else {
                    addReply(copy(msg, length));
                    channel.counters().replied(stats);
                    channel.channelCounters().replied();
                    ended = last && succeed(msgId, msg, length);
                }
            } else {
                ended = last && succeed(msgId, msg, length);
            }
            if (waiting != 0) {
                notifyAll();
            }
        }
        wakeWaiter();
        if (ended) {
            onEnded();
        }
    }

    /** Ends the request with its last reply, first confirming its registration when VPP accepted it. */
    private boolean succeed(int msgId, ByteBuffer msg, int length) {
        if (registration != null && Replies.retvalIsZero(table, msgId, msg, length)) {
            registration.confirm();
        }
        return endLocked(null, null);
    }

    /** Decodes a reply on the requester's thread and checks its retval ({@link #checkRetval}). */
    final void decodeReply(byte[] msg, Message into) {
        Replies.decodeInto(msg, into, table, channel.label());
        checkRetval(into);
    }

    /** @throws VppApiException when {@code reply} has a non-zero retval, which the metrics count */
    final void checkRetval(Message reply) {
        try {
            Replies.checkRetval(reply);
        } catch (VppApiException e) {
            channel.countFailure(requestName, FailureCause.VPP_ERROR);
            throw e;
        }
    }

    /** Ends the request with {@code f} unless it already ended; true when this call ended it. */
    final boolean fail(Failure f, Throwable cause) {
        boolean ended;
        synchronized (this) {
            ended = endLocked(f, cause);
            notifyAll();
        }
        wakeWaiter();
        if (ended) {
            onEnded();
        }
        return ended;
    }

    /** Ends the request as complete (e.g. a cursor stream that cannot resume); no-op when already ended. */
    final void finish() {
        boolean ended;
        synchronized (this) {
            ended = endLocked(null, null);
        }
        if (ended) {
            onEnded();
        }
    }

    /**
     * The next reply, or null when the request completed and every reply was taken. Waits up to
     * {@code timeoutNanos}; then the request fails with a timeout.
     */
    final byte[] take(long timeoutNanos) {
        long deadline = 0;
        boolean waited = false;
        while (true) {
            synchronized (this) {
                byte[] b = dequeue();
                if (b != null) {
                    return b;
                }
                if (state == DONE) {
                    return null;
                }
                if (state == FAILED) {
                    throw failed.toException();
                }
                long now = System.nanoTime();
                if (!waited) {
                    waited = true;
                    deadline = now + timeoutNanos;
                    lastTake = now;
                    this.timeoutNanos = timeoutNanos;  // from now on the waiter's timeout is the one that counts
                } else if (deadline - now <= 0) {
                    fail(Failure.TIMEOUT, null);
                    continue;
                }
            }
            awaitNews(deadline);
        }
    }

    /**
     * Waits, without this monitor held, for a reply or the end ({@link MuxCore#awaitReplies}: the socket transport
     * may read on this thread meanwhile). Interrupted with nothing new: the request is abandoned.
     */
    private void awaitNews(long deadline) {
        InterruptedException interrupted = null;
        if (news == null) {
            news = this::hasNews;
        }
        WAITING.getAndAdd(this, 1);
        waiter = Thread.currentThread();
        try {
            channel.core().awaitReplies(this, news, deadline);
        } catch (InterruptedException e) {
            interrupted = e;
            Thread.currentThread().interrupt();
        } finally {
            waiter = null;
            WAITING.getAndAdd(this, -1);
        }
        if ((interrupted != null || Thread.currentThread().isInterrupted()) && !hasNews()) {
            Throwable cause = interrupted != null ? interrupted : new InterruptedException("interrupted while waiting");
            fail(Failure.ABANDONED, cause);
            throw new VppException(describe(Failure.ABANDONED, cause), cause);
        }
    }

    /** Whether a reply is queued or the request ended: what {@link #take} waits for. */
    private synchronized boolean hasNews() {
        return !noReplies() || state != OPEN;
    }

    /** Wakes the thread in {@link #take}, after notifyAll: it may be reading the socket rather than waiting here. */
    private void wakeWaiter() {
        Thread w = waiter;
        if (w != null && w != Thread.currentThread()) {
            channel.core().wake(w);
        }
    }

    /**
     * Drops what nobody receives any more (the sweeper, every 100 ms): when nothing was taken for longer than the
     * reply timeout, a request still waiting for its reply fails with a timeout (a {@code sendRequest} nobody
     * receives); when nothing was taken for longer than {@code unread-reply-timeout} (and the reply timeout),
     * unread replies are dropped as stale and counted (a reply never received, a dump read in part). A take that
     * found a reply counts as made at the first sweep after it (up to 100 ms late, which only makes the sweeper more
     * patient); a thread that waits in {@link #take} marks the time it started waiting, so this never races its own
     * timeout.
     */
    final void expireIfAbandoned(long now) {
        expire(now, false);
    }

    /** Drops every unread reply at once (the channel closes), releasing its room. */
    final void dropUnread() {
        expire(0, true);
    }

    private void expire(long now, boolean closing) {
        boolean ended = false;
        int dropped;
        synchronized (this) {
            if (!closing && takes != takesSwept) {     // taken since the last sweep: count as taken now
                takesSwept = takes;
                lastTake = now;
            }
            long idle = now - lastTake;
            if (!closing && (idle <= timeoutNanos
                    || !noReplies() && idle <= channel.unreadReplyTimeoutNanos())) {
                return;
            }
            if (noReplies()) {
                if (state == OPEN) {
                    ended = endLocked(closing ? Failure.CLOSED : Failure.TIMEOUT, null);
                    notifyAll();
                } else {
                    channel.drained(this);
                }
                dropped = 0;
            } else {
                dropped = discardQueue();
                if (state == OPEN) {
                    ended = endLocked(closing ? Failure.CLOSED : Failure.TIMEOUT, null);
                }
                state = FAILED;
                failed = closing ? new Failed(Failure.CLOSED, describe(Failure.CLOSED, null), null)
                        : new Failed(Failure.TIMEOUT, requestName + " on " + channel.label() + ": " + dropped
                        + " replies not received within " + channel.unreadReplyTimeoutNanos() / 1_000_000
                        + " ms (unread-reply-timeout) of the last one taken were dropped as stale", null);
                channel.drained(this);
                notifyAll();
            }
        }
        wakeWaiter();
        if (dropped > 0) {
            Stale.unread(channel, requestName, dropped, closing);
        }
        if (ended) {
            onEnded();
        }
    }

    synchronized boolean ended() {
        return state != OPEN;
    }

    private boolean endLocked(Failure f, Throwable cause) {
        if (state != OPEN) {
            return false;
        }
        if (f == null) {
            state = DONE;
        } else {
            state = FAILED;
            failed = new Failed(f, describe(f, cause), cause);
            discardQueue();
        }
        channel.ended(this);
        if (noReplies()) {
            channel.drained(this);
        }
        channel.counters().ended(stats, f, System.nanoTime() - startedAt);
        if (f != null) {
            channel.channelCounters().failed(f.cause());
        }
        return true;
    }

    private String describe(Failure f, Throwable cause) {
        String where = requestName + " on " + channel.label() + ": ";
        return where + switch (f) {
            case TIMEOUT -> "no reply within " + channel.replyTimeout().toMillis() + " ms";
            case OVERFLOW -> "reply dropped, " + overflowText();
            case DISCONNECTED -> "connection to VPP lost" + (cause != null ? ": " + cause : "");
            case CLOSED -> "channel closed";
            case ABANDONED -> "abandoned" + (cause != null ? ": " + cause : "");
        };
    }

    private static byte[] copy(ByteBuffer msg, int length) {
        byte[] b = new byte[length];
        msg.get(0, b, 0, length);
        return b;
    }

    /**
     * Takes room for an unread reply of {@code length} bytes (monitor held): here one of the channel's reply-buffer
     * slots, as a single request's reply takes; a dump or stream takes bytes of the mux's budget instead.
     */
    boolean reserve(int length) {
        return channel.reserveReply();
    }

    /** Gives back the room {@link #reserve} took for {@code reply} (monitor held). */
    void release(byte[] reply) {
        channel.releaseReply();
    }

    /** Why the last reply did not fit, for the overflow failure (monitor held). */
    String overflowText() {
        return "the channel's reply buffer of " + channel.replySize() + " is full: that many replies of single"
                + " requests wait unread (receive them; an unread reply is dropped as stale after the reply timeout),"
                + " or use a larger replySize";
    }

    /** How a request failed: what {@link #take} throws from then on. */
    private record Failed(Failure failure, String text, Throwable cause) {
        VppException toException() {
            return failure.toException(text, cause);
        }
    }

    private byte[] dequeue() {
        byte[] b = pollReply();
        if (b != null) {
            takes++;
            release(b);
            if (state != OPEN && noReplies()) {
                channel.drained(this);
            }
        }
        return b;
    }

    /** Drops every unread reply, releasing its room; returns how many. */
    private int discardQueue() {
        int n = 0;
        for (byte[] b = pollReply(); b != null; b = pollReply()) {
            release(b);
            n++;
        }
        return n;
    }
}
