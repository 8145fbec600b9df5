package io.jvppmux.stats;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the stats segment comes from: VPP's stats socket (the segment's fd received with
 * {@code SCM_RIGHTS} by jvpp-shim's native helper) or a file (mock-vpp, tests, a copied segment).
 * {@link #open()} maps the segment now; {@link #marker()} cheaply identifies what the source would serve,
 * so a client notices a replaced socket or file without reconnecting.
 */
public interface StatsSegmentSource {
    /**
     * Maps the segment the source serves now.
     *
     * @throws io.jvppmux.api.stats.StatsUnavailableException when it cannot be obtained
     * @throws io.jvppmux.api.stats.StatsFormatException      when it cannot be mapped
     */
    MappedSegment open();

    /** The current identity of the socket or file path (cheap: one stat), or null when it is missing. */
    SegmentId marker();

    /** True when a heartbeat that stopped means VPP is gone (a file has nobody to ask). */
    boolean canAskForLiveness();

    /** The stats socket at {@code socket}, with a 5 s receive timeout; needs the native helper. */
    static StatsSegmentSource fromSocket(Path socket) {
        return new SocketSegmentSource(socket, Duration.ofSeconds(5));
    }

    /** The stats socket at {@code socket}, waiting at most {@code timeout} for VPP to send the fd. */
    static StatsSegmentSource fromSocket(Path socket, Duration timeout) {
        return new SocketSegmentSource(socket, timeout);
    }

    /** A segment file, mapped read-only: pure Java. */
    static StatsSegmentSource fromFile(Path segmentFile) {
        return new FileSegmentSource(segmentFile);
    }
}
