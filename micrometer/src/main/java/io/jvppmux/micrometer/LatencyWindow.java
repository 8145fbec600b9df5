package io.jvppmux.micrometer;

import io.jvppmux.api.LatencyHistogram;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The round trips completed between two snapshots of the mux's cumulative latency histogram: what the
 * percentile gauges report, so that they describe the last interval (as Micrometer's own percentiles
 * describe a recent window) and not the whole life of the mux.
 */
final class LatencyWindow {
    private LatencyWindow() {
    }

    /** The buckets of {@code now} minus those of {@code before} (null: nothing before). */
    static LatencyHistogram between(LatencyHistogram before, LatencyHistogram now) {
        if (before == null || before.buckets().size() != now.buckets().size()) {
            return now;
        }
        List<LatencyHistogram.Bucket> delta = new ArrayList<>(now.buckets().size());
        for (int i = 0; i < now.buckets().size(); i++) {
            LatencyHistogram.Bucket b = now.buckets().get(i);
            delta.add(new LatencyHistogram.Bucket(b.upperBound(), Math.max(0, b.count() - before.buckets().get(i).count())));
        }
        return new LatencyHistogram(delta);
    }

    /**
     * The {@code q} quantile in seconds: the upper bound of the bucket holding it; 0 when the window holds no
     * round trip (as Micrometer's percentiles read with no samples), +Inf when it lies in the unbounded last
     * bucket.
     */
    static double quantileSeconds(LatencyHistogram window, double q) {
        if (window.count() == 0) {
            return 0;
        }
        Duration d = window.quantile(q);
        return d == null ? Double.POSITIVE_INFINITY : d.toNanos() / 1e9;
    }

    /** How many round trips took less than bucket {@code index}'s upper bound: Prometheus's cumulative count. */
    static long cumulative(LatencyHistogram h, int index) {
        long n = 0;
        for (int i = 0; i <= index && i < h.buckets().size(); i++) {
            n += h.buckets().get(i).count();
        }
        return n;
    }
}
