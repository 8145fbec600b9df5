package io.jvppmux.impl.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiTraceEntry;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyOverflowException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.Face;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing a caller abandons holds a slot forever (GoVPP's core tests, ported, found each of these): replies never
 * received, dumps read in part, requests never answered and never received. The mux's sweeper drops them as stale
 * once the reply timeout has passed without anyone taking them, counts them, and frees their room.
 */
@Timeout(60)
class AbandonedRequestsTest {
    private static final long TIMEOUT_MS = 200;
    private MockVpp vpp;
    private JvppMux mux;

    @BeforeEach
    void start() {
        vpp = BurstFixture.withInterfaces(5_000);
        mux = Face.inProcess().connect(vpp, MuxConfig.builder().replyTimeout(Duration.ofMillis(TIMEOUT_MS))
                .unreadReplyTimeout(Duration.ofMillis(TIMEOUT_MS)).replyBufferBytes(4 << 20).apiTraceSize(10_000).build());
    }

    @AfterEach
    void stop() {
        mux.close();
        vpp.close();
    }

    @Test
    void repliesNobodyReceivesAreDroppedAsStaleAndFreeTheReplyBuffer() throws Exception {
        try (ApiChannel ch = mux.newApiChannelBuffered(10, 4)) {
            long staleBefore = mux.metrics().staleDrops();
            for (int i = 0; i < 4; i++) {
                ch.sendRequest(new ControlPing());                    // replies arrive, contexts dropped
            }
            try (ApiChannel other = mux.newApiChannel()) {
                other.call(new ControlPing());                       // VPP answers in order: the 4 replies came first
            }
            Thread.sleep(TIMEOUT_MS * 3);                              // the sweeper has run after the timeout
            for (int i = 0; i < 20; i++) {
                assertThat(ch.call(new ControlPing()).retval()).isZero();
            }
            assertThat(mux.metrics().staleDrops() - staleBefore).isEqualTo(4);
        }
    }

    @Test
    void aReplyReceivedAfterItWasDroppedFailsWithATimeoutNamingWhy() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            RequestContext late = ch.sendRequest(new ControlPing());
            Thread.sleep(TIMEOUT_MS * 3);
            assertThatThrownBy(() -> late.receiveReply(new ControlPingReply()))
                    .isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("control_ping").hasMessageContaining("dropped as stale");
        }
    }

    @Test
    void dumpsReadInPartReleaseTheirMemory() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            // each abandoned dump holds about 1.7 MB of the 4 MiB budget until the sweeper drops it
            for (int round = 0; round < 6; round++) {
                MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
                for (int i = 0; i < 10; i++) {                        // "found it, break"
                    assertThat(ctx.receiveReply(new SwInterfaceDetails())).isFalse();
                }
                awaitWholeDumpArrived(mux);
                Thread.sleep(TIMEOUT_MS * 3);
            }
            List<SwInterfaceDetails> all = ch.dump(new SwInterfaceDump());
            assertThat(all).hasSize(5_000);
            assertThat(mux.metrics().staleDrops()).isGreaterThanOrEqualTo(6 * (5_000 - 10));
        }
    }

    @Test
    void aDumpReadSteadilyIsNeverDroppedThoughItsReadingOutlastsTheTimeouts() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            long staleBefore = mux.metrics().staleDrops();
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            awaitWholeDumpArrived(mux);                                  // every take below finds its reply queued
            long started = System.nanoTime();
            int read = 0;
            while (System.nanoTime() - started < Duration.ofMillis(TIMEOUT_MS * 5).toNanos()) {
                for (int i = 0; i < 50; i++) {
                    assertThat(ctx.receiveReply(new SwInterfaceDetails())).isFalse();
                    read++;
                }
                Thread.sleep(TIMEOUT_MS / 4);                            // never idle for a whole timeout
            }
            while (!ctx.receiveReply(new SwInterfaceDetails())) {
                read++;
            }
            assertThat(read).isEqualTo(5_000);
            assertThat(mux.metrics().staleDrops()).isEqualTo(staleBefore);
        }
    }

    @Test
    void withoutTheSweeperTheBudgetWouldRunOutTheOverflowSaysSo() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofSeconds(30));                 // no request expires during this test
            MultiRequestContext first = ch.sendMultiRequest(new SwInterfaceDump());
            awaitWholeDumpArrived(mux);
            MultiRequestContext second = ch.sendMultiRequest(new SwInterfaceDump());
            awaitWholeDumpArrived(mux);
            MultiRequestContext third = ch.sendMultiRequest(new SwInterfaceDump());
            awaitWholeDumpArrived(mux);
            assertThatThrownBy(() -> {
                while (!third.receiveReply(new SwInterfaceDetails())) {
                    // the third did not fit beside the two unread ones
                }
            }).isInstanceOf(ReplyOverflowException.class).hasMessageContaining("reply-buffer-bytes");
            int read = 0;
            while (!first.receiveReply(new SwInterfaceDetails())) {
                read++;
            }
            assertThat(read).isEqualTo(5_000);
            second.receiveReply(new SwInterfaceDetails());
        }
    }

    @Test
    void requestsNeverAnsweredAndNeverReceivedEndWithinTheTimeoutAndFreeTheRequestBuffer() throws Exception {
        vpp.on(ShowVersion.DESCRIPTOR).silence();
        try (ApiChannel ch = mux.newApiChannelBuffered(4, 4)) {
            List<RequestContext> forgotten = List.of(ch.sendRequest(new ShowVersion()), ch.sendRequest(new ShowVersion()),
                    ch.sendRequest(new ShowVersion()), ch.sendRequest(new ShowVersion()));
            Thread.sleep(TIMEOUT_MS * 3);
            assertThat(ch.call(new ControlPing()).retval()).isZero();    // their permits are free again
            assertThat(mux.metrics().timeouts()).isGreaterThanOrEqualTo(4);
            assertThatThrownBy(() -> forgotten.get(0).receiveReply(new io.jvppmux.binapi.vpe.ShowVersionReply()))
                    .isInstanceOf(ReplyTimeoutException.class);
        }
    }

    @Test
    void theTraceShowsEveryRequestBeforeItsReply() {
        mux.apiTrace().enable(10_000);
        try (ApiChannel ch = mux.newApiChannel()) {
            for (int i = 0; i < 2_000; i++) {
                ch.call(new ControlPing());
            }
        }
        Set<Integer> sent = new HashSet<>();
        for (ApiTraceEntry e : mux.apiTrace().entries()) {
            if (e.direction() == ApiTraceEntry.Direction.SENT) {
                sent.add(e.context());
            } else if (e.message().equals("control_ping_reply")) {
                assertThat(sent).as("request of the reply with context %x traced first", e.context())
                        .contains(e.context());
            }
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(2_000);
    }

    /** Waits until VPP answered the dumps sent so far (it answers in order: a ping sent now comes back after them). */
    private static void awaitWholeDumpArrived(JvppMux mux) {
        try (ApiChannel other = mux.newApiChannel()) {
            other.setReplyTimeout(Duration.ofSeconds(30));
            other.call(new ControlPing());
        }
    }
}
