package io.jvppmux.impl.connection;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppInfo;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.core.MuxCore;
import java.util.function.IntFunction;

/**
 * One connect, first or again: connects the transport and resolves every message id (a fresh table),
 * checks that VPP answers {@code control_ping}, re-sends the remembered event registrations and reads
 * {@link VppInfo}. A VPP that accepts the connection but does not answer fails the attempt.
 */
final class Connector {
    private final MuxCore core;
    private final IntFunction<RxSink> sinks;
    private final InternalChannel channel;
    private final Resubscriber resubscriber;
    private final VppInfoLoader info;
    private final MuxConfig config;

    Connector(MuxCore core, IntFunction<RxSink> sinks, InternalChannel channel, Resubscriber resubscriber,
              VppInfoLoader info) {
        this.core = core;
        this.sinks = sinks;
        this.channel = channel;
        this.resubscriber = resubscriber;
        this.info = info;
        this.config = core.config();
    }

    /**
     * Connects. The caller cleans up after a failure ({@link MuxCore#disconnect()}).
     *
     * @throws VppTransportException when VPP cannot be reached or does not answer
     */
    VppInfo connect() {
        core.connect(sinks);
        ControlPingReply pong;
        try {
            pong = channel.ping(config.replyTimeout());
            resubscriber.resubscribe();
        } catch (VppException e) {
            throw new VppTransportException("connected over " + core.describeTransport() + ", but VPP did not answer: "
                    + e.getMessage(), e);
        }
        return info.load(pong);
    }
}
