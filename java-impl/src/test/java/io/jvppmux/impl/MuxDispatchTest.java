package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ChannelClosedException;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.NotConnectedException;
import io.jvppmux.api.ReplyOverflowException;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.memclnt.MemclntKeepalive;
import io.jvppmux.binapi.memclnt.MemclntKeepaliveReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.testing.Replier;
import io.jvppmux.impl.testing.ScriptedTransport;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The dispatcher's routing rules, driven byte by byte through a scripted transport. */
@Timeout(20)
class MuxDispatchTest {
    private final ScriptedTransport transport = new ScriptedTransport();
    private JvppMux mux;

    @BeforeEach
    void connect() {
        transport.respond(new Replier(transport, Map.of(
                ShowVersion.DESCRIPTOR, () -> new ShowVersionReply().version("scripted"),
                CliInband.DESCRIPTOR, () -> new CliInbandReply().reply(""),
                ControlPing.DESCRIPTOR, ControlPingReply::new)));
        mux = JvppMux.connect(MuxConfig.builder().replyTimeout(Duration.ofMillis(500)).build(), transport);
        transport.forgetWrites();
    }

    @AfterEach
    void close() {
        mux.close();
    }

    @Test
    void keepaliveIsAnsweredWithItsBytes6To9AsContext() throws Exception {
        transport.deliver(new MemclntKeepalive(), 0x12345678);
        byte[] reply = transport.awaitWrite(MemclntKeepaliveReply.DESCRIPTOR, Duration.ofSeconds(5));
        ByteBuffer b = ByteBuffer.wrap(reply);
        assertThat(transport.descriptorOf(reply)).isSameAs(MemclntKeepaliveReply.DESCRIPTOR);
        assertThat(b.getInt(2)).as("context, copied verbatim").isEqualTo(0x12345678);
        assertThat(b.getInt(6)).as("retval").isZero();
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.call(new ShowVersion());
        }
        assertThat(mux.metrics().keepalives()).as("counted once dispatched; the call above is a barrier").isEqualTo(1);
    }

    @Test
    void unknownIdsAndMessagesShorterThanTheirHeaderAreCountedAndDropped() {
        transport.deliver(new byte[] {0x7f, 0x70, 0, 0, 0, 1});
        transport.deliver(new byte[] {0});
        byte[] truncated = transport.encode(new ShowVersionReply(), 1 << 17 | 1);
        transport.deliver(java.util.Arrays.copyOf(truncated, 4));
        try (ApiChannel ch = mux.newApiChannel()) {
            assertThat(ch.call(new ShowVersion()).version()).as("messages are dispatched in order: this call is a barrier")
                    .isEqualTo("scripted");
        }
        assertThat(mux.metrics().unknownIds()).isEqualTo(1);
        assertThat(mux.metrics().malformedDrops()).isEqualTo(2);
    }

    @Test
    void aReplyThatDoesNotFitFailsItsOwnRequestWithOverflowAndACounter() {
        try (ApiChannel ch = mux.newApiChannelBuffered(10, 2)) {
            List<RequestContext> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(ch.sendRequest(new ShowVersion()));
            }
            assertThatThrownBy(() -> sent.get(2).receiveReply(new ShowVersionReply()))
                    .isInstanceOf(ReplyOverflowException.class)
                    .hasMessageContaining("show_version on channel " + ch.id())
                    .hasMessageContaining("reply buffer of 2 is full");
            ShowVersionReply r = new ShowVersionReply();
            sent.get(0).receiveReply(r);
            sent.get(1).receiveReply(r);
            assertThat(r.version()).isEqualTo("scripted");
            assertThat(mux.metrics().overflowDrops()).isEqualTo(1);
            assertThat(ch.call(new ShowVersion()).version()).as("the channel works on once drained").isEqualTo("scripted");
        }
    }

    @Test
    void aChannelThatNeverDrainsDoesNotDelayAnother() {
        try (ApiChannel stuck = mux.newApiChannelBuffered(100, 1);
             ApiChannel other = mux.newApiChannel()) {
            for (int i = 0; i < 50; i++) {
                stuck.sendRequest(new ShowVersion());
            }
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                assertThat(other.call(new ShowVersion()).version()).isEqualTo("scripted");
            }
            // a dispatcher that waited for the stuck channel (GoVPP: up to 100 ms per reply) would need > 4.9 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(mux.metrics().overflowDrops()).isEqualTo(49);
        }
    }

    @Test
    void futuresAndTheirCallbacksRunOnCallbackThreadsOnly() throws Exception {
        transport.respond(w -> List.of());
        try (ApiChannel ch = mux.newApiChannel()) {
            for (int i = 0; i < 20; i++) {
                CompletableFuture<String> thread = ch.callAsync(new ShowVersion())
                        .thenApply(r -> Thread.currentThread().getName());
                byte[] request = transport.awaitWrite(ShowVersion.DESCRIPTOR, Duration.ofSeconds(5));
                transport.deliver(new ShowVersionReply(), Replier.contextOf(request));
                assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("jvppmux-callback-");
            }
        }
    }

    @Test
    void aSenderBlocksWhileTheRequestBufferIsFullThenFailsClearly() {
        transport.respond(w -> List.of());
        try (ApiChannel ch = mux.newApiChannelBuffered(2, 10)) {
            ch.setReplyTimeout(Duration.ofSeconds(10));          // the two in flight end 10 s after they were sent
            ch.sendRequest(new ShowVersion());
            ch.sendRequest(new ShowVersion());
            ch.setReplyTimeout(Duration.ofMillis(200));
            long start = System.nanoTime();
            assertThatThrownBy(() -> ch.sendRequest(new ShowVersion()))
                    .isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("channel " + ch.id())
                    .hasMessageContaining("2 requests already in flight");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(150), Duration.ofSeconds(2));
        }
    }

    @Test
    void aSenderBlockedOnAFullRequestBufferGoesOnOnceAReplyEndsARequestInFlight() throws Exception {
        transport.respond(w -> List.of());
        try (ApiChannel ch = mux.newApiChannelBuffered(1, 10)) {
            ch.setReplyTimeout(Duration.ofSeconds(10));
            RequestContext first = ch.sendRequest(new ShowVersion());
            byte[] firstWritten = transport.awaitWrite(ShowVersion.DESCRIPTOR, Duration.ofSeconds(5));
            CompletableFuture<RequestContext> second = CompletableFuture.supplyAsync(() -> ch.sendRequest(new ShowVersion()));
            Thread.sleep(100);
            assertThat(second).as("the second request waits for the first to end").isNotDone();
            transport.deliver(new ShowVersionReply().version("first"), Replier.contextOf(firstWritten));
            RequestContext sent = second.get(5, TimeUnit.SECONDS);
            byte[] secondWritten = transport.awaitWrite(ShowVersion.DESCRIPTOR, Duration.ofSeconds(5));
            transport.deliver(new ShowVersionReply().version("second"), Replier.contextOf(secondWritten));
            ShowVersionReply reply = new ShowVersionReply();
            first.receiveReply(reply);
            assertThat(reply.version()).isEqualTo("first");
            sent.receiveReply(reply);
            assertThat(reply.version()).isEqualTo("second");
        }
    }

    @Test
    void closingTheChannelReleasesASenderBlockedOnAFullRequestBufferWithAClearError() throws Exception {
        transport.respond(w -> List.of());
        ApiChannel ch = mux.newApiChannelBuffered(1, 10);
        ch.setReplyTimeout(Duration.ofSeconds(30));
        ch.sendRequest(new ShowVersion());
        CompletableFuture<RequestContext> blocked = CompletableFuture.supplyAsync(() -> ch.sendRequest(new ShowVersion()));
        Thread.sleep(100);
        assertThat(blocked).isNotDone();
        long start = System.nanoTime();
        ch.close();
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ChannelClosedException.class)
                .hasMessageContaining("channel " + ch.id());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void losingTheConnectionFailsEveryRequestInFlight() {
        transport.respond(w -> List.of());
        try (ApiChannel ch = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofSeconds(10));
            RequestContext waiting = ch.sendRequest(new ShowVersion());
            var async = ch.callAsync(new ShowVersion());
            transport.failConnects(1000);
            transport.dropConnection();
            assertThatThrownBy(() -> waiting.receiveReply(new ShowVersionReply()))
                    .isInstanceOf(NotConnectedException.class).hasMessageContaining("connection to VPP lost");
            assertThatThrownBy(async::join).hasCauseInstanceOf(NotConnectedException.class);
            assertThat(mux.isConnected()).isFalse();
            assertThatThrownBy(() -> ch.call(new ShowVersion())).isInstanceOf(NotConnectedException.class);
        }
    }
}
