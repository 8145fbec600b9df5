package io.jvppmux.cli.bench;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.impl.transport.shm.ShmTransport;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The VPP a bench talks to and a fresh transport to it for each driver: an embedded mock-vpp (its received
 * log off, as benchmarks want) reached in-process, over its socket server, or through the shm transport and
 * jvpp-shim's test libvppapiclient (which reaches the socket server named in
 * {@code /dev/shm/<prefix>-vpe-api}); or a live VPP's socket or shared memory. Every driver gets its own
 * connection, so raw and mux never share one.
 */
final class BenchTarget implements AutoCloseable {
    private final BenchSettings settings;
    private final MockVpp mock;
    private final MockSocketServer server;
    private final Path tempDir;
    private final String shmPrefix;

    private BenchTarget(BenchSettings settings, MockVpp mock, MockSocketServer server, Path tempDir, String shmPrefix) {
        this.settings = settings;
        this.mock = mock;
        this.server = server;
        this.tempDir = tempDir;
        this.shmPrefix = shmPrefix;
    }

    /** Starts the mock (and its socket server) when the settings ask for one. */
    static BenchTarget open(BenchSettings s) {
        if (s.where() == Where.SOCKET || s.where() == Where.SHM) {
            return new BenchTarget(s, null, null, null, s.shmPrefix());
        }
        MockVpp vpp = MockVpp.builder().receivedLogCapacity(0).start();
        if (s.where() == Where.MOCK_IN_PROCESS) {
            return new BenchTarget(s, vpp, null, null, null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("jvppmux-bench");
            MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
            String prefix = null;
            if (s.where() == Where.MOCK_SHM) {
                prefix = "jvppmux-bench-" + ProcessHandle.current().pid();
                Files.writeString(shmFile(prefix), server.path() + "\n");
            }
            return new BenchTarget(s, vpp, server, dir, prefix);
        } catch (IOException e) {
            vpp.close();
            throw new UncheckedIOException("cannot create a directory for mock-vpp's socket: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            vpp.close();
            deleteQuietly(dir);
            throw e;
        }
    }

    /** Where libvppapiclient (the test one: the socket path inside) looks for VPP with {@code prefix}. */
    private static Path shmFile(String prefix) {
        return Path.of("/dev/shm", prefix + "-vpe-api");
    }

    /** A new, unconnected transport to the target. */
    VppTransport newTransport() {
        return switch (settings.where()) {
            case MOCK_IN_PROCESS -> mock.newTransport();
            case SHM, MOCK_SHM -> new ShmTransport();
            case SOCKET, MOCK_SOCKET -> new SocketTransport();
        };
    }

    /**
     * The configuration every driver connects with: {@code -Djvppmux.<key>=value} system properties over the defaults;
     * unless {@code health-check-reply-timeout} is set, a health probe may take its whole probe interval: the bench
     * loads VPP on purpose, and a probe queued behind its requests is not a sign of a dead VPP (250 ms, the default, did
     * not suffice for mock-vpp's socket server on a busy 2-core machine).
     */
    MuxConfig config() {
        MuxConfig.Builder b = forBench(MuxConfig.fromSystemProperties(MuxConfig.defaults()), settings.timeout(),
                System.getProperty(MuxConfig.SYSTEM_PROPERTY_PREFIX + "health-check-reply-timeout") != null);
        if (server != null) {
            b.socketPath(server.path());
        } else if (settings.socket() != null) {
            b.socketPath(settings.socket());
        }
        if (shmPrefix != null) {
            b.shmPrefix(shmPrefix);
        }
        if (settings.vppapiclient() != null) {
            b.vppapiclientLibrary(settings.vppapiclient());
        }
        return b.build();
    }

    /** {@code base} with the bench's reply timeout and name, and the probe timeout as {@link #config} says. */
    static MuxConfig.Builder forBench(MuxConfig base, Duration replyTimeout, boolean probeTimeoutSet) {
        MuxConfig.Builder b = base.toBuilder().replyTimeout(replyTimeout).clientName("jvppmux-bench");
        return probeTimeoutSet ? b : b.healthCheckReplyTimeout(base.healthCheckProbeInterval());
    }

    /** For the report's header. */
    String describe() {
        return switch (settings.where()) {
            case SOCKET -> "VPP socket " + settings.socket();
            case SHM -> "VPP shared memory" + (shmPrefix != null ? " (prefix " + shmPrefix + ")" : "");
            default -> settings.where().label;
        };
    }

    @Override
    public void close() {
        if (settings.where() == Where.MOCK_SHM && shmPrefix != null) {
            try {
                Files.deleteIfExists(shmFile(shmPrefix));
            } catch (IOException e) {
                // a stale file under /dev/shm names a socket that is gone: harmless
            }
        }
        if (server != null) {
            server.close();
        }
        if (mock != null) {
            mock.close();
        }
        deleteQuietly(tempDir);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover empty directory under the temp dir is harmless
        }
    }
}
