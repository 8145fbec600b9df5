package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cli, events, --json and the target options, in-process against mock-vpp. */
@Timeout(60)
class CommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void cliPrintsVppsTextAndExitsZero() {
        assertThat(run("cli", "show version")).isZero();
        assertThat(out.toString()).isEqualTo("vpp v26.06-mock built by mock on mock-vpp at 2026-06-01T00:00:00\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void cliJoinsItsWordsLikeVppctl() {
        assertThat(run("cli", "show", "interface")).isZero();
        assertThat(out.toString()).contains("Name").contains("local0");
    }

    @Test
    void aCommandVppRefusesIsVppsTextOnOneLineAndExitOne() {
        assertThat(run("cli", "show bogus")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("jvppmux: VPP refused \"show bogus\": unknown input `show bogus'");
    }

    @Test
    void verboseVersionEndsWithWhereItsTimeWent() {
        assertThat(run("version", "-v")).isZero();
        assertThat(out.toString()).startsWith("vpe 26.06-mock");
        assertThat(err.toString().lines().filter(l -> l.startsWith("jvppmux: timeline:"))).singleElement().asString()
                .matches("jvppmux: timeline: command line parsed [0-9.]+ ms, connected [0-9.]+ ms, first reply "
                        + "\\(show_version\\) [0-9.]+ ms, closed [0-9.]+ ms; main to closed [0-9.]+ ms");
    }

    @Test
    void jsonOfVersionInterfacesAndPing() {
        assertThat(run("version", "--json")).isZero();
        assertThat(run("interfaces", "--json")).isZero();
        assertThat(run("ping", "-c", "2", "--json")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("{\"program\":\"vpe\",\"version\":\"26.06-mock\",\"build_date\":\"2026-06-01T00:00:00\","
                + "\"build_directory\":\"\"}");
        assertThat(lines[1]).isEqualTo("[{\"sw_if_index\":0,\"name\":\"local0\",\"admin_up\":false,\"link_up\":false,"
                + "\"mac\":\"00:00:00:00:00:00\",\"mtu\":0},{\"sw_if_index\":1,\"name\":\"GigabitEthernet0/8/0\","
                + "\"admin_up\":true,\"link_up\":true,\"mac\":\"02:fe:00:00:08:00\",\"mtu\":9000},{\"sw_if_index\":2,"
                + "\"name\":\"loop0\",\"admin_up\":false,\"link_up\":false,\"mac\":\"de:ad:00:00:00:00\",\"mtu\":9000}]");
        assertThat(lines[2]).matches("\\{\"pings\":\\[\\{\"seq\":1,\"time_ms\":[0-9.E-]+},\\{\"seq\":2,\"time_ms\":[0-9.E-]+}],"
                + "\"vpe_pid\":4242,\"count\":2,\"min_ms\":[0-9.E-]+,\"avg_ms\":[0-9.E-]+,\"max_ms\":[0-9.E-]+}");
    }

    @Test
    void jsonOfStats() {
        assertThat(run("stats", "--interfaces", "--json")).isZero();
        assertThat(out.toString()).contains("{\"sw_if_index\":1,\"name\":\"GigabitEthernet0/8/0\",\"rx_packets\":2000,"
                + "\"rx_bytes\":2500000,\"tx_packets\":1900,\"tx_bytes\":2400000,\"drops\":12,");
        out.getBuffer().setLength(0);
        assertThat(run("stats", "/err/ip4-input", "--json")).isZero();
        assertThat(out.toString().trim()).isEqualTo("[{\"name\":\"/err/ip4-input/ip4 ttl <= 1\",\"type\":\"counter_vector_simple\","
                + "\"target\":\"/node/errors\",\"column\":0,\"counters\":[{\"index\":0,\"value\":12,\"by_thread\":[12,0]}]}]");
    }

    @Test
    void eventsFromTheEmbeddedMockStopAfterCount() {
        assertThat(run("events", "--count", "2", "--json")).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l)
                .matches("\\{\"time\":\"[^\"]+\",\"sw_if_index\":0,\"name\":\"local0\",\"admin_up\":true,\"link_up\":(true|false),\"deleted\":false}"));
    }

    @Test
    void eventsOfALiveLookingVppArePrintedAsTheyArriveAndDisabledAtTheEnd() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            CompletableFuture<Integer> events = CompletableFuture.supplyAsync(
                    () -> run("events", "--socket", server.path().toString(), "--count", "2", "--duration", "50s"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (vpp.interfaceEventSubscribers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            vpp.setInterfaceState(0, true, false);
            vpp.setInterfaceState(0, true, true);
            assertThat(events.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString().lines()).hasSize(2);
            assertThat(out.toString().lines().toList().get(0)).endsWith("sw_if_index=0  local0  admin up  link down");
            assertThat(out.toString().lines().toList().get(1)).endsWith("sw_if_index=0  local0  admin up  link up");
            assertThat(vpp.interfaceEventSubscribers()).as("disabled on the way out").isZero();
        }
    }

    @Test
    void eventsStopAfterTheirDuration() {
        long start = System.nanoTime();
        assertThat(run("events", "--duration", "300ms", "--count", "1000")).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aConfigFileNamesTheLiveVpp() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            Path config = Files.writeString(dir.resolve("mux.conf"), "transport=socket\nsocket-path=" + server.path() + "\n");
            assertThat(run("version", "--config", config.toString())).isZero();
            assertThat(out.toString()).startsWith("vpe 26.06-mock");
            assertThat(vpp.receivedCount()).as("the file's VPP answered, not an embedded one").isPositive();
        }
    }

    @Test
    void badTargetOptionsAreOneLineNamingTheProblem() {
        assertThat(run("version", "--socket", "/x", "--shm")).isEqualTo(1);
        assertThat(run("version", "--vppapiclient", "/lib.so")).isEqualTo(1);
        assertThat(run("version", "--config", dir.resolve("none.conf").toString())).isEqualTo(1);
        assertThat(run("version", "--timeout-ms", "0")).isEqualTo(1);
        assertThat(run("events", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "jvppmux: give --socket or --shm, not both",
                "jvppmux: --vppapiclient needs --shm",
                "jvppmux: --config " + dir.resolve("none.conf") + ": no such file",
                "jvppmux: --timeout-ms must be positive: 0",
                "jvppmux: Invalid value for option '--duration': 'soon' is not a duration: use 500ms, 10s, 2m, 1h or PT10S (see --help)");
    }

    @Test
    void aBadConfigValueIsOneLineNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "reply-timeout=soon\n");
        assertThat(run("version", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: ").contains("reply-timeout");
    }

    @Test
    void shmWithoutLibvppapiclientFailsWithoutFallingBackToTheSocket() {
        assertThat(run("version", "--shm", "--shm-prefix", "jvppmux-none", "--vppapiclient", dir.resolve("no.so").toString()))
                .isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: ").contains("no.so");
    }
}
