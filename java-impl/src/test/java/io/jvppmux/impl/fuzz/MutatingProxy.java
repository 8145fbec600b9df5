package io.jvppmux.impl.fuzz;

import io.jvppmux.binapi.wire.SocketFrames;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake VPP peer for the socket transport: a UNIX socket that passes each client's bytes to a real server
 * (mock-vpp's socket face) and the server's frames back through a {@link FrameMutator}, the handshake's
 * reply included, at the share {@link #mutate} sets (0 at first). One thread per direction and
 * connection; {@link #close()} ends them all.
 */
final class MutatingProxy implements AutoCloseable {
    private final Path upstream;
    private final Path path;
    private final long seed;
    private final int maxMessageSize;
    private final ServerSocketChannel server;
    private final List<SocketChannel> open = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Map<FrameMutator.Kind, AtomicLong> counts = new EnumMap<>(FrameMutator.Kind.class);
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile double rate;

    MutatingProxy(Path path, Path upstream, long seed, int maxMessageSize) throws IOException {
        this.path = path;
        this.upstream = upstream;
        this.seed = seed;
        this.maxMessageSize = maxMessageSize;
        for (FrameMutator.Kind k : FrameMutator.Kind.values()) {
            counts.put(k, new AtomicLong());
        }
        Files.deleteIfExists(path);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        start(this::acceptLoop, "fuzz-proxy-accept");
    }

    Path path() {
        return path;
    }

    /** Mutates this share of the frames from now on (0 = a faithful proxy). */
    void mutate(double share) {
        rate = share;
    }

    /** Frames sent with each mutation (NONE: unchanged). */
    long count(FrameMutator.Kind kind) {
        return counts.get(kind).get();
    }

    /** Frames that were mutated. */
    long mutated() {
        return counts.entrySet().stream().filter(e -> e.getKey() != FrameMutator.Kind.NONE)
                .mapToLong(e -> e.getValue().get()).sum();
    }

    long connections() {
        return connections.get();
    }

    long bytesSent() {
        return bytesSent.get();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                SocketChannel vpp = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
                long n = connections.incrementAndGet();
                FrameMutator m = new FrameMutator(seed * 1_000_003 + n, () -> rate, maxMessageSize);
                synchronized (this) {
                    open.add(client);
                    open.add(vpp);
                }
                start(() -> pipe(client, vpp), "fuzz-proxy-up-" + n);
                start(() -> frames(vpp, client, m), "fuzz-proxy-down-" + n);
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Client to server: bytes as they are. */
    private static void pipe(SocketChannel from, SocketChannel to) {
        ByteBuffer b = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(b) >= 0) {
                b.flip();
                while (b.hasRemaining()) {
                    to.write(b);
                }
                b.clear();
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Server to client: frame by frame, each through the mutator. */
    private void frames(SocketChannel from, SocketChannel to, FrameMutator m) {
        ByteBuffer header = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
        try {
            while (true) {
                header.clear();
                readFully(from, header);
                ByteBuffer body = ByteBuffer.allocate((int) SocketFrames.dataLength(header.flip()));
                readFully(from, body);
                FrameMutator.Kind kind = m.next();
                counts.get(kind).incrementAndGet();
                byte[] out = m.apply(kind, body.array());
                to.write(ByteBuffer.wrap(out));
                bytesSent.addAndGet(out.length);
                if (kind == FrameMutator.Kind.CLOSE_MID_FRAME) {
                    break;
                }
            }
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new EOFException();
            }
        }
    }

    private synchronized void start(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        List<Thread> all;
        synchronized (this) {
            open.forEach(MutatingProxy::closeQuietly);
            all = new ArrayList<>(threads);
        }
        for (Thread t : all) {
            t.join(5_000);
        }
        Files.deleteIfExists(path);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
