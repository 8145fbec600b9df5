package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.micrometer.MuxMeters;
import io.jvppmux.micrometer.VppStatsMeters;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code exporter --port N}: one mux and one stats client, bound to a Prometheus registry and served over HTTP
 * ({@code /metrics}, {@code /health}) until Ctrl-C or {@code --duration}. The mux reconnects by itself when VPP
 * restarts and the stats client maps VPP's new segment by itself; every change of the connection is a line on
 * stderr. Against the embedded mock, local0's link flaps and an interface carries a little traffic.
 */
@Command(name = "exporter", mixinStandardHelpOptions = true,
        description = "Serve the mux's metrics and VPP's stats to Prometheus: /metrics and /health (200 while connected).")
final class ExporterCommand implements Callable<Integer> {
    private static final Duration ACTIVITY = Duration.ofMillis(500);

    @Mixin
    private TargetOptions target;
    @Option(names = "--port", paramLabel = "N", defaultValue = "9482", description = "HTTP port (0: any free port; default ${DEFAULT-VALUE})")
    private int port;
    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0", description = "address to listen on (default ${DEFAULT-VALUE})")
    private String bind;
    @Option(names = "--stats-socket", paramLabel = "PATH",
            description = "VPP's stats socket (default: the configuration's stats-socket-path for a live VPP, an embedded segment for the mock)")
    private Path statsSocket;
    @Option(names = "--segment-file", paramLabel = "PATH", description = "read VPP's stats from a segment file instead")
    private Path segmentFile;
    @Option(names = "--all-errors", description = "export every /err counter, not only those that have been non-zero")
    private boolean allErrors;
    @Option(names = "--duration", paramLabel = "TIME", converter = DurationConverter.class,
            description = "stop after this long (default: run until Ctrl-C)")
    private Duration duration;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535: " + port);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("--duration must be positive: " + duration);
        }
        PrintWriter log = spec.commandLine().getErr();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        boolean interrupted = false;
        try (StopSignal stop = new StopSignal(); Target t = Target.open(target);
             StatsSource stats = StatsSource.open(statsSocket, segmentFile, target.live() ? t.config() : null);
             MuxMeters muxMeters = new MuxMeters(t.mux(), Tags.empty(), Duration.ofSeconds(1));
             VppStatsMeters statsMeters = new VppStatsMeters(stats.client(), Tags.empty(), Duration.ofSeconds(1), allErrors);
             ListenerRegistration connectionLog = t.mux().addConnectionListener(
                     e -> log(log, "VPP connection " + e.state() + (e.reason() != null ? ": " + e.reason() : "")));
             ListenerRegistration reconnectLog = t.mux().onReconnect(() -> log(log, "reconnected to " + describe(t.mux())));
             MockActivity activity = MockActivity.start(t.mock(), stats.mock(), ACTIVITY);
             MetricsServer server = MetricsServer.start(new InetSocketAddress(bind, port), () -> {
                 muxMeters.refresh();
                 statsMeters.refresh();
                 return registry.scrape(MetricsServer.PROMETHEUS_TEXT);
             }, () -> t.mux().connectionState() == ConnectionState.CONNECTED, () -> t.mux().connectionState().name())) {
            muxMeters.bindTo(registry);
            statsMeters.bindTo(registry);
            log(log, "connected to " + describe(t.mux()) + (t.mock() != null ? " (embedded mock-vpp)" : ""));
            log(log, "serving http://" + bind + ":" + server.port() + "/metrics and /health");
            try {
                stop.await(duration);
                log(log, "stopping");
            } catch (InterruptedException e) {
                log(log, "interrupted, stopping");
                interrupted = true;
            }
        } finally {
            registry.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** VPP's version, asked on a channel of the exporter's own (so it shows in the request counters). */
    private static String describe(VppMux mux) {
        try (ApiChannel ch = mux.newApiChannel()) {
            ShowVersionReply v = ch.call(new ShowVersion());
            return "VPP " + v.version() + " (pid " + mux.vppInfo().pid() + ")";
        } catch (RuntimeException e) {
            return "VPP (version unknown: " + Main.oneLine(e) + ")";
        }
    }

    private static void log(PrintWriter log, String line) {
        synchronized (log) {
            log.println(Instant.now() + " jvppmux exporter: " + line);
            log.flush();
        }
    }
}
