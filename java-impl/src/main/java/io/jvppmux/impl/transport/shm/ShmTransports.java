package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.shim.JvppShim;
import io.jvppmux.shim.ShimUnavailableException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes the shared-memory transport, or the socket transport when the shim cannot be loaded and that is allowed. */
public final class ShmTransports {
    private static final Logger LOG = LoggerFactory.getLogger(ShmTransports.class);

    private ShmTransports() {
    }

    /** {@link #create(MuxConfig, boolean)} with {@link MuxConfig#fallbackToSocket()}. */
    public static VppTransport create(MuxConfig config) {
        return create(config, config.fallbackToSocket());
    }

    /**
     * A {@link ShmTransport} when jvpp-shim and libvppapiclient load (from {@link MuxConfig#shimLibrary()} and
     * {@link MuxConfig#vppapiclientLibrary()} when set); otherwise a
     * {@link SocketTransport} (to {@link MuxConfig#socketPath()}, said in the log) when
     * {@code fallbackToSocket}.
     *
     * @throws ShimUnavailableException when neither: one line naming every library tried
     */
    public static VppTransport create(MuxConfig config, boolean fallbackToSocket) {
        Objects.requireNonNull(config, "config");
        ShimUnavailableException why = JvppShim.unavailabilityCause(config.shimLibrary().orElse(null),
                config.vppapiclientLibrary().orElse(null));
        if (why == null) {
            return new ShmTransport();
        }
        if (!fallbackToSocket) {
            throw why;
        }
        LOG.warn("using the socket transport ({}) instead of shared memory: {}", config.socketPath(), why.getMessage());
        return new SocketTransport();
    }
}
