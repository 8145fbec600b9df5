package io.jvppmux.impl.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionEvent;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.ThreadBaseline;
import io.jvppmux.impl.transport.socket.SocketTransport;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mux started before VPP ({@code connectAsync}) and a VPP that restarts: the connection is made the moment
 * VPP's socket accepts again, not at the end of the reconnect backoff. The backoff here is 30 s, so only that
 * can connect within the bounds below; the measured times are printed.
 */
@Timeout(60)
class ConnectWhenVppIsThereTest {
    private static final Duration LONG_BACKOFF = Duration.ofSeconds(30);
    /** Far below the 30 s backoff, far above what a loaded CI machine needs. */
    private static final Duration BOUND = Duration.ofSeconds(10);

    private ThreadBaseline threads;
    private Path dir;
    private Path sock;
    private MockVpp vpp;
    private MockSocketServer server;
    private JvppMux mux;

    @BeforeEach
    void start() throws Exception {
        threads = ThreadBaseline.take();
        dir = Files.createTempDirectory("jvppmux-presence");
        sock = dir.resolve("api.sock");
        vpp = MockVpp.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (mux != null) {
            mux.close();
        }
        if (server != null) {
            server.close();
        }
        vpp.close();
        Files.deleteIfExists(sock);
        Files.deleteIfExists(dir);
        threads.assertRestored(Duration.ofSeconds(5));
    }

    private MuxConfig.Builder config() {
        return MuxConfig.builder().socketPath(sock).retryConnectTimeout(LONG_BACKOFF).reconnectBackoffMax(LONG_BACKOFF)
                .connectTimeout(Duration.ofSeconds(5));
    }

    /** The file a VPP killed with SIGKILL leaves behind: a socket nobody listens on. */
    private void leaveStaleSocketFile() throws Exception {
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(sock));
        }
        assertThat(sock).exists();
    }

    @Test
    void aMuxStartedBeforeVppFailsFastThenConnectsAsSoonAsVppAppears() throws Exception {
        mux = JvppMux.connectAsync(config().build(), new SocketTransport());
        EventRecorder events = new EventRecorder();
        mux.addConnectionListener(events);
        assertThat(mux.isConnected()).isFalse();
        ApiChannel ch = mux.newApiChannel();
        assertThatThrownBy(() -> ch.call(new ControlPing())).isInstanceOf(NotConnectedException.class);
        assertThat(mux.awaitConnected(Duration.ofMillis(100))).isFalse();

        leaveStaleSocketFile();
        Thread.sleep(200);
        assertThat(mux.isConnected()).as("a stale socket file is no VPP").isFalse();
        assertThat(mux.connectionState()).isEqualTo(ConnectionState.RECONNECTING);
        server = vpp.startSocketServer(sock);
        long t0 = System.nanoTime();
        assertThat(mux.awaitConnected(BOUND)).as("connected long before the 30 s backoff").isTrue();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("connectAsync: CONNECTED " + ms + " ms after the socket server started");

        ControlPingReply pong = ch.call(new ControlPing());
        assertThat(pong.vpePid()).isEqualTo(vpp.pid());
        ConnectionEvent up = events.await(ConnectionState.CONNECTED, BOUND);
        assertThat(up.reason()).contains("connected over socket").contains("attempt(s)");
        assertThat(mux.vppInfo().pid()).isEqualTo(vpp.pid());
        assertThat(mux.metrics().reconnects()).as("a first connect is no reconnect").isZero();
    }

    @Test
    void withRetryRequestCountACallMadeBeforeVppIsThereWaitsForTheFirstConnect() throws Exception {
        mux = JvppMux.connectAsync(config().retryRequestCount(1).retryRequestTimeout(Duration.ofSeconds(20)).build(),
                new SocketTransport());
        ApiChannel ch = mux.newApiChannel();
        CompletableFuture<ControlPingReply> call = CompletableFuture.supplyAsync(() -> ch.call(new ControlPing()));
        Thread.sleep(200);
        assertThat(call).isNotDone();
        server = vpp.startSocketServer(sock);
        assertThat(call.get(BOUND.toMillis(), TimeUnit.MILLISECONDS).vpePid()).isEqualTo(vpp.pid());
    }

    @Test
    void retryConnectCountEndsAnAsyncConnectInFailed() throws Exception {
        mux = JvppMux.connectAsync(config().retryConnectTimeout(Duration.ofMillis(10))
                .reconnectBackoffMax(Duration.ofMillis(10)).retryConnectCount(3).build(), new SocketTransport());
        EventRecorder events = new EventRecorder();
        mux.addConnectionListener(events);
        ConnectionEvent failed = events.await(ConnectionState.FAILED, BOUND);
        assertThat(failed.reason()).contains("gave up after 3 failed connect attempts (retry-connect-count)");
        assertThat(mux.awaitConnected(Duration.ofMillis(50))).isFalse();
    }

    @Test
    void aRestartedVppIsReconnectedAsSoonAsItsSocketAcceptsAgain() throws Exception {
        server = vpp.startSocketServer(sock);
        mux = JvppMux.connect(config().build(), new SocketTransport());
        EventRecorder events = new EventRecorder();
        mux.addConnectionListener(events);
        long pid = mux.vppInfo().pid();

        server.close();
        server = null;
        leaveStaleSocketFile();
        events.await(e -> e.state() == ConnectionState.RECONNECTING, "the first reconnect attempt", BOUND);
        Thread.sleep(300);
        assertThat(mux.isConnected()).isFalse();

        vpp.restart();
        server = vpp.startSocketServer(sock);
        long t0 = System.nanoTime();
        ConnectionEvent up = events.await(ConnectionState.CONNECTED, BOUND);
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("restart: CONNECTED " + ms + " ms after the socket server started again (" + up.reason() + ")");
        assertThat(up.reason()).contains("VPP restarted (pid " + pid + " -> " + vpp.pid() + ")");
        assertThat(mux.newApiChannel().call(new ControlPing()).vpePid()).isEqualTo(vpp.pid());
    }

    @Test
    void awaitConnectedIsTrueAtOnceWhenConnectedAndFalseOnceClosed() throws Exception {
        server = vpp.startSocketServer(sock);
        mux = JvppMux.connect(config().build(), new SocketTransport());
        assertThat(mux.awaitConnected(Duration.ZERO)).isTrue();
        mux.close();
        assertThat(mux.awaitConnected(Duration.ofSeconds(1))).isFalse();
    }
}
