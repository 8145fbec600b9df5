package io.jvppmux.impl.transport.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.Message;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.binapi.memclnt.SockclntDelete;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.wire.MessageCodec;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import io.jvppmux.mock.RecordingSink;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The socket transport against mock-vpp's socket server. */
class SocketTransportTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    private Path dir;
    private Path sock;
    private MockVpp vpp;
    private MockSocketServer server;
    private final SocketTransport transport = new SocketTransport();
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("st");
        sock = dir.resolve("api.sock");
        vpp = MockVpp.start();
        server = vpp.startSocketServer(sock);
    }

    @AfterEach
    void stop() throws Exception {
        transport.disconnect();
        vpp.close();
        Files.deleteIfExists(sock);
        Files.deleteIfExists(dir);
    }

    private MuxConfig config() {
        return MuxConfig.builder().socketPath(sock).clientName("socket-test").connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** Encodes {@code m} as the mux does: id from the transport's table, client_index from clientIndex(). */
    static ByteBuffer encode(SocketTransport t, Message m, int context) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, t.messageId(m.descriptor().nameCrc()), t.clientIndex(), context);
        return b.flip();
    }

    private static int context(byte[] msg) {
        return ByteBuffer.wrap(msg).getInt(2);
    }

    @Test
    void handshakeAndPingRoundTrip() throws Exception {
        transport.connect(config(), sink);
        assertThat(transport.isConnected()).isTrue();
        assertThat(transport.clientIndex() & 0x80000000).isNotZero();
        assertThat(transport.messageId(ControlPing.DESCRIPTOR.nameCrc())).isEqualTo(23);
        assertThat(transport.messageId(ShowVersion.DESCRIPTOR.nameCrc())).isEqualTo(vpp.messageId(ShowVersion.DESCRIPTOR));
        assertThat(transport.messageId("no_such_message_00000000")).isEqualTo(-1);
        assertThat(transport.messageTable()).hasValueSatisfying(t -> assertThat(t).hasSize(vpp.table().size()));
        assertThat(transport.describe()).contains(sock.toString());
        ReceivedMessage hello = vpp.awaitReceived(SockclntCreate.DESCRIPTOR, WAIT);
        assertThat(hello.message(SockclntCreate.class).name()).isEqualTo("socket-test");

        transport.write(encode(transport, new ControlPing(), 0x30003));
        byte[] reply = sink.next(WAIT).bytes();
        assertThat(reply).isNotNull();
        assertThat(MessageCodec.messageId(ByteBuffer.wrap(reply), 0)).isEqualTo(transport.messageId(ControlPingReply.DESCRIPTOR.nameCrc()));
        ControlPingReply r = MessageCodec.decode(reply, new ControlPingReply());
        assertThat(context(reply)).isEqualTo(0x30003);
        assertThat(r.vpePid()).isEqualTo(vpp.pid());
        assertThat(r.clientIndex()).isEqualTo(Integer.toUnsignedLong(transport.clientIndex()));
        assertThat(sink.threads).containsExactly("jvppmux-socket-rx");
    }

    @Test
    void theClientIndexTheCallerWritesIsTheOneTheMockExpects() throws Exception {
        transport.connect(config(), sink);
        ByteBuffer wrong = ByteBuffer.allocate(10);
        MessageCodec.encode(wrong, new ControlPing(), 23, transport.clientIndex() ^ 1, 1);
        transport.write(wrong.flip());
        transport.write(encode(transport, new ControlPing(), 2));
        assertThat(context(sink.next(WAIT).bytes())).as("only the second ping is answered").isEqualTo(2);
        assertThat(vpp.received(ControlPing.DESCRIPTOR)).extracting(ReceivedMessage::disposition).containsExactly(
                ReceivedMessage.Disposition.DROPPED_WRONG_CLIENT_INDEX, ReceivedMessage.Disposition.HANDLED);
    }

    @Test
    void eofIsReportedAtOnceAndReconnectGetsAFreshTable() throws Exception {
        transport.connect(config(), sink);
        int oldId = transport.messageId(ShowVersion.DESCRIPTOR.nameCrc());
        vpp.restart();
        Throwable cause = sink.awaitClosed(WAIT);
        assertThat(cause).isInstanceOf(VppTransportException.class).hasMessageContaining(sock.toString());
        assertThat(transport.isConnected()).isFalse();
        assertThatThrownBy(() -> transport.write(encode(transport, new ControlPing(), 1)))
                .isInstanceOf(NotConnectedException.class);

        transport.disconnect();
        RecordingSink second = new RecordingSink();
        transport.connect(config(), second);
        assertThat(transport.messageId(ShowVersion.DESCRIPTOR.nameCrc()))
                .isEqualTo(vpp.messageId(ShowVersion.DESCRIPTOR)).isNotEqualTo(oldId);
        transport.write(encode(transport, new ControlPing(), 7));
        assertThat(context(second.next(WAIT).bytes())).isEqualTo(7);
    }

    @Test
    void oversizedFrameClosesWithAClearErrorWithoutAllocating() throws Exception {
        transport.connect(config(), sink);
        server.sendOversizedFrame();
        Throwable cause = sink.awaitClosed(WAIT);
        assertThat(cause).isInstanceOf(VppTransportException.class)
                .hasMessageContaining("corrupt stream").hasMessageContaining("exceeds max-message-size");
        assertThat(sink.largestClaim()).isLessThan(1 << 20);
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void truncatedFramePublishesNothingUsableAndCloses() throws Exception {
        transport.connect(config(), sink);
        server.sendTruncatedFrame();
        Throwable cause = sink.awaitClosed(WAIT);
        assertThat(cause).isInstanceOf(VppTransportException.class);
        assertThat(sink.messages()).as("nothing of the incomplete frame is published").allMatch(m -> m.length == 0);
    }

    @Test
    void missingSocketFileNamesThePath() {
        Path missing = dir.resolve("nope.sock");
        MuxConfig c = MuxConfig.builder().socketPath(missing).build();
        assertThatThrownBy(() -> transport.connect(c, sink)).isInstanceOf(VppTransportException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        assertThat(transport.isConnected()).isFalse();
    }

    @Test
    void refusedConnectIsAnError() {
        vpp.failNextConnects(1);
        assertThatThrownBy(() -> transport.connect(config(), sink)).isInstanceOf(VppTransportException.class)
                .hasMessageContaining(sock.toString());
        transport.connect(config(), sink);
        assertThat(transport.isConnected()).isTrue();
        assertThatThrownBy(() -> transport.connect(config(), sink)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disconnectSendsSockclntDeleteAndIsQuiet() throws Exception {
        transport.connect(config(), sink);
        int index = transport.clientIndex();
        transport.disconnect();
        assertThat(transport.isConnected()).isFalse();
        ReceivedMessage bye = vpp.awaitReceived(SockclntDelete.DESCRIPTOR, WAIT);
        assertThat(bye.message(SockclntDelete.class).index()).isEqualTo(Integer.toUnsignedLong(index));
        assertThat(bye.disposition()).isEqualTo(ReceivedMessage.Disposition.HANDLED);
        assertThat(vpp.awaitConnectedClients(0, WAIT)).isTrue();
        assertThat(sink.messages()).as("the delete reply is not delivered").isEmpty();
        assertThat(sink.closed).as("no closed() after our own disconnect").isNotDone();
        transport.disconnect();
        assertThatThrownBy(() -> transport.write(ByteBuffer.allocate(10))).isInstanceOf(NotConnectedException.class);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("jvppmux-socket-rx")) {
                t.join(WAIT.toMillis());
                assertThat(t.isAlive()).isFalse();
            }
        }
    }

    @Test
    void abortDropsASilentVppAtOnceWithoutSockclntDelete() throws Exception {
        transport.connect(config(), sink);
        vpp.silenceAll(true);
        long t0 = System.nanoTime();
        transport.abort();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(transport.isConnected()).isFalse();
        assertThat(vpp.awaitConnectedClients(0, WAIT)).isTrue();
        assertThat(vpp.received(SockclntDelete.DESCRIPTOR)).as("no goodbye to a VPP that does not answer").isEmpty();
        assertThat(ms).as("abort does not wait for a goodbye (disconnect waits up to 500 ms)").isLessThan(450);
        assertThat(sink.closed).as("no closed() after our own abort").isNotDone();
        assertThatThrownBy(() -> transport.write(ByteBuffer.allocate(10))).isInstanceOf(NotConnectedException.class);
    }

    @Test
    void concurrentWritesAreNeverInterleaved() throws Exception {
        transport.connect(config(), sink);
        int threads = 4;
        int each = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = (t + 1) << 16;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        transport.write(encode(transport, new ControlPing(), base + i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Set<Integer> contexts = new HashSet<>();
        for (int i = 0; i < threads * each; i++) {
            byte[] m = sink.next(WAIT).bytes();
            assertThat(m).as("reply %d", i).isNotNull();
            contexts.add(context(m));
        }
        assertThat(contexts).hasSize(threads * each);
        assertThat(vpp.received()).noneMatch(r -> r.disposition().isDropped());
    }

    @Test
    void aBurstOfFramesAndFramesSplitMidHeaderArriveWholeAndInOrder() throws Exception {
        transport.connect(config(), sink);
        java.io.ByteArrayOutputStream burst = new java.io.ByteArrayOutputStream();
        List<byte[]> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] m = ByteBuffer.allocate(10 + i % 50).putShort((short) 23).putInt(0).putInt(i).array();
            sent.add(m);
            burst.writeBytes(FrameReaderTest.frame(m));
        }
        byte[] all = burst.toByteArray();
        server.sendRawBytes(all);
        int[] cuts = {5, 16 + 3, 16 + 12 + 16 + 7, all.length / 2 + 1, all.length - 3, all.length};
        int from = 0;
        for (int cut : cuts) {
            server.sendRawBytes(java.util.Arrays.copyOfRange(all, from, cut));
            from = cut;
            Thread.sleep(20);
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < sent.size(); i++) {
                byte[] got = sink.next(WAIT).bytes();
                assertThat(got).as("round %d, message %d", round, i).isEqualTo(sent.get(i));
            }
        }
        assertThat(transport.isConnected()).isTrue();
        transport.write(encode(transport, new ControlPing(), 99));
        assertThat(context(sink.next(WAIT).bytes())).isEqualTo(99);
    }

    @Test
    void presenceTellsAListeningVppFromAMissingOrStaleSocketFile() throws Exception {
        vpp.failNextConnects(1);
        assertThatThrownBy(() -> transport.connect(config(), sink)).isInstanceOf(VppTransportException.class);
        assertThat(transport.presence(config())).as("accepted and closed unanswered: probed, and listening")
                .isEqualTo(io.jvppmux.api.spi.VppPresence.PRESENT);
        transport.connect(config(), sink);
        assertThat(transport.isConnected()).isTrue();

        Path other = dir.resolve("other.sock");
        MuxConfig missing = MuxConfig.builder().socketPath(other).build();
        assertThat(new SocketTransport().presence(config())).isEqualTo(io.jvppmux.api.spi.VppPresence.PRESENT);
        assertThat(new SocketTransport().presence(missing)).isEqualTo(io.jvppmux.api.spi.VppPresence.ABSENT);
        try (java.nio.channels.ServerSocketChannel s = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            s.bind(java.net.UnixDomainSocketAddress.of(other));
        }
        assertThat(other).as("a stale socket file, as a killed VPP leaves").exists();
        SocketTransport t = new SocketTransport();
        assertThatThrownBy(() -> t.connect(missing, new RecordingSink())).isInstanceOf(VppTransportException.class);
        assertThat(t.presence(missing)).isEqualTo(io.jvppmux.api.spi.VppPresence.ABSENT);
        Files.delete(other);
    }

    @Test
    void aListenerThatClosesUnansweredIsProbedButOneThatKeepsSilentIsThereAndNotProbed() throws Exception {
        Path other = dir.resolve("silent.sock");
        MuxConfig silent = MuxConfig.builder().socketPath(other).connectTimeout(Duration.ofMillis(200)).build();
        SocketTransport t = new SocketTransport();
        try (java.nio.channels.ServerSocketChannel s = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            s.bind(java.net.UnixDomainSocketAddress.of(other));
            assertThatThrownBy(() -> t.connect(silent, new RecordingSink())).isInstanceOf(VppTransportException.class)
                    .hasMessageContaining("did not answer sockclnt_create within 200 ms");
        }
        Files.delete(other);
        assertThat(t.presence(silent)).as("a VPP that accepted and kept silent is there (hung, slow): not probed")
                .isEqualTo(io.jvppmux.api.spi.VppPresence.PRESENT);

        try (java.nio.channels.ServerSocketChannel s = java.nio.channels.ServerSocketChannel.open(
                java.net.StandardProtocolFamily.UNIX)) {
            s.bind(java.net.UnixDomainSocketAddress.of(other));
            Thread closer = new Thread(() -> {
                try {
                    s.accept().close();
                } catch (java.io.IOException ignored) {
                    // the test fails on the assertion below
                }
            });
            closer.start();
            assertThatThrownBy(() -> t.connect(silent, new RecordingSink())).as("EOF or a broken pipe, by timing")
                    .isInstanceOf(VppTransportException.class);
            closer.join(WAIT.toMillis());
        }
        Files.delete(other);
        assertThat(t.presence(silent)).as("closed unanswered, as a dying VPP does: probed, and gone")
                .isEqualTo(io.jvppmux.api.spi.VppPresence.ABSENT);
    }
}
