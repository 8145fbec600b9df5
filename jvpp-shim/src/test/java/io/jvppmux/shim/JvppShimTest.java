package io.jvppmux.shim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.NotConnectedException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.mock.ReceivedMessage;
import io.jvppmux.mock.RecordingSink;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java -> JNI -> C shim -> test libvppapiclient -> mock-vpp's socket server and back through the rx
 * thread. One class: libvppapiclient allows one connection per process, so tests connect one at a time.
 */
@Timeout(60)
class JvppShimTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeVpp fake;

    @BeforeEach
    void start() throws Exception {
        fake = FakeVpp.start();
        JvppShim.ensureAvailable();
    }

    @AfterEach
    void stop() {
        JvppShim.disconnect();
        fake.close();
    }

    private ShimReceiver connect(RecordingSink sink, RxMode mode) {
        ShimReceiver r = new ShimReceiver(sink);
        JvppShim.connect("shim-test", FakeVpp.PREFIX, 1024, mode, r);
        return r;
    }

    @Test
    void isAvailableAndSaysWhereBothLibrariesCameFrom() {
        assertThat(JvppShim.isAvailable()).as(String.valueOf(JvppShim.unavailabilityCause())).isTrue();
        assertThat(JvppShim.unavailabilityCause()).isNull();
        assertThat(JvppShim.describe()).contains("libjvppshim loaded from")
                .contains("libvppapiclient loaded from " + System.getProperty("jvppmux.test.fakeVac"));
    }

    @Test
    void controlPingRoundTripsThroughTheCallbackThread() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        connect(sink, RxMode.CALLBACK);
        int ping = JvppShim.messageIndex(Messages.CONTROL_PING);
        assertThat(ping).isEqualTo(fake.vpp.messageId(ControlPing.DESCRIPTOR));
        JvppShim.write(Messages.controlPing(ping, 0x01020304));

        RecordingSink.Received reply = sink.next(fake.vpp.messageId(ControlPingReply.DESCRIPTOR), WAIT);
        assertThat(Messages.replyContext(reply.bytes())).isEqualTo(0x01020304);
        assertThat(reply.bytes()).hasSize(18);
        assertThat(reply.thread().getName()).isEqualTo(ShimReceiver.RX_THREAD_NAME);
        assertThat(reply.thread().isDaemon()).isTrue();
        ReceivedMessage sent = fake.vpp.awaitReceived(ControlPing.DESCRIPTOR, WAIT);
        assertThat(sent.clientIndex() & 0x80000000).as("vac wrote the socket index into bytes 2..5, big-endian")
                .isNotZero();
        assertThat(sent.context()).isEqualTo(0x01020304);
    }

    @Test
    void clientNameReachesVpp() {
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        SockclntCreate create = fake.vpp.awaitReceived(SockclntCreate.DESCRIPTOR, WAIT).message(SockclntCreate.class);
        assertThat(create.name()).isEqualTo("shim-test");
    }

    @Test
    void everyMessageComesFromOneThreadAttachedOnceWhichEndsAtDisconnect() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        ShimReceiver receiver = connect(sink, RxMode.CALLBACK);
        int ping = JvppShim.messageIndex(Messages.CONTROL_PING);
        for (int i = 1; i <= 500; i++) {
            JvppShim.write(Messages.controlPing(ping, i));
        }
        Set<Thread> threads = new HashSet<>();
        for (int i = 1; i <= 500; i++) {
            RecordingSink.Received r = sink.next(WAIT);
            assertThat(Messages.replyContext(r.bytes())).isEqualTo(i);
            threads.add(r.thread());
        }
        assertThat(threads).hasSize(1);
        Thread rx = threads.iterator().next();
        JvppShim.disconnect();
        assertThat(receiver.delivered()).as("counted once the rx thread is done").isEqualTo(500);
        rx.join(WAIT.toMillis());
        assertThat(rx.isAlive()).as("the rx thread is detached and gone after disconnect").isFalse();
    }

    @Test
    void keepaliveIsDeliveredLikeAnyMessage() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        connect(sink, RxMode.CALLBACK);
        fake.vpp.sendKeepalive();
        RecordingSink.Received k = sink.next(WAIT);
        assertThat(k.msgId()).isEqualTo(JvppShim.messageIndex(Messages.KEEPALIVE))
                .isEqualTo(fake.vpp.messageId(MemclntKeepalive.DESCRIPTOR));
    }

    @Test
    void aHeapBufferSinkGetsItsCopyThroughTheScratchBuffer() throws Exception {
        RecordingSink sink = RecordingSink.heap();
        connect(sink, RxMode.CALLBACK);
        JvppShim.write(Messages.controlPing(JvppShim.messageIndex(Messages.CONTROL_PING), 77));
        assertThat(Messages.replyContext(sink.next(WAIT).bytes())).isEqualTo(77);
    }

    @Test
    void aMessageTheSinkRefusesIsDroppedAndTheNextOneStillArrives() throws Exception {
        RecordingSink sink = new RecordingSink(true) {
            private boolean refused;

            @Override
            public ByteBuffer claim(int length) {
                if (!refused) {
                    refused = true;
                    throw new IllegalStateException("refused by the test");
                }
                return super.claim(length);
            }
        };
        ShimReceiver receiver = connect(sink, RxMode.CALLBACK);
        int ping = JvppShim.messageIndex(Messages.CONTROL_PING);
        JvppShim.write(Messages.controlPing(ping, 1));
        JvppShim.write(Messages.controlPing(ping, 2));
        assertThat(Messages.replyContext(sink.next(WAIT).bytes())).isEqualTo(2);
        assertThat(receiver.dropped()).isEqualTo(1);
        assertThat(receiver.delivered()).isEqualTo(1);
    }

    @Test
    void readModeRoundTripOnTheCallingThread() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        ShimReceiver receiver = connect(sink, RxMode.READ);
        JvppShim.write(Messages.controlPing(JvppShim.messageIndex(Messages.CONTROL_PING), 9));
        assertThat(JvppShim.read(receiver, 5)).isTrue();
        RecordingSink.Received r = sink.next(Duration.ZERO.plusMillis(1));
        assertThat(Messages.replyContext(r.bytes())).isEqualTo(9);
        assertThat(r.thread()).isSameAs(Thread.currentThread());
        assertThat(JvppShim.read(receiver, 1)).as("nothing more: whole-second timeout").isFalse();
    }

    @Test
    void readIsRefusedWhileTheCallbackThreadOwnsTheQueue() {
        ShimReceiver r = connect(RecordingSink.direct(), RxMode.CALLBACK);
        assertThat(JvppShim.read0(r, 1)).isEqualTo(ShimCodes.SHIM_WRONG_MODE);
    }

    @Test
    void writeWhenNotConnectedNeverReachesVacWrite() {
        ByteBuffer ping = Messages.controlPing(23, 1);
        assertThatThrownBy(() -> JvppShim.write(ping)).isInstanceOf(NotConnectedException.class);
        // past the Java guard: the C guard answers; the test libvppapiclient would abort the JVM otherwise
        assertThat(JvppShim.write0(ping, 0, 10)).isEqualTo(ShimCodes.VAC_NOT_CONNECTED);
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        JvppShim.disconnect();
        assertThat(JvppShim.write0(ping, 0, 10)).isEqualTo(ShimCodes.VAC_NOT_CONNECTED);
        assertThatThrownBy(() -> JvppShim.messageIndex(Messages.CONTROL_PING)).isInstanceOf(NotConnectedException.class);
    }

    @Test
    void badBuffersAreRefusedBeforeC() {
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        assertThatThrownBy(() -> JvppShim.write(ByteBuffer.allocate(10))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("direct");
        assertThatThrownBy(() -> JvppShim.write(ByteBuffer.allocateDirect(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5 bytes");
        ByteBuffer b = ByteBuffer.allocateDirect(10);
        assertThat(JvppShim.write0(b, 4, 10)).isEqualTo(ShimCodes.SHIM_BAD_ARGUMENT);
        assertThat(JvppShim.write0(ByteBuffer.allocate(10), 0, 10)).isEqualTo(ShimCodes.SHIM_BAD_ARGUMENT);
    }

    @Test
    void oneConnectionPerProcess() {
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        assertThatThrownBy(() -> connect(RecordingSink.direct(), RxMode.CALLBACK))
                .isInstanceOfSatisfying(ShimException.class,
                        e -> assertThat(e.code()).isEqualTo(ShimCodes.SHIM_ALREADY_CONNECTED))
                .hasMessageContaining("one connection per process");
    }

    @Test
    void anUnknownNameIsMinusOne() {
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        assertThat(JvppShim.messageIndex("control_ping_deadbeef")).isEqualTo(-1);
    }

    @Test
    void aPrefixWithoutVppFailsAsAMappingFailure() {
        String other = FakeVpp.PREFIX + "-nothing";
        assertThatThrownBy(() -> JvppShim.connect("x", other, 64, RxMode.CALLBACK, new ShimReceiver(RecordingSink.direct())))
                .isInstanceOfSatisfying(ShimException.class, e -> assertThat(e.code()).isEqualTo(ShimCodes.VAC_MAP_FAILED))
                .hasMessageContaining("'" + other + "'").hasMessageContaining("could not map");
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        assertThat(JvppShim.messageIndex(Messages.CONTROL_PING)).isPositive();
    }

    @Test
    void theDefaultPrefixCannotFollowAPrefixedConnect() {
        connect(RecordingSink.direct(), RxMode.CALLBACK);
        JvppShim.disconnect();
        assertThatThrownBy(() -> JvppShim.connect("x", "", 64, RxMode.CALLBACK, new ShimReceiver(RecordingSink.direct())))
                .isInstanceOfSatisfying(ShimException.class,
                        e -> assertThat(e.code()).isEqualTo(ShimCodes.SHIM_PREFIX_STICKY));
    }

    @Test
    void reconnectsAfterDisconnectAndAgainAfterTheMockRestarted() throws Exception {
        RecordingSink sink = RecordingSink.direct();
        connect(sink, RxMode.CALLBACK);
        JvppShim.disconnect();
        JvppShim.disconnect();
        fake.vpp.restart();
        connect(sink, RxMode.CALLBACK);
        int ping = JvppShim.messageIndex(Messages.CONTROL_PING);
        assertThat(ping).isEqualTo(fake.vpp.messageId(ControlPing.DESCRIPTOR));
        JvppShim.write(Messages.controlPing(ping, 3));
        assertThat(Messages.replyContext(sink.next(WAIT).bytes())).isEqualTo(3);
    }
}
