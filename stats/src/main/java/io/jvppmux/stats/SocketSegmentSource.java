package io.jvppmux.stats;

import io.jvppmux.api.spi.FileAccess;
import io.jvppmux.api.stats.StatsUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * VPP's stats socket: connect ({@code SOCK_SEQPACKET}), receive the memfd with {@code SCM_RIGHTS}
 * (close-on-exec, bounded by a receive timeout), map it through {@code /proc/self/fd/<fd>} read-only, close
 * the fd. The socket file's inode is the marker: a restarted VPP binds a new socket.
 */
final class SocketSegmentSource implements StatsSegmentSource {
    private static final int ENOENT = 2;
    private static final int EACCES = 13;
    private static final int ETIMEDOUT = 110;
    private static final int ECONNREFUSED = 111;
    private final Path socket;
    private final int timeoutMillis;

    SocketSegmentSource(Path socket, Duration timeout) {
        this.socket = Objects.requireNonNull(socket, "statsSocket");
        long ms = timeout.toMillis();
        if (ms <= 0 || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stats socket timeout " + timeout + " must be positive");
        }
        this.timeoutMillis = (int) ms;
    }

    @Override
    public MappedSegment open() {
        String cause = NativeStatsFd.unavailabilityCause();
        if (cause != null) {
            throw new StatsUnavailableException("cannot read stats from " + socket + ": " + cause
                    + " (build jvpp-shim's stats_fd.c, or read a segment file instead)");
        }
        SegmentId marker = marker();
        int fd = NativeStatsFd.recvSegmentFd(socket.toString(), timeoutMillis);
        if (fd < 0) {
            throw new StatsUnavailableException(explain(-fd));
        }
        try {
            return MappedSegment.map(Path.of("/proc/self/fd/" + fd), marker, "stats socket " + socket);
        } finally {
            NativeStatsFd.close(fd);
        }
    }

    private String explain(int errno) {
        String what = NativeStatsFd.describe(errno);
        switch (errno) {
            case ENOENT:
                return "no stats socket at " + socket + " (" + what + "): is VPP running, and is it its statseg socket-name?";
            case EACCES:
                return "no permission to connect to the stats socket (" + what + "): " + FileAccess.explain(socket);
            case ECONNREFUSED:
                return socket + " refuses connections (" + what + "): VPP is not running (stale socket file)";
            case ETIMEDOUT:
                return "VPP sent no stats segment over " + socket + " within " + timeoutMillis + " ms (" + what + ")";
            default:
                return "cannot receive the stats segment from " + socket + ": " + what;
        }
    }

    @Override
    public SegmentId marker() {
        return MappedSegment.identity(socket);
    }

    @Override
    public boolean canAskForLiveness() {
        return true;
    }

    @Override
    public String toString() {
        return "socket " + socket;
    }
}
