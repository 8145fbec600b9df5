package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The cli's main logic, in-process, against the embedded mock-vpp. */
@Timeout(30)
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void interfacesListsLocal0() {
        assertThat(run("interfaces")).isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString().lines().skip(1).findFirst().orElseThrow())
                .matches("0\\s+local0\\s+down\\s+down\\s+00:00:00:00:00:00\\s+\\d+");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void interfacesOverTheSocketOfALiveLookingVpp() throws Exception {
        Path dir = Files.createTempDirectory("jvppmux-cli");
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            assertThat(run("interfaces", "--socket", server.path().toString())).isZero();
            assertThat(out.toString()).contains("local0");
        } finally {
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void interfacesListsEveryInterfaceOfABigVpp() throws Exception {
        MockInterface[] all = new MockInterface[5_000];
        all[0] = MockInterface.local0();
        for (int i = 1; i < all.length; i++) {
            all[i] = MockInterface.loopback(i, i - 1, new byte[] {2, 0, 0, 0, (byte) (i >> 8), (byte) i});
        }
        Path dir = Files.createTempDirectory("jvppmux-cli");
        try (MockVpp vpp = MockVpp.builder().interfaces(all).start();
             MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            assertThat(run("interfaces", "--socket", server.path().toString())).isZero();
            assertThat(out.toString().lines()).hasSize(5_001);
            assertThat(out.toString().lines().reduce((a, b) -> b).orElseThrow()).startsWith("4999").contains("loop4998");
            assertThat(err.toString()).isEmpty();
        } finally {
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void versionAndPing() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("vpe 26.06-mock");
        assertThat(run("ping", "-c", "2")).isZero();
        assertThat(out.toString()).contains("pid 4242").contains("2 pings: min/avg/max");
    }

    @Test
    void anUnreachableVppIsOneLineOnStderr() {
        assertThat(run("interfaces", "--socket", "/nonexistent/api.sock")).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("jvppmux: ").contains("/nonexistent/api.sock").doesNotContain("Exception");
    }

    @Test
    void badArgumentsAreOneLineAndExitTwo() {
        assertThat(run("interfaces", "--bogus")).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().contains("--bogus");
    }
}
