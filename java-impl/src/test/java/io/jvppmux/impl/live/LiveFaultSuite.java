package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionEvent;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.TransportKind;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.EventRecorder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real VPP dying, freezing and starting late under a mux with default settings, over one transport (each subclass picks it
 * and owns its VPP, so the VPP other tests share is never touched). Prints what it measured as
 * {@code LIVE-FIGURE} lines (which {@code .ci/run} repeats at the end of the CI log).
 */
@Timeout(180)
abstract class LiveFaultSuite {
    /** Bound of every wait for a state change. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** A call longer than this hangs: the reply timeout is 1 s. */
    static final Duration HANG = Duration.ofSeconds(10);
    /**
     * How soon after VPP is ready again (its CLI answers) the mux must be CONNECTED: the reconnect is driven by VPP
     * coming back, not by the backoff, which by then has grown to seconds. Measured: a few ms.
     */
    static final Duration BACK_AFTER_READY = Duration.ofSeconds(1);
    private static final long ME = ProcessHandle.current().pid();

    protected JvppMux mux;
    protected EventRecorder events;
    protected VppProcess vpp;

    /** The test class's own VPP. */
    protected abstract OwnVpp own();

    /** The transport under test. */
    protected abstract TransportKind kind();

    @BeforeEach
    void connect() {
        vpp = own().ensureRunning();
        events = new EventRecorder();
        mux = LiveTransports.connect(kind(), MuxConfig.defaults(), vpp);
        mux.addConnectionListener(events);
    }

    @AfterEach
    void close() {
        if (mux != null) {
            mux.close();
        }
    }

    @Test
    void killedMidTrafficThenRestartedEveryRequestEndsAndEventsFlowAgain() throws Exception {
        long pidBefore = vpp.pid();
        ApiChannel subscriber = mux.newApiChannel();
        Subscription<SwInterfaceEvent> interfaceEvents = subscriber.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100);
        subscriber.call(new WantInterfaceEvents().enableDisable(1).pid(ME));
        LiveTraffic traffic = new LiveTraffic(mux, 4);
        awaitAtLeast(traffic.replies::get, 200, "replies before the kill");

        long killed = System.nanoTime();
        Duration dying = vpp.kill();
        ConnectionEvent lost = events.await(e -> e.state() == ConnectionState.DISCONNECTED
                || e.state() == ConnectionState.NOT_RESPONDING, "loss", WAIT);
        long lostAt = System.nanoTime();
        long restarting = System.nanoTime();
        long pidAfter = vpp.restart();
        long vppUp = System.nanoTime();
        // a busy machine may make VPP miss health probes before the kill lands: the mux then reconnects to the same
        // VPP ("same VPP (pid ...)") first, which is not the reconnect this test measures
        ConnectionEvent up = events.await(e -> e.state() == ConnectionState.CONNECTED
                && e.reason().contains("VPP restarted"), "CONNECTED to the restarted VPP", WAIT);
        long connected = System.nanoTime();

        assertThat(up.reason()).contains("VPP restarted (pid " + pidBefore + " -> " + pidAfter + ")");
        assertThat(Duration.ofNanos(connected - vppUp)).as("CONNECTED after VPP was ready again").isLessThan(BACK_AFTER_READY);
        assertThat(mux.vppInfo().pid()).isEqualTo(pidAfter);
        traffic.recovered();
        awaitAtLeast(traffic.repliesAfterRecovery::get, 200, "replies after the restart");
        traffic.stop(HANG);
        assertThat(traffic.unexpected).as("every request ends in a reply or a specific exception").isEmpty();
        assertThat(traffic.failuresAfterRecovery.get()).as("failures after the restart").isZero();
        assertThat(traffic.longestCall()).as("no call hangs (%s)", traffic).isLessThan(HANG);
        assertThat(traffic.notConnected.get() + traffic.timeouts.get()).as("requests the crash failed").isPositive();

        long loop = subscriber.call(new CreateLoopback()).swIfIndex();
        assertThat(awaitEventOf(interfaceEvents, loop)).as("an event after the restart, without subscribing again")
                .isTrue();
        figure("kill->" + lost.state(), lostAt - killed, "the process was gone after " + dying.toMillis() + " ms");
        figure("restart->CONNECTED", connected - restarting, "VPP answered its CLI after "
                + TimeUnit.NANOSECONDS.toMillis(vppUp - restarting) + " ms");
        figure("kill->CONNECTED", connected - killed, traffic.toString());
        subscriber.close();
    }

    @Test
    void frozenForThreeSecondsIsNotRespondingThenRecovers() throws Exception {
        long pid = vpp.pid();
        LiveTraffic traffic = new LiveTraffic(mux, 2);
        awaitAtLeast(traffic.replies::get, 100, "replies before the freeze");

        long frozen = System.nanoTime();
        vpp.freeze();
        events.await(ConnectionState.NOT_RESPONDING, WAIT);
        long notResponding = System.nanoTime();
        long left = frozen + TimeUnit.SECONDS.toNanos(3) - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        long thawed = System.nanoTime();
        vpp.thaw();
        ConnectionEvent up = events.await(ConnectionState.CONNECTED, WAIT);
        long connected = System.nanoTime();

        assertThat(up.reason()).contains("same VPP (pid " + pid + ")");
        traffic.recovered();
        awaitAtLeast(traffic.repliesAfterRecovery::get, 100, "replies after SIGCONT");
        traffic.stop(HANG);
        assertThat(traffic.unexpected).as("every request ends in a reply or a specific exception").isEmpty();
        assertThat(traffic.failuresAfterRecovery.get()).as("failures after recovery").isZero();
        assertThat(traffic.longestCall()).as("no call hangs (%s)", traffic).isLessThan(HANG);
        figure("SIGSTOP->NOT_RESPONDING", notResponding - frozen);
        figure("SIGCONT->CONNECTED", connected - thawed, traffic.toString());
    }

    /** A mux started (through the public API) while VPP is down connects once VPP is up. */
    @Test
    void muxStartedBeforeVppConnectsOnceVppIsUp() throws Exception {
        mux.close();
        vpp.stop();
        try (VppMux early = VppMux.connectAsync(LiveTransports.config(kind(), MuxConfig.defaults(), vpp));
             ApiChannel ch = early.newApiChannel()) {
            assertThat(early.isConnected()).isFalse();
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
            assertThat(early.awaitConnected(Duration.ofMillis(500))).as("no VPP yet").isFalse();
            long starting = System.nanoTime();
            long pid = vpp.restart();
            long up = System.nanoTime();
            assertThat(early.awaitConnected(WAIT)).as("connected within %s of VPP's start", WAIT).isTrue();
            long connected = System.nanoTime();
            assertThat(Duration.ofNanos(connected - up)).as("CONNECTED after VPP was ready").isLessThan(BACK_AFTER_READY);
            assertThat(early.vppInfo().pid()).as("VppInfo is read when awaitConnected returns").isEqualTo(pid);
            assertThat(ch.call(new ShowVersion()).program()).isEqualTo("vpe");
            figure("VPP-started->CONNECTED (mux started first)", connected - starting, "VPP answered its CLI after "
                    + TimeUnit.NANOSECONDS.toMillis(up - starting) + " ms");
        }
    }

    private void figure(String what, long nanos) {
        figure(what, nanos, "");
    }

    private void figure(String what, long nanos, String note) {
        System.out.println("LIVE-FIGURE " + kind().name().toLowerCase() + " " + what + " "
                + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms" + (note.isEmpty() ? "" : " (" + note + ")"));
    }

    /** Waits (bounded by {@link #WAIT}) until {@code value} reaches {@code target}. */
    static void awaitAtLeast(LongSupplier value, long target, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (value.getAsLong() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + value.getAsLong() + " " + what + " within " + WAIT);
            }
            Thread.sleep(10);
        }
    }

    private static boolean awaitEventOf(Subscription<SwInterfaceEvent> events, long swIfIndex) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SwInterfaceEvent e = events.poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (e != null && e.swIfIndex() == swIfIndex) {
                return true;
            }
        }
        return false;
    }
}
