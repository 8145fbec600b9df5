package io.jvppmux.shim;

import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * mock-vpp's socket server where the test libvppapiclient ({@code src/test/c/fake_vppapiclient.c}) finds
 * it: the socket path written into {@code /dev/shm/<prefix>-vpe-api}, the file the real library maps.
 * libvppapiclient keeps the first prefix for the process, so every test of a JVM uses {@link #PREFIX}.
 */
final class FakeVpp implements AutoCloseable {
    /** This JVM's shm prefix: unique, so that no real VPP's files are ever touched. */
    static final String PREFIX = "jvppmux-test-" + ProcessHandle.current().pid();

    final MockVpp vpp;
    final MockSocketServer server;
    private final Path dir;
    private final Path shmFile;

    private FakeVpp(String prefix) throws IOException {
        dir = Files.createTempDirectory("jvppmux-shim");
        vpp = MockVpp.start();
        server = vpp.startSocketServer(dir.resolve("api.sock"));
        shmFile = shmFile(prefix);
        Files.writeString(shmFile, server.path() + "\n", StandardCharsets.UTF_8);
    }

    /** Starts a mock reachable through prefix {@link #PREFIX}, with the test libvppapiclient configured. */
    static FakeVpp start() throws IOException {
        useFakeVac();
        return new FakeVpp(PREFIX);
    }

    static Path shmFile(String prefix) {
        return Path.of("/dev/shm", prefix + "-vpe-api");
    }

    /** Points the shim at the test libvppapiclient (system property set by the pom). */
    static String useFakeVac() {
        String path = System.getProperty("jvppmux.test.fakeVac");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("the test libvppapiclient is not built: " + path);
        }
        System.setProperty(VacLocator.PATH_PROPERTY, path);
        return path;
    }

    @Override
    public void close() {
        server.close();
        vpp.close();
        try {
            Files.deleteIfExists(shmFile);
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
