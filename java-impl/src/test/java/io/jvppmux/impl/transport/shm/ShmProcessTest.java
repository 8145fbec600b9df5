package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only a fresh JVM shows: JNI warnings over the whole mux path (-Xcheck:jni), and a JVM that finds no
 * libvppapiclient (failing with one line, or falling back to the socket when allowed).
 */
@Timeout(180)
class ShmProcessTest {
    @TempDir
    Path dir;

    @Test
    void theMuxOverSharedMemoryRunsUnderXcheckJniWithoutAWarning() throws Exception {
        String prefix = "jvppmux-child-" + ProcessHandle.current().pid();
        Path shm = Path.of("/dev/shm", prefix + "-vpe-api");
        try (MockVpp vpp = MockVpp.start()) {
            MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
            Files.writeString(shm, server.path() + "\n", StandardCharsets.UTF_8);
            String out = run(List.of("-Xcheck:jni", "-Djvppmux.test.fakeVac=" + FakeVac.install()), ShmMuxSmokeMain.class,
                    prefix);
            assertThat(out).contains("MUX OK version=26.06-mock interfaces=1").doesNotContain("WARNING in native method")
                    .doesNotContain("FATAL ERROR");
        } finally {
            Files.deleteIfExists(shm);
        }
    }

    @Test
    void withoutLibvppapiclientShmFailsWithOneLineOrFallsBackToTheSocket() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("lib"));
        List<String> noVac = List.of("-Djvppmux.vppapiclient.library=/nonexistent/libvppapiclient.so",
                "-Djvppmux.vppapiclient.searchPath=" + empty);
        try (MockVpp vpp = MockVpp.start()) {
            MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
            String strict = run(noVac, ShmFallbackMain.class, "strict", server.path().toString());
            assumeFalse(strict.contains("unexpected: created"), "this machine has a libvppapiclient.so: " + strict);
            assertThat(strict.lines().filter(l -> l.startsWith("error="))).singleElement().asString()
                    .startsWith("error=ShimUnavailableException: shared-memory transport unavailable: libvppapiclient "
                            + "could not be loaded; tried: ")
                    .contains("/nonexistent/libvppapiclient.so: ").contains("or use the socket transport");

            String fallback = run(noVac, ShmFallbackMain.class, "fallback", server.path().toString());
            assertThat(fallback).contains("transport=SocketTransport").contains("version=26.06-mock")
                    .contains("WARN io.jvppmux.impl.transport.shm.ShmTransports - using the socket transport ("
                            + server.path() + ") instead of shared memory: shared-memory transport unavailable");

            String provider = run(noVac, ShmFallbackMain.class, "provider", server.path().toString());
            assertThat(provider).contains("provider version=26.06-mock").contains("using the socket transport");
        }
    }

    private static String run(List<String> jvmArgs, Class<?> main, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("jvppmux-shm-child", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(main.getSimpleName() + " did not end in 120 s: " + Files.readString(out));
            }
            String text = Files.readString(out);
            assertThat(p.exitValue()).as(text).isZero();
            return text;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
