package io.jvppmux.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.FailureCause;
import io.jvppmux.api.LatencyHistogram;
import io.jvppmux.api.MessageMetrics;
import io.jvppmux.api.PluginInfo;
import io.jvppmux.api.VppInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The value types of the API that carry logic of their own. */
@Timeout(10)
class ApiTypesTest {
    private static VppInfo info(String version) {
        return new VppInfo(true, "vpe", version, "2026-06-01", 42, 7,
                List.of(new PluginInfo("acl", "acl_plugin.so", "26.06", "ACL")), Instant.EPOCH);
    }

    @Test
    void vppInfoKnowsItsReleaseAndPlugins() {
        assertThat(info("26.06-rc0~12-g1234abcd").releaseVersion()).isEqualTo("26.06");
        assertThat(info("v25.10.1-release").releaseVersion()).isEqualTo("25.10");
        assertThat(info("").releaseVersion()).isEmpty();
        assertThat(info("x").isPluginLoaded("acl")).isTrue();
        assertThat(info("x").isPluginLoaded("acl_plugin.so")).isTrue();
        assertThat(info("x").isPluginLoaded("nat")).isFalse();
        assertThat(info("x").withConnected(false).connected()).isFalse();
        assertThat(VppInfo.unknown().connected()).isFalse();
    }

    @Test
    void messageMetricsDeriveTimeoutsDropsAndMeanLatency() {
        MessageMetrics m = new MessageMetrics("show_version", 10, 8, 8,
                Map.of(FailureCause.TIMEOUT, 1L, FailureCause.REPLY_OVERFLOW, 1L), 8_000_000);
        assertThat(m.timeouts()).isEqualTo(1);
        assertThat(m.drops()).isEqualTo(1);
        assertThat(m.failures(FailureCause.NOT_CONNECTED)).isZero();
        assertThat(m.meanLatency()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void quantilesMustBeInRange() {
        LatencyHistogram h = new LatencyHistogram(List.of(new LatencyHistogram.Bucket(Duration.ofNanos(1000), 1)));
        assertThatThrownBy(() -> h.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.quantile(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.quantile(1)).isEqualTo(Duration.ofNanos(1000));
    }
}
