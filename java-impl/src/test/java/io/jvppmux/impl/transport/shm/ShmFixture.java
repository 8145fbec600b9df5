package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * mock-vpp's socket server where the test libvppapiclient finds it: the socket path written into
 * {@code /dev/shm/<prefix>-vpe-api}, the file the real library maps. libvppapiclient keeps the first prefix
 * for the life of the process, so every shm test of this JVM uses {@link #PREFIX}, unique per process so
 * that no real VPP's files are touched.
 */
final class ShmFixture implements AutoCloseable {
    static final String PREFIX = "jvppmux-test-" + ProcessHandle.current().pid();

    final MockVpp vpp;
    final MockSocketServer server;
    private final Path dir;
    private final Path shmFile;

    ShmFixture(MockVpp vpp) {
        FakeVac.install();
        this.vpp = vpp;
        try {
            dir = Files.createTempDirectory("jvppmux-shm");
            server = vpp.startSocketServer(dir.resolve("api.sock"));
            shmFile = Path.of("/dev/shm", PREFIX + "-vpe-api");
            Files.writeString(shmFile, server.path() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A configuration for this fixture's prefix and the test libvppapiclient. */
    static MuxConfig config() {
        return MuxConfig.builder().shmPrefix(PREFIX).clientName("shm-test").connectTimeout(Duration.ofSeconds(5))
                .replyTimeout(Duration.ofSeconds(2)).rxQueueLength(256).vppapiclientLibrary(FakeVac.install()).build();
    }

    /** Stops the socket server and removes the files (the mock itself is the caller's). */
    @Override
    public void close() {
        server.close();
        try {
            Files.deleteIfExists(shmFile);
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
