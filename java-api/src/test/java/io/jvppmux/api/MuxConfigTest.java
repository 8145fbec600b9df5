package io.jvppmux.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuxConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsFollowGovppmuxWhereTheyApply() {
        MuxConfig c = MuxConfig.defaults();
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.healthCheckProbeInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.healthCheckReplyTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.healthCheckThreshold()).isEqualTo(2);
        assertThat(c.retryRequestCount()).isZero();
        assertThat(c.retryRequestTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.retryConnectCount()).as("0: reconnect never gives up").isZero();
        assertThat(c.socketPath()).isEqualTo(Path.of("/run/vpp/api.sock"));
        assertThat(c.requestBufferSize()).isEqualTo(100);
        assertThat(c.replyBufferSize()).isEqualTo(100);
    }

    @Test
    void loadsAGovppConfStyleFile() throws IOException {
        Path f = dir.resolve("govpp.conf");
        Files.writeString(f, """
                # comments are fine
                transport: shm
                shm-prefix: vpp1
                reply-timeout: 2s
                health-check-reply-timeout: 300ms
                retry-request-count = 3
                rx-queue-length: 256
                """);
        MuxConfig c = MuxConfig.load(f);
        assertThat(c.transport()).isEqualTo(TransportKind.SHM);
        assertThat(c.shmPrefix()).isEqualTo("vpp1");
        assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.healthCheckReplyTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(c.retryRequestCount()).isEqualTo(3);
        assertThat(c.rxQueueLength()).isEqualTo(256);
    }

    @Test
    void systemPropertiesOverrideTheBase() {
        System.setProperty("jvppmux.reply-timeout", "PT3S");
        System.setProperty("jvppmux.socket-path", "/tmp/x.sock");
        try {
            MuxConfig c = MuxConfig.fromSystemProperties(MuxConfig.builder().replyTimeout(Duration.ofSeconds(9)).build());
            assertThat(c.replyTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(c.socketPath()).isEqualTo(Path.of("/tmp/x.sock"));
        } finally {
            System.clearProperty("jvppmux.reply-timeout");
            System.clearProperty("jvppmux.socket-path");
        }
    }

    @Test
    void badValuesNameKeyAndValue() {
        assertThatThrownBy(() -> MuxConfig.builder().set("reply-timeout", "soon"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reply-timeout").hasMessageContaining("'soon'");
        assertThatThrownBy(() -> MuxConfig.builder().set("transport", "carrier-pigeon"))
                .hasMessageContaining("transport").hasMessageContaining("carrier-pigeon");
        assertThatThrownBy(() -> MuxConfig.builder().set("health-check-threshold", "0"))
                .hasMessageContaining("health-check-threshold").hasMessageContaining("0");
        assertThatThrownBy(() -> MuxConfig.builder().set("no-such-key", "1"))
                .hasMessageContaining("no-such-key").hasMessageContaining("unknown");
        assertThatThrownBy(() -> MuxConfig.builder().set("rx-queue-length", "many"))
                .hasMessageContaining("rx-queue-length").hasMessageContaining("'many'");
        assertThatThrownBy(() -> MuxConfig.builder().healthCheckReplyTimeout(Duration.ofSeconds(5)).build())
                .hasMessageContaining("health-check-reply-timeout");
    }

    @Test
    void isImmutableAndComparable() {
        MuxConfig.Builder b = MuxConfig.builder();
        MuxConfig a = b.build();
        b.replyTimeout(Duration.ofSeconds(7));
        assertThat(a.replyTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(a.toBuilder().build()).isEqualTo(a);
        assertThat(a.asMap()).containsEntry("transport", "shm").containsKey("health-check-threshold");
    }
}
