package io.jvppmux.impl.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.LatencyHistogram;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LatencyRecorderTest {
    @Test
    void bucketsAreLog2Microseconds() {
        assertThat(LatencyRecorder.bucketOf(-5)).isZero();
        assertThat(LatencyRecorder.bucketOf(999)).isZero();
        assertThat(LatencyRecorder.bucketOf(1_000)).isEqualTo(1);
        assertThat(LatencyRecorder.bucketOf(1_999)).isEqualTo(1);
        assertThat(LatencyRecorder.bucketOf(2_000)).isEqualTo(2);
        assertThat(LatencyRecorder.bucketOf(32_000)).isEqualTo(6);
        assertThat(LatencyRecorder.bucketOf(Long.MAX_VALUE)).isEqualTo(LatencyRecorder.BUCKETS - 1);
    }

    @Test
    void theSnapshotCountsAndPlacesQuantiles() {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 0; i < 99; i++) {
            r.record(30_000);
        }
        r.record(5_000_000_000L);
        LatencyHistogram h = r.snapshot();
        assertThat(h.buckets()).hasSize(LatencyRecorder.BUCKETS);
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.quantile(0.5)).isEqualTo(Duration.ofNanos(32_000));
        assertThat(h.quantile(0.99)).isEqualTo(Duration.ofNanos(32_000));
        assertThat(h.quantile(1.0)).isEqualTo(Duration.ofNanos(1_000L << 23));
        assertThat(h.buckets().get(LatencyRecorder.BUCKETS - 1).upperBound()).isNull();
        assertThat(new LatencyRecorder().snapshot().quantile(0.5)).isZero();
    }
}
