package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.wire.SocketFrames;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the receive thread: registers ({@code sockclnt_create}), then reads frames for good, copying
 * each message straight from the socket into the slot the sink hands out. A frame longer than
 * max-message-size is a corrupt stream (never allocated); EOF or a reset ends the connection at once.
 */
final class RxLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RxLoop.class);

    private final SocketConnection c;
    private final String clientName;
    private final ByteBuffer header = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
    private ByteBuffer scratch;

    RxLoop(SocketConnection c, String clientName) {
        this.c = c;
        this.clientName = clientName;
    }

    @Override
    public void run() {
        try {
            if (register()) {
                receive();
            }
        } finally {
            c.readerDone.countDown();
        }
    }

    private boolean register() {
        try {
            c.write(Handshake.request(clientName));
            int len = readHeader();
            if (len < 0) {
                throw new VppTransportException("VPP at " + c.path + " closed the socket during the handshake");
            }
            ByteBuffer reply = ByteBuffer.allocate(len);
            readFully(reply);
            c.registration.complete(Handshake.parseReply(reply, len, c.path.toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            c.registration.completeExceptionally(e instanceof VppTransportException ? e
                    : new VppTransportException("handshake with VPP at " + c.path + " failed: " + e.getMessage(), e));
            return false;
        }
    }

    private void receive() {
        try {
            while (true) {
                int len = readHeader();
                if (len < 0) {
                    c.ended(new VppTransportException("VPP closed the API socket " + c.path));
                    return;
                }
                if (c.disconnecting) {
                    skip(len);
                } else {
                    deliver(len);
                }
            }
        } catch (VppTransportException e) {
            c.ended(e);
        } catch (IOException e) {
            c.ended(new VppTransportException("connection to VPP at " + c.path + " lost: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            LOG.error("socket receive thread for {} failed", c.path, e);
            c.ended(new VppTransportException("socket receive thread for " + c.path + " failed: " + e, e));
        }
    }

    /** Copies one message into a claimed slot and publishes it (length 0 when the copy failed). */
    private void deliver(int len) throws IOException {
        ByteBuffer slot = c.sink.claim(len);
        int published = 0;
        int limit = slot.limit();
        try {
            slot.limit(len);
            readFully(slot);
            published = len;
        } finally {
            slot.limit(limit).position(0);
            c.sink.publish(published);
        }
    }

    /**
     * Reads the next frame header.
     *
     * @return data_len, or -1 on EOF at a frame boundary
     * @throws VppTransportException when data_len is beyond max-message-size or below a message id
     */
    private int readHeader() throws IOException {
        header.clear();
        while (header.hasRemaining()) {
            if (c.channel.read(header) < 0) {
                if (header.position() == 0) {
                    return -1;
                }
                throw new EOFException("EOF inside a frame header");
            }
        }
        header.flip();
        long len = SocketFrames.dataLength(header);
        if (len > c.maxMessageSize || len < 2) {
            throw new VppTransportException("corrupt stream from VPP at " + c.path + ": frame data_len " + len
                    + (len < 2 ? " is shorter than a message id" : " exceeds max-message-size " + c.maxMessageSize));
        }
        return (int) len;
    }

    private void readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (c.channel.read(b) < 0) {
                throw new EOFException("EOF inside a message (" + b.remaining() + " of " + b.limit() + " bytes missing)");
            }
        }
    }

    /** Discards one message (what arrives while disconnecting, e.g. sockclnt_delete_reply). */
    private void skip(int len) throws IOException {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(4096);
        }
        int left = len;
        while (left > 0) {
            scratch.clear().limit(Math.min(left, scratch.capacity()));
            readFully(scratch);
            left -= scratch.limit();
        }
    }
}
