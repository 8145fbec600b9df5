package io.jvppmux.api.stats;

import java.util.Arrays;

/**
 * A log2 histogram, stored by VPP as {@code [thread][bin]} with bin 0 holding the minimum exponent
 * {@code min_exp}. Count {@code j} (0-based here, bin {@code j+1} in VPP) counts values in
 * {@code [2^(min_exp+j), 2^(min_exp+j+1))}; the first also takes values below, the last takes overflow.
 */
public final class HistogramLog2 implements StatValue {
    private final long[] minExp;
    private final long[][] counts;

    /**
     * @param minExp per thread, the minimum exponent (VPP's bin 0)
     * @param counts per thread, the counts (VPP's bins 1..n); owned by this object from now on
     */
    public HistogramLog2(long[] minExp, long[][] counts) {
        if (minExp.length != counts.length) {
            throw new IllegalArgumentException("minExp has " + minExp.length + " threads, counts " + counts.length);
        }
        this.minExp = minExp;
        this.counts = counts;
    }

    /** Number of threads. */
    public int threads() {
        return counts.length;
    }

    /** {@code thread}'s minimum exponent. */
    public long minExp(int thread) {
        return minExp[thread];
    }

    /** A copy of {@code thread}'s counts. */
    public long[] counts(int thread) {
        return counts[thread].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistogramLog2 && Arrays.equals(minExp, ((HistogramLog2) o).minExp)
                && Arrays.deepEquals(counts, ((HistogramLog2) o).counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(minExp) * 31 + Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < counts.length; t++) {
            sb.append(t == 0 ? "" : ", ").append("{min_exp=").append(minExp[t]).append(", counts=")
                    .append(Arrays.toString(counts[t])).append('}');
        }
        return sb.append(']').toString();
    }
}
