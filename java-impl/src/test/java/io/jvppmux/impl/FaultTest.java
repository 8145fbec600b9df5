package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MessageDecodeException;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.mock.MockReply;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every fault mock-vpp can inject in-process ends in a specific exception or a counted drop, never a hang. */
@Timeout(30)
class FaultTest {
    private static final MuxConfig CONFIG = MuxConfig.builder().replyTimeout(Duration.ofMillis(300))
            .retryConnectTimeout(Duration.ofMillis(10)).reconnectBackoffMax(Duration.ofMillis(50)).build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private MockVpp vpp;
    private JvppMux mux;
    private ApiChannel ch;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void start() {
        vpp = MockVpp.start();
        mux = JvppMux.connect(CONFIG, vpp.newTransport());
        mux.addConnectionListener(events);
        ch = mux.newApiChannel();
    }

    @AfterEach
    void stop() {
        mux.close();
        vpp.close();
    }

    @Test
    void connectErrorIsATransportExceptionAndLeavesNoThread() {
        Set<Thread> before = MuxThreads.alive();
        vpp.failNextConnects(1);
        assertThatThrownBy(() -> JvppMux.connect(CONFIG, vpp.newTransport()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("connect refused");
        assertThat(MuxThreads.startedSince(before)).isEmpty();
    }

    @Test
    void delayBeyondTheTimeoutIsATimeoutAndWithinItIsFine() {
        vpp.delayAll(Duration.ofMillis(500));
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
        ch.setReplyTimeout(Duration.ofSeconds(5));
        assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
    }

    @Test
    void silenceTimesOutCallsDumpsAndStreams() {
        vpp.silenceAll(true);
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
        assertThatThrownBy(() -> ch.dump(new SwInterfaceDump())).isInstanceOf(ReplyTimeoutException.class);
        assertThatThrownBy(() -> ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(0xffffffffL)))
                .isInstanceOf(ReplyTimeoutException.class);
        assertThat(mux.metrics().timeouts()).isEqualTo(3);
    }

    @Test
    void disconnectFailsRequestsInFlightAndThoseSentUntilTheMuxIsBack() {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        ch.setReplyTimeout(Duration.ofSeconds(20));
        RequestContext waiting = ch.sendRequest(new ShowVersion());
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && r.disposition() == ReceivedMessage.Disposition.SILENCED, WAIT);
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class);
        events.await(ConnectionState.RECONNECTING, WAIT);
        assertThat(mux.isConnected()).isFalse();
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
        vpp.failNextConnects(0);
        events.await(ConnectionState.CONNECTED, WAIT);
        assertThat(ch.call(new ShowVersion()).program()).as("the channel survived").isEqualTo("vpe");
    }

    @Test
    void restartFailsRequestsInFlightAndTheMuxReconnectsToTheNewVpp() {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        ch.setReplyTimeout(Duration.ofSeconds(20));
        var async = ch.callAsync(new ShowVersion());
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && r.disposition() == ReceivedMessage.Disposition.SILENCED, WAIT);
        vpp.restart();
        assertThatThrownBy(async::join).hasCauseInstanceOf(NotConnectedException.class);
        events.await(ConnectionState.CONNECTED, WAIT);
        assertThat(mux.vppInfo().pid()).isEqualTo(vpp.pid());
        assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
    }

    @Test
    void unknownIdsAreCountedAndDropped() {
        vpp.sendUnknownMessageId();
        ch.call(new ShowVersion());
        assertThat(mux.metrics().unknownIds()).isEqualTo(1);
    }

    @Test
    void aMessageShorterThanItsHeaderIsCountedAndDropped() {
        byte[] shortReply = ByteBuffer.allocate(4).putShort((short) vpp.messageId(ShowVersionReply.DESCRIPTOR))
                .putShort((short) 1).array();
        vpp.sendRawMessage(shortReply);
        ch.call(new ShowVersion());
        assertThat(mux.metrics().malformedDrops()).isEqualTo(1);
    }

    @Test
    void aTruncatedReplyBodyFailsItsRequestWithADecodeError() {
        int id = vpp.messageId(ShowVersionReply.DESCRIPTOR);
        vpp.on(ShowVersion.DESCRIPTOR).respond(req -> List.of(MockReply.raw(
                ByteBuffer.allocate(15).putShort((short) id).putInt(req.context()).putInt(0).array())));
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(MessageDecodeException.class)
                .hasMessageContaining("show_version_reply");
    }

    @Test
    void forgedContextsAreCountedStaleAndNeverDelivered() {
        ShowVersionReply forged = new ShowVersionReply().version("forged");
        vpp.on(ShowVersion.DESCRIPTOR).reply(
                MockReply.withContext(forged, Contexts.context(0x7000, false, 1)),
                MockReply.withContext(forged, Contexts.context(ch.id(), false, 0x4000)),
                MockReply.of(new ShowVersionReply().version("real")));
        assertThat(ch.call(new ShowVersion()).version()).isEqualTo("real");
        assertThat(mux.metrics().staleDrops()).isEqualTo(2);
    }

    @Test
    void aReplyWithContextZeroIsNotTakenForAReply() {
        vpp.sendToClients(new ShowVersionReply().version("zero"), 0);
        assertThat(ch.call(new ShowVersion()).version()).isEqualTo("26.06-mock");
        assertThat(mux.metrics().unsolicited()).isEqualTo(1);
    }

    @Test
    void keepaliveIsAnswered() {
        vpp.sendKeepalive();
        vpp.awaitReceived(MemclntKeepaliveReply.DESCRIPTOR, Duration.ofSeconds(5));
        ch.call(new ShowVersion());
        assertThat(mux.metrics().keepalives()).as("counted once dispatched; the call above is a barrier").isEqualTo(1);
    }
}
