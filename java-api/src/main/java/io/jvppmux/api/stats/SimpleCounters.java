package io.jvppmux.api.stats;

import java.util.Arrays;

/**
 * A simple counter vector {@code u64 [thread][index]} as VPP stores it: thread 0 is the main thread.
 * Rows may differ in length while VPP grows a vector; a missing element reads 0. For a symlink the shape is
 * {@code [thread][1]}. The arrays given to the constructor belong to this object; accessors copy.
 */
public final class SimpleCounters implements StatValue {
    private final long[][] values;

    /** @param values {@code [thread][index]}, owned by this object from now on */
    public SimpleCounters(long[][] values) {
        this.values = values;
    }

    /** Number of threads (rows). */
    public int threads() {
        return values.length;
    }

    /** Number of indices in {@code thread}'s row. */
    public int length(int thread) {
        return values[thread].length;
    }

    /** The longest row's length. */
    public int maxLength() {
        int n = 0;
        for (long[] r : values) {
            n = Math.max(n, r.length);
        }
        return n;
    }

    /** The unsigned value at {@code [thread][index]}, 0 when the row is shorter. */
    public long get(int thread, int index) {
        long[] r = values[thread];
        return index < r.length ? r[index] : 0;
    }

    /** {@code [index]} of every thread. */
    public long[] perThread(int index) {
        long[] r = new long[values.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = get(t, index);
        }
        return r;
    }

    /** The sum over threads of {@code [index]}, modulo 2^64. */
    public long sum(int index) {
        return Unsigned.sum(perThread(index));
    }

    /** A copy of {@code thread}'s row. */
    public long[] row(int thread) {
        return values[thread].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimpleCounters && Arrays.deepEquals(values, ((SimpleCounters) o).values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < values.length; t++) {
            sb.append(t == 0 ? "" : ", ").append('[');
            for (int i = 0; i < values[t].length; i++) {
                sb.append(i == 0 ? "" : ", ").append(Long.toUnsignedString(values[t][i]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
