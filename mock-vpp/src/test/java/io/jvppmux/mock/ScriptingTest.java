package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.interfaces.WantInterfaceEventsReply;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripting API the mux's tests use. */
class ScriptingTest {
    private final MockVpp vpp = MockVpp.start();

    @AfterEach
    void close() {
        vpp.close();
    }

    @Test
    void queuedRepliesAreUsedOnceEachThenBuiltInResumes() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().retval(-3)).reply(new ShowVersionReply().version("x"));
        assertThat(vpp.on(ShowVersion.DESCRIPTOR).pendingReplies()).isEqualTo(2);
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new ShowVersion(), 1);
            byte[] first = c.next();
            assertThat(c.decode(first, new ShowVersionReply()).retval()).isEqualTo(-3);
            assertThat(InProcessClient.context(first, new ShowVersionReply())).isEqualTo(1);
            c.send(new ShowVersion(), 2);
            assertThat(c.expect(new ShowVersionReply()).version()).isEqualTo("x");
            c.send(new ShowVersion(), 3);
            assertThat(c.expect(new ShowVersionReply()).program()).isEqualTo("vpe");
            assertThat(vpp.received(ShowVersion.DESCRIPTOR)).extracting(ReceivedMessage::disposition).containsExactly(
                    ReceivedMessage.Disposition.SCRIPTED, ReceivedMessage.Disposition.SCRIPTED,
                    ReceivedMessage.Disposition.HANDLED);
        }
    }

    @Test
    void forgedDuplicateAndRawReplies() throws Exception {
        ControlPingReply r = new ControlPingReply();
        vpp.on(ControlPing.DESCRIPTOR).reply(MockReply.withContext(r, 0x999), MockReply.of(r), MockReply.of(r),
                MockReply.raw(new byte[] {0x7e, 0x7e, 1}));
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new ControlPing(), 5);
            assertThat(InProcessClient.context(c.next(), r)).isEqualTo(0x999);
            assertThat(InProcessClient.context(c.next(), r)).isEqualTo(5);
            assertThat(InProcessClient.context(c.next(), r)).isEqualTo(5);
            assertThat(c.next()).containsExactly(0x7e, 0x7e, 1);
        }
    }

    @Test
    void responderComputesRepliesAndCanReorderThem() throws Exception {
        vpp.on(CliInband.DESCRIPTOR).respond(req -> List.of(
                MockReply.of(new CliInbandReply().reply("echo " + req.message(CliInband.class).cmd()))));
        List<ReceivedMessage> held = new ArrayList<>();
        vpp.on(ShowVersion.DESCRIPTOR).respond(req -> {
            held.add(req);
            if (held.size() < 2) {
                return List.of();
            }
            return List.of(MockReply.withContext(new ShowVersionReply(), held.get(1).context()),
                    MockReply.withContext(new ShowVersionReply(), held.get(0).context()));
        });
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new CliInband().cmd("hi"), 1);
            assertThat(c.expect(new CliInbandReply()).reply()).isEqualTo("echo hi");
            c.send(new ShowVersion(), 10);
            c.send(new ShowVersion(), 11);
            assertThat(InProcessClient.context(c.next(), new ShowVersionReply())).isEqualTo(11);
            assertThat(InProcessClient.context(c.next(), new ShowVersionReply())).isEqualTo(10);
        }
    }

    @Test
    void silenceNextSilenceAllAndReset() throws Exception {
        vpp.on(ControlPing.DESCRIPTOR).silenceNext(2);
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new ControlPing(), 1);
            c.send(new ControlPing(), 2);
            c.send(new ControlPing(), 3);
            assertThat(InProcessClient.context(c.next(), new ControlPingReply())).isEqualTo(3);

            vpp.silenceAll(true);
            c.send(new ShowVersion(), 4);
            vpp.awaitReceived(r -> r.context() == 4, InProcessClient.WAIT).orElseThrow();
            vpp.silenceAll(false);
            vpp.on(ShowVersion.DESCRIPTOR).silence();
            c.send(new ShowVersion(), 5);
            vpp.awaitReceived(r -> r.context() == 5, InProcessClient.WAIT).orElseThrow();
            vpp.on("show_version").reset();
            c.send(new ShowVersion(), 6);
            assertThat(InProcessClient.context(c.next(), new ShowVersionReply())).isEqualTo(6);
            assertThat(vpp.received()).extracting(ReceivedMessage::disposition).containsExactly(
                    ReceivedMessage.Disposition.SILENCED, ReceivedMessage.Disposition.SILENCED,
                    ReceivedMessage.Disposition.HANDLED, ReceivedMessage.Disposition.SILENCED,
                    ReceivedMessage.Disposition.SILENCED, ReceivedMessage.Disposition.HANDLED);
        }
    }

    @Test
    void delayHoldsTheRequestAndEverythingAfterIt() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).delay(Duration.ofMillis(150));
        try (InProcessClient c = new InProcessClient(vpp)) {
            long start = System.nanoTime();
            c.send(new ShowVersion(), 1);
            c.send(new ControlPing(), 2);
            assertThat(InProcessClient.context(c.next(), new ShowVersionReply())).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(InProcessClient.context(c.next(), new ControlPingReply())).isEqualTo(2);

            vpp.on(ShowVersion.DESCRIPTOR).reset();
            vpp.delayAll(Duration.ofMillis(100));
            start = System.nanoTime();
            c.send(new ControlPing(), 3);
            c.next();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void delayOfOneClientDoesNotHoldAnother() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).delay(Duration.ofSeconds(3));
        try (InProcessClient slow = new InProcessClient(vpp); InProcessClient fast = new InProcessClient(vpp)) {
            slow.send(new ShowVersion(), 1);
            long start = System.nanoTime();
            fast.send(new ControlPing(), 2);
            fast.expect(new ControlPingReply());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void eventsUnsolicitedRepliesUnknownIdsAndKeepalives() throws Exception {
        try (InProcessClient a = new InProcessClient(vpp); InProcessClient b = new InProcessClient(vpp)) {
            vpp.emitEvent(new SwInterfaceEvent().swIfIndex(7).flagsValue(2));
            for (InProcessClient c : List.of(a, b)) {
                byte[] raw = c.next();
                assertThat(c.decode(raw, new SwInterfaceEvent()).swIfIndex()).isEqualTo(7);
                assertThat(ByteBuffer.wrap(raw).getInt(2)).isEqualTo(c.transport.clientIndex());
            }
            vpp.sendToClients(new ControlPingReply(), 0x4321);
            assertThat(InProcessClient.context(a.next(), new ControlPingReply())).isEqualTo(0x4321);
            b.next();

            int unknown = vpp.sendUnknownMessageId();
            assertThat(unknown).isGreaterThan(vpp.table().maxId());
            assertThat(TestWire.id(a.next())).isEqualTo(unknown);
            b.next();

            a.send(new WantInterfaceEvents().enableDisable(1).pid(3), 1);
            a.expect(new WantInterfaceEventsReply());
            vpp.setInterfaceState(0, true, false);
            assertThat(a.expect(new SwInterfaceEvent()).flagsValue()).isEqualTo(1);
            vpp.sendInterfaceEvent(0, 3, false);
            assertThat(a.expect(new SwInterfaceEvent()).flagsValue()).isEqualTo(3);
            assertThat(vpp.interfaces().get(0).adminUp()).isTrue();
            assertThatThrownBy(() -> vpp.setInterfaceState(5, true, true)).isInstanceOf(IllegalArgumentException.class);

            vpp.sendKeepalive();
            byte[] ka = a.next();
            a.decode(ka, new MemclntKeepalive());
            assertThat(ByteBuffer.wrap(ka).getInt(2)).isEqualTo(a.transport.clientIndex());
            assertThat(ByteBuffer.wrap(ka).getInt(6)).isEqualTo(a.transport.clientIndex());
            a.send(new MemclntKeepaliveReply(), ByteBuffer.wrap(ka).getInt(6));
            assertThat(vpp.awaitReceived(MemclntKeepaliveReply.DESCRIPTOR, InProcessClient.WAIT).disposition())
                    .isEqualTo(ReceivedMessage.Disposition.HANDLED);
            b.decode(b.next(), new MemclntKeepalive());
            assertThat(b.sink.messages()).as("b is not subscribed: no interface events").isEmpty();
        }
    }

    @Test
    void dumpCanBeScriptedWithManyDetails() throws Exception {
        vpp.on(SwInterfaceDump.DESCRIPTOR).reply(new SwInterfaceDetails().interfaceName("a"),
                new SwInterfaceDetails().interfaceName("b"));
        try (InProcessClient c = new InProcessClient(vpp)) {
            c.send(new SwInterfaceDump(), 1);
            c.send(new ControlPing(), 1);
            assertThat(c.expect(new SwInterfaceDetails()).interfaceName()).isEqualTo("a");
            assertThat(c.expect(new SwInterfaceDetails()).interfaceName()).isEqualTo("b");
            c.expect(new ControlPingReply());
        }
    }

    @Test
    void inspectionAndBadArguments() {
        assertThatThrownBy(() -> vpp.on("no_such_message")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_message");
        assertThatThrownBy(() -> vpp.awaitReceived(ShowVersion.DESCRIPTOR, Duration.ofMillis(20)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("show_version");
        assertThatThrownBy(() -> vpp.on(ShowVersion.DESCRIPTOR).silenceNext(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MockReply.raw(new byte[1])).isInstanceOf(IllegalArgumentException.class);
        assertThat(vpp.receivedCount()).isZero();
    }
}
