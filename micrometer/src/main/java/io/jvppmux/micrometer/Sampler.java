package io.jvppmux.micrometer;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last value read from a source, read again when it is older than {@code maxAge}, so that one scrape that
 * reads dozens of meters costs one read of the source. Thread-safe.
 *
 * @param <T> what is read
 */
final class Sampler<T> {
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final LongSupplier clock;
    private T last;
    private long readAt;

    Sampler(Supplier<T> source, Duration maxAge, LongSupplier clock) {
        this.source = Objects.requireNonNull(source, "source");
        if (maxAge == null || maxAge.isNegative()) {
            throw new IllegalArgumentException("the sample age must be zero or positive: " + maxAge);
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The last value, read again first when there is none yet or it is older than the maximum age. */
    synchronized T get() {
        if (last == null || clock.getAsLong() - readAt >= maxAgeNanos) {
            return refresh();
        }
        return last;
    }

    /** Reads the source now. */
    synchronized T refresh() {
        last = Objects.requireNonNull(source.get(), "a sample");
        readAt = clock.getAsLong();
        return last;
    }
}
