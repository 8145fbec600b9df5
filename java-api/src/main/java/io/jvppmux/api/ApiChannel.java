package io.jvppmux.api;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One plugin's channel to VPP. Many channels share the mux's one connection; a slow or stuck channel
 * never delays another. Unlike GoVPP's, a channel is safe to use from several threads at once: every
 * request gets its own context and its own replies.
 *
 * <p>Every wait is bounded by the reply timeout (default 1 s, {@link #setReplyTimeout}). Sending
 * blocks while the channel already has its request-buffer size of requests in flight (backpressure).
 */
public interface ApiChannel extends AutoCloseable {
    /** Sends a request that has one reply. */
    RequestContext sendRequest(Message request);

    /**
     * Sends a request with a stream of replies: a dump (ended by a {@code control_ping} the mux sends
     * after it) or a cursor stream (ended by its own reply, and continued on retval -165 {@code EAGAIN}).
     */
    MultiRequestContext sendMultiRequest(Message request);

    /**
     * Subscribes to one event message, e.g. {@code SwInterfaceEvent.DESCRIPTOR}. Subscribing does not
     * ask VPP to send the event: send the matching {@code want_*} request too.
     *
     * @param bufferSize how many undelivered events to keep before dropping (at least 1)
     */
    <E extends Message> Subscription<E> subscribeNotification(MessageDescriptor<E> event, int bufferSize);

    /** Sets the reply timeout of this channel's later waits. Must be positive. */
    void setReplyTimeout(Duration timeout);

    /** The reply timeout in force. */
    Duration replyTimeout();

    /**
     * Checks that VPP knows every given message under the same CRC.
     *
     * @throws CompatibilityException listing missing and CRC-changed messages apart
     */
    void checkCompatibility(MessageDescriptor<?>... messages);

    /** Sends {@code request} and waits for its reply; throws as {@link RequestContext#receiveReply}. */
    <R extends Message> R call(Request<R> request);

    /**
     * Sends {@code request} and returns a future of its reply, completed on the mux's callback
     * executor, never on the transport's or the dispatcher's thread. Fails with the exceptions of
     * {@link RequestContext#receiveReply}.
     */
    <R extends Message> CompletableFuture<R> callAsync(Request<R> request);

    /** Runs a dump and returns all its details. */
    <D extends Message> List<D> dump(DumpRequest<D> request);

    /**
     * Runs a cursor stream to its end, re-sending from the cursor on retval -165 ({@code EAGAIN}), and
     * returns all its details.
     */
    <R extends HasRetval, D extends Message> List<D> stream(StreamRequest<R, D> request);

    /** This channel's id, 1..32767: the top 15 bits of every context it sends. */
    int id();

    /**
     * The name it was opened with ({@code mux.newApiChannel("interface-watcher")}), or
     * {@value ChannelMetrics#UNNAMED}; its metrics, log lines, exceptions and API trace entries carry it.
     */
    String name();

    /**
     * Closes the channel: waiting requests fail with {@link ChannelClosedException}, subscriptions end,
     * and later calls throw {@link ChannelClosedException}. Idempotent.
     */
    @Override
    void close();
}
