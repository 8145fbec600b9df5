package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.Message;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** A client of the in-process face for tests: encodes with the transport's table, decodes what arrives. */
final class InProcessClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    final MockTransport transport;
    final RecordingSink sink = new RecordingSink();

    InProcessClient(MockVpp vpp) {
        transport = vpp.newTransport();
        transport.connect(MuxConfig.defaults(), sink);
    }

    /** Sends {@code m} with this client's index and {@code context}. */
    void send(Message m, int context) {
        int id = transport.messageId(m.descriptor().nameCrc());
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id, transport.clientIndex(), context);
        transport.write(b.flip());
    }

    /** The next message, which must be of {@code into}'s type, decoded. */
    <M extends Message> M expect(M into) throws InterruptedException {
        return decode(next(), into);
    }

    <M extends Message> M decode(byte[] msg, M into) {
        assertThat(TestWire.id(msg)).as("id of %s", into.messageName())
                .isEqualTo(transport.messageId(into.descriptor().nameCrc()));
        return MessageCodec.decode(msg, into);
    }

    /** The next message (fails after 5 s). */
    byte[] next() throws InterruptedException {
        byte[] m = sink.next(WAIT).bytes();
        assertThat(m).as("a message within %s", WAIT).isNotNull();
        return m;
    }

    /**
     * Sends {@code request} and a control_ping after it (as the mux ends a dump) and returns the details that arrive
     * before the ping's reply, decoded.
     */
    <D extends Message> List<D> dump(Message request, Supplier<D> details, int context) throws InterruptedException {
        send(request, context);
        send(new ControlPing(), context);
        int pingReply = transport.messageId(ControlPingReply.DESCRIPTOR.nameCrc());
        List<D> out = new ArrayList<>();
        for (byte[] m = next(); TestWire.id(m) != pingReply; m = next()) {
            out.add(decode(m, details.get()));
        }
        return out;
    }

    /** The context of a message of {@code type}'s layout. */
    static int context(byte[] msg, Message type) {
        return TestWire.contextOf(msg, type);
    }

    @Override
    public void close() {
        transport.disconnect();
    }
}
