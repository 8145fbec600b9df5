package io.jvppmux.impl.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ApiTraceEntry;
import io.jvppmux.api.ChannelMetrics;
import io.jvppmux.api.FailureCause;
import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.ReplyTimeoutException;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.vpe.ShowVersion;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.core.Contexts;
import io.jvppmux.mock.MockVpp;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Named channels: the name shows in the channel's metrics, its exceptions and the API trace. */
@Timeout(30)
class NamedChannelTest {
    private MockVpp vpp;
    private JvppMux mux;

    @BeforeEach
    void start() {
        vpp = MockVpp.start();
        mux = JvppMux.connect(MuxConfig.builder().apiTraceSize(1000).build(), vpp.newTransport());
    }

    @AfterEach
    void stop() {
        mux.close();
        vpp.close();
    }

    @Test
    void metricsAreKeptPerNameAndUnnamedChannelsCountApart() {
        try (ApiChannel watcher = mux.newApiChannel("interface-watcher");
             ApiChannel programmer = mux.newApiChannelBuffered("loopback-programmer", 10, 10);
             ApiChannel plain = mux.newApiChannel()) {
            assertThat(watcher.name()).isEqualTo("interface-watcher");
            assertThat(plain.name()).isEqualTo(ChannelMetrics.UNNAMED);
            for (int i = 0; i < 3; i++) {
                watcher.call(new ControlPing());
            }
            programmer.call(new ShowVersion());
            plain.call(new ControlPing());
            MetricsSnapshot m = mux.metrics();
            assertThat(m.channel("interface-watcher").requests()).isEqualTo(3);
            assertThat(m.channel("interface-watcher").replies()).isEqualTo(3);
            assertThat(m.channel("interface-watcher").open()).isEqualTo(1);
            assertThat(m.channel("loopback-programmer").requests()).isEqualTo(1);
            assertThat(m.channel(ChannelMetrics.UNNAMED).requests()).isEqualTo(1);
            assertThat(m.channels()).doesNotContainKey("jvppmux-internal");
        }
        assertThat(mux.metrics().channel("interface-watcher").open()).isZero();
    }

    @Test
    void exceptionsAndFailureCountsNameTheChannel() {
        vpp.on(ShowVersion.DESCRIPTOR).silenceNext(1);
        try (ApiChannel slow = mux.newApiChannel("slow-plugin")) {
            slow.setReplyTimeout(Duration.ofMillis(100));
            assertThatThrownBy(() -> slow.call(new ShowVersion())).isInstanceOf(ReplyTimeoutException.class)
                    .hasMessageContaining("channel " + slow.id() + " 'slow-plugin'");
            assertThat(mux.metrics().channel("slow-plugin").failures(FailureCause.TIMEOUT)).isEqualTo(1);
            assertThat(slow.toString()).contains("slow-plugin");
        }
    }

    @Test
    void theApiTraceNamesTheChannelOfEachRequestAndReply() {
        try (ApiChannel named = mux.newApiChannel("tracer")) {
            named.call(new ShowVersion());
            assertThat(mux.apiTrace().entries()).filteredOn(e -> e.message().startsWith("show_version")
                    && Contexts.channelId(e.context()) == named.id())
                    .extracting(ApiTraceEntry::channel).containsExactly("tracer", "tracer");
        }
    }

    @Test
    void aBadNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> mux.newApiChannel("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'two words'");
        assertThatThrownBy(() -> mux.newApiChannel("")).isInstanceOf(IllegalArgumentException.class);
    }
}
