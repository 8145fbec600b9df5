package io.jvppmux.impl.transport.socket;

import io.jvppmux.api.VppTransportException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of the receive thread: registers ({@code sockclnt_create}), then reads for good through a
 * {@link FrameReader}, which takes every frame the socket holds in one read and copies each message into the
 * slot the sink hands out. A frame longer than max-message-size is a corrupt stream (never allocated); EOF
 * or a reset ends the connection at once.
 */
final class RxLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RxLoop.class);

    private final SocketConnection c;
    private final String clientName;
    private final FrameReader frames;
    /** What arrives while disconnecting (e.g. sockclnt_delete_reply) is dropped. */
    private final BooleanSupplier discarding;

    RxLoop(SocketConnection c, String clientName) {
        this.c = c;
        this.clientName = clientName;
        this.frames = new FrameReader(c.channel, FrameReader.DEFAULT_CAPACITY, c.maxMessageSize, c.path.toString());
        this.discarding = () -> c.disconnecting;
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
        ByteBuffer reply = null;
        try {
            c.write(Handshake.request(clientName));
            reply = frames.next();
            if (reply == null) {
                throw new VppTransportException("VPP at " + c.path + " closed the socket during the handshake");
            }
            c.registration.complete(Handshake.parseReply(reply, reply.limit(), c.path.toString()));
            return true;
        } catch (IOException | RuntimeException e) {
            c.closedUnanswered = reply == null && !c.disconnecting;
            c.registration.completeExceptionally(e instanceof VppTransportException ? e
                    : new VppTransportException("handshake with VPP at " + c.path + " failed: " + e.getMessage(), e));
            return false;
        }
    }

    private void receive() {
        try {
            while (true) {
                if (!frames.pump(c.sink, discarding)) {
                    c.ended(new VppTransportException("VPP closed the API socket " + c.path));
                    return;
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
}
