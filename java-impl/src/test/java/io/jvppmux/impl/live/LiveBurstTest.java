package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.TransportKind;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.shm.ShmTransport;
import io.jvppmux.impl.transport.socket.SocketTransport;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A production-sized VPP (2,000 loopbacks, its own) read the way the seed's example reads it, over the socket and
 * over shared memory: every interface through the receiveReply loop on the default channel, and every event of a
 * burst of 2,000 interface state changes made by one {@code vppctl exec} (before the byte budgets, 100 unread
 * details failed the dump, and such a burst lost 332 of 1,500 events).
 */
@Timeout(300)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveBurstTest {
    private static final int LOOPBACKS = 2_000;

    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("burst");

    @BeforeAll
    static void createLoopbacks() {
        VPP.get().vppctlExec(IntStream.range(0, LOOPBACKS).mapToObj(i -> "create loopback interface").toList());
    }

    private static JvppMux connect(TransportKind kind) {
        VppProcess vpp = VPP.get();
        MuxConfig.Builder b = MuxConfig.builder().transport(kind).socketPath(vpp.socketPath())
                .shmPrefix(vpp.shmPrefix()).vppapiclientLibrary(vpp.vppapiclient()).fallbackToSocket(false);
        return JvppMux.connect(b.build(), kind == TransportKind.SHM ? new ShmTransport() : new SocketTransport());
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void theSeedsLoopReadsEveryInterface(TransportKind kind) {
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel()) {
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            Set<Long> seen = new HashSet<>();
            while (true) {
                SwInterfaceDetails msg = new SwInterfaceDetails();
                if (ctx.receiveReply(msg)) {
                    break;
                }
                seen.add(msg.swIfIndex());
            }
            assertThat(seen).hasSize(LOOPBACKS + 1);
            assertThat(ch.dump(new SwInterfaceDump())).hasSize(LOOPBACKS + 1);
        }
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void aSubscriberThatKeepsReadingGetsEveryEventOfABurst(TransportKind kind) {
        VPP.get().vppctlExec(IntStream.range(0, LOOPBACKS).mapToObj(i -> "set interface state loop" + i + " down")
                .toList());                                           // from a known state, before subscribing
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel();
             Subscription<SwInterfaceEvent> events = ch.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 100)) {
            ch.call(new WantInterfaceEvents().enableDisable(1).pid(ProcessHandle.current().pid()));
            List<String> lines = IntStream.range(0, LOOPBACKS).mapToObj(i -> "set interface state loop" + i + " up")
                    .toList();
            long start = System.nanoTime();
            VPP.get().vppctlExec(lines);
            Set<Long> changed = new HashSet<>();
            int received = 0;
            while (changed.size() < LOOPBACKS) {
                SwInterfaceEvent e = events.poll(Duration.ofSeconds(10));
                assertThat(e).as("event after %d received, %d interfaces seen", received, changed.size()).isNotNull();
                received++;
                changed.add(e.swIfIndex());
            }
            System.out.printf("LIVE-FIGURE %s event burst: %d events for %d interfaces in %d ms, dropped %d%n",
                    kind, received, changed.size(), (System.nanoTime() - start) / 1_000_000, events.dropped());
            assertThat(events.dropped()).isZero();
            assertThat(mux.metrics().eventDrops()).isZero();
        }
    }
}
