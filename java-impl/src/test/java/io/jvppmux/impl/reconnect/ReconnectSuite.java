package io.jvppmux.impl.reconnect;

import static io.jvppmux.api.ConnectionState.CLOSED;
import static io.jvppmux.api.ConnectionState.CONNECTED;
import static io.jvppmux.api.ConnectionState.DISCONNECTED;
import static io.jvppmux.api.ConnectionState.FAILED;
import static io.jvppmux.api.ConnectionState.NOT_RESPONDING;
import static io.jvppmux.api.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionEvent;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.PluginInfo;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppInfo;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.impl.testing.Tally;
import io.jvppmux.mock.MockReply;
import io.jvppmux.mock.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * VPP dying, restarting, falling silent or slowing down under the mux, over one face of mock-vpp (each
 * subclass picks it). Every test ends in specific exceptions and a recovery, and with every thread gone.
 */
abstract class ReconnectSuite extends ReconnectFixture {
    private static final long PID = 1234;
    /** Everything the mux may legitimately send; a message with a stale id would show up as something else. */
    private static final Set<String> SENDABLE = Set.of("sockclnt_create", "sockclnt_delete", "control_ping",
            "show_version", "cli_inband", "want_interface_events", "memclnt_keepalive_reply");

    @Test
    void restartWithNewIdsUnderTrafficFailsOnlyWhatWasInFlightAndKeepsEventsFlowing() throws Exception {
        ApiChannel subscriber = mux.newApiChannel();
        Subscription<SwInterfaceEvent> interfaceEvents = subscriber.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100);
        subscriber.call(new WantInterfaceEvents().enableDisable(1).pid(PID));
        RequestContext held = holdOneRequest();
        int idBefore = vpp.messageId(ShowVersion.DESCRIPTOR);
        long pidBefore = vpp.pid();
        restartUnderTraffic(4);
        assertThatThrownBy(() -> held.receiveReply(new CliInbandReply())).isInstanceOf(NotConnectedException.class)
                .hasMessageContaining("connection to VPP lost");
        assertThat(vpp.messageId(ShowVersion.DESCRIPTOR)).as("VPP's ids changed").isNotEqualTo(idBefore);
        assertThat(mux.vppInfo().pid()).isEqualTo(vpp.pid()).isNotEqualTo(pidBefore);
        assertNothingWasSentWithAStaleId();
        vpp.sendInterfaceEvent(0, 1, false);
        SwInterfaceEvent e = interfaceEvents.poll(WAIT);
        assertThat(e).as("event after the restart, without subscribing again").isNotNull();
        assertThat(e.pid()).isEqualTo(PID);
        assertThat(vpp.received(WantInterfaceEvents.DESCRIPTOR)).as("the plugin's, then the mux's").hasSize(2);
        assertThat(vpp.interfaceEventSubscribers()).isEqualTo(1);
    }

    /**
     * Restarts VPP while {@code threads} plugins call it without pause; every call must succeed or fail with
     * NotConnectedException, and every call made after the CONNECTED event must succeed.
     */
    private void restartUnderTraffic(int threads) throws InterruptedException {
        Traffic traffic = new Traffic(mux, threads);
        Instant restartedAt;
        ConnectionEvent down;
        ConnectionEvent up;
        try {
            traffic.successes.await(300, WAIT);
            restartedAt = Instant.now();
            vpp.restart();
            down = events.await(DISCONNECTED, WAIT);
            up = events.await(CONNECTED, WAIT);
            traffic.recovered();
            traffic.successes.await(traffic.successes.get() + 300, WAIT);
        } finally {
            traffic.stop();
        }
        assertThat(traffic.unexpected).as("failures other than NotConnectedException").isEmpty();
        assertThat(traffic.failuresAfterRecovery).as("calls failed after the reconnect").hasValue(0);
        report("restart under traffic", restartedAt, down, up, traffic.notConnected.get());
    }

    /** Sends a cli_inband that VPP swallows: a request certainly in flight at the next restart. */
    private RequestContext holdOneRequest() {
        vpp.on(CliInband.DESCRIPTOR).silenceNext(1);
        ApiChannel holder = mux.newApiChannel();
        holder.setReplyTimeout(Duration.ofSeconds(30));
        RequestContext held = holder.sendRequest(new CliInband().cmd("held"));
        vpp.awaitReceived(r -> r.is(CliInband.DESCRIPTOR) && r.message(CliInband.class).cmd().equals("held"), WAIT);
        return held;
    }

    private void assertNothingWasSentWithAStaleId() {
        List<ReceivedMessage> all = vpp.received();
        assertThat(all).filteredOn(r -> r.disposition().isDropped()).as("messages VPP could not take").isEmpty();
        Set<String> names = all.stream().map(ReceivedMessage::name).collect(Collectors.toSet());
        assertThat(names).as("only what the test and the mux send").isSubsetOf(SENDABLE);
    }

    private void report(String what, Instant at, ConnectionEvent down, ConnectionEvent up, long failedCalls) {
        System.out.printf("TIMING %s over %s: lost after %d ms, reconnected after %d ms (%s); %d calls failed with "
                        + "NotConnectedException%n", what, getClass().getSimpleName(), Duration.between(at, down.timestamp()).toMillis(),
                Duration.between(at, up.timestamp()).toMillis(), up.reason(), failedCalls);
    }

    @Test
    void aDumpCutByARestartFailsWithNotConnectedAndTheNextDumpWorks() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new CreateLoopback());
            ch.call(new CreateLoopback());
            swallowOneDumpEnd();
            ch.setReplyTimeout(Duration.ofSeconds(30));
            MultiRequestContext dump = ch.sendMultiRequest(new SwInterfaceDump());
            SwInterfaceDetails first = new SwInterfaceDetails();
            assertThat(dump.receiveReply(first)).isFalse();
            assertThat(first.interfaceName()).isEqualTo("local0");
            vpp.awaitReceived(r -> r.is(ControlPing.DESCRIPTOR) && Contexts.isMultipart(r.context()), WAIT);
            vpp.restart();
            assertThatThrownBy(() -> drain(dump)).isInstanceOf(NotConnectedException.class);
            events.await(CONNECTED, WAIT);
            assertThat(ch.dump(new SwInterfaceDump())).extracting(SwInterfaceDetails::interfaceName)
                    .as("the restarted VPP's interfaces").containsExactly("local0");
        }
    }

    /** The next dump's control_ping gets no reply (health-check probes still do): the dump stays open. */
    private void swallowOneDumpEnd() {
        AtomicBoolean swallowed = new AtomicBoolean();
        vpp.on(ControlPing.DESCRIPTOR).respond(r -> Contexts.isMultipart(r.context()) && swallowed.compareAndSet(false, true)
                ? List.of() : pong(r, vpp.pid()));
    }

    /** What VPP answers {@code control_ping} {@code r} with, claiming pid {@code pid}. */
    static List<MockReply> pong(ReceivedMessage r, long pid) {
        return List.of(MockReply.of(new ControlPingReply().clientIndex(Integer.toUnsignedLong(r.clientIndex())).vpePid(pid)));
    }

    private static void drain(MultiRequestContext dump) {
        while (!dump.receiveReply(new SwInterfaceDetails())) {
            // the details that arrived before the restart, then the failure
        }
    }

    @Test
    void restartIsReportedWithTheNewPidRefreshesVppInfoAndCallsOnReconnect() {
        vpp.on(CliInband.DESCRIPTOR).respond(r -> List.of(MockReply.of(new CliInbandReply().reply(
                r.message(CliInband.class).cmd().equals("show plugins") ? SHOW_PLUGINS : "unknown input\n"))));
        assertThat(mux.vppInfo().plugins()).as("read at connect, before the script").isEmpty();
        Tally removedCalls = new Tally();
        Tally resyncs = new Tally();
        ListenerRegistration removed = mux.onReconnect(removedCalls::increment);
        mux.onReconnect(resyncs::increment);
        removed.close();
        long before = mux.vppInfo().pid();
        vpp.restart();
        ConnectionEvent up = events.await(CONNECTED, WAIT);
        assertThat(up.reason()).contains("VPP restarted (pid " + before + " -> " + vpp.pid() + ")");
        awaitQuietly(resyncs, 1);
        assertThat(removedCalls.get()).as("a removed callback").isZero();
        VppInfo info = mux.vppInfo();
        assertThat(info.pid()).isEqualTo(vpp.pid());
        assertThat(info.plugins()).containsExactly(
                new PluginInfo("acl", "acl_plugin.so", "26.06-release", "Access Control Lists (ACL)"),
                new PluginInfo("memif", "memif_plugin.so", "26.06-release", "Packet Memory Interface (memif)"));
        assertThat(info.isPluginLoaded("memif")).isTrue();
        assertThat(mux.metrics().reconnects()).isEqualTo(1);
        assertThat(events.states()).containsSubsequence(DISCONNECTED, RECONNECTING, CONNECTED);
    }

    /** VPP 26.06's {@code show plugins}, shortened. */
    static final String SHOW_PLUGINS = """
             Plugin path is: /usr/lib/x86_64-linux-gnu/vpp_plugins:/usr/lib/vpp_plugins

                 Plugin                                   Version                          Description
              1. acl_plugin.so                            26.06-release                    Access Control Lists (ACL)
              2. memif_plugin.so                          26.06-release                    Packet Memory Interface (memif)
            """;

    @Test
    void aNewPidInAProbeIsARestartEvenWithoutADisconnect() {
        vpp.on(ControlPing.DESCRIPTOR).respond(r -> pong(r, 7777));
        ConnectionEvent down = events.await(DISCONNECTED, WAIT);
        assertThat(down.reason()).isEqualTo("VPP restarted: pid " + vpp.pid() + " -> 7777");
        events.await(CONNECTED, WAIT);
        assertThat(mux.vppInfo().pid()).isEqualTo(7777);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
        }
    }

    @Test
    void aSilentVppIsFoundByTheHealthCheckAndRecoveredWhenItAnswersAgain() {
        connect(fast().replyTimeout(Duration.ofMillis(300)).build());
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofSeconds(20));
            Instant silentAt = Instant.now();
            vpp.silenceAll(true);
            RequestContext waiting = ch.sendRequest(new ShowVersion());
            assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(NotConnectedException.class)
                    .hasMessageContaining("health-check probes");
            ConnectionEvent notResponding = events.await(NOT_RESPONDING, WAIT);
            events.await(DISCONNECTED, WAIT);
            events.await(RECONNECTING, WAIT);
            assertThat(mux.metrics().healthMisses()).isGreaterThanOrEqualTo(3);
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
            vpp.silenceAll(false);
            ConnectionEvent up = events.await(CONNECTED, WAIT);
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
            report("silent VPP", silentAt, notResponding, up, 1);
        }
    }

    @Test
    void aBusyVppWhoseProbesAreLateIsNotDeclaredDeadWhileItAnswersOthers() throws Exception {
        vpp.on(ControlPing.DESCRIPTOR).respond(r -> List.of());
        int probes = vpp.received(ControlPing.DESCRIPTOR).size();
        Traffic traffic = new Traffic(mux, 2);
        try {
            awaitProbes(probes + 10);
        } finally {
            traffic.stop();
        }
        assertThat(traffic.unexpected).isEmpty();
        assertThat(events.states()).as("while VPP answered the plugins").doesNotContain(NOT_RESPONDING);
        events.await(NOT_RESPONDING, WAIT);
    }

    @Test
    void aSlowVppWithinTheProbeTimeoutStaysConnectedAndOnlyTooShortTimeoutsFail() {
        connect(fast().healthCheckProbeInterval(Duration.ofMillis(100)).healthCheckReplyTimeout(Duration.ofMillis(80))
                .healthCheckThreshold(3).build());
        vpp.delayAll(Duration.ofMillis(10));
        int probes = vpp.received(ControlPing.DESCRIPTOR).size();
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofMillis(2));
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
            ch.setReplyTimeout(Duration.ofSeconds(2));
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
            awaitProbes(probes + 8);
        }
        assertThat(events.states()).doesNotContain(NOT_RESPONDING, DISCONNECTED);
        assertThat(mux.connectionState()).isEqualTo(CONNECTED);
    }

    private void awaitProbes(int count) {
        vpp.awaitReceived(r -> r.is(ControlPing.DESCRIPTOR) && vpp.received(ControlPing.DESCRIPTOR).size() >= count, WAIT)
                .orElseThrow(() -> new AssertionError("fewer than " + count + " probes within " + WAIT));
    }

    @Test
    void aReconnectStormEndsConnectedToTheLastVppWithEverythingWorking() throws Exception {
        try (ApiChannel ch = mux.newApiChannel();
             Subscription<SwInterfaceEvent> sub = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100)) {
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(PID));
            for (int i = 0; i < 20; i++) {
                vpp.restart();
            }
            events.await(e -> e.state() == CONNECTED && mux.vppInfo().pid() == vpp.pid(), "CONNECTED to the last VPP", WAIT);
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
            vpp.sendInterfaceEvent(0, 1, false);
            assertThat(sub.poll(WAIT)).as("event after the storm").isNotNull();
            assertThat(vpp.awaitConnectedClients(1, WAIT)).as("one client left in VPP").isTrue();
            assertThat(vpp.interfaceEventSubscribers()).isEqualTo(1);
            assertOrderly(events.states());
        }
    }

    /** Every CONNECTED after the first follows a RECONNECTING; every loss is followed by a RECONNECTING. */
    private static void assertOrderly(List<ConnectionState> states) {
        for (int i = 1; i < states.size(); i++) {
            ConnectionState prev = states.get(i - 1);
            ConnectionState now = states.get(i);
            if (now == CONNECTED) {
                assertThat(prev).as("before CONNECTED in " + states).isEqualTo(RECONNECTING);
            }
            if (prev == DISCONNECTED) {
                assertThat(now).as("after DISCONNECTED in " + states).isEqualTo(RECONNECTING);
            }
        }
    }

    @Test
    void aPluginThatNeverDrainsDisturbsNeitherTheHealthCheckNorOtherPlugins() {
        try (ApiChannel stuck = mux.newApiChannelBuffered(100, 1);
             ApiChannel other = mux.newApiChannel()) {
            Subscription<SwInterfaceEvent> stuckEvents = stuck.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1);
            stuck.call(new WantInterfaceEvents().enableDisable(1).pid(PID));
            List<RequestContext> neverRead = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                neverRead.add(stuck.sendRequest(new ShowVersion()));
                vpp.sendInterfaceEvent(0, 1, false);
            }
            int probes = vpp.received(ControlPing.DESCRIPTOR).size();
            for (int i = 0; i < 50; i++) {
                assertThat(other.call(new ShowVersion()).program()).isEqualTo("vpe");
            }
            awaitProbes(probes + 5);
            assertThat(events.states()).doesNotContain(NOT_RESPONDING, DISCONNECTED);
            assertThat(mux.metrics().overflowDrops()).isEqualTo(49);
            // its 50 unread events are absorbed by the event byte budget (beyond its buffer size of 1), none lost
            assertThat(stuckEvents.dropped()).isZero();
            assertThat(mux.metrics().eventDrops()).isZero();
            vpp.restart();
            events.await(CONNECTED, WAIT);
            assertThat(other.call(new ShowVersion()).program()).isEqualTo("vpe");
            neverRead.get(0).receiveReply(new ShowVersionReply());
            assertThat(stuck.call(new ShowVersion()).program()).as("works again once drained").isEqualTo("vpe");
        }
    }

    @Test
    void aStuckListenerDelaysNoReconnectAndStillGetsEveryEventInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        mux.addConnectionListener(e -> awaitQuietly(release));
        EventRecorder behind = new EventRecorder();
        mux.addConnectionListener(behind);
        int oldClient = vpp.received(ShowVersion.DESCRIPTOR).get(0).clientIndex();
        vpp.restart();
        vpp.awaitReceived(r -> r.is(CliInband.DESCRIPTOR) && r.clientIndex() != oldClient, WAIT)
                .orElseThrow(() -> new AssertionError("the mux did not reconnect while a listener was stuck"));
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
        }
        release.countDown();
        behind.await(DISCONNECTED, WAIT);
        behind.await(RECONNECTING, WAIT);
        behind.await(CONNECTED, WAIT);
    }

    @Test
    void withRetryConnectCountTheMuxGivesUpForGoodAsFailed() {
        connect(fast().retryConnectCount(3).build());
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        events.await(DISCONNECTED, WAIT);
        for (int i = 1; i <= 3; i++) {
            assertThat(events.await(RECONNECTING, WAIT).reason()).isEqualTo("attempt " + i + " of 3");
        }
        ConnectionEvent failed = events.await(FAILED, WAIT);
        assertThat(failed.reason()).contains("gave up after 3");
        assertThat(failed.cause()).isNotNull();
        vpp.failNextConnects(0);
        assertThat(mux.connectionState()).isEqualTo(FAILED);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
        }
    }

    @Test
    void byDefaultTheMuxNeverGivesUp() {
        vpp.failNextConnects(6);
        vpp.disconnectClients();
        events.await(CONNECTED, WAIT);
        assertThat(events.states().stream().filter(s -> s == RECONNECTING).count()).isEqualTo(7);
        assertThat(events.states()).doesNotContain(FAILED);
    }

    @Test
    void aRegistrationThePluginDisabledIsNotRestored() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(PID));
            ch.call(new WantInterfaceEvents().enableDisable(0).pid(PID));
            vpp.restart();
            events.await(CONNECTED, WAIT);
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
            assertThat(vpp.received(WantInterfaceEvents.DESCRIPTOR)).as("the plugin's two, none from the mux").hasSize(2);
            assertThat(vpp.interfaceEventSubscribers()).isZero();
        }
    }

    @Test
    void requestsSentWhileDisconnectedFailAtOnceAndAreCountedAsNotConnected() {
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        events.await(RECONNECTING, WAIT);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
            assertThatThrownBy(() -> ch.dump(new SwInterfaceDump())).isInstanceOf(NotConnectedException.class);
            assertThatThrownBy(() -> ch.callAsync(new ShowVersion()).join()).hasCauseInstanceOf(NotConnectedException.class);
        }
        assertThat(mux.isConnected()).isFalse();
        assertThat(mux.vppInfo().connected()).isFalse();
        assertThat(mux.metrics().failures(FailureCause.NOT_CONNECTED)).isGreaterThanOrEqualTo(3);
        assertThat(mux.metrics().message("show_version").failures(FailureCause.NOT_CONNECTED)).isGreaterThanOrEqualTo(2);
        vpp.failNextConnects(0);
        events.await(CONNECTED, WAIT);
        assertThat(mux.vppInfo().connected()).isTrue();
    }

    @Test
    void closingDuringTheReconnectBackoffEndsEveryMuxThreadAtOnce() {
        connect(fast().retryConnectTimeout(Duration.ofSeconds(30)).reconnectBackoffMax(Duration.ofSeconds(30)).build());
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        events.await(RECONNECTING, WAIT);
        assertClosesPromptly();
    }

    @Test
    void closingWhileAReconnectWaitsForASilentVppEndsEveryMuxThreadAtOnce() {
        connect(fast().replyTimeout(Duration.ofSeconds(30)).build());
        vpp.silenceAll(true);
        events.await(NOT_RESPONDING, WAIT);
        vpp.awaitReceived(r -> r.is(ControlPing.DESCRIPTOR) && r.disposition() == ReceivedMessage.Disposition.SILENCED
                && r.clientIndex() != vpp.received().get(0).clientIndex(), WAIT)
                .orElseThrow(() -> new AssertionError("no reconnect attempt reached the silent VPP"));
        assertClosesPromptly();
    }

    private void assertClosesPromptly() {
        long start = System.nanoTime();
        mux.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(events.await(CLOSED, WAIT)).isNotNull();
        assertThat(MuxThreads.startedSince(Set.of())).as("mux threads after close").isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(Tally tally, long target) {
        try {
            tally.await(target, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
