package io.jvppmux.binapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MessageDecodeException;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interface_types.IfType;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.memclnt.MessageTableEntry;
import io.jvppmux.binapi.memclnt.SockclntCreateReply;
import io.jvppmux.binapi.vlib.CliInbandReply;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {
    private static <T extends io.jvppmux.binapi.wire.WireStruct> byte[] bytes(T m) {
        ByteBuffer b = ByteBuffer.allocate(m.encodedSize());
        m.encode(b);
        return b.array();
    }

    @Test
    void fixedStringTakesAtMostNMinusOneBytes() {
        SwInterfaceDetails d = new SwInterfaceDetails().interfaceName("x".repeat(63));
        SwInterfaceDetails back = new SwInterfaceDetails();
        back.decode(ByteBuffer.wrap(bytes(d)));
        assertThat(back.interfaceName()).hasSize(63);
        assertThatThrownBy(() -> d.interfaceName("x".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sw_interface_details.interface_name").hasMessageContaining("string[64]");
    }

    @Test
    void fixedStringWithoutNulTakesAllBytes() {
        SwInterfaceDetails d = new SwInterfaceDetails();
        byte[] b = bytes(d);
        int nameAt = 103 - 6;
        for (int i = 0; i < 64; i++) {
            b[nameAt + i] = 'a';
        }
        d.decode(ByteBuffer.wrap(b));
        assertThat(d.interfaceName()).hasSize(64);
    }

    @Test
    void emptyAndLargeVariableArrays() {
        SockclntCreateReply empty = new SockclntCreateReply();
        SockclntCreateReply back = new SockclntCreateReply();
        back.decode(ByteBuffer.wrap(bytes(empty)));
        assertThat(back.count()).isZero();
        assertThat(back.messageTable()).isEmpty();

        List<MessageTableEntry> table = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            table.add(new MessageTableEntry().index(i + 1).name("msg_" + i + "_51077d14"));
        }
        SockclntCreateReply big = new SockclntCreateReply().index(0x80000001L).messageTable(table);
        assertThat(big.count()).isEqualTo(5000);
        assertThat(big.encodedSize()).as("response, index, count, entries").isEqualTo(4 + 4 + 2 + 66 * 5000);
        back.decode(ByteBuffer.wrap(bytes(big)));
        assertThat(back).isEqualTo(big);
        assertThat(back.messageTable().get(4999).name()).isEqualTo("msg_4999_51077d14");
    }

    @Test
    void countTypeBoundsTheArray() {
        List<MessageTableEntry> table = new ArrayList<>();
        for (int i = 0; i < 65536; i++) {
            table.add(new MessageTableEntry());
        }
        SockclntCreateReply tooBig = new SockclntCreateReply().messageTable(table);
        assertThatThrownBy(() -> tooBig.encode(ByteBuffer.allocate(tooBig.encodedSize())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65535");
    }

    @Test
    void lyingCountIsADecodeErrorNotAnAllocation() {
        SwInterfaceTxPlacementDetails d = new SwInterfaceTxPlacementDetails().threads(new long[] {1, 2});
        byte[] b = bytes(d);
        ByteBuffer.wrap(b).putInt(9, 0x7fffffff);
        assertThatThrownBy(() -> new SwInterfaceTxPlacementDetails().decode(ByteBuffer.wrap(b)))
                .isInstanceOf(MessageDecodeException.class)
                .hasMessageContaining("sw_interface_tx_placement_details").hasMessageContaining("threads");
    }

    @Test
    void variableStringLengthIsChecked() {
        CliInbandReply r = new CliInbandReply().reply("hello");
        byte[] b = bytes(r);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("00000000" + "00000005" + "68656c6c6f");
        ByteBuffer.wrap(b).putInt(4, 6);
        assertThatThrownBy(() -> new CliInbandReply().decode(ByteBuffer.wrap(b)))
                .isInstanceOf(MessageDecodeException.class).hasMessageContaining("cli_inband_reply").hasMessageContaining("reply");
    }

    @Test
    void unionIsSizedByItsLargestMemberAndZeroPadded() {
        assertThat(AddressUnion.SIZE).isEqualTo(16);
        Address a = new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().ip4(new Ip4Address(new byte[] {10, 0, 0, 1})));
        assertThat(a.encodedSize()).isEqualTo(17);
        assertThat(HexFormat.of().formatHex(bytes(a))).isEqualTo("00" + "0a000001" + "00".repeat(12));
        Address back = new Address();
        back.decode(ByteBuffer.wrap(bytes(a)), "test");
        assertThat(back.un().ip4().toString()).isEqualTo("10.0.0.1");
        assertThat(back).isEqualTo(a);
    }

    @Test
    void flagsAreSetsAndMasks() {
        SwInterfaceDetails d = new SwInterfaceDetails().flagsValue(3);
        assertThat(d.flags()).containsExactlyInAnyOrder(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP,
                IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP);
        d.flags(EnumSet.of(IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP));
        assertThat(d.flagsValue()).isEqualTo(2);
        d.flagsValue(0x102);
        assertThat(d.flags()).containsExactly(IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP);
        assertThat(IfStatusFlags.maskOf(EnumSet.allOf(IfStatusFlags.class).stream()
                .filter(f -> f != IfStatusFlags.UNKNOWN_VALUE).collect(java.util.stream.Collectors.toSet()))).isEqualTo(3);
    }

    @Test
    void unknownEnumValueIsCarriedNotLost() {
        SwInterfaceDetails d = new SwInterfaceDetails().typeValue(99);
        assertThat(d.type()).isEqualTo(IfType.UNKNOWN_VALUE);
        SwInterfaceDetails back = new SwInterfaceDetails();
        back.decode(ByteBuffer.wrap(bytes(d)));
        assertThat(back.typeValue()).isEqualTo(99);
        assertThatThrownBy(() -> d.type(IfType.UNKNOWN_VALUE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void f64IsLittleEndianOnTheWire() {
        io.jvppmux.binapi.vlib.GetF64EndianValue m = new io.jvppmux.binapi.vlib.GetF64EndianValue().f64One(1.0);
        byte[] b = bytes(m);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo("000000000000f03f");
        assertThat(ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getDouble()).isEqualTo(1.0);
    }

    @Test
    void unsignedSettersCheckTheirRange() {
        assertThatThrownBy(() -> new SwInterfaceDetails().swIfIndex(1L << 32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sw_interface_details.sw_if_index");
        assertThatThrownBy(() -> new SwInterfaceDetails().linkMtu(70000))
                .hasMessageContaining("0..65535");
        assertThat(new SwInterfaceDetails().swIfIndex(0xffffffffL).swIfIndex()).isEqualTo(0xffffffffL);
    }

    @Test
    void littleEndianBufferIsReadAsBigEndianAnyway() {
        SwInterfaceDetails d = new SwInterfaceDetails().swIfIndex(7);
        ByteBuffer le = ByteBuffer.allocate(d.encodedSize()).order(ByteOrder.LITTLE_ENDIAN);
        d.encode(le);
        assertThat(le.position()).isEqualTo(d.encodedSize());
        assertThat(le.array()[3]).isEqualTo((byte) 7);
    }
}
