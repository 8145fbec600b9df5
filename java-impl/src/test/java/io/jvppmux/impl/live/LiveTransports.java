package io.jvppmux.impl.live;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.socket.SocketTransport;
import java.nio.file.Path;

/** Connecting a mux to a live VPP over either transport, the same way for every live test. */
public final class LiveTransports {
    /** The shm transport, found by name so that the live tests do not depend on it being built. */
    static final String SHM_TRANSPORT = "io.jvppmux.impl.transport.shm.ShmTransport";

    private LiveTransports() {
    }

    /** A mux over the API socket {@code socket}. */
    public static JvppMux socket(MuxConfig config, Path socket) {
        return JvppMux.connect(config.toBuilder().transport(TransportKind.SOCKET).socketPath(socket).build(),
                new SocketTransport());
    }

    /**
     * A mux over shared memory through {@code vppapiclient}, VPP's {@code api-segment} prefix {@code prefix};
     * skips the calling test (fails it when live tests are required) when the shm transport is not built.
     */
    public static JvppMux shm(MuxConfig config, String prefix, Path vppapiclient) {
        return JvppMux.connect(config.toBuilder().transport(TransportKind.SHM).shmPrefix(prefix)
                .vppapiclientLibrary(vppapiclient).build(), newShmTransport());
    }

    /**
     * {@code base} pointed at {@code vpp} over {@code kind}, for {@code VppMux.connect}/{@code connectAsync}: the
     * shm transport without falling back to the socket, so a test of shm never passes over the socket.
     */
    public static MuxConfig config(TransportKind kind, MuxConfig base, VppProcess vpp) {
        MuxConfig.Builder b = base.toBuilder().transport(kind).socketPath(vpp.socketPath())
                .statsSocketPath(vpp.statsSocket());
        return kind == TransportKind.SHM
                ? b.shmPrefix(vpp.shmPrefix()).vppapiclientLibrary(vpp.vppapiclient()).fallbackToSocket(false).build()
                : b.build();
    }

    /** A mux to {@code vpp} over {@code kind}. */
    public static JvppMux connect(TransportKind kind, MuxConfig config, VppProcess vpp) {
        return kind == TransportKind.SHM ? shm(config, vpp.shmPrefix(), vpp.vppapiclient())
                : socket(config, vpp.socketPath());
    }

    private static VppTransport newShmTransport() {
        try {
            return (VppTransport) Class.forName(SHM_TRANSPORT).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            LiveVpp.skipUnless(false, "the shm transport " + SHM_TRANSPORT + " is not on the class path");
            throw new AssertionError(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make the shm transport " + SHM_TRANSPORT, e);
        }
    }
}
