package io.jvppmux.api;

import java.time.Duration;
import java.util.List;

/**
 * Round-trip times of completed requests in fixed log-scale buckets: bucket {@code i} counts the requests
 * that took less than its {@code upperBound} ({@code 2^i} microseconds) and at least the previous bucket's;
 * the last bucket has no upper bound ({@code null}).
 *
 * @param buckets every bucket, in increasing order
 */
public record LatencyHistogram(List<Bucket> buckets) {
    /** Copies the bucket list. */
    public LatencyHistogram {
        buckets = List.copyOf(buckets);
    }

    /**
     * One bucket.
     *
     * @param upperBound exclusive upper bound, or null for the last bucket
     * @param count      how many requests fell in it
     */
    public record Bucket(Duration upperBound, long count) {
    }

    /** How many requests were recorded. */
    public long count() {
        return buckets.stream().mapToLong(Bucket::count).sum();
    }

    /**
     * The upper bound of the bucket holding the {@code q} quantile (0 &lt; q &lt;= 1), e.g. {@code 0.99} for
     * the 99th percentile; {@link Duration#ZERO} when nothing was recorded and null when it lies in the last,
     * unbounded bucket.
     */
    public Duration quantile(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in (0, 1]: " + q);
        }
        long total = count();
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (Bucket b : buckets) {
            seen += b.count();
            if (seen >= rank) {
                return b.upperBound();
            }
        }
        return buckets.get(buckets.size() - 1).upperBound();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LatencyHistogram{");
        for (Bucket b : buckets) {
            if (b.count() > 0) {
                sb.append(b.upperBound() == null ? "inf" : "<" + b.upperBound().toNanos() / 1000 + "us")
                        .append('=').append(b.count()).append(' ');
            }
        }
        return sb.append('}').toString();
    }
}
