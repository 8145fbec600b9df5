package io.jvppmux.mock;

import io.jvppmux.binapi.memclnt.MessageTableEntry;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.wire.SocketFrames;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bare VPP socket client for tests: frames what it sends, and a reader thread cuts incoming frames into
 * a queue. EOF (or a frame header announcing more than 16 MiB, recorded in {@link #oversizedLength}) ends
 * the reader.
 */
final class RawSocketClient implements AutoCloseable {
    private static final int CAP = 16 << 20;

    final SocketChannel channel;
    final LinkedBlockingQueue<byte[]> in = new LinkedBlockingQueue<>();
    final CountDownLatch eof = new CountDownLatch(1);
    volatile long oversizedLength = -1;
    volatile int partialBytes = -1;
    final Map<String, Integer> table = new HashMap<>();
    int clientIndex;
    private final Thread reader;

    RawSocketClient(Path path) throws IOException {
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(path));
        reader = new Thread(this::readLoop, "test-raw-client");
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        ByteBuffer h = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
        try {
            while (true) {
                h.clear();
                if (!fill(h)) {
                    return;
                }
                h.flip();
                long len = SocketFrames.dataLength(h);
                if (len > CAP) {
                    oversizedLength = len;
                    return;
                }
                ByteBuffer body = ByteBuffer.allocate((int) len);
                if (!fill(body)) {
                    partialBytes = body.position();
                    return;
                }
                in.add(body.array());
            }
        } catch (IOException e) {
            // closed
        } finally {
            eof.countDown();
        }
    }

    private boolean fill(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                return false;
            }
        }
        return true;
    }

    void send(byte[] message) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + message.length);
        SocketFrames.putHeader(b, message.length);
        b.put(message).flip();
        sendRaw(b);
    }

    void sendRaw(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** The next message, or null after {@code timeout}. */
    byte[] next(Duration timeout) throws InterruptedException {
        return in.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitEof(Duration timeout) throws InterruptedException {
        return eof.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** sockclnt_create / reply; fills {@link #table} and {@link #clientIndex}; returns the reply. */
    SockclntCreateReply handshake(String name, int context) throws IOException, InterruptedException {
        send(TestWire.encode(new SockclntCreate().name(name), SocketFrames.SOCKCLNT_CREATE_ID, 0, context));
        byte[] r = next(Duration.ofSeconds(5));
        if (r == null) {
            throw new AssertionError("no sockclnt_create_reply within 5 s");
        }
        SockclntCreateReply reply = TestWire.decode(r, new SockclntCreateReply());
        for (MessageTableEntry e : reply.messageTable()) {
            table.put(e.name(), e.index());
        }
        clientIndex = (int) reply.index();
        return reply;
    }

    int id(io.jvppmux.api.MessageDescriptor<?> d) {
        Integer id = table.get(d.nameCrc());
        if (id == null) {
            throw new AssertionError(d.nameCrc() + " not in the table");
        }
        return id;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        try {
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
