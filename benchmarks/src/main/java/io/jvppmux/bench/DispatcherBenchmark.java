package io.jvppmux.bench;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.spi.RxSink;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.impl.core.ApiModules;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.MuxExecutors;
import io.jvppmux.impl.ingress.Dispatcher;
import io.jvppmux.impl.ingress.Ingress;
import io.jvppmux.impl.ingress.Routes;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * The ingress alone: the benchmark thread is the receive thread, claiming, filling and publishing
 * {@value #BATCH} {@code control_ping_reply}s into the Disruptor ring; the dispatcher thread reads each id,
 * finds its header layout and context and hands it to a {@link Routes} that only counts. The benchmark waits
 * (yielding on its own thread, bounded) until all are dispatched. No transport, no channels: the cost and
 * allocation of ring plus dispatcher per message, with Disruptor's BlockingWaitStrategy (the mux's default
 * today), its LiteBlockingWaitStrategy, and a lock-free ParkingWaitStrategy (not adopted: no measurable gain).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class DispatcherBenchmark {
    static final int BATCH = 1000;
    private static final long WAIT_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    @Param({"blocking", "lite-blocking", "parking"})
    public String waitStrategy;

    private final CountingRoutes routes = new CountingRoutes();
    private MuxExecutors executors;
    private MuxCore core;
    private Ingress ingress;
    private RxSink sink;
    private byte[] reply;
    private long published;

    @Setup(Level.Trial)
    public void setup() {
        EchoTransport t = new EchoTransport();
        MuxConfig config = MuxConfig.defaults();
        executors = new MuxExecutors(1);
        core = new MuxCore(config, t, ApiModules.loadMessages(), executors);
        WaitStrategy ws = switch (waitStrategy) {
            case "lite-blocking" -> new LiteBlockingWaitStrategy();
            case "parking" -> new ParkingWaitStrategy();
            default -> new BlockingWaitStrategy();
        };
        ingress = new Ingress(config.ringSize(), config.maxMessageSize(), ws, new Dispatcher(core, routes), core.counters());
        core.connect(gen -> ingress.newSink(gen, (g, cause) -> { }));
        sink = t.sink();
        ControlPingReply r = new ControlPingReply().vpePid(4242);
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(r));
        MessageCodec.encode(b, r, t.messageId(ControlPingReply.DESCRIPTOR.nameCrc()), 0, 0x20001);
        reply = b.array();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        core.disconnect();
        ingress.shutdown(Duration.ofSeconds(2));
        executors.shutdown(Duration.ofSeconds(2));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishAndDispatch() {
        for (int i = 0; i < BATCH; i++) {
            ByteBuffer slot = sink.claim(reply.length);
            slot.put(0, reply);
            sink.publish(reply.length);
        }
        published += BATCH;
        long deadline = System.nanoTime() + WAIT_LIMIT_NANOS;
        while (routes.replies.get() < published) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("dispatcher did not keep up within 5 s");
            }
            Thread.yield();
        }
        return published;
    }

    /** Counts what the dispatcher routes; keeps nothing. */
    static final class CountingRoutes implements Routes {
        final AtomicLong replies = new AtomicLong();

        @Override
        public void reply(int context, int msgId, ByteBuffer msg, int length) {
            replies.lazySet(replies.get() + 1);
        }

        @Override
        public void event(MessageDescriptor<?> descriptor, ByteBuffer msg, int length) {
        }

        @Override
        public void connectionLost(int generation, Throwable cause) {
        }
    }
}
