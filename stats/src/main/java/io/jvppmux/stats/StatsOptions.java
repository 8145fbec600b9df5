package io.jvppmux.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * How patient the stats client is. Immutable.
 *
 * <ul>
 *   <li>{@code readTimeout} (500 ms): deadline of one optimistic read, retries included, before
 *       {@link io.jvppmux.api.stats.StatsBusyException}.</li>
 *   <li>{@code heartbeatTimeout} (25 s, VPP's default update interval being 10 s): a heartbeat unchanged this
 *       long makes the client look for a new segment, and call VPP gone when there is none.</li>
 *   <li>{@code probeInterval} (1 s): how often reads check the heartbeat and whether the socket or file was
 *       replaced (one stat call).</li>
 *   <li>{@code socketTimeout} (5 s): how long to wait for VPP to send the segment's fd.</li>
 * </ul>
 */
public final class StatsOptions {
    private final Duration readTimeout;
    private final Duration heartbeatTimeout;
    private final Duration probeInterval;
    private final Duration socketTimeout;

    private StatsOptions(Duration read, Duration heartbeat, Duration probe, Duration socket) {
        this.readTimeout = positive(read, "readTimeout");
        this.heartbeatTimeout = positive(heartbeat, "heartbeatTimeout");
        this.probeInterval = positive(probe, "probeInterval");
        this.socketTimeout = positive(socket, "socketTimeout");
    }

    /** 500 ms reads, 25 s heartbeat timeout, 1 s probe interval, 5 s socket timeout. */
    public static StatsOptions defaults() {
        return new StatsOptions(Duration.ofMillis(500), Duration.ofSeconds(25), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    /** These options with another read deadline. */
    public StatsOptions withReadTimeout(Duration d) {
        return new StatsOptions(d, heartbeatTimeout, probeInterval, socketTimeout);
    }

    /** These options with another heartbeat timeout. */
    public StatsOptions withHeartbeatTimeout(Duration d) {
        return new StatsOptions(readTimeout, d, probeInterval, socketTimeout);
    }

    /** These options with another probe interval. */
    public StatsOptions withProbeInterval(Duration d) {
        return new StatsOptions(readTimeout, heartbeatTimeout, d, socketTimeout);
    }

    /** These options with another socket timeout. */
    public StatsOptions withSocketTimeout(Duration d) {
        return new StatsOptions(readTimeout, heartbeatTimeout, probeInterval, d);
    }

    /** Deadline of one optimistic read. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Heartbeat age after which VPP is suspected gone. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /** Interval of the cheap liveness checks done by reads. */
    public Duration probeInterval() {
        return probeInterval;
    }

    /** Wait for the segment's fd from the stats socket. */
    public Duration socketTimeout() {
        return socketTimeout;
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " must be positive");
        }
        return d;
    }
}
