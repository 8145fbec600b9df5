package io.jvppmux.impl.connection;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppInfo;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.core.Millis;
import io.jvppmux.impl.core.MuxCore;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connect, first or again: connects the transport and resolves every message id (a fresh table),
 * checks that VPP answers {@code control_ping}, re-sends the remembered event registrations and reads
 * {@link VppInfo}. A VPP that accepts the connection but does not answer fails the attempt. Logs (info) where the
 * connect's time went.
 */
final class Connector {
    private static final Logger log = LoggerFactory.getLogger(Connector.class);
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
        long t0 = System.nanoTime();
        core.connect(sinks);
        long t1 = System.nanoTime();
        ControlPingReply pong;
        long t2;
        try {
            pong = channel.ping(config.replyTimeout());
            t2 = System.nanoTime();
            resubscriber.resubscribe();
        } catch (VppException e) {
            throw new VppTransportException("connected over " + core.describeTransport() + ", but VPP did not answer: "
                    + e.getMessage(), e);
        }
        long t3 = System.nanoTime();
        VppInfo i = info.load(pong);
        long t4 = System.nanoTime();
        if (log.isInfoEnabled()) {
            long transport = core.lastTransportConnectNanos();
            log.info("connect took {} ms: transport {} ms, message ids {} ms, first control_ping {} ms, event "
                    + "registrations {} ms, VPP info (show_version, show plugins) {} ms; {} message descriptors looked up so far",
                    Millis.of(t4 - t0), Millis.of(transport), Millis.of(core.lastResolveNanos()), Millis.of(t2 - t1),
                    Millis.of(t3 - t2), Millis.of(t4 - t3), core.catalog().loadedDescriptors());
        }
        return i;
    }
}
