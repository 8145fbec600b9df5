package io.jvppmux.impl.channel;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.impl.core.Failure;
import io.jvppmux.impl.core.MessageTable;
import io.jvppmux.impl.core.MuxExecutors;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;

/**
 * A request with one reply whose result is a future. When the request ends (reply, timeout, failure)
 * the future is completed by a task on the mux's callback executor, which also decodes the reply:
 * never on the transport's or the dispatcher's thread. Its timeout runs on the mux's timer and is
 * cancelled when the reply comes.
 */
final class AsyncCall<R extends Message> extends Pending implements Runnable {
    private final MessageDescriptor<R> replyType;
    private final MuxExecutors executors;
    private final CompletableFuture<R> future = new CompletableFuture<>();
    private volatile ScheduledFuture<?> timeout;

    AsyncCall(ChannelImpl channel, MessageTable table, String requestName, MessageDescriptor<R> replyType,
              MuxExecutors executors) {
        super(channel, table, requestName);
        this.replyType = replyType;
        this.executors = executors;
    }

    @Override
    boolean isLast(int msgId, ByteBuffer msg, int length) {
        return true;
    }

    /** Arms the timeout; call after sending. */
    void startTimer(long nanos) {
        try {
            timeout = executors.schedule(() -> fail(Failure.TIMEOUT, null), nanos);
        } catch (RejectedExecutionException e) {
            fail(Failure.CLOSED, e);
            return;
        }
        if (ended()) {
            timeout.cancel(false);
        }
    }

    @Override
    void onEnded() {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        executors.callbacks().execute(this);
    }

    /** Completes the future; runs on a callback thread. */
    @Override
    public void run() {
        try {
            byte[] msg = take(0);
            R reply = replyType.newInstance();
            if (msg == null) {
                throw new IllegalStateException(requestName + " on " + channel.label() + ": no reply queued");
            }
            decodeReply(msg, reply);
            future.complete(reply);
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    CompletableFuture<R> future() {
        return future;
    }
}
