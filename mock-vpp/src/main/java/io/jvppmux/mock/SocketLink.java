package io.jvppmux.mock;

import io.jvppmux.binapi.wire.SocketFrames;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted socket connection: a reader thread that cuts VPP frames (16-byte header, docs/PROTOCOL.md 3.1) and
 * hands each message to the engine, and the sender thread of {@link ClientLink} that frames what goes out.
 */
final class SocketLink extends ClientLink {
    private static final Logger LOG = LoggerFactory.getLogger(SocketLink.class);

    /** The server that accepted this connection. */
    final Object owner;
    private final SocketChannel channel;
    private final int maxFrame;
    private final ByteBuffer outHeader = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
    private final ByteBuffer[] gather = new ByteBuffer[2];
    private final Thread reader;

    SocketLink(Engine engine, Object owner, SocketChannel channel, int maxFrame,
               java.util.function.BooleanSupplier refuseRegistration) {
        super(engine, engine.nextConnectionNumber());
        this.refuseRegistration = refuseRegistration;
        this.owner = owner;
        this.channel = channel;
        this.maxFrame = maxFrame;
        startSender("jvppmux-mock-sock-tx-" + connectionNumber);
        reader = new Thread(this::readLoop, "jvppmux-mock-sock-rx-" + connectionNumber);
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    void joinThreads(long millis) throws InterruptedException {
        super.joinThreads(millis);
        if (reader != Thread.currentThread()) {
            reader.join(millis);
        }
    }

    private void readLoop() {
        ByteBuffer header = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
        try {
            while (isOpen()) {
                header.clear();
                if (!readFully(header, true)) {
                    LOG.debug("mock-vpp: {} closed its socket", this);
                    closeNow(null);
                    return;
                }
                header.flip();
                long len = SocketFrames.dataLength(header);
                if (len > maxFrame) {
                    LOG.warn("mock-vpp: {} sent a frame of {} bytes, over the mock's cap of {}; closing", this, len, maxFrame);
                    closeNow(null);
                    return;
                }
                ByteBuffer body = ByteBuffer.allocate((int) len);
                if (!readFully(body, false)) {
                    closeNow(null);
                    return;
                }
                engine.receive(this, body.array());
            }
        } catch (ClosedChannelException e) {
            closeNow(null);
        } catch (IOException e) {
            LOG.debug("mock-vpp: reading from {} failed: {}", this, e.toString());
            closeNow(e);
        }
    }

    /** Fills {@code b}; false on EOF before the first byte when {@code eofOk}, EOFException mid-way. */
    private boolean readFully(ByteBuffer b, boolean eofOk) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                if (eofOk && b.position() == 0) {
                    return false;
                }
                throw new EOFException("EOF inside a frame from " + this);
            }
        }
        return true;
    }

    @Override
    void writeMessage(byte[] message) throws IOException {
        outHeader.clear();
        SocketFrames.putHeader(outHeader, message.length);
        outHeader.flip();
        gather[0] = outHeader;
        gather[1] = ByteBuffer.wrap(message);
        while (gather[1].hasRemaining()) {
            channel.write(gather);
        }
    }

    @Override
    void writeRaw(byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    @Override
    void finish(Throwable cause) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("mock-vpp: closing {} failed: {}", this, e.toString());
        }
    }

    @Override
    void abort() {
        finish(null);
    }

    @Override
    public String toString() {
        return "socket client 0x" + Integer.toHexString(clientIndex()) + " (connection " + connectionNumber + ")";
    }
}
