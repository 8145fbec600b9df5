package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frame-level faults of the socket face: each ends the connection, fails what was waiting, and the mux connects again. */
@Timeout(30)
class SocketFaultTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path dir;
    private MockVpp vpp;
    private MockSocketServer server;
    private JvppMux mux;
    private ApiChannel ch;
    private RequestContext waiting;
    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("jvppmux-fault");
        vpp = MockVpp.start();
        server = vpp.startSocketServer(dir.resolve("api.sock"));
        mux = JvppMux.connect(MuxConfig.builder().socketPath(server.path()).retryConnectTimeout(Duration.ofMillis(10))
                .reconnectBackoffMax(Duration.ofMillis(50)).build(), new SocketTransport());
        mux.addConnectionListener(events);
        ch = mux.newApiChannel();
        ch.setReplyTimeout(Duration.ofSeconds(20));
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        waiting = ch.sendRequest(new ShowVersion());
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && r.disposition() == ReceivedMessage.Disposition.SILENCED, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        mux.close();
        server.close();
        vpp.close();
        Files.deleteIfExists(dir.resolve("api.sock"));
        Files.deleteIfExists(dir);
    }

    @Test
    void truncatedFrameEndsTheConnectionAndTheMuxConnectsAgain() {
        server.sendTruncatedFrame();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class);
        events.await(ConnectionState.DISCONNECTED, WAIT);
        assertReconnected();
    }

    @Test
    void oversizedFrameIsACorruptStreamNotAnAllocation() {
        server.sendOversizedFrame();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class)
                .hasCauseInstanceOf(VppTransportException.class);
        events.await(ConnectionState.DISCONNECTED, WAIT);
        assertReconnected();
    }

    private void assertReconnected() {
        events.await(ConnectionState.CONNECTED, WAIT);
        assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
    }

    @Test
    void serverGoneFailsWaitingRequestsAndThoseSentUntilItIsBack() {
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class);
        events.await(ConnectionState.RECONNECTING, WAIT);
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
        vpp.failNextConnects(0);
        assertReconnected();
    }
}
