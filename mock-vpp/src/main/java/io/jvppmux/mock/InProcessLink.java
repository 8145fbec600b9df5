package io.jvppmux.mock;

import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process face's connection: messages go to the client's {@link RxSink} from the link's own delivery
 * thread (claim, copy, publish), never from the engine thread or the caller's.
 */
final class InProcessLink extends ClientLink {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessLink.class);

    private final RxSink sink;
    /** Set when the client disconnected: the sink gets nothing more. */
    private volatile boolean detached;

    InProcessLink(Engine engine, RxSink sink) {
        super(engine, engine.nextConnectionNumber());
        this.sink = sink;
        startSender("jvppmux-mock-rx-" + connectionNumber);
    }

    @Override
    void writeMessage(byte[] message) {
        if (detached) {
            return;
        }
        ByteBuffer slot = sink.claim(message.length);
        int published = 0;
        try {
            if (!detached) {
                slot.put(0, message);
                published = message.length;
            }
        } catch (RuntimeException e) {
            LOG.error("mock-vpp: copying {} bytes into the sink's slot failed", message.length, e);
        } finally {
            sink.publish(published);
        }
    }

    @Override
    void writeRaw(byte[] bytes) {
        writeMessage(bytes);
    }

    @Override
    void finish(Throwable cause) {
        if (detached) {
            return;
        }
        try {
            sink.closed(cause != null ? cause : new VppTransportException("mock-vpp closed the connection"));
        } catch (RuntimeException e) {
            LOG.error("mock-vpp: RxSink.closed failed", e);
        }
    }

    /** The client disconnects: no more sink calls once this returns (bounded wait for the delivery thread). */
    void detach() {
        detached = true;
        closeNow(null);
        try {
            joinSender(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "in-process client 0x" + Integer.toHexString(clientIndex());
    }
}
