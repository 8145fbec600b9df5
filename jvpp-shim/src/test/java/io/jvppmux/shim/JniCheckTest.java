package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a fresh JVM shows: JNI warnings of the whole path, and the report when libvppapiclient is missing. */
class JniCheckTest {
    @TempDir
    Path dir;

    @Test
    void theWholeNativePathRunsUnderXcheckJniWithoutAWarning() throws Exception {
        try (MockVpp vpp = MockVpp.start()) {
            MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
            JavaProcess.Result r = JavaProcess.run(
                    List.of("-Xcheck:jni", "-Djvppmux.test.fakeVac=" + FakeVpp.useFakeVac()),
                    Map.of("JVPPMUX_FAKE_VAC_SOCKET", server.path().toString()), ShimSmokeMain.class);
            assertThat(r.output()).contains("SMOKE OK").doesNotContain("WARNING in native method")
                    .doesNotContain("FATAL ERROR");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
    }

    @Test
    void withoutLibvppapiclientOneLineNamesEveryAttempt() throws Exception {
        Path emptyDir = Files.createDirectory(dir.resolve("lib"));
        JavaProcess.Result r = JavaProcess.run(List.of("-Djvppmux.vppapiclient.library=/nonexistent/libvppapiclient.so",
                "-Djvppmux.vppapiclient.searchPath=" + emptyDir), Map.of(), ShimUnavailableMain.class);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assumeFalse(r.output().contains("available=true"),
                "this machine has a libvppapiclient.so the loader finds by its soname: " + r.output());
        List<String> lines = r.output().lines().filter(l -> l.startsWith("cause=")).toList();
        assertThat(lines).singleElement().asString()
                .startsWith("cause=shared-memory transport unavailable: libvppapiclient could not be loaded; tried: ")
                .contains("/nonexistent/libvppapiclient.so: ")
                .contains("; libvppapiclient.so: ")
                .contains("no libvppapiclient.so.<version> in " + emptyDir)
                .contains("-Djvppmux.vppapiclient.library=/path/to/libvppapiclient.so");
    }
}
