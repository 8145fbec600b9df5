package io.jvppmux.cli.bench;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;

/**
 * The baseline: the same kind of transport driven without the mux (no ring, no dispatcher, no channels):
 * {@link RawCaller}s encode and write on their own threads, {@link RawSink} decodes and matches on the
 * receive thread. Its own connection.
 */
final class RawDriver implements Driver {
    private final VppTransport transport;
    private final RawSink sink = new RawSink();
    private final int pingId;
    private final int clientIndex;
    private final int window;
    private final long timeoutNanos;
    private final boolean callerReads;

    /** @param callerReads whether callers wait through the transport, which may read on them (as the mux's do) */
    RawDriver(VppTransport transport, MuxConfig config, int window, boolean callerReads) {
        this.transport = transport;
        this.callerReads = callerReads;
        this.window = window;
        this.timeoutNanos = config.replyTimeout().toNanos();
        transport.connect(config, sink);
        try {
            pingId = idOf(ControlPing.DESCRIPTOR.nameCrc());
            sink.replyId(idOf(ControlPingReply.DESCRIPTOR.nameCrc()));
            clientIndex = transport.clientIndex();
        } catch (RuntimeException e) {
            transport.disconnect();
            throw e;
        }
    }

    private int idOf(String nameCrc) {
        int id = transport.messageId(nameCrc);
        if (id <= 0) {
            throw new IllegalStateException("VPP over " + transport.describe() + " does not know " + nameCrc);
        }
        return id;
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public Caller caller(int thread, int threads) {
        if (thread + 1 > RawSink.MAX_CALLERS) {
            throw new IllegalArgumentException("raw: at most " + RawSink.MAX_CALLERS + " caller threads");
        }
        return new RawCaller(transport, sink, thread + 1, pingId, clientIndex, window, timeoutNanos,
                callerReads);
    }

    @Override
    public void close() {
        transport.disconnect();
    }
}
