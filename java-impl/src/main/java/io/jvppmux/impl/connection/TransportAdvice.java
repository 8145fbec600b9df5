package io.jvppmux.impl.connection;

import io.jvppmux.api.MuxConfig;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the health-check round trips and, when the shm transport stays slow while VPP's API socket is
 * there, says once in the log, with the numbers, that the socket would answer faster (docs/PROTOCOL.md, "Verified on a live VPP": a VPP
 * whose main thread sleeps answers a synchronous shm request in about 3.6 ms, the socket in about 32 us).
 */
final class TransportAdvice {
    private static final Logger log = LoggerFactory.getLogger(TransportAdvice.class);
    /** Probes averaged before judging. */
    static final int SAMPLES = 10;
    /** A mean round trip above this is slow. */
    static final long SLOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final MuxConfig config;
    private final boolean overSharedMemory;
    private long total;
    private int samples;
    private boolean given;

    /** @param overSharedMemory whether the mux really runs over shm (a shm configuration may have fallen back) */
    TransportAdvice(MuxConfig config, boolean overSharedMemory) {
        this.config = config;
        this.overSharedMemory = overSharedMemory;
    }

    /** One probe's round trip; returns true when this call gave the advice. */
    boolean roundTrip(long nanos) {
        if (given || !overSharedMemory) {
            return false;
        }
        total += nanos;
        if (++samples < SAMPLES) {
            return false;
        }
        long mean = total / samples;
        total = 0;
        samples = 0;
        if (mean <= SLOW_NANOS || !Files.exists(config.socketPath())) {
            return false;
        }
        given = true;
        log.info("health-check round trips over shm take {} us on average ({} probes); VPP's API socket {} usually "
                + "answers in tens of microseconds: set transport=socket to use it", mean / 1_000, SAMPLES,
                config.socketPath());
        return true;
    }
}
