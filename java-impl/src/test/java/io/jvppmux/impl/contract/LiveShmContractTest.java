package io.jvppmux.impl.contract;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.live.LiveTransports;
import io.jvppmux.impl.live.LiveVpp;
import java.nio.file.Path;

/**
 * {@link VppContract} against a live VPP over shared memory ({@code JVPPMUX_LIVE_SHM_PREFIX}, empty for
 * VPP's default prefix, and {@code JVPPMUX_LIVE_VPPAPICLIENT}, the path of its libvppapiclient.so), through
 * the shm transport; skipped, with a message, when either is missing (failed when live tests are required).
 */
class LiveShmContractTest extends VppContract {
    @Override
    protected JvppMux openMux(MuxConfig config) {
        String prefix = LiveVpp.require(LiveVpp.SHM_PREFIX, "the shm transport");
        Path vppapiclient = Path.of(LiveVpp.require(LiveVpp.VPPAPICLIENT, "the shm transport"));
        return LiveTransports.shm(config, prefix, vppapiclient);
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
