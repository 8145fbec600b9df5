package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.VppTransportException;
import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopbackReply;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlagsReply;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.interfaces.WantInterfaceEventsReply;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterDetails;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGet;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGetReply;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process face and the built-in behaviour. */
class InProcessTransportTest {
    private final MockVpp vpp = MockVpp.start();

    @AfterEach
    void close() {
        vpp.close();
    }

    @Test
    void connectRegistersAndPingIsAnsweredOnAMockThread() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            assertThat(c.transport.isConnected()).isTrue();
            assertThat(c.transport.clientIndex() & 0x80000000).isNotZero();
            assertThat(c.transport.messageId(ControlPing.DESCRIPTOR.nameCrc())).isEqualTo(23);
            assertThat(c.transport.messageTable()).hasValueSatisfying(t -> assertThat(t).hasSize(vpp.table().size()));
            assertThat(vpp.connectedClients()).isEqualTo(1);

            c.send(new ControlPing(), 0x10001);
            byte[] raw = c.next();
            ControlPingReply r = c.decode(raw, new ControlPingReply());
            assertThat(InProcessClient.context(raw, r)).isEqualTo(0x10001);
            assertThat(r.retval()).isZero();
            assertThat(r.clientIndex()).isEqualTo(Integer.toUnsignedLong(c.transport.clientIndex()));
            assertThat(r.vpePid()).isEqualTo(vpp.pid());
            assertThat(c.sink.threads).allMatch(n -> n.startsWith("jvppmux-mock-rx-"));
        }
    }

    @Test
    void burstsFromSeveralClientsAreAllAnsweredInOrderPerClient() throws Exception {
        int clients = 4;
        int perClient = 5_000;
        List<InProcessClient> list = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                list.add(new InProcessClient(vpp));
            }
            for (InProcessClient c : list) {  // each client writes its burst on its own thread, all at once
                senders.submit(() -> {
                    for (int ctx = 1; ctx <= perClient; ctx++) {
                        c.send(new ControlPing(), ctx);
                    }
                });
            }
            for (InProcessClient c : list) {
                for (int ctx = 1; ctx <= perClient; ctx++) {
                    assertThat(InProcessClient.context(c.next(), new ControlPingReply())).as("reply %d", ctx)
                            .isEqualTo(ctx);
                }
            }
        } finally {
            senders.shutdownNow();
            list.forEach(InProcessClient::close);
        }
    }

    @Test
    void writeCopiesTheCallersBuffer() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            ByteBuffer b = ByteBuffer.allocate(10);
            MessageCodec.encode(b, new ControlPing(), 23, c.transport.clientIndex(), 77);
            c.transport.write(b.flip());
            assertThat(b.hasRemaining()).isFalse();
            b.clear();
            MessageCodec.encode(b, new ControlPing(), 23, c.transport.clientIndex(), 78);
            assertThat(InProcessClient.context(c.next(), new ControlPingReply())).isEqualTo(77);
        }
    }

    @Test
    void dumpSendsDetailsThenThePingEndsIt() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new SwInterfaceDump(), 5);
            c.send(new ControlPing(), 5);
            SwInterfaceDetails local0 = c.expect(new SwInterfaceDetails());
            assertThat(local0.interfaceName()).isEqualTo("local0");
            assertThat(local0.swIfIndex()).isZero();
            c.expect(new ControlPingReply());

            c.send(new SwInterfaceDump().nameFilterValid(true).nameFilter("loop"), 6);
            c.send(new SwInterfaceDump().swIfIndex(42), 7);
            c.send(new ControlPing(), 8);
            assertThat(InProcessClient.context(c.next(), new ControlPingReply())).as("nothing matched").isEqualTo(8);
        }
    }

    @Test
    void loopbacksFlagsAndInterfaceEvents() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new WantInterfaceEvents().enableDisable(1).pid(77), 1);
            assertThat(c.expect(new WantInterfaceEventsReply()).retval()).isZero();
            c.send(new WantInterfaceEvents().enableDisable(1).pid(77), 2);
            assertThat(c.expect(new WantInterfaceEventsReply()).retval()).as("double enable").isEqualTo(-31);

            c.send(new CreateLoopback(), 3);
            assertThat(c.expect(new CreateLoopbackReply()).swIfIndex()).isEqualTo(1);
            byte[] raw = c.next();
            SwInterfaceEvent created = c.decode(raw, new SwInterfaceEvent());
            assertThat(ByteBuffer.wrap(raw).getInt(2)).isEqualTo(c.transport.clientIndex());
            assertThat(created.pid()).isEqualTo(77);
            assertThat(created.swIfIndex()).isEqualTo(1);
            assertThat(created.deleted()).isFalse();
            assertThat(vpp.interfaces()).extracting(MockInterface::name).containsExactly("local0", "loop0");
            assertThat(vpp.interfaces().get(1).mac()).containsExactly(0xde, 0xad, 0, 0, 0, 0);

            c.send(new SwInterfaceSetFlags().swIfIndex(1).flagsValue(1), 4);
            assertThat(c.expect(new SwInterfaceSetFlagsReply()).retval()).isZero();
            assertThat(c.expect(new SwInterfaceEvent()).flagsValue()).isEqualTo(3);
            c.send(new SwInterfaceSetFlags().swIfIndex(999).flagsValue(1), 5);
            assertThat(c.expect(new SwInterfaceSetFlagsReply()).retval()).isEqualTo(-2);

            c.send(new CreateLoopback().macAddress(new MacAddress(new byte[] {2, 0, 0, 0, 0, 9})), 6);
            assertThat(c.expect(new CreateLoopbackReply()).swIfIndex()).isEqualTo(2);
            c.expect(new SwInterfaceEvent());
            c.send(new SwInterfaceDump().nameFilterValid(true).nameFilter("loop1"), 7);
            SwInterfaceDetails loop1 = c.expect(new SwInterfaceDetails());
            assertThat(loop1.l2Address().bytes()).containsExactly(2, 0, 0, 0, 0, 9);
            assertThat(loop1.interfaceDevType()).isEqualTo("Loopback");

            c.send(new DeleteLoopback().swIfIndex(1), 8);
            assertThat(c.expect(new DeleteLoopbackReply()).retval()).isZero();
            assertThat(c.expect(new SwInterfaceEvent()).deleted()).isTrue();
            c.send(new DeleteLoopback().swIfIndex(0), 9);
            assertThat(c.expect(new DeleteLoopbackReply()).retval()).as("local0 is no loopback").isEqualTo(-2);

            c.send(new WantInterfaceEvents().enableDisable(0), 10);
            assertThat(c.expect(new WantInterfaceEventsReply()).retval()).isZero();
            c.send(new WantInterfaceEvents().enableDisable(0), 11);
            assertThat(c.expect(new WantInterfaceEventsReply()).retval()).as("not registered").isEqualTo(-31);
        }
    }

    @Test
    void subscriptionsAreDroppedWhenTheClientGoes() throws Exception {
        InProcessClient c = new InProcessClient(vpp);
        c.send(new WantInterfaceEvents().enableDisable(1).pid(1), 1);
        c.expect(new WantInterfaceEventsReply());
        assertThat(vpp.interfaceEventSubscribers()).isEqualTo(1);
        c.close();
        assertThat(vpp.awaitConnectedClients(0, InProcessClient.WAIT)).isTrue();
        assertThat(vpp.interfaceEventSubscribers()).isZero();
        assertThat(c.sink.closed).as("no closed() on the client's own disconnect").isNotDone();
    }

    @Test
    void cursorStreamWithoutTxQueuesIsNoSuchEntryAsInVpp() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            for (long index : new long[] {0xffffffffL, 0, 9}) {
                c.send(new SwInterfaceTxPlacementGet().swIfIndex(index), 3);
                SwInterfaceTxPlacementGetReply none = c.expect(new SwInterfaceTxPlacementGetReply());
                assertThat(none.retval()).as("sw_if_index %d", index).isEqualTo(-6);
                assertThat(none.cursor()).isZero();
            }
        }
    }

    @Test
    void ipfixExporterZeroIsTheOneDetailAndACursorPastItIsInvalidValue() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new IpfixAllExporterGet(), 3);
            assertThat(c.expect(new IpfixAllExporterDetails()).vrfId()).isEqualTo(0xffffffffL);
            IpfixAllExporterGetReply end = c.expect(new IpfixAllExporterGetReply());
            assertThat(end.retval()).isZero();
            assertThat(end.cursor()).isEqualTo(0xffffffffL);
            c.send(new IpfixAllExporterGet().cursor(5), 4);
            assertThat(c.expect(new IpfixAllExporterGetReply()).retval()).as("as VPP 26.10").isEqualTo(-7);
        }
    }

    @Test
    void cursorStreamYieldsWithEagainThenContinues() throws Exception {
        vpp.putInterface(MockInterface.nic(1, 0, new byte[] {2, 0, 0, 0, 0, 1}, 2));
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new SwInterfaceTxPlacementGet().swIfIndex(0xffffffffL), 3);
            SwInterfaceTxPlacementDetails first = c.expect(new SwInterfaceTxPlacementDetails());
            assertThat(first.queueId()).isZero();
            SwInterfaceTxPlacementGetReply yield = c.expect(new SwInterfaceTxPlacementGetReply());
            assertThat(yield.retval()).isEqualTo(-165);
            assertThat(yield.cursor()).isEqualTo(1);

            c.send(new SwInterfaceTxPlacementGet().swIfIndex(0xffffffffL).cursor(yield.cursor()), 4);
            byte[] raw = c.next();
            SwInterfaceTxPlacementDetails second = c.decode(raw, new SwInterfaceTxPlacementDetails());
            assertThat(second.queueId()).isEqualTo(1);
            assertThat(second.threads()).containsExactly(0L);
            assertThat(ByteBuffer.wrap(raw).getInt(2)).as("request-shaped details echo client_index")
                    .isEqualTo(c.transport.clientIndex());
            assertThat(ByteBuffer.wrap(raw).getInt(6)).isEqualTo(4);
            assertThat(c.expect(new SwInterfaceTxPlacementGetReply()).retval()).isZero();

            c.send(new SwInterfaceTxPlacementGet().swIfIndex(9), 5);
            assertThat(c.expect(new SwInterfaceTxPlacementGetReply()).retval()).isEqualTo(-2);
        }
    }

    @Test
    void showVersionAndCli() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new ShowVersion(), 1);
            ShowVersionReply v = c.expect(new ShowVersionReply());
            assertThat(v.program()).isEqualTo("vpe");
            assertThat(v.version()).isEqualTo("26.06-mock");
            assertThat(v.buildDate()).isNotEmpty();
            c.send(new CliInband().cmd("show version"), 2);
            assertThat(c.expect(new CliInbandReply()).reply()).startsWith("vpp v26.06-mock");
            c.send(new CliInband().cmd("show interface"), 3);
            assertThat(c.expect(new CliInbandReply()).reply()).contains("local0", "down");
            c.send(new CliInband().cmd("show plugins"), 4);
            CliInbandReply plugins = c.expect(new CliInbandReply());
            assertThat(plugins.retval()).isZero();
            assertThat(plugins.reply()).contains("Plugin path is").doesNotContain(".so");
            c.send(new CliInband().cmd("frobnicate"), 5);
            CliInbandReply unknown = c.expect(new CliInbandReply());
            assertThat(unknown.retval()).as("as VPP 26.10").isEqualTo(-1);
            assertThat(unknown.reply()).isEqualTo("unknown input `frobnicate'\n");
        }
    }

    @Test
    void invalidRequestsGetNoReply() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            ByteBuffer wrong = ByteBuffer.allocate(10);
            MessageCodec.encode(wrong, new ControlPing(), 23, 0x1234, 1);
            c.transport.write(wrong.flip());
            c.transport.write(ByteBuffer.wrap(new byte[] {0x7f, 0x00, 0, 0, 0, 0, 0, 0, 0, 2}));
            int dump = c.transport.messageId(SwInterfaceDump.DESCRIPTOR.nameCrc());
            ByteBuffer shortDump = ByteBuffer.allocate(12).putShort((short) dump).putInt(c.transport.clientIndex()).putInt(3);
            c.transport.write(shortDump.flip());
            c.send(new ControlPing(), 4);
            assertThat(InProcessClient.context(c.next(), new ControlPingReply())).isEqualTo(4);
            assertThat(vpp.received()).extracting(ReceivedMessage::disposition).containsExactly(
                    ReceivedMessage.Disposition.DROPPED_WRONG_CLIENT_INDEX, ReceivedMessage.Disposition.DROPPED_UNKNOWN_ID,
                    ReceivedMessage.Disposition.DROPPED_TRUNCATED, ReceivedMessage.Disposition.HANDLED);
        }
    }

    @Test
    void mockSideDisconnectClosesTheSinkAndReconnectWorks() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            vpp.disconnectClients();
            Throwable cause = c.sink.closed.get(5, TimeUnit.SECONDS);
            assertThat(cause).isInstanceOf(VppTransportException.class);
            assertThat(c.sink.threads).allMatch(n -> n.startsWith("jvppmux-mock-rx-"));
            assertThat(c.transport.isConnected()).isFalse();
            assertThatThrownBy(() -> c.send(new ControlPing(), 1)).isInstanceOf(NotConnectedException.class);

            RecordingSink again = new RecordingSink();
            c.transport.connect(MuxConfig.defaults(), again);
            assertThat(c.transport.isConnected()).isTrue();
            ByteBuffer b = ByteBuffer.allocate(10);
            MessageCodec.encode(b, new ControlPing(), 23, c.transport.clientIndex(), 9);
            c.transport.write(b.flip());
            assertThat(again.next(InProcessClient.WAIT)).isNotNull();
        }
    }

    @Test
    void restartGivesNewIdsAndPid() throws Exception {
        try (InProcessClient c = new InProcessClient(vpp)) {
            int oldVersionId = c.transport.messageId(ShowVersion.DESCRIPTOR.nameCrc());
            int oldPid = vpp.pid();
            vpp.restart();
            assertThat(c.sink.closed.get(5, TimeUnit.SECONDS)).hasMessageContaining("restarted");
            assertThat(vpp.pid()).isNotEqualTo(oldPid);
            assertThat(vpp.messageId(ShowVersion.DESCRIPTOR)).isNotEqualTo(oldVersionId);
            assertThat(c.transport.messageId(ShowVersion.DESCRIPTOR.nameCrc())).as("stale until reconnect").isEqualTo(oldVersionId);

            InProcessClient d = new InProcessClient(vpp);
            assertThat(d.transport.messageId(ShowVersion.DESCRIPTOR.nameCrc())).isEqualTo(vpp.messageId(ShowVersion.DESCRIPTOR));
            d.send(new ControlPing(), 1);
            assertThat(d.expect(new ControlPingReply()).vpePid()).isEqualTo(vpp.pid());
            d.close();
        }
    }

    @Test
    void scriptedConnectFailure() {
        vpp.failNextConnects(1);
        MockTransport t = vpp.newTransport();
        assertThatThrownBy(() -> t.connect(MuxConfig.defaults(), new RecordingSink()))
                .isInstanceOf(VppTransportException.class).hasMessageContaining("refused");
        assertThat(t.isConnected()).isFalse();
        assertThatThrownBy(() -> t.write(ByteBuffer.allocate(10))).isInstanceOf(NotConnectedException.class);
        t.connect(MuxConfig.defaults(), new RecordingSink());
        assertThat(t.isConnected()).isTrue();
        assertThatThrownBy(() -> t.connect(MuxConfig.defaults(), new RecordingSink())).isInstanceOf(IllegalStateException.class);
        t.disconnect();
        t.disconnect();
        assertThat(t.isConnected()).isFalse();
    }
}
