package io.jvppmux.mock;

import io.jvppmux.binapi.wire.SocketFrames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket face of a {@link MockVpp}: VPP's API socket on a UNIX domain socket path, several clients at
 * once, VPP's framing and handshake ({@code sockclnt_create} with id 15, {@code sockclnt_create_reply} with
 * the full table, {@code sockclnt_delete} answered with response 1 and then the socket closed). Made with
 * {@link MockVpp#startSocketServer(Path)}; {@link #close()} stops listening, removes the socket file and
 * closes this server's connections.
 *
 * <p>Frame-level faults, for the socket transport's tests, go to every connection of this server.
 */
public final class MockSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MockSocketServer.class);

    private final MockVpp vpp;
    private final Path path;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    MockSocketServer(MockVpp vpp, Path path) {
        this.vpp = vpp;
        this.path = path;
        try {
            Files.deleteIfExists(path);
            server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("mock-vpp cannot listen on " + path + ": " + e.getMessage(), e);
        }
        acceptor = new Thread(this::acceptLoop, "jvppmux-mock-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The socket path clients connect to. */
    public Path path() {
        return path;
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            SocketChannel ch;
            try {
                ch = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.warn("mock-vpp: accept on {} failed: {}", path, e.toString());
                return;
            }
            Engine engine = vpp.engine();
            engine.addLink(new SocketLink(engine, this, ch, vpp.settings().maxFrameSize, vpp::takeConnectFailure));
        }
    }

    /** Writes {@code bytes} verbatim, unframed, to every connection: garbage, partial frames. */
    public void sendRawBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        for (ClientLink link : links()) {
            link.sendRaw(copy);
        }
    }

    /**
     * Sends a frame header announcing 64 bytes followed by only 10 of them, then closes each connection: the
     * client sees EOF in the middle of a frame.
     */
    public void sendTruncatedFrame() {
        ByteBuffer b = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 10);
        SocketFrames.putHeader(b, 64);
        b.putShort((short) vpp.table().id("control_ping_reply_f6b0b8ca"));
        sendRawBytes(b.array());
        for (ClientLink link : links()) {
            link.closeAfterFlush(null);
        }
    }

    /**
     * Sends a frame header whose data_len is {@code 0xfffffff0} (about 4 GiB) and a few bytes, and keeps the
     * connection open: a client must treat it as a corrupt stream rather than allocate it.
     */
    public void sendOversizedFrame() {
        ByteBuffer b = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 4);
        SocketFrames.putHeader(b, 0xfffffff0);
        b.putInt(0x00170000);
        sendRawBytes(b.array());
    }

    /** The open connections of this server. */
    private List<ClientLink> links() {
        List<ClientLink> mine = new ArrayList<>();
        for (ClientLink link : vpp.engine().allLinks()) {
            if (link instanceof SocketLink s && s.owner == this) {
                mine.add(link);
            }
        }
        return mine;
    }

    /** Stops listening, closes this server's connections and removes the socket file. Idempotent. */
    @Override
    public void close() {
        closeQuietly(server);
        for (ClientLink link : links()) {
            link.closeNow(null);
        }
        try {
            acceptor.join(1_000);
            Files.deleteIfExists(path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("mock-vpp: removing {} failed: {}", path, e.toString());
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("mock-vpp: close failed: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "mock-vpp socket server on " + path;
    }
}
