package io.jvppmux.impl.core;

import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.transport.shm.ShmTransport;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.metrics.ApiTraceBuffer;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every channel shares: the transport, the current connection's message table and client index,
 * the counters, and the encode-and-write path. Survives reconnects: a connect replaces the table, the
 * client index and the generation, never this object.
 *
 * <p>Stale ids: every write names the generation of the table its ids came from, and is refused with
 * {@link NotConnectedException} unless that is the connected generation. The check and the transport write
 * happen inside a {@link WriteGate} that {@link #disconnect()} drains, so no write that passed its check is
 * still running when the next connection starts.
 */
public final class MuxCore {
    private static final Logger log = LoggerFactory.getLogger(MuxCore.class);
    /** The mark of a write that is not a request's (the mux's own answers): counted, never waits. */
    private static final LongConsumer NO_MARK = mark -> { };

    private final MuxConfig config;
    private final VppTransport transport;
    /** Bytes VPP may hold unanswered (shared memory), null when the transport sets no bound. */
    private final EgressBudget budget;
    /** The largest message the transport writes, asked once. */
    private final int maxWrite;
    private final MessageCatalog known;
    private final Counters counters = new Counters();
    private final EgressBuffers egress;
    private final MuxExecutors executors;
    private final WriteGate gate = new WriteGate();
    private final ConnectedSignal signal = new ConnectedSignal();
    private final ApiTraceBuffer trace;
    private volatile boolean callerReads = true;
    private volatile MessageTable table = MessageTable.EMPTY;
    private volatile Compatibility compatibility;
    private volatile boolean connected;
    private volatile boolean shutDown;
    private volatile int clientIndex;
    private volatile int generation;
    private volatile long lastTransportConnectNanos;
    private volatile long lastResolveNanos;

    /** {@link #MuxCore(MuxConfig, VppTransport, MessageCatalog, MuxExecutors)} with these descriptors. */
    public MuxCore(MuxConfig config, VppTransport transport, List<MessageDescriptor<? extends Message>> known,
                   MuxExecutors executors) {
        this(config, transport, MessageCatalog.ofDescriptors(known), executors);
    }

    /**
     * @param known every message of every module found, resolved at each connect by key (no class loaded)
     */
    public MuxCore(MuxConfig config, VppTransport transport, MessageCatalog known, MuxExecutors executors) {
        this.config = config;
        this.transport = transport;
        this.known = known;
        this.executors = executors;
        this.egress = new EgressBuffers(config.maxMessageSize());
        this.maxWrite = transport.maxWriteSize();
        long inFlight = transport.maxBytesInFlight();
        this.budget = inFlight < Long.MAX_VALUE ? new EgressBudget(inFlight) : null;
        this.trace = new ApiTraceBuffer(config.apiTraceSize());
    }

    /** Whether the transport is shared memory (not, e.g., the socket a shm configuration fell back to). */
    public boolean overSharedMemory() {
        return transport instanceof ShmTransport;
    }

    /**
     * Connects the transport with a sink made for the new generation, then resolves every known message
     * against the new VPP's table (ids are never carried over from an earlier connection).
     *
     * @throws VppTransportException when VPP cannot be reached, or the mux is shut down
     */
    public synchronized void connect(IntFunction<RxSink> sinkForGeneration) {
        if (shutDown) {
            throw new VppTransportException("this jvppmux is closed");
        }
        connected = false;
        int gen = generation + 1;
        generation = gen;
        long t0 = System.nanoTime();
        transport.connect(config, sinkForGeneration.apply(gen));
        long t1 = System.nanoTime();
        MessageTable t = MessageTable.resolve(known, transport, gen);
        Compatibility c = Compatibility.of(transport);
        clientIndex = transport.clientIndex();
        compatibility = c;
        table = t;
        if (budget != null) {
            budget.reset();
        }
        connected = true;
        signal.up();
        lastTransportConnectNanos = t1 - t0;
        lastResolveNanos = System.nanoTime() - t1;
        if (log.isInfoEnabled()) {
            log.info("connected to VPP over {}: {} of {} known messages resolved ({})", transport.describe(),
                    t.size(), known.size(), c.summary(known.names()));
        }
        if (t.controlPingId() < 0 || t.controlPingReplyId() < 0) {
            log.warn("VPP does not know control_ping/control_ping_reply: dumps will not end");
        }
    }

    /** How long the latest successful connect took to connect the transport (socket and registration, or shm). */
    public long lastTransportConnectNanos() {
        return lastTransportConnectNanos;
    }

    /** How long the latest successful connect took to resolve the message ids from the transport's table. */
    public long lastResolveNanos() {
        return lastResolveNanos;
    }

    /** The catalog of every known message (keys; descriptors loaded when first used). */
    public MessageCatalog catalog() {
        return known;
    }

    /** Marks generation {@code gen} as lost (receive thread); returns false when it is no longer the current one. */
    public boolean connectionLost(int gen, Throwable cause) {
        if (gen != generation) {
            return false;
        }
        if (connected) {
            log.warn("connection to VPP over {} lost: {}", transport.describe(), cause == null ? "closed" : cause.toString());
        }
        connected = false;
        signal.down();
        return true;
    }

    /**
     * Ends the current connection: later writes are refused, the transport is disconnected (bounded by the
     * transport), then the gate is drained so that no write of this connection is still under way.
     */
    public void disconnect() {
        disconnect(true);
    }

    /**
     * {@link #disconnect()}, politely (the transport's goodbye) or not ({@link VppTransport#abort()}, for a
     * VPP that does not answer).
     */
    public synchronized void disconnect(boolean polite) {
        connected = false;
        signal.down();
        try {
            if (polite) {
                transport.disconnect();
            } else {
                transport.abort();
            }
        } catch (RuntimeException e) {
            log.warn("disconnecting {} failed: {}", transport.describe(), e.toString());
        }
        try {
            if (!gate.drain(config.connectTimeout())) {
                log.warn("a write to {} is still blocked {} after disconnecting", transport.describe(),
                        config.connectTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Disconnects for good: later connects fail, and waiters for the connection are released. */
    public void shutdown() {
        shutDown = true;
        disconnect();
        signal.close(new ChannelClosedException("this jvppmux is closed"));
    }

    /** The id of {@code d} in the connected VPP. @throws CompatibilityException when VPP lacks it */
    public int requireId(MessageDescriptor<?> d) {
        int id = table.idOf(d);
        return id > 0 ? id : learn(d, true);
    }

    /** Makes sure the table knows {@code d} when VPP does (for messages outside the bundled modules). */
    public void learnQuietly(MessageDescriptor<?> d) {
        if (table.idOf(d) <= 0) {
            learn(d, false);
        }
    }

    private synchronized int learn(MessageDescriptor<?> d, boolean required) {
        if (required) {
            ensureConnected();
        } else if (!connected) {
            return -1;
        }
        int id = transport.messageId(d.nameCrc());
        if (id > 0 && id <= 0xFFFF) {
            table = table.with(d, id);
            return id;
        }
        if (required) {
            compatibility.check(List.of(d));
            throw new CompatibilityException(List.of(d.nameCrc()), List.of());
        }
        return -1;
    }

    /**
     * Encodes {@code m} with its header on this thread and writes it, if generation {@code gen} (the table
     * {@code msgId} was taken from) is still the connected one.
     *
     * @throws NotConnectedException    when not connected, connected again since, or the write fails
     * @throws IllegalArgumentException when a field of {@code m} cannot be encoded, or {@code m} is larger than
     *                                  max-message-size or than the transport writes ({@link VppTransport#maxWriteSize})
     */
    public void write(Message m, int msgId, int context, int gen) {
        write(m, msgId, context, gen, NO_MARK, 0);
    }

    /**
     * Writes a request as {@link #write(Message, int, int, int)} does; when the transport bounds the bytes VPP may hold
     * unanswered ({@link VppTransport#maxBytesInFlight}), first waits for room until {@code deadlineNanos}, and gives
     * {@code mark} the request's place in the written stream before the write ({@link #replied}).
     *
     * @throws ReplyTimeoutException when there is no room by the deadline
     */
    public void write(Message m, int msgId, int context, int gen, LongConsumer mark, long deadlineNanos) {
        int length = MessageCodec.length(m);
        if (length > maxWrite) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: %,d bytes, more than the %,d the"
                    + " transport (%s) writes in one message; send it over the socket transport, or in several requests",
                    m.messageName(), length, maxWrite, transport.describe()));
        }
        ByteBuffer b = egress.get(length, m.messageName());
        try {
            MessageCodec.encode(b, m, msgId, clientIndex, context);
        } catch (BufferOverflowException e) {
            throw new IllegalArgumentException(m.messageName() + ": encode wrote more than encodedSize()", e);
        }
        b.flip();
        boolean request = mark != NO_MARK;
        while (true) {
            if (budget != null && request) {
                awaitRoom(m, length, deadlineNanos);
            }
            long stamp = gate.enter();
            try {
                if (!connected || table.generation() != gen) {
                    throw new NotConnectedException("not connected to VPP (" + transport.describe() + "): "
                            + m.messageName() + (connected ? " was prepared for an earlier connection" : " not sent"));
                }
                if (budget == null) {
                    trace.sent(m.messageName(), msgId, context);
                    transport.write(b);
                    return;
                }
                if (budget.write(length, !request, mark, () -> {
                    trace.sent(m.messageName(), msgId, context);
                    transport.write(b);
                })) {
                    return;
                }
            } catch (NotConnectedException e) {
                throw e;
            } catch (VppTransportException e) {
                throw new NotConnectedException("writing " + m.messageName() + " to VPP failed: " + e.getMessage(), e);
            } finally {
                gate.leave(stamp);
            }
        }
    }

    /**
     * Waits until VPP holds few enough unanswered bytes for {@code length} more (no wait when the transport sets no
     * bound).
     *
     * @throws ReplyTimeoutException when there is no room by {@code deadlineNanos}
     */
    public void awaitRoom(Message m, int length, long deadlineNanos) {
        if (budget == null) {
            return;
        }
        try {
            if (!budget.awaitRoom(length, deadlineNanos)) {
                throw new ReplyTimeoutException(String.format(Locale.ROOT, "%s: not sent, %,d bytes of earlier"
                        + " requests are still unanswered in VPP's memory (%s holds at most %,d; this one has %,d)",
                        m.messageName(), budget.inFlight(), transport.describe(), budget.limit(), length));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VppException("interrupted while waiting to send " + m.messageName(), e);
        }
    }

    /** A reply to the request written at {@code mark} arrived (any thread): VPP has handled what was written up to it. */
    public void replied(long mark) {
        if (budget != null && mark > 0) {
            budget.consumed(mark);
        }
    }

    /** Whether writes wait for VPP to hold fewer unanswered bytes (the transport bounds them). */
    public boolean bytesInFlightBounded() {
        return budget != null;
    }

    /** Bytes written and not yet known handled by VPP, 0 when not bounded. */
    public long bytesInFlight() {
        return budget == null ? 0 : budget.inFlight();
    }

    /** @throws NotConnectedException when the connection is down */
    public void ensureConnected() {
        if (!connected) {
            throw new NotConnectedException("not connected to VPP (" + transport.describe() + ")");
        }
    }

    /** @throws CompatibilityException when any of {@code messages} is unusable with the connected VPP */
    public void checkCompatibility(MessageDescriptor<?>... messages) {
        ensureConnected();
        compatibility.check(Arrays.asList(messages));
    }

    /**
     * Completes when the connection is up (at once when it is up now), or exceptionally when the mux closes;
     * never complete it yourself.
     */
    public CompletableFuture<Void> whenConnected() {
        return signal.future();
    }

    /** The generation of the latest connect (1 for the first). */
    public int generation() {
        return generation;
    }

    /** Whether the connection is up. */
    public boolean isConnected() {
        return connected;
    }

    /** The current message table. */
    public MessageTable table() {
        return table;
    }

    /** The counters of plugin traffic. */
    public Counters counters() {
        return counters;
    }

    /** The API trace. */
    public ApiTraceBuffer trace() {
        return trace;
    }

    /** The mux's executors. */
    public MuxExecutors executors() {
        return executors;
    }

    /** The configuration. */
    public MuxConfig config() {
        return config;
    }

    /**
     * Whether a thread waiting for its replies lets the transport read on it ({@link VppTransport#awaitReplies});
     * on by default, off with {@code MuxOptions.withCallerReads(false)}: then it waits on its monitor for the
     * receive thread.
     */
    public void callerReads(boolean on) {
        callerReads = on;
    }

    /** The wait of a thread that is owed replies (see {@link VppTransport#awaitReplies}). */
    public void awaitReplies(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        if (callerReads) {
            transport.awaitReplies(monitor, done, deadlineNanos);
        } else {
            VppTransport.waitOn(monitor, done, deadlineNanos);
        }
    }

    /** {@code waiter}, in {@link #awaitReplies}, may be done: see {@link VppTransport#wake}. */
    public void wake(Thread waiter) {
        if (callerReads) {
            transport.wake(waiter);
        }
    }

    /** The transport's description, for messages. */
    public String describeTransport() {
        return transport.describe();
    }
}
