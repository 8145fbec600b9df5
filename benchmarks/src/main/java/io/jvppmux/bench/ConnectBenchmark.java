package io.jvppmux.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Connect in a warm JVM (issue 12 item 3): {@code VppMux.connect} over the API socket, then the first reply a
 * plugin asks for ({@code show_version}), as one operation; the mux is closed after each, outside the time. The
 * connect itself includes {@code control_ping}, {@code show_version} and {@code show plugins} ({@code VppInfo}).
 * Against mock-vpp's socket server by default, or a live VPP: {@code ci/jmh.sh Connect -p socket=/run/vpp/api.sock}.
 * Sample time: the percentiles show the spread (target: under 100 ms).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ConnectBenchmark {
    /** A live VPP's API socket; empty: an embedded mock-vpp's socket server. */
    @Param({""})
    public String socket;

    private MockVpp mock;
    private MockSocketServer server;
    private Path dir;
    private MuxConfig config;
    private VppMux mux;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        Path path;
        if (socket.isEmpty()) {
            dir = Files.createTempDirectory("jvppmux-connect-bench");
            mock = MockVpp.builder().receivedLogCapacity(0).start();
            server = mock.startSocketServer(dir.resolve("api.sock"));
            path = server.path();
        } else {
            path = Path.of(socket);
        }
        config = MuxConfig.builder().transport(TransportKind.SOCKET).socketPath(path).build();
    }

    /** Connect, then the first reply of a plugin's request. */
    @Benchmark
    public String connectToFirstReply() {
        mux = VppMux.connect(config);
        try (ApiChannel ch = mux.newApiChannel()) {
            return ch.call(new ShowVersion()).version();
        }
    }

    @TearDown(Level.Invocation)
    public void closeMux() {
        if (mux != null) {
            mux.close();
            mux = null;
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (server != null) {
            server.close();
        }
        if (mock != null) {
            mock.close();
        }
        if (dir != null) {
            Files.deleteIfExists(dir.resolve("api.sock"));
            Files.deleteIfExists(dir);
        }
    }
}
