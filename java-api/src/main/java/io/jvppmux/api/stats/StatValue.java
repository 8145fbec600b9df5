package io.jvppmux.api.stats;

/**
 * The value of one stat, copied out of the segment (it never refers to shared memory). Counters are
 * unsigned 64-bit values in {@code long}s (see {@link Unsigned}).
 */
public sealed interface StatValue
        permits ScalarValue, SimpleCounters, CombinedCounters, NameVector, HistogramLog2, RingBufferValue {
}
