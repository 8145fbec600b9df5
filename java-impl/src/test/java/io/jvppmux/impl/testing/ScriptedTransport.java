package io.jvppmux.impl.testing;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.Binapi;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny scriptable {@link VppTransport} for the mux's unit tests: a fixed table (every bundled message,
 * ids from 1 in module order), a log of what the mux wrote, an optional responder, and a receive thread
 * ({@code test-rx}) that feeds queued messages to the sink, so the sink has one producer as in real life.
 */
public final class ScriptedTransport implements VppTransport {
    private static final byte[] CLOSE = new byte[0];

    private final Map<String, Integer> ids = new HashMap<>();
    private final Map<Integer, MessageDescriptor<?>> byId = new HashMap<>();
    private final List<byte[]> written = new CopyOnWriteArrayList<>();
    private final BlockingQueue<byte[]> toDeliver = new LinkedBlockingQueue<>();
    private final BlockingQueue<byte[]> writes = new LinkedBlockingQueue<>();
    private volatile Function<byte[], List<byte[]>> responder = w -> List.of();
    private volatile RxSink sink;
    private volatile Thread rx;
    private volatile boolean connected;
    private volatile String failConnect;
    private final AtomicInteger failConnects = new AtomicInteger();
    private volatile long maxBytesInFlight = Long.MAX_VALUE;

    /** A transport knowing every bundled message. */
    public ScriptedTransport() {
        int next = 1;
        for (var module : Binapi.modules()) {
            for (MessageDescriptor<?> d : module.messages()) {
                if (!ids.containsKey(d.nameCrc())) {
                    ids.put(d.nameCrc(), next);
                    byId.put(next, d);
                    next++;
                }
            }
        }
    }

    /** Bounds the bytes VPP may hold unanswered, as shared memory does; set before the mux is made. */
    public void boundBytesInFlight(long bytes) {
        maxBytesInFlight = bytes;
    }

    @Override
    public long maxBytesInFlight() {
        return maxBytesInFlight;
    }

    /** Makes the next connect fail with {@code message}. */
    public void failConnect(String message) {
        failConnect = message;
    }

    /** Makes the next {@code n} connects fail. */
    public void failConnects(int n) {
        failConnects.set(n);
    }

    /** Answers each write with what {@code r} returns (encoded messages). */
    public void respond(Function<byte[], List<byte[]>> r) {
        responder = r;
    }

    /** The id of {@code d} in this transport's table. */
    public int id(MessageDescriptor<?> d) {
        return ids.get(d.nameCrc());
    }

    /** The descriptor of a written message's id. */
    public MessageDescriptor<?> descriptorOf(byte[] msg) {
        return byId.get(ByteBuffer.wrap(msg).getShort() & 0xFFFF);
    }

    /** Encodes {@code m} with {@code context} (and client_index 0). */
    public byte[] encode(Message m, int context) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id(m.descriptor()), 0, context);
        return b.array();
    }

    /** Queues raw bytes for the receive thread. */
    public void deliver(byte[] msg) {
        toDeliver.add(msg);
    }

    /** Queues {@code m} with {@code context}. */
    public void deliver(Message m, int context) {
        deliver(encode(m, context));
    }

    /** Reports the end of the connection through the receive thread. */
    public void dropConnection() {
        toDeliver.add(CLOSE);
    }

    /** The next message the mux wrote, waiting at most {@code timeout}. */
    public byte[] awaitWrite(Duration timeout) throws InterruptedException {
        byte[] w = writes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (w == null) {
            throw new AssertionError("the mux wrote nothing within " + timeout.toMillis() + " ms");
        }
        return w;
    }

    /** The next message of type {@code d} the mux wrote (others, e.g. health-check probes, are skipped). */
    public byte[] awaitWrite(MessageDescriptor<?> d, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            byte[] w = awaitWrite(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (descriptorOf(w) == d) {
                return w;
            }
        }
    }

    /** Forgets what was written so far (e.g. the mux's connect-time requests). */
    public void forgetWrites() {
        writes.clear();
        written.clear();
    }

    /** Everything written so far. */
    public List<byte[]> written() {
        return new ArrayList<>(written);
    }

    @Override
    public void connect(MuxConfig config, RxSink s) {
        String fail = failConnect;
        if (fail != null) {
            failConnect = null;
            throw new VppTransportException(fail);
        }
        if (failConnects.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new VppTransportException("scripted connect failure");
        }
        sink = s;
        connected = true;
        toDeliver.clear();
        Thread t = new Thread(this::rxLoop, "test-rx");
        t.setDaemon(true);
        rx = t;
        t.start();
    }

    private void rxLoop() {
        try {
            while (true) {
                byte[] m = toDeliver.take();
                if (m == CLOSE) {
                    connected = false;
                    sink.closed(new VppTransportException("scripted disconnect"));
                    return;
                }
                ByteBuffer slot = sink.claim(m.length);
                slot.put(0, m);
                sink.publish(m.length);
            }
        } catch (InterruptedException e) {
            // disconnect
        }
    }

    @Override
    public int clientIndex() {
        return 0x80000001;
    }

    @Override
    public int messageId(String nameCrc) {
        return ids.getOrDefault(nameCrc, -1);
    }

    @Override
    public Optional<Set<String>> messageTable() {
        return Optional.of(Set.copyOf(ids.keySet()));
    }

    @Override
    public void write(ByteBuffer message) {
        if (!connected) {
            throw new NotConnectedException("scripted transport not connected");
        }
        byte[] copy = new byte[message.remaining()];
        message.get(copy);
        written.add(copy);
        writes.add(copy);
        responder.apply(copy).forEach(toDeliver::add);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public void disconnect() {
        connected = false;
        Thread t = rx;
        if (t != null) {
            t.interrupt();
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String describe() {
        return "scripted test transport";
    }
}
