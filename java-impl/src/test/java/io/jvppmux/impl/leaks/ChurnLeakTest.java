package io.jvppmux.impl.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.Subscription;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A million channels opened and closed, and a million subscriptions opened and closed, against mock-vpp
 * in-process: heap after GC, direct memory, threads, file descriptors and the channel-id pool end where they
 * were. The pool holds 32,767 ids, so a single id kept by a closed channel would exhaust it 30 times over.
 * Every thousandth channel and subscription also carries a request or an event before it closes.
 */
@Timeout(120)
class ChurnLeakTest {
    private static final int CYCLES = Integer.getInteger("jvppmux.leaks.cycles", 1_000_000);
    private static final int WARMUP = 20_000;
    /** Heap after GC may move by this much: JIT, class metadata and the JVM's own caches settle. */
    private static final long HEAP_SLACK = 8L << 20;

    private MockVpp vpp;
    private JvppMux mux;

    @BeforeEach
    void connect() {
        vpp = MockVpp.start();
        mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport());
    }

    @AfterEach
    void close() {
        mux.close();
        vpp.close();
    }

    @Test
    void aMillionChannelsOpenedAndClosedLeaveNothingBehind() throws InterruptedException {
        Runnable cycle = new Runnable() {
            private int n;

            @Override
            public void run() {
                try (ApiChannel ch = mux.newApiChannel()) {
                    if (++n % 1000 == 0) {
                        ch.call(new ControlPing());
                    }
                }
            }
        };
        assertFlat("channels", cycle);
    }

    @Test
    void aMillionSubscriptionsOpenedAndClosedLeaveNothingBehind() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            Runnable cycle = new Runnable() {
                private int n;

                @Override
                public void run() {
                    try (Subscription<SwInterfaceEvent> s = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 4)) {
                        if (++n % 1000 == 0) {
                            vpp.sendInterfaceEvent(1, 1, false);
                        }
                    }
                }
            };
            assertFlat("subscriptions", cycle);
            assertThat(mux.openChannels()).isEqualTo(1);
        }
    }

    private void assertFlat(String what, Runnable cycle) throws InterruptedException {
        repeat(cycle, WARMUP);
        int channels = mux.openChannels();
        int threads = JvmGauges.threads();
        long fds = JvmGauges.openFds();
        long heap = JvmGauges.heapAfterGc();
        long direct = JvmGauges.directBytesAfterGc();
        long start = System.nanoTime();
        repeat(cycle, CYCLES);
        long ms = (System.nanoTime() - start) / 1_000_000;
        long heapAfter = JvmGauges.heapAfterGc();
        long directAfter = JvmGauges.directBytesAfterGc();
        System.out.printf("LEAK-FIGURE %s cycles=%d ms=%d heap=%d->%d direct=%d->%d threads=%d->%d fds=%d->%d"
                        + " channels=%d->%d%n", what, CYCLES, ms, heap, heapAfter, direct, directAfter,
                threads, JvmGauges.threads(), fds, JvmGauges.openFds(), channels, mux.openChannels());
        assertThat(mux.openChannels()).as("channel ids in use").isEqualTo(channels);
        assertThat(heapAfter).as("heap after GC").isLessThan(heap + HEAP_SLACK);
        assertThat(directAfter).as("direct memory").isLessThanOrEqualTo(direct + (1L << 20));
        // a little slack for what the rest of the JVM does meanwhile (other tests' threads ending, jars and
        // sockets opened lazily): a leak of even one per 10,000 cycles would be a hundred over it
        assertThat(JvmGauges.threads()).as("threads").isLessThanOrEqualTo(threads + 2);
        assertThat(JvmGauges.openFds()).as("file descriptors").isLessThanOrEqualTo(fds + 8);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.call(new ControlPing())).isNotNull();
        }
    }

    private static void repeat(Runnable cycle, int times) {
        for (int i = 0; i < times; i++) {
            cycle.run();
        }
    }
}
