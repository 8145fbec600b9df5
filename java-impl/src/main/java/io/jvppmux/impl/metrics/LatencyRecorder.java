package io.jvppmux.impl.metrics;

import io.jvppmux.api.LatencyHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Round-trip times in {@value #BUCKETS} fixed log2 buckets: bucket 0 holds times under 1 us, bucket
 * {@code i} times in {@code [2^(i-1), 2^i)} us, the last everything from about 8.4 s up. Recording is one
 * division, one leading-zero count and one {@link LongAdder} increment (padded: {@link PaddedAdder}): no allocation, no lock.
 */
public final class LatencyRecorder {
    /** Number of buckets. */
    public static final int BUCKETS = 25;

    private final LongAdder[] counts = new LongAdder[BUCKETS];

    /** Empty buckets. */
    public LatencyRecorder() {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = new PaddedAdder();
        }
    }

    /** Records one round trip of {@code nanos} (negative counts as 0). */
    public void record(long nanos) {
        counts[bucketOf(nanos)].increment();
    }

    /** The bucket index of {@code nanos}. */
    static int bucketOf(long nanos) {
        long micros = Math.max(0, nanos) / 1_000;
        int i = micros == 0 ? 0 : 64 - Long.numberOfLeadingZeros(micros);
        return Math.min(i, BUCKETS - 1);
    }

    /** The buckets now. */
    public LatencyHistogram snapshot() {
        List<LatencyHistogram.Bucket> b = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            Duration upper = i == BUCKETS - 1 ? null : Duration.ofNanos(1_000L << i);
            b.add(new LatencyHistogram.Bucket(upper, counts[i].sum()));
        }
        return new LatencyHistogram(b);
    }
}
