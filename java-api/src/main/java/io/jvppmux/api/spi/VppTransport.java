package io.jvppmux.api.spi;

import io.jvppmux.api.MuxConfig;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The seam between the mux and a way of reaching VPP: the socket transport and the shared-memory
 * transport (java-impl, jvpp-shim) and mock-vpp's in-process transport implement it. Six required
 * operations, bytes only: all encoding stays in the mux; the rest have defaults ({@link #awaitReplies} and
 * {@link #wake} let a transport read on a thread that waits for its reply, as the socket transport does).
 *
 * <p>Lifecycle: {@link #connect} then any number of {@link #write}s from any threads, then
 * {@link #disconnect}; a transport may be connected again after a disconnect.
 */
public interface VppTransport {
    /**
     * Connects and starts the receive side, which delivers every incoming message to {@code sink}.
     * Bounded by {@link MuxConfig#connectTimeout()}.
     *
     * @throws io.jvppmux.api.VppTransportException when VPP cannot be reached or the handshake fails
     */
    void connect(MuxConfig config, RxSink sink);

    /**
     * The {@code client_index} the mux must write into every request-shaped header (socket: the
     * {@code index} of {@code sockclnt_create_reply}; shm: ignored, libvppapiclient writes it).
     */
    int clientIndex();

    /** The message id of {@code name_crc} in the connected VPP's table, or -1 when VPP does not know it. */
    int messageId(String nameCrc);

    /**
     * Every {@code name_crc} of the connected VPP's table, where the transport can list them (the socket
     * can; libvppapiclient cannot, so the shm transport lists the known bindings VPP confirms). Used to
     * tell a CRC change from a missing message.
     */
    default Optional<Set<String>> messageTable() {
        return Optional.empty();
    }

    /**
     * Sends one message: the bytes from the buffer's position to its limit, starting with the message id.
     * Thread-safe; each message is written whole, never interleaved with another.
     *
     * @throws io.jvppmux.api.NotConnectedException when not connected
     * @throws io.jvppmux.api.VppTransportException when the write fails
     */
    void write(ByteBuffer message);

    /** Whether connected. */
    boolean isConnected();

    /**
     * Disconnects (politely where the protocol says so) and stops the receive thread, within a bounded
     * time; the sink gets no more messages afterwards. Idempotent.
     */
    void disconnect();

    /**
     * Drops the connection at once, without the polite goodbye of {@link #disconnect()}: for a VPP already
     * known not to answer, whose goodbye would only be waited for in vain. Same guarantees otherwise.
     */
    default void abort() {
        disconnect();
    }

    /**
     * Looks, cheaply and without registering, whether a VPP is there to connect to now (the socket transport:
     * the socket file exists and accepts a connection, which it closes at once). Called by the mux's
     * supervisor between connect attempts, never while connected. Default: {@link VppPresence#UNKNOWN}.
     */
    default VppPresence presence(MuxConfig config) {
        return VppPresence.UNKNOWN;
    }

    /**
     * The largest message, in bytes, this transport can write. The mux refuses a larger request before encoding
     * it, with an {@link IllegalArgumentException} naming the request, its size and this bound, and writes nothing.
     * Default: no bound of the transport's own ({@code max-message-size} still applies).
     */
    default int maxWriteSize() {
        return Integer.MAX_VALUE;
    }

    /**
     * How many bytes of written messages VPP may hold unanswered at once: a transport whose messages stay in memory
     * VPP shares with the client until VPP has handled them (shared memory) bounds them, and the mux then holds a
     * request back while replies show that VPP still holds that many, bounded by the request's reply timeout
     * ({@link io.jvppmux.api.ReplyTimeoutException}). Default: no bound ({@link Long#MAX_VALUE}).
     */
    default long maxBytesInFlight() {
        return Long.MAX_VALUE;
    }

    /** A short description for logs, e.g. {@code socket /run/vpp/api.sock}. */
    String describe();

    /**
     * The wait of a thread that is owed replies (a synchronous request, a dump being read). Called without
     * {@code monitor} held; the mux notifies {@code monitor} (and calls {@link #wake}) whenever {@code done} may
     * have turned true. Returns when {@code done} is true, at {@code deadlineNanos} ({@link System#nanoTime}),
     * or earlier (the caller checks and calls again); an interrupt ends it with the flag set or with
     * {@link InterruptedException}.
     *
     * <p>A transport may read the connection on the calling thread meanwhile, delivering to the sink as its
     * receive thread would (the socket transport does, when no other thread reads: one thread hand-over less per
     * round trip). Default: waits on {@code monitor}.
     */
    default void awaitReplies(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        waitOn(monitor, done, deadlineNanos);
    }

    /** Waits on {@code monitor} until {@code done} (checked with the monitor held) or {@code deadlineNanos}. */
    static void waitOn(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        synchronized (monitor) {
            long left;
            while (!done.getAsBoolean() && (left = deadlineNanos - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(monitor, left);
            }
        }
    }

    /**
     * Tells the transport that a thread in {@link #awaitReplies} may be done, from another thread (e.g. the
     * dispatcher routed its reply, or it failed): a transport whose waiter may be reading rather than waiting on
     * its monitor wakes it. Default: nothing (the monitor's notify is enough).
     */
    default void wake(Thread waiter) {
    }
}
