package io.jvppmux.stats;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.stats.StatsClient;
import java.nio.file.Path;

/** Opens stats clients: from the configured stats socket, any socket, or a segment file. */
public final class StatsClients {
    private StatsClients() {
    }

    /** A client on {@code config.statsSocketPath()} (default {@code /run/vpp/stats.sock}), default options. */
    public static StatsClient connect(MuxConfig config) {
        return connect(StatsSegmentSource.fromSocket(config.statsSocketPath()), StatsOptions.defaults());
    }

    /** A client on the stats socket at {@code socket}, default options. */
    public static StatsClient connectSocket(Path socket) {
        return connect(StatsSegmentSource.fromSocket(socket), StatsOptions.defaults());
    }

    /** A client on the segment file {@code file} (mock-vpp, tests), default options. */
    public static StatsClient openFile(Path file) {
        return connect(StatsSegmentSource.fromFile(file), StatsOptions.defaults());
    }

    /** A client on {@code source} with {@code options}. */
    public static StatsClient connect(StatsSegmentSource source, StatsOptions options) {
        return new StatsClientImpl(source, options);
    }
}
