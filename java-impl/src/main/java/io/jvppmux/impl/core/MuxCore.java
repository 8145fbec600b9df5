package io.jvppmux.impl.core;

import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every channel shares: the transport, the current connection's message table and client index,
 * the counters, and the encode-and-write path. Survives reconnects: a connect replaces the table, the
 * client index and the generation, never this object.
 */
public final class MuxCore {
    private static final Logger log = LoggerFactory.getLogger(MuxCore.class);

    private final MuxConfig config;
    private final VppTransport transport;
    private final List<MessageDescriptor<? extends Message>> known;
    private final Counters counters = new Counters();
    private final EgressBuffers egress;
    private final MuxExecutors executors;
    private volatile MessageTable table = MessageTable.EMPTY;
    private volatile Compatibility compatibility;
    private volatile boolean connected;
    private volatile int clientIndex;
    private volatile int generation;

    /**
     * @param known every message of every module found, resolved at each connect
     */
    public MuxCore(MuxConfig config, VppTransport transport, List<MessageDescriptor<? extends Message>> known,
                   MuxExecutors executors) {
        this.config = config;
        this.transport = transport;
        this.known = List.copyOf(known);
        this.executors = executors;
        this.egress = new EgressBuffers(config.maxMessageSize());
    }

    /**
     * Connects the transport with a sink made for the new generation, then resolves every known message.
     *
     * @throws VppTransportException when VPP cannot be reached
     */
    public synchronized void connect(IntFunction<RxSink> sinkForGeneration) {
        int gen = generation + 1;
        generation = gen;
        transport.connect(config, sinkForGeneration.apply(gen));
        MessageTable t = MessageTable.resolve(known, transport, gen);
        Compatibility c = Compatibility.of(transport);
        clientIndex = transport.clientIndex();
        compatibility = c;
        table = t;
        connected = true;
        log.info("connected to VPP over {}: {} of {} known messages resolved ({})", transport.describe(),
                t.size(), known.size(), c.summary(known));
        if (t.controlPingId() < 0 || t.controlPingReplyId() < 0) {
            log.warn("VPP does not know control_ping/control_ping_reply: dumps will not end");
        }
    }

    /** Marks generation {@code gen} as lost; returns false when it is no longer the current one. */
    public boolean connectionLost(int gen, Throwable cause) {
        if (gen != generation) {
            return false;
        }
        if (connected) {
            log.warn("connection to VPP over {} lost: {}", transport.describe(), cause == null ? "closed" : cause.toString());
        }
        connected = false;
        return true;
    }

    /** Disconnects the transport (bounded by the transport). */
    public synchronized void disconnect() {
        connected = false;
        try {
            transport.disconnect();
        } catch (RuntimeException e) {
            log.warn("disconnecting {} failed: {}", transport.describe(), e.toString());
        }
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
     * Encodes {@code m} with its header on this thread and writes it.
     *
     * @throws NotConnectedException    when not connected or the write fails
     * @throws IllegalArgumentException when a field of {@code m} cannot be encoded
     */
    public void write(Message m, int msgId, int context) {
        ByteBuffer b = egress.get(MessageCodec.length(m), m.messageName());
        try {
            MessageCodec.encode(b, m, msgId, clientIndex, context);
        } catch (BufferOverflowException e) {
            throw new IllegalArgumentException(m.messageName() + ": encode wrote more than encodedSize()", e);
        }
        b.flip();
        try {
            transport.write(b);
        } catch (NotConnectedException e) {
            throw e;
        } catch (VppTransportException e) {
            throw new NotConnectedException("writing " + m.messageName() + " to VPP failed: " + e.getMessage(), e);
        }
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

    /** The counters. */
    public Counters counters() {
        return counters;
    }

    /** The mux's executors. */
    public MuxExecutors executors() {
        return executors;
    }

    /** The configuration. */
    public MuxConfig config() {
        return config;
    }

    /** The transport's description, for messages. */
    public String describeTransport() {
        return transport.describe();
    }
}
