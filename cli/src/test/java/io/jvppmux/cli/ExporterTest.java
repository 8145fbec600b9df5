package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.stats.MockVppStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The exporter in-process on an ephemeral port: against the embedded mock, and across a mock-vpp restart. */
@Timeout(90)
class ExporterTest {
    private static final Pattern SERVING = Pattern.compile("serving http://[^:]+:(\\d+)/metrics");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Thread exporter;
    private volatile int status = -1;
    @TempDir
    Path dir;

    @AfterEach
    void stop() throws InterruptedException {
        if (exporter != null) {
            exporter.interrupt();
            exporter.join(TimeUnit.SECONDS.toMillis(20));
            assertThat(exporter.isAlive()).as("the exporter stopped when interrupted").isFalse();
            assertThat(status).as("exit status; stderr: " + err).isZero();
        }
    }

    @Test
    void servesRequestCountersAndInterfaceCountersAndHealthFromTheEmbeddedMock() throws Exception {
        int port = start("exporter", "--port", "0", "--bind", "127.0.0.1");
        HttpResponse<String> health = get(port, "/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("CONNECTED\n");
        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue(MetricsServer.PROMETHEUS_TEXT);
        assertThat(metrics.body())
                .contains("jvppmux_requests_total{message=\"show_version\"} 1.0")
                .contains("jvppmux_connection_state{state=\"connected\"} 1.0")
                .contains("jvppmux_request_latency_seconds_count{message=\"show_version\"} 1")
                .contains("vpp_interface_tx_packets_total{interface=\"loop0\"} 3.0")
                .contains("vpp_errors_total{node=\"ip4-input\",reason=\"ip4 ttl <= 1\"} 12.0")
                .contains("vpp_stats_up 1.0");
        assertThat(metrics.body()).containsPattern("vpp_interface_rx_packets_total\\{interface=\"GigabitEthernet0/8/0\"} \\d+");
        assertThat(get(port, "/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void survivesAVppRestartAndSaysSo() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
             MockVppStats stats = EmbeddedVpp.stats(dir.resolve("stats.seg"))) {
            int port = start("exporter", "--port", "0", "--bind", "127.0.0.1", "--socket", server.path().toString(),
                    "--segment-file", stats.segment().file().toString());
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            vpp.restart();
            await("the reconnect logged", () -> err.toString().contains("reconnected to VPP"));
            assertThat(err.toString()).contains("VPP connection DISCONNECTED").contains("VPP connection CONNECTED");
            assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            assertThat(get(port, "/metrics").body()).contains("jvppmux_reconnects_total 1.0")
                    .contains("jvppmux_requests_total{message=\"show_version\"} 2.0");
        }
    }

    @Test
    void healthIs503WhileVppIsAwayAnd200WhenItIsBack() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"));
             MockVppStats stats = EmbeddedVpp.stats(dir.resolve("stats.seg"))) {
            Path config = java.nio.file.Files.writeString(dir.resolve("mux.conf"), "transport=socket\nsocket-path="
                    + server.path() + "\nretry-connect-timeout=50ms\nreconnect-backoff-max=100ms\n");
            int port = start("exporter", "--port", "0", "--bind", "127.0.0.1", "--config", config.toString(),
                    "--segment-file", stats.segment().file().toString());
            vpp.failNextConnects(1_000_000);
            vpp.disconnectClients();
            await("/health 503", () -> healthStatus(port) == 503);
            assertThat(get(port, "/metrics").body()).contains("jvppmux_connection_state{state=\"connected\"} 0.0");
            vpp.failNextConnects(0);
            await("/health 200 again", () -> healthStatus(port) == 200);
        }
    }

    @Test
    void aMissingSegmentFileStopsTheExporterAtOnceNamingIt() throws Exception {
        int port = start("exporter", "--port", "0", "--segment-file", dir.resolve("none.seg").toString());
        assertThat(port).isEqualTo(-1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: ").contains("none.seg");
    }

    private int healthStatus(int port) {
        try {
            return get(port, "/health").statusCode();
        } catch (Exception e) {
            throw new AssertionError("GET /health failed: " + e, e);
        }
    }

    private int start(String... args) throws InterruptedException {
        exporter = new Thread(() -> status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                "exporter-under-test");
        exporter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && exporter.isAlive()) {
            Matcher m = SERVING.matcher(err.toString());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        if (!exporter.isAlive()) {
            exporter = null;
            return -1;
        }
        throw new AssertionError("the exporter did not start within 60 s; stderr: " + err);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
