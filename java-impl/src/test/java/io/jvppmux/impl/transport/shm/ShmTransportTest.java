package io.jvppmux.impl.transport.shm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.RecordingSink;
import io.jvppmux.shim.RxMode;
import io.jvppmux.shim.ShimCodes;
import io.jvppmux.shim.ShimReceiver;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transport over Java -> JNI -> C shim -> test libvppapiclient -> mock-vpp's socket server and back
 * through the rx thread into the sink. Connections one at a time: libvppapiclient allows one per process.
 */
@Timeout(60)
class ShmTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String CONTROL_PING = "control_ping_51077d14";

    private MockVpp vpp;
    private ShmFixture fixture;
    private ShmTransport transport;
    private final RecordingSink sink = RecordingSink.direct();

    @BeforeEach
    void start() {
        vpp = MockVpp.start();
        fixture = new ShmFixture(vpp);
        transport = new ShmTransport(ShmOptions.defaults());
    }

    @AfterEach
    void stop() {
        transport.disconnect();
        fixture.close();
        vpp.close();
    }

    private static ByteBuffer controlPing(int id, int context, boolean direct) {
        ByteBuffer b = direct ? ByteBuffer.allocateDirect(10) : ByteBuffer.allocate(10);
        return b.putShort((short) id).putInt(0).putInt(context).flip();
    }

    @Test
    void controlPingRoundTripsFromAHeapBufferIntoTheSinkOnTheAttachedRxThread() throws Exception {
        transport.connect(ShmFixture.config(), sink);
        assertThat(transport.isConnected()).isTrue();
        int ping = transport.messageId(CONTROL_PING);
        assertThat(ping).isEqualTo(vpp.messageId(ControlPing.DESCRIPTOR));
        ByteBuffer msg = controlPing(ping, 0x0a0b0c0d, false);
        transport.write(msg);
        assertThat(msg.hasRemaining()).as("the buffer is consumed").isFalse();
        RecordingSink.Received reply = sink.next(WAIT);
        assertThat(reply.replyContext()).isEqualTo(0x0a0b0c0d);
        assertThat(reply.thread().getName()).isEqualTo(ShimReceiver.RX_THREAD_NAME);
        assertThat(reply.thread().isDaemon()).isTrue();
        assertThat(transport.clientIndex()).isZero();
        assertThat(transport.describe()).isEqualTo("shm /dev/shm/" + ShmFixture.PREFIX + "-vpe-api (callback)");
    }

    @Test
    void keepaliveGoesToTheSinkAndTheTransportDoesNotAnswerIt() throws Exception {
        transport.connect(ShmFixture.config(), sink);
        vpp.sendKeepalive();
        assertThat(sink.next(WAIT).msgId()).isEqualTo(vpp.messageId(MemclntKeepalive.DESCRIPTOR));
        transport.write(controlPing(transport.messageId(CONTROL_PING), 1, true));
        assertThat(sink.next(WAIT).replyContext()).isEqualTo(1);
        assertThat(vpp.received(MemclntKeepaliveReply.DESCRIPTOR)).as("the mux answers, not the transport").isEmpty();
    }

    @Test
    void readModeDeliversOnAJavaThreadThatEndsAtDisconnect() throws Exception {
        transport = new ShmTransport(new ShmOptions(RxMode.READ, Duration.ofSeconds(8), Duration.ZERO));
        transport.connect(ShmFixture.config(), sink);
        transport.write(controlPing(transport.messageId(CONTROL_PING), 2, true));
        RecordingSink.Received reply = sink.next(WAIT);
        assertThat(reply.replyContext()).isEqualTo(2);
        assertThat(reply.thread().getName()).isEqualTo(ShimReceiver.RX_THREAD_NAME);
        transport.disconnect();
        reply.thread().join(WAIT.toMillis());
        assertThat(reply.thread().isAlive()).isFalse();
        assertThat(transport.describe()).endsWith("(read)");
    }

    @Test
    void nothingReachesVacWriteUnlessConnected() {
        assertThatThrownBy(() -> transport.write(controlPing(23, 1, true))).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("not connected to VPP over shm");
        assertThat(transport.messageId(CONTROL_PING)).isEqualTo(-1);
        transport.connect(ShmFixture.config(), sink);
        transport.disconnect();
        transport.disconnect();
        assertThat(transport.isConnected()).isFalse();
        assertThatThrownBy(() -> transport.write(controlPing(23, 1, true))).isInstanceOf(NotConnectedException.class);
    }

    @Test
    void reconnectsAfterDisconnect() throws Exception {
        transport.connect(ShmFixture.config(), sink);
        transport.disconnect();
        transport.connect(ShmFixture.config(), sink);
        transport.write(controlPing(transport.messageId(CONTROL_PING), 3, true));
        assertThat(sink.next(WAIT).replyContext()).isEqualTo(3);
    }

    @Test
    void aMissingApiSegmentFailsAtOnceNamingTheFile() {
        MuxConfig none = ShmFixture.config().toBuilder().shmPrefix(ShmFixture.PREFIX + "-none").build();
        assertThatThrownBy(() -> transport.connect(none, sink)).isInstanceOf(VppTransportException.class)
                .hasMessage("VPP's API segment /dev/shm/" + ShmFixture.PREFIX + "-none-vpe-api does not exist: is VPP "
                        + "running with api-segment { prefix " + ShmFixture.PREFIX + "-none }?");
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void refusesWhenTheJvmUsesTheFixedRangeNamingTheMapping() {
        String heap = "118000000-7fe000000 rw-p 00000000 00:00 0 ";
        transport = new ShmTransport(ShmOptions.defaults(), () -> List.of("55d0c0000000-55d0c0001000 r--p 0 08:01 1 /bin/java", heap),
                Path.of("/dev/shm"));
        assertThatThrownBy(() -> transport.connect(ShmFixture.config(), sink)).isInstanceOf(VppTransportException.class)
                .hasMessageContaining("0x130000000-0x13400f000").hasMessageContaining(heap.trim())
                .hasMessageContaining("smaller -Xmx");
        assertThat(vpp.connectedClients()).isZero();
    }

    @Test
    void oneConnectionPerProcess() {
        transport.connect(ShmFixture.config(), sink);
        ShmTransport second = new ShmTransport(ShmOptions.defaults());
        assertThatThrownBy(() -> second.connect(ShmFixture.config(), RecordingSink.direct()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("one connection per process");
        assertThatThrownBy(() -> transport.connect(ShmFixture.config(), sink)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disconnectOnTheRxThreadReturnsAtOnceAndTheNextConnectWaitsForIt() throws Exception {
        transport.connect(ShmFixture.config(), sink);
        CountDownLatch disconnected = new CountDownLatch(1);
        AtomicLong took = new AtomicLong();
        sink.onMessage(r -> {
            long t0 = System.nanoTime();
            transport.disconnect();
            took.set(System.nanoTime() - t0);
            disconnected.countDown();
        });
        vpp.sendKeepalive();
        RecordingSink.Received r = sink.next(WAIT);
        assertThat(disconnected.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(Duration.ofNanos(took.get())).isLessThan(Duration.ofSeconds(1));
        assertThat(transport.isConnected()).isFalse();
        sink.onMessage(x -> { });
        transport.connect(ShmFixture.config(), sink);
        assertThat(r.thread().isAlive()).as("the old rx thread ended before the new connect").isFalse();
        transport.write(controlPing(transport.messageId(CONTROL_PING), 4, true));
        assertThat(sink.next(WAIT).replyContext()).isEqualTo(4);
    }

    @Test
    void theTableIsWhatTheBindingsKnowAndVppHas() {
        assertThat(transport.messageTable()).isEmpty();
        transport.connect(ShmFixture.config(), sink);
        assertThat(transport.messageTable()).hasValueSatisfying(t -> assertThat(t)
                .contains(CONTROL_PING, "show_version_51077d14", "sw_interface_dump_aa610c27")
                .hasSize(vpp.table().size()));
    }

    @Test
    void messagesLargerThanTheShimWritesAreRefused() {
        transport.connect(ShmFixture.config(), sink);
        ByteBuffer big = ByteBuffer.allocateDirect(ShimCodes.MAX_WRITE + 1);
        assertThatThrownBy(() -> transport.write(big)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most " + ShimCodes.MAX_WRITE);
    }
}
