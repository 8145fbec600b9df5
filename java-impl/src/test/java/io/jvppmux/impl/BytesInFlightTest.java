package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.api.RequestContext;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.vlib.CliInband;
import io.jvppmux.binapi.vlib.CliInbandReply;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.binapi.vpe.ShowVersionReply;
import io.jvppmux.impl.testing.Replier;
import io.jvppmux.impl.testing.ScriptedTransport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transport that bounds the bytes VPP may hold unanswered (as shared memory does): a request that would pass the
 * bound is not written until replies show VPP handled earlier ones, and fails with a ReplyTimeoutException naming
 * the bytes in flight when none come within the reply timeout; small requests pass meanwhile.
 */
@Timeout(20)
class BytesInFlightTest {
    private static final long BOUND = 64_000;
    private static final String BIG = "x".repeat(40_000);
    private final ScriptedTransport transport = new ScriptedTransport();
    private JvppMux mux;

    @BeforeEach
    void connect() {
        transport.boundBytesInFlight(BOUND);
        transport.respond(new Replier(transport, Map.of(
                ShowVersion.DESCRIPTOR, () -> new ShowVersionReply().version("scripted"),
                CliInband.DESCRIPTOR, () -> new CliInbandReply().reply(""),
                ControlPing.DESCRIPTOR, ControlPingReply::new)));
        mux = JvppMux.connect(MuxConfig.builder().replyTimeout(Duration.ofMillis(300)).build(), transport);
        transport.respond(w -> List.of());   // VPP holds what it gets until the test answers
        transport.forgetWrites();
    }

    @AfterEach
    void close() {
        mux.close();
    }

    @Test
    void aRequestPastTheBoundWaitsForRepliesAndFailsNamingTheBytesWhenNoneCome() throws Exception {
        try (ApiChannel ch = mux.newApiChannel()) {
            RequestContext first = ch.sendRequest(new CliInband().cmd(BIG));
            transport.awaitWrite(CliInband.DESCRIPTOR, Duration.ofSeconds(5));

            assertThatThrownBy(() -> ch.sendRequest(new CliInband().cmd(BIG)))
                    .isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("cli_inband: not sent, 40,0")
                    .hasMessageContaining("bytes of earlier requests are still unanswered in VPP's memory")
                    .hasMessageContaining("holds at most 64,000");
            assertThat(transport.written()).as("the second was never written").hasSize(1);
            assertThat(mux.metrics().message("cli_inband").failures(FailureCause.ABANDONED)).isEqualTo(1);
            assertThatThrownBy(() -> first.receiveReply(new CliInbandReply())).isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("no reply within");

            RequestContext small = ch.sendRequest(new ShowVersion());
            byte[] smallWritten = transport.awaitWrite(ShowVersion.DESCRIPTOR, Duration.ofSeconds(5));
            assertThat(smallWritten).as("a small request fits beside the unanswered big one").isNotNull();
            transport.deliver(new ShowVersionReply().version("v"), Replier.contextOf(smallWritten));
            small.receiveReply(new ShowVersionReply());

            // VPP handles messages in the order written: the reply to the later request shows the first handled too
            RequestContext third = ch.sendRequest(new CliInband().cmd(BIG));
            byte[] thirdWritten = transport.awaitWrite(CliInband.DESCRIPTOR, Duration.ofSeconds(5));
            transport.deliver(new CliInbandReply().reply("third"), Replier.contextOf(thirdWritten));
            assertThat(receive(third)).isEqualTo("third");
        }
    }

    @Test
    void aWaitingRequestGoesAsSoonAsAReplyFreesRoom() throws Exception {
        try (ApiChannel ch = mux.newApiChannel(); ApiChannel other = mux.newApiChannel()) {
            ch.setReplyTimeout(Duration.ofSeconds(5));
            other.setReplyTimeout(Duration.ofSeconds(5));
            RequestContext first = ch.sendRequest(new CliInband().cmd(BIG));
            byte[] firstWritten = transport.awaitWrite(CliInband.DESCRIPTOR, Duration.ofSeconds(5));
            CompletableFuture<RequestContext> second = CompletableFuture.supplyAsync(
                    () -> other.sendRequest(new CliInband().cmd(BIG)));
            Thread.sleep(200);
            assertThat(transport.written()).as("the second held back").hasSize(1);

            transport.deliver(new CliInbandReply().reply("first"), Replier.contextOf(firstWritten));
            byte[] secondWritten = transport.awaitWrite(CliInband.DESCRIPTOR, Duration.ofSeconds(5));
            assertThat(secondWritten).as("written once the first was answered").isNotNull();
            assertThat(receive(first)).isEqualTo("first");
            transport.deliver(new CliInbandReply().reply("second"), Replier.contextOf(secondWritten));
            assertThat(receive(second.get())).isEqualTo("second");
        }
    }

    private static String receive(RequestContext c) {
        CliInbandReply r = new CliInbandReply();
        c.receiveReply(r);
        return r.reply();
    }
}
