package io.jvppmux.bench;

import io.jvppmux.api.Message;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The most trivial transport: no VPP, no thread. Every name_crc gets an id on first look-up; a written
 * {@code control_ping} or {@code show_version} is answered at once, on the writing thread, by copying a
 * pre-encoded reply (its context patched) into the sink. So a benchmark over it measures the mux alone:
 * encode, the ring, the dispatcher, routing and the requester's wake-up. Writers are serialised, so the sink
 * keeps its single producer. Requests it does not know get no answer.
 */
final class EchoTransport implements VppTransport {
    private static final int CLIENT_INDEX = 0x80000001;
    private static final int REPLY_CONTEXT_OFFSET = 2;

    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(29);
    private final Map<Integer, byte[]> answers = new ConcurrentHashMap<>();
    private final Object writeLock = new Object();
    private volatile RxSink sink;

    @Override
    public void connect(MuxConfig config, RxSink sink) {
        this.sink = sink;
        answer(ControlPing.DESCRIPTOR.nameCrc(), new ControlPingReply().clientIndex(CLIENT_INDEX & 0xFFFFFFFFL).vpePid(4242));
        answer(ShowVersion.DESCRIPTOR.nameCrc(), new ShowVersionReply().program("vpe").version("26.06-echo")
                .buildDate("2026-06-01T00:00:00").buildDirectory("/echo"));
    }

    private void answer(String requestNameCrc, Message reply) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(reply));
        MessageCodec.encode(b, reply, messageId(reply.descriptor().nameCrc()), 0, 0);
        answers.put(messageId(requestNameCrc), b.array());
    }

    /** The sink of the current connection: a benchmark may publish into it itself when it never writes. */
    RxSink sink() {
        return sink;
    }

    @Override
    public int clientIndex() {
        return CLIENT_INDEX;
    }

    @Override
    public int messageId(String nameCrc) {
        return ids.computeIfAbsent(nameCrc, k -> nextId.getAndIncrement());
    }

    @Override
    public void write(ByteBuffer message) {
        RxSink s = sink;
        if (s == null) {
            throw new NotConnectedException("echo transport not connected");
        }
        int start = message.position();
        byte[] answer = answers.get(MessageCodec.messageId(message, start));
        int context = message.getInt(start + 6);
        message.position(message.limit());
        if (answer == null) {
            return;
        }
        synchronized (writeLock) {
            ByteBuffer slot = s.claim(answer.length);
            slot.put(0, answer).putInt(REPLY_CONTEXT_OFFSET, context);
            s.publish(answer.length);
        }
    }

    @Override
    public boolean isConnected() {
        return sink != null;
    }

    @Override
    public void disconnect() {
        sink = null;
    }

    @Override
    public String describe() {
        return "echo (in-memory)";
    }
}
