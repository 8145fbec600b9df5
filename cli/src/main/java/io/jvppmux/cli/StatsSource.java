package io.jvppmux.cli;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.mock.stats.MockStatsSegment;
import io.jvppmux.mock.stats.MockVppStats;
import io.jvppmux.stats.StatsClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stats segment a command reads: a live VPP's stats socket, a segment file, or, by default, an embedded
 * mock-vpp segment ({@link EmbeddedVpp#stats}), written to a temporary file removed at {@link #close()}.
 */
final class StatsSource implements AutoCloseable {
    private final StatsClient client;
    private final MockVppStats mock;
    private final Path tempDir;

    private StatsSource(StatsClient client, MockVppStats mock, Path tempDir) {
        this.client = client;
        this.mock = mock;
        this.tempDir = tempDir;
    }

    /**
     * Opens {@code statsSocket} if given, else {@code segmentFile} if given, else the stats socket of
     * {@code live} if given, else the embedded mock segment.
     */
    static StatsSource open(Path statsSocket, Path segmentFile, MuxConfig live) {
        if (statsSocket != null && segmentFile != null) {
            throw new IllegalArgumentException("give --stats-socket or --segment-file, not both");
        }
        if (statsSocket != null) {
            return new StatsSource(StatsClients.connectSocket(statsSocket), null, null);
        }
        if (segmentFile != null) {
            if (!Files.isReadable(segmentFile)) {
                throw new IllegalArgumentException("--segment-file " + segmentFile + ": no such readable file");
            }
            return new StatsSource(StatsClients.openFile(segmentFile), null, null);
        }
        if (live != null) {
            return new StatsSource(StatsClients.connect(live), null, null);
        }
        return embedded();
    }

    private static StatsSource embedded() {
        Path dir;
        try {
            dir = Files.createTempDirectory(MockStatsSegment.defaultDirectory(), "jvppmux-stats");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for the embedded stats segment: " + e.getMessage(), e);
        }
        MockVppStats mock = null;
        try {
            mock = EmbeddedVpp.stats(dir.resolve("stats.seg"));
            return new StatsSource(StatsClients.openFile(mock.segment().file()), mock, dir);
        } catch (RuntimeException e) {
            if (mock != null) {
                mock.close();
            }
            deleteQuietly(dir);
            throw e;
        }
    }

    StatsClient client() {
        return client;
    }

    /** The embedded mock segment, or null when reading a live VPP or a file. */
    MockVppStats mock() {
        return mock;
    }

    @Override
    public void close() {
        client.close();
        if (mock != null) {
            mock.close();
            deleteQuietly(tempDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Files.deleteIfExists(dir.resolve("stats.seg"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover file in the temp directory is harmless
        }
    }
}
