package io.jvppmux.impl.connection;

import io.jvppmux.api.PluginInfo;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppInfo;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link VppInfo} at connect: the pid and client index from the connect's {@code control_ping_reply},
 * then {@code show_version}, then {@code cli_inband "show plugins"}. A part VPP does not answer is left
 * empty and logged: missing information never fails a connect.
 */
final class VppInfoLoader {
    private static final Logger log = LoggerFactory.getLogger(VppInfoLoader.class);

    private final InternalChannel channel;
    private final Duration timeout;

    VppInfoLoader(InternalChannel channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    VppInfo load(ControlPingReply pong) {
        ShowVersionReply v = version();
        List<PluginInfo> plugins = plugins();
        VppInfo info = new VppInfo(true, v.program(), v.version(), v.buildDate(), pong.vpePid(),
                (int) pong.clientIndex(), plugins, Instant.now());
        log.info("VPP {} (built {}), pid {}, client index 0x{}, {} plugins", info.version(), info.buildDate(),
                info.pid(), Integer.toHexString(info.clientIndex()), plugins.size());
        return info;
    }

    private ShowVersionReply version() {
        try {
            return channel.call(new ShowVersion(), timeout);
        } catch (VppException e) {
            log.warn("cannot read VPP's version: {}", e.getMessage());
            return new ShowVersionReply().program("").version("").buildDate("");
        }
    }

    private List<PluginInfo> plugins() {
        try {
            return PluginList.parse(channel.call(new CliInband().cmd(PluginList.COMMAND), timeout).reply());
        } catch (VppException e) {
            log.warn("cannot list VPP's plugins ({}): {}", PluginList.COMMAND, e.getMessage());
            return List.of();
        }
    }
}
