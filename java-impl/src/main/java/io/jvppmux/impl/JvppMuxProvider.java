package io.jvppmux.impl;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.VppMuxProvider;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.impl.transport.socket.SocketTransport;

/**
 * The {@link VppMuxProvider} behind {@code VppMux.connect}: builds the transport the configuration
 * names and connects a {@link JvppMux} over it.
 */
public final class JvppMuxProvider implements VppMuxProvider {
    @Override
    public VppMux connect(MuxConfig config) {
        return switch (config.transport()) {
            case SOCKET -> JvppMux.connect(config, new SocketTransport());
            case SHM -> throw new VppTransportException("shm transport not available yet; use transport=socket");
        };
    }
}
