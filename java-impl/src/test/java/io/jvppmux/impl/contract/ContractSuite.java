package io.jvppmux.impl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MessageKind;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.mock.MockReply;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The mux's contract, from a plugin's point of view, written once and run against every face of mock-vpp
 * (each subclass supplies the connection). Every test is bounded by a timeout; none sleeps.
 */
@Timeout(30)
public abstract class ContractSuite {
    private static final long ALL = 0xffffffffL;

    protected MockVpp vpp;
    protected JvppMux mux;
    private Set<Thread> threadsBefore;

    /** Connects a mux to {@code vpp} the way this face does. */
    protected abstract JvppMux connect(MockVpp vpp, MuxConfig config) throws Exception;

    /** Releases what {@link #connect} set up besides the mux. */
    protected void stopFace() throws Exception {
    }

    @BeforeEach
    void start() throws Exception {
        threadsBefore = MuxThreads.alive();
        vpp = MockVpp.start();
        mux = connect(vpp, MuxConfig.builder().replyTimeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void stop() throws Exception {
        mux.close();
        stopFace();
        vpp.close();
    }

    @Test
    void synchronousRequestGetsItsReply() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ShowVersionReply v = ch.call(new ShowVersion());
            assertThat(v.program()).isEqualTo("vpe");
            assertThat(v.version()).isEqualTo("26.06-mock");
        }
    }

    @Test
    void dumpCollectsEveryDetail() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new CreateLoopback());
            List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump().swIfIndex(ALL));
            assertThat(all).extracting(SwInterfaceDetails::interfaceName).containsExactly("local0", "loop0");
        }
    }

    @Test
    void emptyDumpEndsAtTheControlPingReply() {
        vpp.on(SwInterfaceDump.DESCRIPTOR).reply(new io.jvppmux.api.Message[0]);
        try (ApiChannel ch = mux.newApiChannel()) {
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            assertThat(ctx.receiveReply(new SwInterfaceDetails())).isTrue();
            assertThat(ctx.receiveReply(new SwInterfaceDetails())).as("stays ended").isTrue();
        }
    }

    @Test
    void cursorStreamResendsFromTheCursorOnEagain() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new CreateLoopback());
            List<SwInterfaceTxPlacementDetails> all = ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(ALL));
            assertThat(all).hasSize(4);
            assertThat(all).extracting(SwInterfaceTxPlacementDetails::swIfIndex).containsExactly(0L, 0L, 1L, 1L);
            assertThat(vpp.received(SwInterfaceTxPlacementGet.DESCRIPTOR)).as("first answer yielded with -165")
                    .hasSize(2);
        }
    }

    @Test
    void cursorStreamErrorIsAVppApiException() {
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(77)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> assertThat(e.retval()).isEqualTo(-2));
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
    void aFullSubscriberDropsAndCountsEvents() {
        try (ApiChannel ch = mux.newApiChannel()) {
            Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1);
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(1));
            ch.call(new CreateLoopback());
            ch.call(new CreateLoopback());
            ch.call(new ShowVersion());
            assertThat(events.dropped()).isEqualTo(1);
            assertThat(mux.metrics().eventDrops()).isEqualTo(1);
            assertThat(events.poll(Duration.ofSeconds(1))).isNotNull();
        }
    }

    @Test
    void nonZeroRetvalIsAVppApiExceptionNamingTheError() {
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new SwInterfaceSetFlags().swIfIndex(99).flagsValue(1)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).isEqualTo(-2);
                        assertThat(e.errorName()).isEqualTo("INVALID_SW_IF_INDEX");
                        assertThat(e.messageName()).isEqualTo("sw_interface_set_flags_reply");
                    });
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
    void manyChannelsAtOnce() throws Exception {
        List<ApiChannel> channels = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            channels.add(mux.newApiChannel());
        }
        List<CompletableFuture<ShowVersionReply>> all = new ArrayList<>();
        for (ApiChannel ch : channels) {
            all.add(ch.callAsync(new ShowVersion()));
        }
        for (CompletableFuture<ShowVersionReply> f : all) {
            assertThat(f.get().version()).isEqualTo("26.06-mock");
        }
        assertThat(channels.stream().map(ApiChannel::id).distinct()).hasSize(200);
        channels.forEach(ApiChannel::close);
        assertThat(mux.openChannels()).isZero();
    }

    @Test
    void oneChannelFromManyThreadsGivesEachRequestItsOwnReply() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ApiChannel ch = mux.newApiChannel()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        String cmd = "t" + thread + "-" + i;
                        assertThat(ch.call(new CliInband().cmd(cmd)).reply()).contains("`" + cmd + "'");
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(mux.metrics().staleDrops()).isZero();
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
        vpp.awaitReceived(r -> r.is(ShowVersion.DESCRIPTOR) && vpp.received(ShowVersion.DESCRIPTOR).size() == 2,
                Duration.ofSeconds(5));
        ch.close();
        assertThat(waiter.get()).isInstanceOf(ChannelClosedException.class).hasMessageContaining("channel closed");
        assertThatThrownBy(async::join).hasCauseInstanceOf(ChannelClosedException.class);
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

    @Test
    void everythingAfterCloseFailsClearly() {
        ApiChannel ch = mux.newApiChannel();
        Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1);
        ch.close();
        ch.close();
        assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("channel " + ch.id() + " is closed");
        assertThatThrownBy(() -> ch.sendMultiRequest(new SwInterfaceDump())).isInstanceOf(ChannelClosedException.class);
        assertThatThrownBy(() -> events.poll(Duration.ZERO)).isInstanceOf(ChannelClosedException.class);
        mux.close();
        assertThatThrownBy(mux::newApiChannel).isInstanceOf(NotConnectedException.class);
    }

    @Test
    void compatibilityTellsMissingMessagesFromChangedOnes() {
        MessageDescriptor<ShowVersion> changed = new MessageDescriptor<>("show_version", "deadbeef", MessageKind.REQUEST,
                HeaderLayout.REQUEST, ShowVersion.class, ShowVersion::new);
        MessageDescriptor<ShowVersion> missing = new MessageDescriptor<>("no_such_message", "12345678",
                MessageKind.REQUEST, HeaderLayout.REQUEST, ShowVersion.class, ShowVersion::new);
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.checkCompatibility(ShowVersion.DESCRIPTOR, SwInterfaceDump.DESCRIPTOR);
            assertThatThrownBy(() -> ch.checkCompatibility(ShowVersion.DESCRIPTOR, changed, missing))
                    .isInstanceOfSatisfying(CompatibilityException.class, e -> {
                        assertThat(e.missing()).containsExactly("no_such_message_12345678");
                        assertThat(e.crcChanged()).singleElement().asString()
                                .startsWith("show_version_deadbeef (VPP has show_version_");
                    });
        }
    }
}
