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
 * mock-vpp segment with a little traffic (two interfaces besides local0, an error counter, a node), written to
 * a temporary file removed at {@link #close()}.
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
            mock = embeddedMock(dir.resolve("stats.seg"));
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

    /** A small VPP-like segment with traffic on two threads: what the cli shows without a live VPP. */
    static MockVppStats embeddedMock(Path file) {
        MockVppStats m = MockVppStats.create(file, 2, true);
        int eth = m.addInterface("GigabitEthernet0/8/0");
        int loop = m.addInterface("loop0");
        m.addTraffic(eth, 0, "rx", 1200, 1_500_000);
        m.addTraffic(eth, 1, "rx", 800, 1_000_000);
        m.addTraffic(eth, 0, "tx", 1900, 2_400_000);
        m.addTraffic(loop, 1, "tx", 3, 180);
        m.count(eth, 1, "drops", 12);
        m.count(eth, 0, "ip4", 2000);
        int err = m.addError("ip4-input", "ip4 ttl <= 1");
        m.countError(err, 0, 12);
        m.addError("null-node", "blackholed packets");
        int node = m.addNode("ip4-lookup");
        m.setNode(node, 0, 52_000, 2000, 40, 0);
        m.segment().set("/sys/vector_rate", 50);
        m.tick();
        return m;
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
