package io.jvppmux.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockVpp;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** MuxMeters against a mux talking to mock-vpp in-process, read through a SimpleMeterRegistry. */
@Timeout(30)
class MuxMetersTest {
    private MockVpp vpp;
    private JvppMux mux;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private MuxMeters meters;

    @BeforeEach
    void connect() {
        vpp = MockVpp.start();
        mux = JvppMux.connect(MuxConfig.builder().replyTimeout(Duration.ofMillis(200)).build(), vpp.newTransport());
        meters = new MuxMeters(mux, Tags.of("agent", "test"), Duration.ofHours(1));
        meters.bindTo(registry);
    }

    @AfterEach
    void close() {
        meters.close();
        mux.close();
        vpp.close();
    }

    @Test
    void requestsRepliesFailuresAndTimeoutsAreCountedPerMessage() {
        try (ApiChannel ch = mux.newApiChannel()) {
            for (int i = 0; i < 3; i++) {
                ch.call(new ShowVersion());
            }
            ch.call(new ControlPing());
            vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().retval(-3));
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(VppApiException.class);
            vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
            meters.refresh();
            assertThat(count("jvppmux.requests", "show_version")).isEqualTo(5);
            assertThat(count("jvppmux.requests", "control_ping")).isEqualTo(1);
            assertThat(count("jvppmux.replies", "show_version")).isEqualTo(4);
            assertThat(registry.get("jvppmux.request.failures").tags("message", "show_version", "cause", "vpp_error")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jvppmux.request.failures").tags("message", "show_version", "cause", "timeout")
                    .functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jvppmux.request.timeouts").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jvppmux.request.latency").tag("message", "show_version").functionTimer().count())
                    .isEqualTo(4);
            assertThat(registry.get("jvppmux.request.latency").tag("message", "show_version").functionTimer()
                    .totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
            assertThat(registry.get("jvppmux.channels.open").gauge().value()).isEqualTo(1);
            assertThat(registry.get("jvppmux.requests.in.flight").gauge().value()).isZero();
            assertThat(registry.get("jvppmux.requests").tag("agent", "test").meters()).hasSize(2);
        }
    }

    @Test
    void namedChannelsGetTheirOwnMetersTaggedByChannel() {
        try (ApiChannel watcher = mux.newApiChannel("interface-watcher"); ApiChannel plain = mux.newApiChannel()) {
            watcher.call(new ControlPing());
            watcher.call(new ControlPing());
            vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
            watcher.setReplyTimeout(java.time.Duration.ofMillis(100));
            assertThatThrownBy(() -> watcher.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
            plain.call(new ControlPing());
            meters.refresh();
            assertThat(registry.get("jvppmux.channel.requests").tag("channel", "interface-watcher").functionCounter()
                    .count()).isEqualTo(3);
            assertThat(registry.get("jvppmux.channel.failures").tag("channel", "interface-watcher")
                    .tag("cause", "timeout").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jvppmux.channel.requests").tag("channel", "unnamed").functionCounter().count())
                    .isEqualTo(1);
            assertThat(registry.get("jvppmux.channel.open").tag("channel", "interface-watcher").gauge().value())
                    .isEqualTo(1);
        }
    }

    @Test
    void latencyPercentilesDescribeTheRoundTripsSinceThePreviousSample() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new ControlPing());
            meters.refresh();
            assertThat(registry.get("jvppmux.request.latency.percentile").tag("phi", "0.99").gauge().value()).isPositive();
            assertThat(registry.get("jvppmux.request.latency.histogram").tag("le", "+Inf").functionCounter().count())
                    .isEqualTo(1);
            meters.refresh();
            assertThat(registry.get("jvppmux.request.latency.percentile").tag("phi", "0.99").gauge().value())
                    .as("no round trip since the previous sample").isZero();
            assertThat(registry.get("jvppmux.request.latency.histogram").tag("le", "+Inf").functionCounter().count())
                    .as("the histogram is cumulative").isEqualTo(1);
        }
    }

    @Test
    void connectionStateAndReconnectsFollowAVppRestart() {
        assertThat(state("connected")).isEqualTo(1);
        assertThat(state("disconnected")).isZero();
        vpp.restart();
        await("a reconnect, announced", () -> mux.metrics().reconnects() == 1
                && mux.connectionState() == ConnectionState.CONNECTED);
        meters.refresh();
        assertThat(registry.get("jvppmux.reconnects").functionCounter().count()).isEqualTo(1);
        assertThat(state("connected")).isEqualTo(1);
        mux.close();
        assertThat(state("closed")).isEqualTo(1);
        assertThat(state("connected")).isZero();
    }

    @Test
    void dropCountersAreThereBeforeAnyDrop() {
        for (String reason : new String[] {"reply_overflow", "stale", "unknown_id", "malformed", "event"}) {
            assertThat(registry.get("jvppmux.drops").tag("reason", reason).functionCounter().count()).isZero();
        }
        vpp.sendUnknownMessageId();
        await("the unknown id counted", () -> mux.metrics().unknownIds() == 1);
        meters.refresh();
        assertThat(registry.get("jvppmux.drops").tag("reason", "unknown_id").functionCounter().count()).isEqualTo(1);
    }

    @Test
    void closeRemovesEveryMeterAndABinderServesTwoRegistries() {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        meters.bindTo(second);
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new ControlPing());
        }
        meters.refresh();
        assertThat(second.get("jvppmux.requests").tag("message", "control_ping").functionCounter().count()).isEqualTo(1);
        meters.close();
        assertThat(registry.getMeters()).isEmpty();
        assertThat(second.getMeters()).isEmpty();
    }

    private double count(String name, String message) {
        return registry.get(name).tag("message", message).functionCounter().count();
    }

    private double state(String state) {
        return registry.get("jvppmux.connection.state").tag("state", state).gauge().value();
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
