package io.jvppmux.cli.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.MuxOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The mux under test on its own connection: {@code channels} active channels shared round-robin by the
 * caller threads, plus {@code idleChannels} opened and never used.
 */
final class MuxDriver implements Driver {
    private final String name;
    private final JvppMux mux;
    private final List<ApiChannel> active = new ArrayList<>();
    private final List<ApiChannel> idle = new ArrayList<>();
    private final int window;
    private final AsyncApi asyncApi;
    private final long timeoutNanos;

    MuxDriver(String name, VppTransport transport, MuxConfig config, BenchSettings s, int idleChannels) {
        this.name = name;
        this.window = s.window();
        this.asyncApi = s.asyncApi();
        this.timeoutNanos = config.replyTimeout().toNanos();
        MuxOptions options = MuxOptions.defaults().withCallbackThreads(s.callbackThreads())
                .withCallerReads(s.callerReads());
        if (s.waitStrategy().supplier != null) {
            options = options.withWaitStrategy(s.waitStrategy().supplier);
        }
        this.mux = JvppMux.connect(config, transport, options);
        try {
            int size = s.channelBufferSize();
            for (int i = 0; i < s.channels(); i++) {
                active.add(mux.newApiChannelBuffered(size, size));
            }
            for (int i = 0; i < idleChannels; i++) {
                idle.add(mux.newApiChannel());
            }
        } catch (RuntimeException e) {
            mux.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    /** Thread {@code t} uses channels t, t+T, t+2T, ... (or channel t mod C when there are fewer channels). */
    @Override
    public Caller caller(int thread, int threads) {
        List<ApiChannel> mine = new ArrayList<>();
        for (int c = thread; c < active.size(); c += threads) {
            mine.add(active.get(c));
        }
        if (mine.isEmpty()) {
            mine.add(active.get(thread % active.size()));
        }
        return new MuxCaller(mine.toArray(new ApiChannel[0]), window, asyncApi, timeoutNanos);
    }

    @Override
    public void close() {
        mux.close();
    }
}
