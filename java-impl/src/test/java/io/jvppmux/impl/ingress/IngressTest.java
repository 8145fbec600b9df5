package io.jvppmux.impl.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.BlockingWaitStrategy;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.core.ApiModules;
import io.jvppmux.impl.core.MuxCore;
import io.jvppmux.impl.core.MuxExecutors;
import io.jvppmux.impl.testing.ScriptedTransport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ring's wiring: a failure while dispatching one message is logged and counted, and the next one is dispatched. */
@Timeout(20)
class IngressTest {
    @Test
    void aDispatchFailureIsCountedAndTheDispatcherGoesOn() throws Exception {
        ScriptedTransport transport = new ScriptedTransport();
        MuxExecutors executors = new MuxExecutors(1);
        MuxCore core = new MuxCore(MuxConfig.defaults(), transport, ApiModules.loadMessages(), executors);
        BlockingQueue<Integer> routed = new LinkedBlockingQueue<>();
        Routes routes = new Routes() {
            @Override
            public void reply(int context, int msgId, ByteBuffer msg, int length) {
                if (context == 1) {
                    throw new IllegalStateException("boom");
                }
                routed.add(context);
            }

            @Override
            public void event(MessageDescriptor<?> descriptor, ByteBuffer msg, int length) {
            }

            @Override
            public void connectionLost(int generation, Throwable cause) {
            }
        };
        Ingress ingress = new Ingress(64, 1 << 20, new BlockingWaitStrategy(), new Dispatcher(core, routes),
                core.counters());
        core.connect(gen -> ingress.newSink(gen, core::connectionLost));
        transport.deliver(new ShowVersionReply(), 1);
        transport.deliver(new ShowVersionReply(), 2);
        assertThat(routed.poll(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(core.counters().dispatchErrors()).isEqualTo(1);
        core.disconnect();
        ingress.shutdown(Duration.ofSeconds(2));
        executors.shutdown(Duration.ofSeconds(2));
    }
}
