package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.SockclntCreate;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.memclnt.SockclntDelete;
import io.jvppmux.binapi.memclnt.SockclntDeleteReply;
import io.jvppmux.binapi.wire.SocketFrames;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The socket face over a raw SocketChannel. */
class SocketServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private Path dir;
    private Path sock;
    private MockVpp vpp;
    private MockSocketServer server;
    private final List<RawSocketClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dir = Files.createTempDirectory("mv");
        sock = dir.resolve("api.sock");
        vpp = MockVpp.builder().maxFrameSize(4096).start();
        server = vpp.startSocketServer(sock);
    }

    @AfterEach
    void stop() throws Exception {
        for (RawSocketClient c : clients) {
            c.close();
        }
        vpp.close();
        assertThat(sock).doesNotExist();
        Files.deleteIfExists(dir);
    }

    private RawSocketClient client() throws Exception {
        RawSocketClient c = new RawSocketClient(sock);
        clients.add(c);
        return c;
    }

    private RawSocketClient registered() throws Exception {
        RawSocketClient c = client();
        c.handshake("test", 1);
        return c;
    }

    private static byte[] ping(RawSocketClient c, int clientIndex, int context) {
        return TestWire.encode(new ControlPing(), c.id(ControlPing.DESCRIPTOR), clientIndex, context);
    }

    /** Sends a good ping and checks it is the very next thing that arrives: nothing came before it. */
    private static void assertNothingBeforePing(RawSocketClient c, int context) throws Exception {
        c.send(ping(c, c.clientIndex, context));
        byte[] got = c.next(WAIT);
        assertThat(got).isNotNull();
        assertThat(TestWire.id(got)).isEqualTo(c.id(ControlPingReply.DESCRIPTOR));
        assertThat(ByteBuffer.wrap(got).getInt(2)).isEqualTo(context);
    }

    @Test
    void handshakeThenPing() throws Exception {
        RawSocketClient c = client();
        SockclntCreateReply r = c.handshake("jvppmux-test", 0x7b);
        assertThat(r.response()).isZero();
        assertThat(c.clientIndex & 0x80000000).isNotZero();
        assertThat(c.table).hasSize(vpp.table().size());
        assertThat(c.table.get("control_ping_51077d14")).isEqualTo(23);
        assertThat(vpp.awaitConnectedClients(1, WAIT)).isTrue();

        c.send(ping(c, c.clientIndex, 0x20002));
        ControlPingReply reply = TestWire.decode(c.next(WAIT), new ControlPingReply());
        assertThat(reply.vpePid()).isEqualTo(vpp.pid());
        assertThat(reply.clientIndex()).isEqualTo(Integer.toUnsignedLong(c.clientIndex));
    }

    @Test
    void wrongClientIndexTruncatedAndUnknownGetNoReply() throws Exception {
        RawSocketClient c = registered();
        c.send(ping(c, 0x00012345, 1));
        assertThat(c.next(Duration.ofMillis(200))).as("no reply to a wrong client_index").isNull();
        c.send(ByteBuffer.allocate(12).putShort((short) c.id(SwInterfaceDump.DESCRIPTOR)).putInt(c.clientIndex).putInt(2).array());
        c.send(ByteBuffer.allocate(10).putShort((short) 0x7ff0).putInt(c.clientIndex).putInt(3).array());
        assertNothingBeforePing(c, 4);
        assertThat(vpp.received()).extracting(ReceivedMessage::disposition).containsExactly(
                ReceivedMessage.Disposition.HANDLED, // sockclnt_create
                ReceivedMessage.Disposition.DROPPED_WRONG_CLIENT_INDEX,
                ReceivedMessage.Disposition.DROPPED_TRUNCATED,
                ReceivedMessage.Disposition.DROPPED_UNKNOWN_ID,
                ReceivedMessage.Disposition.HANDLED);
    }

    @Test
    void messagesBeforeTheHandshakeAreDropped() throws Exception {
        RawSocketClient c = client();
        c.send(TestWire.encode(new ControlPing(), 23, 0x80000001, 9));
        c.handshake("late", 2);
        assertNothingBeforePing(c, 3);
        assertThat(vpp.received().get(0).disposition()).isEqualTo(ReceivedMessage.Disposition.DROPPED_UNEXPECTED);
    }

    @Test
    void sockclntDeleteAnswersOneThenCloses() throws Exception {
        RawSocketClient c = registered();
        c.send(TestWire.encode(new SockclntDelete().index(Integer.toUnsignedLong(c.clientIndex)),
                c.id(SockclntDelete.DESCRIPTOR), c.clientIndex, 5));
        byte[] r = c.next(WAIT);
        assertThat(TestWire.id(r)).isEqualTo(c.id(SockclntDeleteReply.DESCRIPTOR));
        assertThat(TestWire.decode(r, new SockclntDeleteReply()).response()).isEqualTo(1);
        assertThat(c.awaitEof(WAIT)).isTrue();
        assertThat(vpp.awaitConnectedClients(0, WAIT)).isTrue();
    }

    @Test
    void severalClientsAtOnce() throws Exception {
        RawSocketClient a = registered();
        RawSocketClient b = registered();
        assertThat(a.clientIndex).isNotEqualTo(b.clientIndex);
        assertThat(vpp.awaitConnectedClients(2, WAIT)).isTrue();
        MockTransport inProcess = vpp.newTransport();
        inProcess.connect(MuxConfig.defaults(), new RecordingSink());
        assertThat(vpp.awaitConnectedClients(3, WAIT)).isTrue();
        b.send(ping(b, b.clientIndex, 22));
        a.send(ping(a, a.clientIndex, 11));
        assertThat(ByteBuffer.wrap(a.next(WAIT)).getInt(2)).isEqualTo(11);
        assertThat(ByteBuffer.wrap(b.next(WAIT)).getInt(2)).isEqualTo(22);
        a.send(ping(a, b.clientIndex, 12));
        assertNothingBeforePing(a, 13);
        inProcess.disconnect();
    }

    @Test
    void connectFailureAndMockSideDisconnect() throws Exception {
        vpp.failNextConnects(1);
        RawSocketClient probe = client();
        RawSocketClient refused = client();
        refused.send(TestWire.encode(new SockclntCreate().name("refused"), SocketFrames.SOCKCLNT_CREATE_ID, 0, 1));
        assertThat(refused.awaitEof(WAIT)).as("closed unanswered at its sockclnt_create").isTrue();
        assertThat(refused.in).isEmpty();
        probe.handshake("a bare connect used up no failure", 2);

        RawSocketClient a = registered();
        RawSocketClient b = registered();
        vpp.disconnectClients();
        assertThat(a.awaitEof(WAIT)).isTrue();
        assertThat(b.awaitEof(WAIT)).isTrue();
        assertThat(vpp.awaitConnectedClients(0, WAIT)).isTrue();
        registered();
    }

    @Test
    void restartClosesConnectionsAndChangesTheTable() throws Exception {
        RawSocketClient a = registered();
        int oldDump = a.id(SwInterfaceDump.DESCRIPTOR);
        vpp.restart(99);
        assertThat(a.awaitEof(WAIT)).isTrue();
        RawSocketClient b = registered();
        assertThat(b.id(SwInterfaceDump.DESCRIPTOR)).isNotEqualTo(oldDump).isEqualTo(vpp.messageId(SwInterfaceDump.DESCRIPTOR));
        assertThat(b.id(ControlPing.DESCRIPTOR)).isEqualTo(23);
    }

    @Test
    void oversizedAndTruncatedFramesFromTheMock() throws Exception {
        RawSocketClient a = registered();
        server.sendOversizedFrame();
        assertThat(a.awaitEof(WAIT)).isTrue();
        assertThat(a.oversizedLength).isEqualTo(0xfffffff0L);

        RawSocketClient b = registered();
        server.sendTruncatedFrame();
        assertThat(b.awaitEof(WAIT)).isTrue();
        assertThat(b.partialBytes).isEqualTo(10);
    }

    @Test
    void rawBytesAndUnknownIdsReachTheClient() throws Exception {
        RawSocketClient a = registered();
        ByteBuffer frame = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + 3);
        SocketFrames.putHeader(frame, 3);
        frame.put(new byte[] {1, 2, 3});
        server.sendRawBytes(frame.array());
        assertThat(a.next(WAIT)).containsExactly(1, 2, 3);
        int id = vpp.sendUnknownMessageId();
        assertThat(TestWire.id(a.next(WAIT))).isEqualTo(id);
    }

    @Test
    void aFrameOverTheMocksCapClosesTheConnection() throws Exception {
        RawSocketClient a = registered();
        ByteBuffer h = ByteBuffer.allocate(SocketFrames.HEADER_SIZE);
        SocketFrames.putHeader(h, 1 << 20);
        a.sendRaw(h.flip());
        assertThat(a.awaitEof(WAIT)).isTrue();
    }

    @Test
    void closeStopsEveryThreadAndRemovesTheSocket() throws Exception {
        RawSocketClient a = registered();
        MockTransport t = vpp.newTransport();
        RecordingSink sink = new RecordingSink();
        t.connect(MuxConfig.defaults(), sink);
        vpp.close();
        assertThat(a.awaitEof(WAIT)).isTrue();
        assertThat(sink.closed).isDone();
        assertThat(sock).doesNotExist();
        for (Thread th : Thread.getAllStackTraces().keySet()) {
            if (th.getName().startsWith("jvppmux-mock")) {
                th.join(WAIT.toMillis());
                assertThat(th.isAlive()).as("thread %s", th.getName()).isFalse();
            }
        }
    }
}
