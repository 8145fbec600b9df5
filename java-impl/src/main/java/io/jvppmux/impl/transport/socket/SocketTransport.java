package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.FileAccess;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppPresence;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.core.Millis;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pure-Java socket transport: VPP's binary API over its UNIX domain socket ({@code /run/vpp/api.sock}
 * by default, {@link MuxConfig#socketPath()}), with VPP's framing (16-byte header, docs/PROTOCOL.md 3.1) and
 * registration ({@code sockclnt_create} / {@code sockclnt_delete}, docs/PROTOCOL.md 3.2-3.3).
 *
 * <ul>
 *   <li>{@link #connect}: connects and registers within {@link MuxConfig#connectTimeout()}; keeps the client
 *       index and the {@code name_crc -> id} table of the reply.</li>
 *   <li>{@link #write}: thread-safe; returns once the frame is written whole. Frames that several threads
 *       write at the same moment go out together in one gathering write ({@link FrameWriter}); a lone one at
 *       once. The buffer is consumed (its position advances to its limit).</li>
 *   <li>Receive: one read takes as many frames as the socket holds, into a 256 KiB buffer, and copies each
 *       message into the sink's claimed slot ({@link FrameReader}). The reader is a thread waiting for its reply
 *       in {@link #awaitReplies} when nobody else reads, else the daemon thread {@code jvppmux-socket-rx}
 *       ({@link ReaderRole}). A frame longer than {@link MuxConfig#maxMessageSize()} is a corrupt stream: the
 *       connection is closed and {@link RxSink#closed} gets a {@link VppTransportException}; so do EOF and
 *       reset, at once.</li>
 *   <li>{@link #disconnect}: {@code sockclnt_delete}, up to 500 ms for VPP to close, then close and join the
 *       receive thread; the sink hears nothing after it returns (and no {@code closed}). Idempotent; connect
 *       again afterwards for a fresh registration and table.</li>
 * </ul>
 */
public final class SocketTransport implements VppTransport {
    private static final Logger LOG = LoggerFactory.getLogger(SocketTransport.class);
    /** The JVM's one warm-up of the JDK's UNIX-domain sockets ({@link JdkSocketsWarmUp}); null until a transport is made. */
    private static volatile Thread jdkWarmUp;

    private final Object lifecycle = new Object();
    private volatile SocketConnection current;
    private volatile Handshake.Registration registration;
    private volatile Path path;
    /**
     * Whether the last connect found nobody listening (no socket file, a stale one) or a peer that closed before
     * answering the registration (a VPP dying, a listener going away); true before any.
     */
    private volatile boolean nobodyListened = true;

    /** A transport; the first one in a JVM also starts the JDK's UNIX-socket warm-up (see {@code JdkSocketsWarmUp}). */
    public SocketTransport() {
        if (jdkWarmUp == null) {
            JdkSocketsWarmUp.start();
        }
    }

    @Override
    public void connect(MuxConfig config, RxSink sink) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(sink, "sink");
        synchronized (lifecycle) {
            SocketConnection old = current;
            if (old != null && old.isUsable()) {
                throw new IllegalStateException("already connected to VPP at " + old.path + "; disconnect first");
            }
            if (old != null) {
                old.abort();
                current = null;
            }
            Path p = config.socketPath();
            path = p;
            nobodyListened = true;
            if (!Files.exists(p)) {
                throw new VppTransportException("VPP API socket " + p + " does not exist: is VPP running with its "
                        + "API socket there (startup.conf socksvr { socket-name " + p + " })?");
            }
            long t0 = System.nanoTime();
            SocketChannel ch = open(p);
            long t1 = System.nanoTime();
            nobodyListened = false;
            SocketConnection c = new SocketConnection(p, ch, sink, config.maxMessageSize());
            try {
                registration = c.open(config.clientName(), config.connectTimeout());
            } catch (VppTransportException e) {
                nobodyListened = c.closedUnanswered;
                throw e;
            }
            current = c;
            if (LOG.isInfoEnabled()) {
                long t2 = System.nanoTime();
                LOG.info("connected to VPP at {} as client 0x{} ({} messages in its table): socket {} ms, sockclnt_create "
                        + "{} ms", p, Integer.toHexString(registration.clientIndex()), registration.table().size(),
                        Millis.of(t1 - t0), Millis.of(t2 - t1));
            }
        }
    }

    private static SocketChannel open(Path p) {
        JdkSocketsWarmUp.await();
        SocketChannel ch = null;
        try {
            ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            ch.connect(UnixDomainSocketAddress.of(p));
            return ch;
        } catch (IOException | RuntimeException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            String why = Files.exists(p) && (!Files.isReadable(p) || !Files.isWritable(p))
                    ? "no permission: " + FileAccess.explain(p) : e.getMessage();
            throw new VppTransportException("cannot connect to VPP API socket " + p + ": " + why, e);
        }
    }

    /**
     * {@link VppPresence#PRESENT} when the last connect reached a listening VPP that answered (refused) or kept
     * silent past the connect timeout (it is there, and is not probed), or when the socket file exists and accepts a connection (closed at once,
     * before any registration); {@link VppPresence#ABSENT} when the file is missing or nobody listens on it
     * (the stale file of a VPP that died).
     */
    @Override
    public VppPresence presence(MuxConfig config) {
        if (!nobodyListened) {
            return VppPresence.PRESENT;
        }
        Path p = config.socketPath();
        if (!Files.exists(p)) {
            return VppPresence.ABSENT;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(p));
            return VppPresence.PRESENT;
        } catch (IOException | RuntimeException e) {
            return VppPresence.ABSENT;
        }
    }

    /** The {@code index} of the last {@code sockclnt_create_reply}; 0 before the first connect. */
    @Override
    public int clientIndex() {
        Handshake.Registration r = registration;
        return r == null ? 0 : r.clientIndex();
    }

    /** The id in the table of the last connect, or -1. */
    @Override
    public int messageId(String nameCrc) {
        Handshake.Registration r = registration;
        Integer id = r == null ? null : r.table().get(nameCrc);
        return id == null ? -1 : id;
    }

    @Override
    public Optional<Set<String>> messageTable() {
        Handshake.Registration r = registration;
        return r == null ? Optional.empty() : Optional.of(r.table().keySet());
    }

    /** The table of the last connect: {@code name_crc -> id}. */
    public Map<String, Integer> table() {
        Handshake.Registration r = registration;
        return r == null ? Map.of() : r.table();
    }

    @Override
    public void write(ByteBuffer message) {
        Objects.requireNonNull(message, "message");
        SocketConnection c = current;
        if (c == null || !c.isUsable()) {
            throw new NotConnectedException("not connected to VPP at " + (c != null ? c.path : path)
                    + (c != null && c.lost ? ": the connection was lost" : ""));
        }
        c.write(message);
    }

    /**
     * The calling thread reads the socket itself while it waits, when no other thread does ({@link ReaderRole});
     * else it waits in line on {@code monitor}. Not connected: waits on {@code monitor}.
     */
    @Override
    public void awaitReplies(Object monitor, BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        SocketConnection c = current;
        if (c != null) {
            c.awaitReplies(monitor, done, deadlineNanos);
        } else {
            VppTransport.super.awaitReplies(monitor, done, deadlineNanos);
        }
    }

    @Override
    public void wake(Thread waiter) {
        SocketConnection c = current;
        if (c != null) {
            c.wake(waiter);
        }
    }

    @Override
    public boolean isConnected() {
        SocketConnection c = current;
        return c != null && c.isUsable();
    }

    @Override
    public void disconnect() {
        synchronized (lifecycle) {
            SocketConnection c = current;
            current = null;
            if (c != null) {
                c.disconnect();
                LOG.info("disconnected from VPP at {}", c.path);
            }
        }
    }

    @Override
    public void abort() {
        synchronized (lifecycle) {
            SocketConnection c = current;
            current = null;
            if (c != null) {
                c.abort();
                LOG.info("dropped the connection to VPP at {} without sockclnt_delete", c.path);
            }
        }
    }

    @Override
    public String describe() {
        return "socket " + (path != null ? path : MuxConfig.DEFAULT_SOCKET_PATH);
    }

    /**
     * The JDK initialises its UNIX-domain socket support on first use, and that seeds a {@code SecureRandom}: the
     * JDK's security providers and configuration are read, 20-40 ms in a cold JVM, more than the rest of the socket
     * connect. The first transport of a JVM starts that on a short-lived daemon thread
     * ({@code jvppmux-socket-warmup}, an unconnected socket opened and closed), so that it overlaps building the mux;
     * the connect waits for it to end (it would wait for the class initialisation anyway).
     */
    private static final class JdkSocketsWarmUp implements Runnable {
        private static final long WAIT_MS = 5_000;

        static synchronized void start() {
            if (jdkWarmUp == null) {
                Thread t = new Thread(new JdkSocketsWarmUp(), "jvppmux-socket-warmup");
                t.setDaemon(true);
                jdkWarmUp = t;
                t.start();
            }
        }

        static void await() {
            Thread t = jdkWarmUp;
            if (t != null && t.isAlive() && t != Thread.currentThread()) {
                try {
                    t.join(WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void run() {
            try (SocketChannel ignored = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                LOG.trace("JDK UNIX-domain sockets initialised");
            } catch (IOException | RuntimeException e) {
                LOG.debug("warming up the JDK's UNIX-domain sockets failed (the connect will tell): {}", e.toString());
            }
        }
    }
}
