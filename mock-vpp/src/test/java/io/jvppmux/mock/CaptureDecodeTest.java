package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlagsReply;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.interfaces.WantInterfaceEventsReply;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.SockclntDeleteReply;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every captured frame of a live VPP decodes with the generated classes, with the values VPP sent. */
class CaptureDecodeTest {
    private static Capture capture;
    private static final MessageTable BUNDLED = MessageTable.build(0);

    @BeforeAll
    static void load() throws Exception {
        capture = new Capture();
    }

    @Test
    void everyCapturedMessageDecodesAndReencodesToTheSameBytes() {
        int decoded = 0;
        for (Capture.Exchange x : capture.exchanges) {
            for (List<Capture.Msg> dir : List.of(x.sent(), x.received())) {
                for (Capture.Msg msg : dir) {
                    String nameCrc = capture.nameById.get(msg.id());
                    assertThat(nameCrc).as("id %d in the capture's own table (%s)", msg.id(), x.what()).isEqualTo(msg.name());
                    MessageDescriptor<? extends Message> d = BUNDLED.descriptor(BUNDLED.id(nameCrc));
                    assertThat(d).as("binapi knows %s", nameCrc).isNotNull();
                    Message m = MessageCodec.decode(msg.bytes(), d.newInstance());
                    ByteBuffer raw = ByteBuffer.wrap(msg.bytes());
                    HeaderLayout h = d.header();
                    byte[] again = TestWire.encode(m, msg.id(), MessageCodec.clientIndex(raw, 0, h), MessageCodec.context(raw, 0, h));
                    assertThat(again).as("%s re-encoded", nameCrc).isEqualTo(msg.bytes());
                    decoded++;
                }
            }
        }
        assertThat(decoded).as("messages in the capture").isEqualTo(43);
    }

    @Test
    void handshakeReplyHoldsTheWholeTable() {
        Capture.Msg reply = capture.exchange("sockclnt_create").received().get(0);
        assertThat(reply.id()).isEqualTo(16);
        ByteBuffer b = ByteBuffer.wrap(reply.bytes());
        assertThat(b.getInt(2)).as("client_index of the request-shaped header").isZero();
        assertThat(b.getInt(6)).as("context echoed").isEqualTo(0x7b);
        assertThat(capture.handshakeReply.response()).isZero();
        assertThat(capture.clientIndex()).isEqualTo(0x80000009);
        assertThat(capture.handshakeReply.count()).isEqualTo(1998);
        assertThat(reply.bytes()).hasSize(20 + 66 * 1998);
        for (int id = 1; id <= 28; id++) {
            assertThat(capture.nameById.get(id)).startsWith(Catalog.MEMCLNT_ORDER.get(id - 1) + "_")
                    .isEqualTo(BUNDLED.descriptor(id).nameCrc());
        }
    }

    @Test
    void keyValuesAreWhatVppSent() {
        ControlPingReply ping = decode(capture.exchange("control_ping").received().get(0), new ControlPingReply());
        assertThat(ping.retval()).isZero();
        assertThat(ping.vpePid()).isEqualTo(0xaf7);
        assertThat(ping.clientIndex()).isEqualTo(Integer.toUnsignedLong(capture.clientIndex()));

        ShowVersionReply version = decode(capture.exchange("show_version").received().get(0), new ShowVersionReply());
        assertThat(version.program()).isEqualTo("vpe");
        assertThat(version.version()).isEqualTo("26.10-rc0");

        SwInterfaceDetails local0 = decode(capture.exchange("sw_interface_dump all,").received().get(0), new SwInterfaceDetails());
        assertThat(local0.swIfIndex()).isZero();
        assertThat(local0.interfaceName()).isEqualTo("local0");
        assertThat(local0.interfaceDevType()).isEqualTo("local");
        assertThat(local0.flagsValue()).isZero();

        SwInterfaceDetails loop0 = decode(capture.exchange("sw_interface_dump with name filter").received().get(0), new SwInterfaceDetails());
        assertThat(loop0.interfaceName()).isEqualTo("loop0");
        assertThat(loop0.l2Address().bytes()).containsExactly(0xde, 0xad, 0, 0, 0, 1);
        assertThat(loop0.flagsValue()).isEqualTo(3);
        assertThat(loop0.linkMtu()).isEqualTo(9000);

        assertThat(decode(capture.exchange("want_interface_events enable again").received().get(0),
                new WantInterfaceEventsReply()).retval()).isEqualTo(-31);
        assertThat(decode(capture.exchange("sw_interface_set_flags on a missing").received().get(0),
                new SwInterfaceSetFlagsReply()).retval()).isEqualTo(-2);
        assertThat(decode(capture.exchange("sw_interface_tx_placement_get").received().get(0),
                new SwInterfaceTxPlacementGetReply()).retval()).isEqualTo(-6);

        CliInbandReply cli = decode(capture.exchange("cli_inband").received().get(0), new CliInbandReply());
        assertThat(cli.reply()).contains("Name", "local0", "loop0", "9000/0/0/0");

        SwInterfaceEvent up = decode(capture.exchange("sw_interface_set_flags sw_if_index 1").received().get(1), new SwInterfaceEvent());
        assertThat(up.pid()).isEqualTo(0x1092);
        assertThat(up.swIfIndex()).isEqualTo(1);
        assertThat(up.flagsValue()).isEqualTo(3);
        assertThat(ByteBuffer.wrap(capture.exchange("sw_interface_set_flags sw_if_index 1").received().get(1).bytes()).getInt(2))
                .as("event client_index echoes the registration").isEqualTo(capture.clientIndex());
        SwInterfaceEvent deleted = decode(capture.exchange("delete_loopback").received().get(1), new SwInterfaceEvent());
        assertThat(deleted.deleted()).isTrue();

        assertThat(capture.exchange("control_ping with a wrong client_index").received()).isEmpty();
        Capture.Exchange bye = capture.exchange("sockclnt_delete");
        assertThat(decode(bye.received().get(0), new SockclntDeleteReply()).response()).isEqualTo(1);
        assertThat(bye.peerClosed()).isTrue();
    }

    private static <M extends Message> M decode(Capture.Msg msg, M into) {
        assertThat(capture.nameById.get(msg.id())).isEqualTo(into.descriptor().nameCrc());
        return MessageCodec.decode(msg.bytes(), into);
    }
}
