package io.jvppmux.api.stats;

import java.util.Arrays;

/** One counter's unsigned values by thread (thread 0 is VPP's main thread) and their sum. */
public final class PerThread {
    private final long[] values;

    /** @param values by thread, owned by this object from now on */
    public PerThread(long[] values) {
        this.values = values;
    }

    /** Number of threads. */
    public int threads() {
        return values.length;
    }

    /** The unsigned value of {@code thread}. */
    public long get(int thread) {
        return values[thread];
    }

    /** The sum over threads, modulo 2^64. */
    public long sum() {
        return Unsigned.sum(values);
    }

    /** A copy of the values by thread. */
    public long[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PerThread && Arrays.equals(values, ((PerThread) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(sum());
    }
}
