package io.jvppmux.mock;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The in-process face of a {@link MockVpp}: a {@link VppTransport} with no socket in between. {@link #connect}
 * registers a client (index {@code 0x80000000|n}, as VPP's socket gives) and snapshots the mock's message
 * table; {@link #write} copies the bytes and hands them to the engine thread; replies reach the
 * {@link RxSink} from a delivery thread owned by the mock. When the mock drops the connection
 * ({@link MockVpp#disconnectClients()}, {@link MockVpp#restart()}, {@link MockVpp#close()}) the sink gets
 * {@link RxSink#closed} and later writes fail with {@link NotConnectedException}. A disconnect by the client
 * does not call {@code closed}. Reusable: connect again after a disconnect.
 */
public final class MockTransport implements VppTransport {
    private final MockVpp vpp;
    private final Object lock = new Object();
    private volatile InProcessLink link;
    private volatile MessageTable table;
    private volatile int clientIndex;

    MockTransport(MockVpp vpp) {
        this.vpp = vpp;
    }

    @Override
    public void connect(MuxConfig config, RxSink sink) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            if (isConnected()) {
                throw new IllegalStateException("already connected to " + describe() + "; disconnect first");
            }
            Engine engine = vpp.engine();
            if (vpp.isClosed()) {
                throw new VppTransportException("cannot connect to mock-vpp: it is closed");
            }
            if (vpp.takeConnectFailure()) {
                throw new VppTransportException("cannot connect to mock-vpp: connect refused (scripted failure)");
            }
            InProcessLink l = new InProcessLink(engine, sink);
            engine.addLink(l);
            try {
                clientIndex = engine.call(() -> engine.register(l));
            } catch (RuntimeException e) {
                l.detach();
                throw new VppTransportException("cannot connect to mock-vpp: " + e.getMessage(), e);
            }
            table = engine.table();
            link = l;
        }
    }

    @Override
    public int clientIndex() {
        return clientIndex;
    }

    /** The id in the table of the last connect (stale after the mock restarts, until the next connect). */
    @Override
    public int messageId(String nameCrc) {
        MessageTable t = table;
        return t == null ? -1 : t.id(nameCrc);
    }

    @Override
    public Optional<Set<String>> messageTable() {
        MessageTable t = table;
        return t == null ? Optional.empty() : Optional.of(t.nameCrcs());
    }

    /**
     * Copies the bytes from the buffer's position to its limit and queues them for the engine; the buffer's
     * position advances to its limit.
     */
    @Override
    public void write(ByteBuffer message) {
        Objects.requireNonNull(message, "message");
        InProcessLink l = link;
        if (l == null || !l.isOpen()) {
            throw new NotConnectedException("not connected to " + describe()
                    + (l == null ? "" : ": the mock closed the connection"));
        }
        byte[] copy = new byte[message.remaining()];
        message.get(copy);
        vpp.engine().receive(l, copy);
    }

    @Override
    public boolean isConnected() {
        InProcessLink l = link;
        return l != null && l.isOpen();
    }

    @Override
    public void disconnect() {
        synchronized (lock) {
            InProcessLink l = link;
            link = null;
            if (l != null) {
                l.detach();
            }
        }
    }

    @Override
    public String describe() {
        return "mock-vpp in-process";
    }
}
