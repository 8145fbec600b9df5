package io.jvppmux.impl.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.interfaces.InterfacesService;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.binapi.vpe.VpeService;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The generated service clients against mock-vpp: each kind of method does what its ApiChannel call does. */
@Timeout(30)
class GeneratedServiceTest {
    private static final long ALL = 0xffffffffL;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private MockVpp vpp;
    private JvppMux mux;
    private ApiChannel ch;

    @BeforeEach
    void start() {
        vpp = MockVpp.start();
        mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport());
        ch = mux.newApiChannel();
    }

    @AfterEach
    void stop() {
        ch.close();
        mux.close();
        vpp.close();
    }

    @Test
    void theSeedsInterfaceDumpIsOneCall() {
        List<SwInterfaceDetails> all = InterfacesService.of(ch).swInterfaceDump(new SwInterfaceDump());
        assertThat(all).extracting(SwInterfaceDetails::interfaceName).containsExactly("local0");
        assertThat(vpp.received(SwInterfaceDump.DESCRIPTOR)).hasSize(1);
    }

    @Test
    void aCallReturnsTheReplyAndAnAsyncCallItsFuture() throws Exception {
        VpeService vpe = VpeService.of(ch);
        int before = vpp.received(ShowVersion.DESCRIPTOR).size();   // the mux asks for the version itself at connect
        ShowVersionReply v = vpe.showVersion(new ShowVersion());
        assertThat(v.program()).isEqualTo("vpe");
        ShowVersionReply later = vpe.showVersionAsync(new ShowVersion()).get(5, TimeUnit.SECONDS);
        assertThat(later.version()).isEqualTo(v.version());
        assertThat(vpp.received(ShowVersion.DESCRIPTOR)).hasSize(before + 2);
    }

    @Test
    void aNonZeroRetvalIsAVppApiException() {
        InterfacesService s = InterfacesService.of(ch);
        assertThatThrownBy(() -> s.swInterfaceSetFlags(new SwInterfaceSetFlags().swIfIndex(77).flagsValue(1)))
                .isInstanceOfSatisfying(VppApiException.class, e -> assertThat(e.retval()).isNotZero());
        assertThat(s.swInterfaceSetFlagsAsync(new SwInterfaceSetFlags().swIfIndex(77).flagsValue(1)))
                .failsWithin(WAIT).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(VppApiException.class);
    }

    @Test
    void aCursorStreamReturnsEveryDetailAcrossEagain() {
        vpp.putInterface(MockInterface.nic(1, 0, new byte[] {2, 0, 0, 0, 0, 1}, 2));
        vpp.putInterface(MockInterface.nic(2, 1, new byte[] {2, 0, 0, 0, 0, 2}, 2));
        List<SwInterfaceTxPlacementDetails> all =
                InterfacesService.of(ch).swInterfaceTxPlacementGet(new SwInterfaceTxPlacementGet().swIfIndex(ALL));
        assertThat(all).extracting(SwInterfaceTxPlacementDetails::swIfIndex).containsExactly(1L, 1L, 2L, 2L);
        assertThat(vpp.received(SwInterfaceTxPlacementGet.DESCRIPTOR)).as("resent after -165").hasSize(2);
    }

    @Test
    void aWantSubscriptionRegistersDeliversAndItsCloseSendsTheDisable() {
        InterfacesService s = InterfacesService.of(ch);
        WantInterfaceEvents want = new WantInterfaceEvents().pid(4321);
        try (Subscription<SwInterfaceEvent> events = s.wantInterfaceEvents(want, 8)) {
            assertThat(want.enableDisable()).as("the method sets the enable field").isEqualTo(1);
            assertThat(vpp.interfaceEventSubscribers()).isEqualTo(1);
            vpp.sendInterfaceEvent(0, 3, false);
            SwInterfaceEvent e = events.poll(WAIT);
            assertThat(e).isNotNull();
            assertThat(e.swIfIndex()).isZero();
            assertThat(events.dropped()).isZero();
        }
        assertThat(vpp.interfaceEventSubscribers()).as("closing sent the disable").isZero();
        List<ReceivedMessage> sent = vpp.received(WantInterfaceEvents.DESCRIPTOR);
        assertThat(sent).hasSize(2);
        WantInterfaceEvents disable = sent.get(1).message(WantInterfaceEvents.class);
        assertThat(disable.enableDisable()).isZero();
        assertThat(disable.pid()).as("the request's other fields are kept").isEqualTo(4321);
    }

    @Test
    void closingTwiceSendsOneDisableAndAClosedSubscriptionRefusesPolls() {
        Subscription<SwInterfaceEvent> events = InterfacesService.of(ch).wantInterfaceEvents(new WantInterfaceEvents(), 4);
        events.close();
        events.close();
        assertThat(vpp.received(WantInterfaceEvents.DESCRIPTOR)).hasSize(2);
        assertThatThrownBy(() -> events.poll(Duration.ofMillis(10))).isInstanceOf(ChannelClosedException.class);
    }

    @Test
    void aRefusedWantThrowsAndLeavesNoSubscriptionBehind() {
        InterfacesService s = InterfacesService.of(ch);
        try (Subscription<SwInterfaceEvent> first = s.wantInterfaceEvents(new WantInterfaceEvents(), 4)) {
            // mock-vpp, as VPP, refuses a second registration of the same client
            assertThatThrownBy(() -> s.wantInterfaceEvents(new WantInterfaceEvents(), 4))
                    .isInstanceOf(VppApiException.class);
            assertThat(vpp.interfaceEventSubscribers()).isEqualTo(1);
            vpp.sendInterfaceEvent(0, 1, false);
            assertThat(first.poll(WAIT)).isNotNull();
        }
        assertThat(vpp.interfaceEventSubscribers()).isZero();
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> InterfacesService.of(null)).isInstanceOf(NullPointerException.class).hasMessage("channel");
        assertThatThrownBy(() -> InterfacesService.of(ch).wantInterfaceEvents(null, 4))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> InterfacesService.of(ch).wantInterfaceEvents(new WantInterfaceEvents(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(vpp.received(WantInterfaceEvents.DESCRIPTOR)).as("nothing sent for a bad buffer size").isEmpty();
    }
}
