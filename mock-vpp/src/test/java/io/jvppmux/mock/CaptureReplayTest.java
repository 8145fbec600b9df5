package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.memclnt.SockclntDelete;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the live VPP's capture against the mock's socket face (ids and client index translated) and
 * checks the mock answers with the same messages, byte for byte apart from ids and client indexes.
 */
class CaptureReplayTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final MessageTable BUNDLED = MessageTable.build(0);

    private Path dir;
    private MockVpp vpp;
    private Capture capture;

    @BeforeEach
    void start() throws Exception {
        capture = new Capture();
        dir = Files.createTempDirectory("mv");
        vpp = MockVpp.builder().pid(0xaf7).version("26.10-rc0").buildDate("2026-11-24T07:39:08").seed(7).start();
        vpp.startSocketServer(dir.resolve("api.sock"));
    }

    @AfterEach
    void stop() throws Exception {
        vpp.close();
        Files.deleteIfExists(dir.resolve("api.sock"));
        Files.deleteIfExists(dir);
    }

    @Test
    void mockAnswersTheCapturedSessionLikeVpp() throws Exception {
        try (RawSocketClient c = new RawSocketClient(dir.resolve("api.sock"))) {
            Capture.Exchange hello = capture.exchange("sockclnt_create");
            c.send(hello.sent().get(0).bytes());
            byte[] reply = c.next(WAIT);
            checkHandshakeLayout(reply, c);

            for (Capture.Exchange x : capture.exchanges.subList(1, capture.exchanges.size())) {
                for (Capture.Msg m : x.sent()) {
                    c.send(translate(m, c));
                }
                if (x.received().isEmpty()) {
                    checkNothingBeforeBarrier(c);
                } else {
                    for (Capture.Msg expected : x.received()) {
                        byte[] got = c.next(WAIT);
                        assertThat(got).as("reply to '%s'", x.what()).isNotNull();
                        assertThat(c.table.get(expected.name())).as("reply to '%s'", x.what()).isEqualTo(TestWire.id(got));
                        assertThat(normalize(got, expected.name())).as("%s in reply to '%s'", expected.name(), x.what())
                                .isEqualTo(normalize(expected.bytes(), expected.name()));
                    }
                }
                if (x.peerClosed()) {
                    assertThat(c.awaitEof(WAIT)).as("socket closed after '%s'", x.what()).isTrue();
                }
            }
        }
    }

    private void checkHandshakeLayout(byte[] reply, RawSocketClient c) {
        assertThat(TestWire.id(reply)).isEqualTo(16);
        ByteBuffer b = ByteBuffer.wrap(reply);
        assertThat(b.getInt(2)).as("client_index").isZero();
        assertThat(b.getInt(6)).as("context echoed").isEqualTo(0x7b);
        SockclntCreateReply r = TestWire.decode(reply, new SockclntCreateReply());
        assertThat(r.response()).isZero();
        assertThat(r.index() & 0x80000000L).as("index has bit 31").isNotZero();
        assertThat(r.count()).isEqualTo(vpp.table().size());
        assertThat(reply).hasSize(20 + 66 * r.count());
        Set<Integer> ids = new HashSet<>();
        r.messageTable().forEach(e -> {
            assertThat(ids.add(e.index())).as("id %d unique", e.index()).isTrue();
            c.table.put(e.name(), e.index());
        });
        c.clientIndex = (int) r.index();
        for (int id = 1; id <= 28; id++) {
            String name = capture.nameById.get(id);
            assertThat(c.table.get(name)).as("memclnt %s keeps id %d", name, id).isEqualTo(id);
        }
    }

    /** The captured request with this mock's ids and client index. */
    private byte[] translate(Capture.Msg m, RawSocketClient c) {
        byte[] out = m.bytes().clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putShort(0, (short) (int) c.table.get(m.name()));
        MessageDescriptor<? extends Message> d = descriptor(m.name());
        if (d.header() == HeaderLayout.REQUEST && b.getInt(2) == capture.clientIndex()) {
            b.putInt(2, c.clientIndex);
        }
        if (d.nameCrc().equals(SockclntDelete.DESCRIPTOR.nameCrc())) {
            b.putInt(10, c.clientIndex);
        }
        return out;
    }

    /** Nothing arrives before the reply to a fresh control_ping sent after the request. */
    private void checkNothingBeforeBarrier(RawSocketClient c) throws Exception {
        c.send(TestWire.encode(new ControlPing(), c.id(ControlPing.DESCRIPTOR), c.clientIndex, 0x5151));
        byte[] got = c.next(WAIT);
        assertThat(got).isNotNull();
        assertThat(TestWire.id(got)).isEqualTo(c.id(ControlPingReply.DESCRIPTOR));
        assertThat(ByteBuffer.wrap(got).getInt(2)).isEqualTo(0x5151);
        assertThat(vpp.received(ControlPing.DESCRIPTOR)).extracting(ReceivedMessage::disposition)
                .contains(ReceivedMessage.Disposition.DROPPED_WRONG_CLIENT_INDEX);
    }

    /** Zeroes what legitimately differs: the id, header client_index, control_ping_reply's client_index. */
    private static byte[] normalize(byte[] msg, String nameCrc) {
        byte[] out = msg.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        b.putShort(0, (short) 0);
        MessageDescriptor<? extends Message> d = descriptor(nameCrc);
        if (d.header().clientIndexOffset() >= 0) {
            b.putInt(d.header().clientIndexOffset(), 0);
        }
        if (nameCrc.equals(ControlPingReply.DESCRIPTOR.nameCrc())) {
            b.putInt(10, 0);
        }
        if (nameCrc.equals(SwInterfaceTxPlacementGetReply.DESCRIPTOR.nameCrc()) && b.getInt(6) != 0) {
            b.putInt(10, 0); // the cursor of a failed stream is whatever VPP's buffer held (0x08000080, 0, ...)
        }
        return out;
    }

    private static MessageDescriptor<? extends Message> descriptor(String nameCrc) {
        MessageDescriptor<? extends Message> d = BUNDLED.descriptor(BUNDLED.id(nameCrc));
        assertThat(d).as(nameCrc).isNotNull();
        return d;
    }
}
