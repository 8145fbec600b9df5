package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frame-level faults of the socket face: each ends the connection and fails what was waiting. */
@Timeout(30)
class SocketFaultTest {
    private Path dir;
    private MockVpp vpp;
    private MockSocketServer server;
    private JvppMux mux;
    private ApiChannel ch;
    private RequestContext waiting;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("jvppmux-fault");
        vpp = MockVpp.start();
        server = vpp.startSocketServer(dir.resolve("api.sock"));
        mux = JvppMux.connect(MuxConfig.builder().socketPath(server.path()).build(), new SocketTransport());
        ch = mux.newApiChannel();
        ch.setReplyTimeout(Duration.ofSeconds(20));
        vpp.on(ShowVersion.DESCRIPTOR).silence();
        waiting = ch.sendRequest(new ShowVersion());
        vpp.awaitReceived(ShowVersion.DESCRIPTOR, Duration.ofSeconds(5));
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
    void truncatedFrameEndsTheConnection() {
        server.sendTruncatedFrame();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class);
        assertThat(mux.isConnected()).isFalse();
    }

    @Test
    void oversizedFrameIsACorruptStreamNotAnAllocation() {
        server.sendOversizedFrame();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class)
                .hasCauseInstanceOf(VppTransportException.class);
        assertThat(mux.isConnected()).isFalse();
    }

    @Test
    void serverGoneFailsWaitingRequests() {
        vpp.disconnectClients();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class);
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
    }
}
