package io.jvppmux.impl.reconnect;

import static io.jvppmux.api.ConnectionState.RECONNECTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.core.Contexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code retry-request-count} against a real disconnect of mock-vpp (its restart), not a mocked error: the
 * request is in flight when VPP goes away, fails inside the mux with NotConnectedException, and is sent
 * again once the mux has reconnected; the caller only sees the reply. Failures of other kinds are never
 * retried, and a retry that finds no VPP ends in NotConnectedException.
 */
abstract class RetrySuite extends ReconnectFixture {
    private ExecutorService caller;
    private ApiChannel ch;

    /**
     * The restart is seen by the transport (EOF), not by the health check; its probes are slow here, because a
     * 50 ms probe that a loaded CI machine starves would cut the retried request a second time (two retries).
     */
    @Override
    protected MuxConfig.Builder config() {
        return fast().healthCheckProbeInterval(Duration.ofSeconds(1)).healthCheckReplyTimeout(Duration.ofSeconds(1))
                .retryRequestCount(3).retryRequestTimeout(Duration.ofSeconds(5));
    }

    @BeforeEach
    void openChannel() {
        caller = Executors.newSingleThreadExecutor();
        ch = mux.newApiChannel();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        ch.close();
        caller.shutdownNow();
        caller.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void callIsSentAgainAfterTheRestartThatCutIt() throws Exception {
        assertRetriedAcrossARestart(() -> ch.call(new ShowVersion()).program());
    }

    @Test
    void callAsyncIsSentAgainAfterTheRestartThatCutIt() throws Exception {
        assertRetriedAcrossARestart(() -> ch.callAsync(new ShowVersion()).join().program());
    }

    @Test
    void sendRequestIsSentAgainWhenItsReplyIsAwaited() throws Exception {
        assertRetriedAcrossARestart(() -> {
            RequestContext ctx = ch.sendRequest(new ShowVersion());
            ShowVersionReply r = new ShowVersionReply();
            ctx.receiveReply(r);
            return r.program();
        });
    }

    private void assertRetriedAcrossARestart(Supplier<String> call) throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        int before = vpp.received(ShowVersion.DESCRIPTOR).size();
        Future<String> result = caller.submit(call::get);
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && vpp.received(ShowVersion.DESCRIPTOR).size() > before, WAIT);
        vpp.restart();
        assertThat(result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("vpe");
        assertThat(mux.metrics().retries()).isEqualTo(1);
    }

    @Test
    void dumpCutByARestartIsRunAgainWhole() throws Exception {
        AtomicBoolean swallowed = new AtomicBoolean();
        vpp.on(ControlPing.DESCRIPTOR).respond(r -> Contexts.isMultipart(r.context()) && swallowed.compareAndSet(false, true)
                ? List.of() : ReconnectSuite.pong(r, vpp.pid()));
        Future<List<SwInterfaceDetails>> result = caller.submit(() -> ch.dump(new SwInterfaceDump()));
        vpp.awaitReceived(r -> r.is(ControlPing.DESCRIPTOR) && Contexts.isMultipart(r.context()), WAIT);
        vpp.restart();
        assertThat(result.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).extracting(SwInterfaceDetails::interfaceName)
                .containsExactly("local0");
        assertThat(mux.metrics().retries()).isEqualTo(1);
    }

    @Test
    void retriesThatFindNoVppEndInNotConnected() {
        connect(fast().retryRequestCount(2).retryRequestTimeout(Duration.ofMillis(50)).build());
        vpp.failNextConnects(1000);
        vpp.disconnectClients();
        events.await(RECONNECTING, WAIT);
        try (ApiChannel other = mux.newApiChannel()) {
            assertThatThrownBy(() -> other.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
            assertThatThrownBy(() -> other.callAsync(new ShowVersion()).join()).hasCauseInstanceOf(NotConnectedException.class);
        }
        assertThat(mux.metrics().retries()).as("two per call").isEqualTo(4);
    }

    @Test
    void otherFailuresAreNeverRetried() {
        vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().retval(-3));
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(VppApiException.class);
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        ch.setReplyTimeout(Duration.ofMillis(100));
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
        ch.setReplyTimeout(Duration.ofSeconds(5));
        CompletableFuture<ShowVersionReply> ok = ch.callAsync(new ShowVersion());
        assertThat(ok.join().program()).isEqualTo("vpe");
        assertThat(mux.metrics().retries()).isZero();
    }
}
