package io.jvppmux.impl.contract;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.live.LiveVpp;
import java.nio.file.Path;

/**
 * {@link VppContract} against a live VPP over shared memory ({@code JVPPMUX_LIVE_SHM_PREFIX}, empty for
 * VPP's default prefix, and {@code JVPPMUX_LIVE_VPPAPICLIENT}, the path of its libvppapiclient.so), through
 * the shm transport ({@value #SHM_TRANSPORT}, found by name so that this suite does not depend on it being
 * built); skipped, with a message, when either is missing.
 */
class LiveShmContractTest extends VppContract {
    static final String SHM_TRANSPORT = "io.jvppmux.impl.transport.shm.ShmTransport";

    @Override
    protected JvppMux openMux(MuxConfig config) throws ReflectiveOperationException {
        String prefix = LiveVpp.require(LiveVpp.SHM_PREFIX, "the shm transport");
        Path vppapiclient = Path.of(LiveVpp.require(LiveVpp.VPPAPICLIENT, "the shm transport"));
        VppTransport transport = (VppTransport) shmTransportClass().getConstructor().newInstance();
        return JvppMux.connect(config.toBuilder().transport(TransportKind.SHM).shmPrefix(prefix)
                .vppapiclientLibrary(vppapiclient).build(), transport);
    }

    private static Class<?> shmTransportClass() {
        try {
            return Class.forName(SHM_TRANSPORT);
        } catch (ClassNotFoundException e) {
            LiveVpp.skipUnless(false, "the shm transport " + SHM_TRANSPORT + " is not on the class path");
            throw new AssertionError(e);
        }
    }

    @Override
    protected void closeTarget() {
        // the live VPP is not ours
    }

    @Override
    protected boolean listsPlugins() {
        return true;
    }
}
