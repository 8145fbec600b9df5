package io.jvppmux.impl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockReply;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The mux's contract against mock-vpp, written once and run against every face of mock-vpp (each subclass
 * supplies the connection): everything of {@link VppContract}, plus what needs mock-vpp's scripting (silence,
 * forged replies, exact counts). Every test is bounded by a timeout; none sleeps.
 */
public abstract class ContractSuite extends VppContract {
    protected MockVpp vpp;

    /** Connects a mux to {@code vpp} the way this face does. */
    protected abstract JvppMux connect(MockVpp vpp, MuxConfig config) throws Exception;

    /** Releases what {@link #connect} set up besides the mux. */
    protected void stopFace() throws Exception {
    }

    @Override
    protected final JvppMux openMux(MuxConfig config) throws Exception {
        vpp = MockVpp.start();
        return connect(vpp, config);
    }

    @Override
    protected final void closeTarget() throws Exception {
        stopFace();
        vpp.close();
    }

    @Override
    protected boolean listsPlugins() {
        return false;
    }

    @Test
    void dumpOfTheMockListsItsInterfacesInOrder() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new CreateLoopback());
            List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump().swIfIndex(ALL));
            assertThat(all).extracting(SwInterfaceDetails::interfaceName).containsExactly("local0", "loop0");
            assertThat(mux.vppInfo().version()).isEqualTo("26.06-mock");
        }
    }

    @Test
    void scriptedEmptyDumpEndsAtTheControlPingReply() {
        vpp.on(SwInterfaceDump.DESCRIPTOR).reply(new Message[0]);
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.dump(new SwInterfaceDump())).isEmpty();
        }
    }

    @Test
    void cursorStreamResendsFromTheCursorOnEagain() {
        vpp.putInterface(MockInterface.nic(1, 0, new byte[] {2, 0, 0, 0, 0, 1}, 2));
        vpp.putInterface(MockInterface.nic(2, 1, new byte[] {2, 0, 0, 0, 0, 2}, 2));
        try (ApiChannel ch = mux.newApiChannel()) {
            List<SwInterfaceTxPlacementDetails> all = ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(ALL));
            assertThat(all).hasSize(4);
            assertThat(all).extracting(SwInterfaceTxPlacementDetails::swIfIndex).containsExactly(1L, 1L, 2L, 2L);
            assertThat(vpp.received(SwInterfaceTxPlacementGet.DESCRIPTOR)).as("first answer yielded with -165")
                    .hasSize(2);
        }
    }

    @Test
    void cursorStreamErrorIsAVppApiExceptionWithTheFailedReply() {
        vpp.putInterface(MockInterface.nic(1, 0, new byte[] {2, 0, 0, 0, 0, 1}, 2));
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(77)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).isEqualTo(-2);
                        assertThat(e.reply(SwInterfaceTxPlacementGetReply.class).retval()).isEqualTo(-2);
                    });
        }
    }

    @Test
    void eventsReachSubscribersUntilTheyUnsubscribe() {
        try (ApiChannel ch = mux.newApiChannel()) {
            Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 10);
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(4321));
            CreateLoopbackReply loop = ch.call(new CreateLoopback());
            SwInterfaceEvent e = events.poll(Duration.ofSeconds(5));
            assertThat(e).isNotNull();
            assertThat(e.swIfIndex()).isEqualTo(loop.swIfIndex());
            assertThat(e.pid()).isEqualTo(4321);
            assertThat(events.dropped()).isZero();
            events.close();
            long unsolicited = mux.metrics().unsolicited();
            ch.call(new CreateLoopback());
            ch.call(new ShowVersion());
            assertThat(mux.metrics().unsolicited()).as("the event after unsubscribing is counted, not delivered")
                    .isEqualTo(unsolicited + 1);
            assertThatThrownBy(() -> events.poll(Duration.ofMillis(10))).isInstanceOf(ChannelClosedException.class);
        }
    }

    @Test
    void eventsBeyondTheBufferSizeAreAbsorbedNotDropped() {
        try (ApiChannel ch = mux.newApiChannel()) {
            Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1);
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(1));
            ch.call(new CreateLoopback());
            ch.call(new CreateLoopback());
            ch.call(new ShowVersion());
            assertThat(events.dropped()).isZero();
            assertThat(mux.metrics().eventDrops()).isZero();
            assertThat(events.poll(Duration.ofSeconds(1))).isNotNull();
            assertThat(events.poll(Duration.ofSeconds(1))).as("the second, beyond the buffer size of 1").isNotNull();
        }
    }

    @Test
    void silencedRequestTimesOutWithinTheReplyTimeout() {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofMillis(200));
            long start = System.nanoTime();
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("show_version on channel " + ch.id()).hasMessageContaining("200 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(190), Duration.ofSeconds(2));
            assertThat(mux.metrics().timeouts()).isEqualTo(1);
            assertThat(mux.metrics().message("show_version").timeouts()).isEqualTo(1);
            assertThat(ch.call(new ShowVersion()).version()).isEqualTo("26.06-mock");
        }
    }

    @Test
    void asyncCallTimesOutToo() {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofMillis(100));
            CompletableFuture<ShowVersionReply> f = ch.callAsync(new ShowVersion());
            assertThatThrownBy(f::join).hasCauseInstanceOf(ReplyTimeoutException.class);
        }
    }

    @Test
    void aLateReplyAfterATimeoutIsNotHandedToTheNextRequest() {
        vpp.on(ShowVersion.DESCRIPTOR).reply(new ShowVersionReply().version("first"))
                .reply(new ShowVersionReply().version("second")).delay(Duration.ofMillis(300));
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofMillis(100));
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class);
            ch.setReplyTimeout(Duration.ofSeconds(5));
            assertThat(ch.call(new ShowVersion()).version()).isEqualTo("second");
            assertThat(mux.metrics().staleDrops()).isEqualTo(1);
        }
    }

    @Test
    void aDuplicateReplyIsDroppedAsStale() {
        vpp.on(ShowVersion.DESCRIPTOR).reply(MockReply.of(new ShowVersionReply().version("one")),
                MockReply.of(new ShowVersionReply().version("duplicate")));
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.call(new ShowVersion()).version()).isEqualTo("one");
            assertThat(ch.call(new ShowVersion()).version()).isEqualTo("26.06-mock");
            assertThat(mux.metrics().staleDrops()).isEqualTo(1);
        }
    }

    @Test
    void closingAChannelFailsItsWaitingRequests() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).silence();
        ApiChannel ch = mux.newApiChannel();
        ch.setReplyTimeout(Duration.ofSeconds(20));
        RequestContext waiting = ch.sendRequest(new ShowVersion());
        CompletableFuture<ShowVersionReply> async = ch.callAsync(new ShowVersion());
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                waiting.receiveReply(new ShowVersionReply());
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && silenced(ShowVersion.DESCRIPTOR) == 2, Duration.ofSeconds(5))
                .orElseThrow(() -> new AssertionError("both requests did not reach VPP"));
        ch.close();
        assertThat(waiter.get()).isInstanceOf(ChannelClosedException.class).hasMessageContaining("channel closed");
        assertThatThrownBy(async::join).hasCauseInstanceOf(ChannelClosedException.class);
    }

    /** How many requests of type {@code d} VPP swallowed (the mux's own connect-time requests are answered). */
    private long silenced(MessageDescriptor<?> d) {
        return vpp.received(d).stream().filter(r -> r.disposition() == ReceivedMessage.Disposition.SILENCED).count();
    }

    @Test
    void closingTheMuxFailsWaitingRequestsAndEndsItsThreads() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).silence();
        ApiChannel ch = mux.newApiChannel();
        ch.setReplyTimeout(Duration.ofSeconds(20));
        RequestContext waiting = ch.sendRequest(new ShowVersion());
        mux.close();
        assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply())).isInstanceOf(ChannelClosedException.class);
        assertThat(mux.isConnected()).isFalse();
        stopFace();
        assertThat(MuxThreads.startedSince(threadsBefore)).as("mux threads left after close").isEmpty();
    }
}
