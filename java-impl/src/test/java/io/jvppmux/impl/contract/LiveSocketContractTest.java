package io.jvppmux.impl.contract;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.live.LiveTransports;
import io.jvppmux.impl.live.LiveVpp;
import java.nio.file.Path;

/**
 * {@link VppContract} against a live VPP over its API socket ({@code JVPPMUX_LIVE_SOCKET}, e.g.
 * {@code /run/vpp/api.sock}); skipped, with a message, when it is not set (failed when live tests are required).
 */
class LiveSocketContractTest extends VppContract {
    @Override
    protected JvppMux openMux(MuxConfig config) {
        return LiveTransports.socket(config, Path.of(LiveVpp.require(LiveVpp.SOCKET, "the socket transport")));
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
