package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interface_types.IfType;
import io.jvppmux.binapi.interface_types.LinkDuplex;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The worked example of docs/PROTOCOL.md 5.4, byte for byte. */
class GoldenBytesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int CLIENT = 0x80000002;
    private static final int CONTEXT = 0x00030001;

    private static byte[] encode(io.jvppmux.api.Message m, int id, int clientIndex, int context) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id, clientIndex, context);
        assertThat(b.hasRemaining()).isFalse();
        return b.array();
    }

    @Test
    void swInterfaceDumpIs19BytesWithTheApiDefaultSwIfIndex() {
        SwInterfaceDump dump = new SwInterfaceDump();
        assertThat(dump.swIfIndex()).as(".api default ~0").isEqualTo(0xffffffffL);
        assertThat(HEX.formatHex(encode(dump, 614, CLIENT, CONTEXT)))
                .isEqualTo("0266" + "80000002" + "00030001" + "ffffffff" + "00" + "00000000");
    }

    @Test
    void controlPingIs10Bytes() {
        assertThat(HEX.formatHex(encode(new ControlPing(), 23, CLIENT, CONTEXT))).isEqualTo("0017800000020003" + "0001");
    }

    @Test
    void controlPingReplyHasTrailingClientIndexAndPid() {
        byte[] wire = HEX.parseHex("0018" + "00030001" + "00000000" + "80000002" + "00003039");
        ControlPingReply r = MessageCodec.decode(wire, new ControlPingReply());
        assertThat(r.retval()).isZero();
        assertThat(r.clientIndex()).isEqualTo(0x80000002L);
        assertThat(r.vpePid()).isEqualTo(12345);
        assertThat(MessageCodec.context(ByteBuffer.wrap(wire), 0, ControlPingReply.DESCRIPTOR.header())).isEqualTo(CONTEXT);
        assertThat(encode(r, 24, 0, CONTEXT)).isEqualTo(wire);
    }

    @Test
    void swInterfaceDetailsDecodesTheSyntheticLoopback() {
        ByteBuffer b = ByteBuffer.allocate(295);
        b.putShort((short) 613).putInt(CONTEXT).putInt(1).putInt(1).put(HEX.parseHex("dead00000000"))
                .putInt(1).putInt(0).putInt(0).putInt(0).putShort((short) 9000).putInt(9000).putInt(0).putInt(0).putInt(0);
        b.position(103).put("loop0".getBytes());
        b.position(167).put("Loopback".getBytes());
        byte[] wire = b.array();
        assertThat(HEX.formatHex(wire, 0, 16)).isEqualTo("02650003000100000001000000011ead".replace("1ead", "dead"));

        SwInterfaceDetails d = MessageCodec.decode(wire, new SwInterfaceDetails());
        assertThat(d.encodedSize() + SwInterfaceDetails.DESCRIPTOR.header().size()).isEqualTo(295);
        assertThat(d.swIfIndex()).isEqualTo(1);
        assertThat(d.supSwIfIndex()).isEqualTo(1);
        assertThat(d.l2Address()).isEqualTo(new MacAddress(HEX.parseHex("dead00000000")));
        assertThat(d.l2Address().toString()).isEqualTo("de:ad:00:00:00:00");
        assertThat(d.flags()).isEqualTo(EnumSet.of(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP));
        assertThat(d.type()).isEqualTo(IfType.IF_API_TYPE_HARDWARE);
        assertThat(d.linkDuplex()).isEqualTo(LinkDuplex.LINK_DUPLEX_API_UNKNOWN);
        assertThat(d.linkMtu()).isEqualTo(9000);
        assertThat(d.mtu()).containsExactly(9000, 0, 0, 0);
        assertThat(d.interfaceName()).isEqualTo("loop0");
        assertThat(d.interfaceDevType()).isEqualTo("Loopback");
        assertThat(d.tag()).isEmpty();
        assertThat(encode(d, 613, 0, CONTEXT)).isEqualTo(wire);
    }
}
