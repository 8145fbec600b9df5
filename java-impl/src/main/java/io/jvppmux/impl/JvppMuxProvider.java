package io.jvppmux.impl;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppMux;
import io.jvppmux.api.VppMuxProvider;
import io.jvppmux.impl.transport.shm.ShmTransports;
import io.jvppmux.impl.transport.socket.SocketTransport;

/**
 * The {@link VppMuxProvider} behind {@code VppMux.connect}: builds the transport the configuration
 * names and connects a {@link JvppMux} over it. For shm, when the native shim or libvppapiclient cannot
 * be loaded, {@link ShmTransports#create(MuxConfig)} falls back to the socket (and logs it) when
 * {@code fallback-to-socket} is set, or fails with one line naming every attempt.
 */
public final class JvppMuxProvider implements VppMuxProvider {
    @Override
    public VppMux connect(MuxConfig config) {
        return switch (config.transport()) {
            case SOCKET -> JvppMux.connect(config, new SocketTransport());
            case SHM -> JvppMux.connect(config, ShmTransports.create(config));
        };
    }

    @Override
    public VppMux connectAsync(MuxConfig config) {
        return switch (config.transport()) {
            case SOCKET -> JvppMux.connectAsync(config, new SocketTransport());
            case SHM -> JvppMux.connectAsync(config, ShmTransports.create(config));
        };
    }
}
