package io.jvppmux.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The two plugins sharing one mux against mock-vpp, through a restart of the mock. */
@Timeout(60)
class TwoPluginsTest {
    private MockVpp vpp;
    private MockAddresses addresses;
    private JvppMux mux;

    @BeforeEach
    void start() {
        vpp = MockVpp.start();
        addresses = new MockAddresses(vpp);
        mux = JvppMux.connect(MuxConfig.builder().retryConnectTimeout(Duration.ofMillis(50)).build(), vpp.newTransport());
    }

    @AfterEach
    void stop() {
        mux.close();
        vpp.close();
    }

    @Test
    void eachPluginHasItsOwnChannelOnTheOneConnection() throws Exception {
        try (InterfaceWatcher watcher = new InterfaceWatcher(mux);
             LoopbackProgrammer programmer = new LoopbackProgrammer(mux, TwoPlugins.LOOPBACKS)) {
            assertThat(mux.metrics().channelsOpen()).isEqualTo(2);
            assertThat(vpp.connectedClients()).isEqualTo(1);
            assertThat(programmer.programmed()).hasSize(2);
        }
        assertThat(mux.metrics().channelsOpen()).isZero();
    }

    @Test
    void theProgrammerCreatesLoopbacksWithAddressesAndTheWatcherSeesThemComeUp() throws Exception {
        try (InterfaceWatcher watcher = new InterfaceWatcher(mux);
             LoopbackProgrammer programmer = new LoopbackProgrammer(mux, TwoPlugins.LOOPBACKS)) {
            assertProgrammed(programmer);
            await("the watcher sees both loopbacks up", () -> up(watcher, "loop0") && up(watcher, "loop1"));
            assertThat(watcher.view()).hasSize(3);
            assertThat(watcher.eventsSeen()).as("created, then set up: two events each").isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void reconcilingTwiceChangesNothing() {
        try (LoopbackProgrammer programmer = new LoopbackProgrammer(mux, TwoPlugins.LOOPBACKS)) {
            Map<DesiredLoopback, Long> first = programmer.programmed();
            vpp.clearReceived();
            assertThat(programmer.reconcile()).isEqualTo(first);
            assertThat(vpp.received(CreateLoopback.DESCRIPTOR)).isEmpty();
            assertThat(vpp.interfaces()).hasSize(3);
            assertThat(addresses.of(first.get(TwoPlugins.LOOPBACKS.get(0)))).hasSize(1);
        }
    }

    @Test
    void afterAVppRestartTheProgrammerReconcilesAndTheWatcherReadsTheTableAgain() throws Exception {
        try (InterfaceWatcher watcher = new InterfaceWatcher(mux);
             LoopbackProgrammer programmer = new LoopbackProgrammer(mux, TwoPlugins.LOOPBACKS)) {
            await("both up", () -> up(watcher, "loop0") && up(watcher, "loop1"));
            vpp.putInterface(MockInterface.loopback(7, 7, new byte[] {2, 0, 0, 0, 0, 7}));
            vpp.sendInterfaceEvent(7, 0, false);
            await("the watcher learns loop7 from its event", () -> watcher.byName("loop7") != null);
            addresses.restart();
            assertThat(vpp.interfaces()).as("a restarted VPP has only local0").hasSize(1);
            await("reconciled after the reconnect", () -> programmer.reconciles() == 2 && watcher.resyncs() == 1);
            assertProgrammed(programmer);
            await("the watcher's view is VPP's again", () -> up(watcher, "loop0") && up(watcher, "loop1")
                    && watcher.view().size() == 3);
            assertThat(watcher.byName("loop7")).as("an interface that existed only before the restart").isNull();
            vpp.setInterfaceState(0, true, true);
            await("events still flow without subscribing again", () -> up(watcher, "local0"));
        }
    }

    @Test
    void badLoopbacksAndArgumentsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> DesiredLoopback.parse("02:00:00", "10.0.0.1/24")).hasMessageContaining("02:00:00");
        assertThatThrownBy(() -> DesiredLoopback.parse("02:00:00:00:00:01", "10.0.0.300/24")).hasMessageContaining("10.0.0.300/24");
        assertThatThrownBy(() -> DesiredLoopback.parse("02:00:00:00:00:01", "10.0.0.1/33")).hasMessageContaining("33");
        assertThatThrownBy(() -> TwoPlugins.Options.parse(new String[] {"--socket", "/x", "--shm"}))
                .hasMessage("give --socket or --shm, not both");
        assertThatThrownBy(() -> TwoPlugins.Options.parse(new String[] {"--seconds", "soon"})).hasMessageContaining("soon");
        assertThatThrownBy(() -> TwoPlugins.Options.parse(new String[] {"--bogus"})).hasMessageContaining("--bogus");
        assertThat(TwoPlugins.Options.parse(new String[0]).config()).as("no arguments: the embedded mock").isNull();
    }

    private void assertProgrammed(LoopbackProgrammer programmer) {
        for (DesiredLoopback l : TwoPlugins.LOOPBACKS) {
            long index = programmer.programmed().get(l);
            MockInterface i = vpp.interfaces().stream().filter(x -> x.swIfIndex() == index).findFirst().orElseThrow();
            assertThat(i.mac()).isEqualTo(l.mac());
            assertThat(i.adminUp()).isTrue();
            assertThat(addresses.of(index)).singleElement().satisfies(p -> {
                assertThat(p.len()).isEqualTo(l.prefixLen());
                assertThat(p.address().un().ip4().bytes()).isEqualTo(l.ip4());
            });
        }
        assertThat(List.copyOf(programmer.programmed().values())).doesNotHaveDuplicates();
    }

    private static boolean up(InterfaceWatcher w, String name) {
        InterfaceState s = w.byName(name);
        return s != null && s.adminUp() && s.linkUp();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }
}
