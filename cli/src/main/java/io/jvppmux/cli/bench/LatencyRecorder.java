package io.jvppmux.cli.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Round-trip times of one caller thread (HdrHistogram: records without allocating), merged after a round. */
final class LatencyRecorder {
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(10);
    private final Histogram histogram = new Histogram(MAX_NANOS, 3);

    /** Records one round trip. */
    void record(long nanos) {
        histogram.recordValue(Math.min(Math.max(nanos, 0), MAX_NANOS));
    }

    Histogram histogram() {
        return histogram;
    }

    static Histogram empty() {
        return new Histogram(MAX_NANOS, 3);
    }
}
