package io.jvppmux.bench;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round trips through the whole mux (default options: blocking dispatcher) over mock-vpp in-process
 * ({@code mock}) and over {@link EchoTransport} ({@code echo}: no VPP and no transport thread, so only the
 * mux's own cost and its one thread hop remain). Sync: one request at a time; async: a burst of
 * {@value #WINDOW} requests sent, then their replies taken (RequestContexts, or futures). Times are per
 * request; {@code -prof gc} gives bytes per request (mock-vpp's own allocation included for {@code mock}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RoundTripBenchmark {
    /** Requests in flight in the async benchmarks. */
    static final int WINDOW = 64;
    private static final ControlPing PING = new ControlPing();
    private static final ShowVersion SHOW_VERSION = new ShowVersion();

    @Param({"echo", "mock"})
    public String transport;

    private MockVpp mock;
    private JvppMux mux;
    private ApiChannel ch;
    private final ControlPingReply reply = new ControlPingReply();
    private final ShowVersionReply versionReply = new ShowVersionReply();
    private final RequestContext[] contexts = new RequestContext[WINDOW];
    @SuppressWarnings("unchecked")
    private final CompletableFuture<ControlPingReply>[] futures = new CompletableFuture[WINDOW];

    @Setup(Level.Trial)
    public void setup() {
        VppTransport t;
        if ("mock".equals(transport)) {
            mock = MockVpp.builder().receivedLogCapacity(0).start();
            t = mock.newTransport();
        } else {
            t = new EchoTransport();
        }
        mux = JvppMux.connect(MuxConfig.builder().replyTimeout(Duration.ofSeconds(5)).build(), t);
        ch = mux.newApiChannelBuffered(WINDOW, WINDOW);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        ch.close();
        mux.close();
        if (mock != null) {
            mock.close();
        }
    }

    /** sendRequest + receiveReply into a reused reply: the mux's sync path and nothing else. */
    @Benchmark
    public long sync() {
        ch.sendRequest(PING).receiveReply(reply);
        return reply.vpePid();
    }

    /** {@code call}, as a plugin writes it (allocates the reply). */
    @Benchmark
    public long syncCall() {
        return ch.call(PING).vpePid();
    }

    /** A sync round trip with a bigger reply (show_version_reply, 362 bytes; its four strings are decoded). */
    @Benchmark
    public int syncShowVersion() {
        ch.sendRequest(SHOW_VERSION).receiveReply(versionReply);
        return versionReply.retval();
    }

    /** {@value #WINDOW} requests pipelined with sendRequest, then their replies. */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public long asyncWindow() {
        for (int i = 0; i < WINDOW; i++) {
            contexts[i] = ch.sendRequest(PING);
        }
        for (int i = 0; i < WINDOW; i++) {
            contexts[i].receiveReply(reply);
        }
        return reply.vpePid();
    }

    /** {@value #WINDOW} callAsync futures (completed on the callback threads), then each joined. */
    @Benchmark
    @OperationsPerInvocation(WINDOW)
    public long asyncFutures() throws Exception {
        for (int i = 0; i < WINDOW; i++) {
            futures[i] = ch.callAsync(PING);
        }
        long sum = 0;
        for (int i = 0; i < WINDOW; i++) {
            sum += futures[i].get(5, TimeUnit.SECONDS).vpePid();
        }
        return sum;
    }
}
