package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void interfacesListsTheEmbeddedVppsInterfaces() {
        assertThat(run("interfaces")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).matches("0\\s+local0\\s+down\\s+down\\s+00:00:00:00:00:00\\s+\\d+");
        assertThat(lines.get(2)).matches("1\\s+GigabitEthernet0/8/0\\s+up\\s+up\\s+02:fe:00:00:08:00\\s+9000");
        assertThat(lines.get(3)).matches("2\\s+loop0\\s+down\\s+down\\s+de:ad:00:00:00:00\\s+9000");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theEmbeddedVppShowsTheSameInterfacesOnItsApiAndStatsFaces() {
        assertThat(run("interfaces", "--json")).isZero();
        String api = out.toString();
        out.getBuffer().setLength(0);
        assertThat(run("stats", "--json", "/if/names")).isZero();
        String stats = out.toString();
        for (String name : List.of("local0", "GigabitEthernet0/8/0", "loop0")) {
            assertThat(api).contains("\"" + name + "\"");
            assertThat(stats).contains("\"" + name + "\"");
        }
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
