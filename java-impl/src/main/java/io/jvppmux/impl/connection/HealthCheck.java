package io.jvppmux.impl.connection;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppException;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.core.Counters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One health-check probe at a time ({@code control_ping} on the mux's own channel, waiting
 * {@code health-check-reply-timeout}) and the count of misses in a row. A probe that times out is not a
 * miss when VPP answered anything else meanwhile (a busy VPP is not a dead one, as in GoVPP); a reply with
 * another {@code vpe_pid} than the connect's means VPP restarted. Round trips feed {@link TransportAdvice}.
 * Used by the supervisor thread only.
 */
final class HealthCheck {
    private static final Logger log = LoggerFactory.getLogger(HealthCheck.class);

    private final InternalChannel channel;
    private final Counters counters;
    private final MuxConfig config;
    private final TransportAdvice advice;
    private int misses;
    private long pid;

    /** @param counters the plugin counters: probes and misses are counted there, other answers read there */
    HealthCheck(InternalChannel channel, Counters counters, MuxConfig config, boolean overSharedMemory) {
        this.channel = channel;
        this.counters = counters;
        this.config = config;
        this.advice = new TransportAdvice(config, overSharedMemory);
    }

    /** A new connection to VPP {@code pid}: no misses yet. */
    void reset(long vppPid) {
        misses = 0;
        pid = vppPid;
    }

    /** Probes once; returns why the connection of {@code generation} must be dropped, or null when it is fine. */
    Loss probe(int generation) {
        counters.healthProbes.increment();
        long answeredBefore = counters.answered();
        long start = System.nanoTime();
        try {
            ControlPingReply r = channel.ping(config.healthCheckReplyTimeout());
            advice.roundTrip(System.nanoTime() - start);
            misses = 0;
            return pid != 0 && r.vpePid() != pid ? Loss.restarted(generation, pid, r.vpePid()) : null;
        } catch (ReplyTimeoutException e) {
            return missed(generation, answeredBefore);
        } catch (NotConnectedException e) {
            return Loss.closed(generation, e);
        } catch (VppException e) {
            log.debug("health-check probe failed: {}", e.toString());
            return null;
        }
    }

    private Loss missed(int generation, long answeredBefore) {
        long timeout = config.healthCheckReplyTimeout().toMillis();
        if (counters.answered() != answeredBefore) {
            log.debug("health-check probe not answered within {} ms, but VPP answered other requests: not a miss", timeout);
            return null;
        }
        counters.healthMisses.increment();
        misses++;
        log.warn("VPP did not answer health-check probe within {} ms ({} of {} misses)", timeout, misses,
                config.healthCheckThreshold());
        return misses >= config.healthCheckThreshold() ? Loss.silent(generation, misses, timeout) : null;
    }
}
