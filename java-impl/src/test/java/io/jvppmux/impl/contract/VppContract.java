package io.jvppmux.impl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiTraceEntry;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.CompatibilityException;
import io.jvppmux.api.ConnectionState;
import io.jvppmux.api.HeaderLayout;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.MessageDescriptor;
import io.jvppmux.api.MessageKind;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppApiException;
import io.jvppmux.api.VppInfo;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterDetails;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGet;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.EventRecorder;
import io.jvppmux.impl.testing.MuxThreads;
import io.jvppmux.impl.testing.RouteTraffic;
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
 * The part of the mux's contract that holds against any VPP: mock-vpp (through {@link ContractSuite}) and
 * a live VPP ({@link LiveSocketContractTest}, {@link LiveShmContractTest}). No test here scripts VPP or
 * counts what VPP received; every test leaves VPP as it found it (loopbacks it creates are deleted).
 */
@Timeout(30)
public abstract class VppContract {
    /** {@code ~0}: every interface. */
    protected static final long ALL = 0xffffffffL;
    /** An interface index no VPP of a test has. */
    protected static final long NO_SUCH_INTERFACE = 99_999;

    protected JvppMux mux;
    protected Set<Thread> threadsBefore;

    /** Connects a mux to the VPP under test. */
    protected abstract JvppMux openMux(MuxConfig config) throws Exception;

    /** Releases what {@link #openMux} set up besides the mux. */
    protected abstract void closeTarget() throws Exception;

    /** Whether the VPP under test has plugins to list (a live VPP does; mock-vpp only when scripted). */
    protected abstract boolean listsPlugins();

    @BeforeEach
    void openTarget() throws Exception {
        threadsBefore = MuxThreads.alive();
        mux = openMux(MuxConfig.builder().replyTimeout(Duration.ofSeconds(2)).build());
    }

    @AfterEach
    void closeMuxAndTarget() throws Exception {
        if (mux != null) {
            mux.close();
            closeTarget();
        }
    }

    @Test
    void synchronousRequestGetsItsReply() {
        try (ApiChannel ch = mux.newApiChannel()) {
            ShowVersionReply v = ch.call(new ShowVersion());
            assertThat(v.program()).isEqualTo("vpe");
            assertThat(v.version()).isNotBlank().isEqualTo(mux.vppInfo().version());
        }
    }

    @Test
    void dumpCollectsEveryDetail() {
        try (ApiChannel ch = mux.newApiChannel()) {
            long loop = ch.call(new CreateLoopback()).swIfIndex();
            try {
                List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump().swIfIndex(ALL));
                assertThat(all).extracting(SwInterfaceDetails::interfaceName).contains("local0");
                assertThat(all).extracting(SwInterfaceDetails::swIfIndex).contains(0L, loop);
            } finally {
                ch.call(new DeleteLoopback().swIfIndex(loop));
            }
        }
    }

    @Test
    void emptyDumpEndsAtTheControlPingReply() {
        try (ApiChannel ch = mux.newApiChannel()) {
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump().swIfIndex(NO_SUCH_INTERFACE));
            assertThat(ctx.receiveReply(new SwInterfaceDetails())).isTrue();
            assertThat(ctx.receiveReply(new SwInterfaceDetails())).as("stays ended").isTrue();
        }
    }

    @Test
    void cursorStreamRunsToItsEnd() {
        try (ApiChannel ch = mux.newApiChannel()) {
            List<IpfixAllExporterDetails> all = ch.stream(new IpfixAllExporterGet());
            assertThat(all).as("every VPP has IPFIX exporter 0").isNotEmpty();
            assertThat(mux.metrics().inFlight()).isZero();
        }
    }

    /**
     * A stream whose last reply fails: {@code sw_interface_tx_placement_get} of an unknown interface answers -2
     * (INVALID_SW_IF_INDEX), or -6 (NO_SUCH_ENTRY) on a VPP where no interface has tx queues (one without NICs).
     */
    @Test
    void failedCursorStreamIsAVppApiExceptionCarryingTheReply() {
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.stream(new SwInterfaceTxPlacementGet().swIfIndex(NO_SUCH_INTERFACE)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).isIn(-2, -6);
                        assertThat(e.messageName()).isEqualTo("sw_interface_tx_placement_get_reply");
                        assertThat(e.reply(SwInterfaceTxPlacementGetReply.class).retval()).isEqualTo(e.retval());
                    });
            assertThat(ch.call(new ShowVersion()).program()).as("the channel goes on").isEqualTo("vpe");
        }
    }

    @Test
    void failedCliCommandIsAVppApiExceptionCarryingVppsText() {
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new CliInband().cmd("no-such-command")))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).isEqualTo(-1);
                        assertThat(e.reply(CliInbandReply.class).reply()).startsWith("unknown input `no-such-command'");
                    });
            assertThat(ch.call(new CliInband().cmd("show version")).reply()).startsWith("vpp v");
        }
    }

    @Test
    void aRefusalWhoseRetvalFollowsAnIndexIsAVppApiException() {
        try (ApiChannel ch = mux.newApiChannel()) {
            AclRule tooLong = new AclRule().isPermitValue(1).srcPrefix(RouteTraffic.ip4(new byte[] {10, 0, 0, 0}, 33))
                    .dstPrefix(RouteTraffic.ip4(new byte[4], 0)).srcportOrIcmptypeLast(65_535)
                    .dstportOrIcmpcodeLast(65_535);
            assertThatThrownBy(() -> ch.call(new AclAddReplace().aclIndex(0xFFFF_FFFFL).tag("jvppmux-contract")
                    .r(List.of(tooLong))))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).as("VNET_API_ERROR_INVALID_SRC_ADDRESS").isEqualTo(-57);
                        assertThat(e.reply(AclAddReplaceReply.class).aclIndex()).isEqualTo(0xFFFF_FFFFL);
                    });
            assertThat(ch.dump(new AclDump().aclIndex(0xFFFF_FFFFL))).as("no ACL was made")
                    .noneMatch(d -> d.tag().equals("jvppmux-contract"));
        }
    }

    @Test
    void interfaceEventsReachASubscriber() {
        try (ApiChannel ch = mux.newApiChannel();
             Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100)) {
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(ProcessHandle.current().pid()));
            long loop = ch.call(new CreateLoopback()).swIfIndex();
            try {
                ch.call(new SwInterfaceSetFlags().swIfIndex(loop).flagsValue(1));
                assertThat(awaitEventOf(events, loop)).as("an event for the new loopback").isTrue();
            } finally {
                ch.call(new DeleteLoopback().swIfIndex(loop));
                ch.call(new WantInterfaceEvents().enableDisable(0).pid(ProcessHandle.current().pid()));
            }
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

    @Test
    void nonZeroRetvalIsAVppApiExceptionNamingTheError() {
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(new SwInterfaceSetFlags().swIfIndex(NO_SUCH_INTERFACE).flagsValue(1)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> {
                        assertThat(e.retval()).isEqualTo(-2);
                        assertThat(e.errorName()).isEqualTo("INVALID_SW_IF_INDEX");
                        assertThat(e.messageName()).isEqualTo("sw_interface_set_flags_reply");
                    });
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
            assertThat(f.get().program()).isEqualTo("vpe");
        }
        assertThat(channels.stream().map(ApiChannel::id).distinct()).hasSize(200);
        assertThat(mux.metrics().channelsOpen()).isEqualTo(200);
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
                        assertThat(cliText(ch, cmd)).contains("`" + cmd + "'");
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

    /** The text VPP answered to {@code cmd}, whether it ran (retval 0) or failed (unknown command, -1). */
    private static String cliText(ApiChannel ch, String cmd) {
        try {
            return ch.call(new CliInband().cmd(cmd)).reply();
        } catch (VppApiException e) {
            return e.reply(CliInbandReply.class).reply();
        }
    }

    @Test
    void vppInfoDescribesTheConnectedVpp() {
        VppInfo info = mux.vppInfo();
        assertThat(info.connected()).isTrue();
        assertThat(info.program()).isEqualTo("vpe");
        assertThat(info.version()).isNotBlank();
        assertThat(info.releaseVersion()).matches("\\d+\\.\\d+");
        assertThat(info.pid()).isPositive();
        if (listsPlugins()) {
            assertThat(info.plugins()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).endsWith(".so"));
        }
        assertThat(mux.connectionState()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void metricsCountEveryRequestAndItsRoundTrip() {
        MetricsSnapshot before = mux.metrics();
        try (ApiChannel ch = mux.newApiChannel()) {
            for (int i = 0; i < 10; i++) {
                ch.call(new ShowVersion());
            }
            ch.dump(new SwInterfaceDump());
            MetricsSnapshot after = mux.metrics();
            assertThat(after.requests() - before.requests()).isEqualTo(11);
            assertThat(after.inFlight()).isZero();
            assertThat(after.channelsOpen()).isEqualTo(1);
            assertThat(after.latency().count() - before.latency().count()).isEqualTo(11);
            long versions = before.message("show_version") == null ? 0 : before.message("show_version").completed();
            assertThat(after.message("show_version").completed() - versions).isEqualTo(10);
            assertThat(after.message("sw_interface_dump").requests()).isPositive();
        }
    }

    @Test
    void apiTraceRecordsWhatWasSentAndReceivedWhileOn() {
        assertThat(mux.apiTrace().isEnabled()).as("off by default").isFalse();
        mux.apiTrace().enable(8);
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new ShowVersion());
            List<ApiTraceEntry> trace = mux.apiTrace().entries();
            ApiTraceEntry sent = trace.stream().filter(e -> e.message().equals("show_version")).findFirst().orElseThrow();
            assertThat(sent.direction()).isEqualTo(ApiTraceEntry.Direction.SENT);
            assertThat(trace).anySatisfy(e -> {
                assertThat(e.message()).isEqualTo("show_version_reply");
                assertThat(e.direction()).isEqualTo(ApiTraceEntry.Direction.RECEIVED);
                assertThat(e.context()).isEqualTo(sent.context());
            });
            mux.apiTrace().disable();
            ch.call(new ShowVersion());
            assertThat(mux.apiTrace().entries()).isEmpty();
        }
    }

    @Test
    void closingTheMuxTellsListenersAndEndsEveryThreadItStarted() throws Exception {
        EventRecorder events = new EventRecorder();
        ListenerRegistration removed = mux.addConnectionListener(new EventRecorder());
        mux.addConnectionListener(events);
        removed.close();
        mux.close();
        assertThat(events.await(ConnectionState.CLOSED, Duration.ofSeconds(5)).reason()).contains("closed");
        assertThat(mux.connectionState()).isEqualTo(ConnectionState.CLOSED);
        assertThat(mux.vppInfo().connected()).isFalse();
        closeTarget();
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
