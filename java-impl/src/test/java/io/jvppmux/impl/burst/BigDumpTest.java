package io.jvppmux.impl.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyOverflowException;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.Face;
import io.jvppmux.mock.MockVpp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A production-sized dump (100,000 sw_interface_details sent by mock-vpp in one burst, far faster than the
 * reader takes them) through every way of reading one, on the default channel (reply buffer of 100), on both
 * faces of mock-vpp. Before the byte budget, the 101st unread detail failed the dump.
 */
@Timeout(120)
class BigDumpTest {
    private static final int DETAILS = 100_000;
    private static MockVpp vpp;

    @BeforeAll
    static void start() {
        vpp = BurstFixture.withInterfaces(DETAILS);
    }

    @AfterAll
    static void stop() {
        vpp.close();
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void theSeedsLoopReadsEveryDetailInOrderWhileAnotherChannelIsServedAtOnce(String name, Supplier<Face> faces)
            throws Exception {
        try (Face face = faces.get(); JvppMux mux = face.connect(vpp, MuxConfig.defaults());
             ApiChannel ch = mux.newApiChannel(); ApiChannel other = mux.newApiChannel()) {
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            long expected = 0;
            boolean pingedMidDump = false;
            while (true) {
                SwInterfaceDetails msg = new SwInterfaceDetails();
                if (ctx.receiveReply(msg)) {
                    break;
                }
                assertThat(msg.swIfIndex()).as("details arrive in order").isEqualTo(expected++);
                if (expected % 1000 == 0) {
                    Thread.sleep(1);                               // a reader that pauses now and then
                }
                if (expected == 10_000) {
                    // the reader is far behind: once the whole burst waits unread in the mux, another channel's
                    // request is answered as usual (within the default reply timeout), not after the reader
                    awaitReplies(mux, DETAILS);
                    ControlPingReply pong = other.call(new ControlPing());
                    assertThat(pong.retval()).isZero();
                    pingedMidDump = true;
                }
            }
            assertThat(expected).isEqualTo(DETAILS);
            assertThat(pingedMidDump).isTrue();
            assertThat(mux.metrics().failures().values().stream().mapToLong(Long::longValue).sum()).isZero();
        }
    }

    /** Waits (at most 60 s) until the mux has received {@code n} replies. */
    private static void awaitReplies(JvppMux mux, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (mux.metrics().replies() < n) {
            assertThat(System.nanoTime()).as("%d replies within 60 s", n).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void dumpAndAsyncDumpsAndConcurrentReadersAllGetEverything(String name, Supplier<Face> faces) throws Exception {
        try (Face face = faces.get(); JvppMux mux = face.connect(vpp, MuxConfig.defaults());
             ApiChannel ch = mux.newApiChannel()) {
            List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump());
            assertThat(all).hasSize(DETAILS);
            assertThat(all.get(DETAILS - 1).swIfIndex()).isEqualTo(DETAILS - 1);
            // three dumps at once on one channel, each read on its own thread; VPP answers them one after the other,
            // so the last one's first detail comes after the others' 200,000: a longer reply timeout covers that
            ch.setReplyTimeout(java.time.Duration.ofSeconds(20));
            List<CompletableFuture<Integer>> dumps = Stream.generate(() -> CompletableFuture.supplyAsync(
                    () -> ch.dump(new SwInterfaceDump()).size())).limit(3).toList();
            for (CompletableFuture<Integer> f : dumps) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(DETAILS);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void aReaderThatStopsExhaustsTheByteBudgetAndGetsTheSpecificExceptionNothingElseBreaks(String name,
            Supplier<Face> faces) throws Exception {
        MuxConfig small = MuxConfig.builder().replyBufferBytes(1 << 20).build();
        try (Face face = faces.get(); JvppMux mux = face.connect(vpp, small); ApiChannel ch = mux.newApiChannel()) {
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            CountDownLatch burstArrived = new CountDownLatch(1);
            // wait until the budget is spent: the ping on another channel comes back after the whole burst
            try (ApiChannel other = mux.newApiChannel()) {
                other.setReplyTimeout(java.time.Duration.ofSeconds(20));  // VPP sends it after the 100,000 details
                other.call(new ControlPing());
                burstArrived.countDown();
            }
            assertThat(burstArrived.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> {
                while (!ctx.receiveReply(new SwInterfaceDetails())) {
                    // read what was kept, then the failure
                }
            }).isInstanceOf(ReplyOverflowException.class)
                    .hasMessageContaining("sw_interface_dump")
                    .hasMessageContaining("reply-buffer-bytes")
                    .hasMessageContaining("bytes");
            // the budget is free again and the channel works: a call, and a dump that fits
            assertThat(ch.call(new ControlPing()).retval()).isZero();
            MultiRequestContext next = ch.sendMultiRequest(new SwInterfaceDump().swIfIndex(5));
            SwInterfaceDetails d = new SwInterfaceDetails();
            assertThat(next.receiveReply(d)).isFalse();
            assertThat(d.swIfIndex()).isEqualTo(5);
            assertThat(next.receiveReply(new SwInterfaceDetails())).isTrue();
        }
    }
}
