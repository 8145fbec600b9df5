package io.jvppmux.stats;

/**
 * The per-thread rows of a counter vector: the vector of one pointer per thread, each row's offset and
 * length, all checked to lie inside the segment. Read once per poll and shared by every symlink into it.
 */
final class Rows {
    final long[] offsets;
    final int[] lengths;
    final int eltSize;

    private Rows(long[] offsets, int[] lengths, int eltSize) {
        this.offsets = offsets;
        this.lengths = lengths;
        this.eltSize = eltSize;
    }

    /** Reads the thread vector at VPP address {@code ptr} of the stat {@code name}. */
    static Rows read(Segment s, long ptr, int eltSize, String name) {
        long tv = s.offset(ptr, 0, 8, name + " thread vector");
        int threads = s.vecLen(tv, 8, Layout.MAX_THREADS, name + " thread vector");
        long[] off = new long[threads];
        int[] len = new int[threads];
        long maxElts = s.size() / eltSize;
        long total = 0;
        for (int t = 0; t < threads; t++) {
            String what = name + " [thread " + t + "]";
            long rp = s.u64(tv + 8L * t, what);
            off[t] = s.offset(rp, 0, 8, what);
            len[t] = s.vecLen(off[t], eltSize, maxElts, what);
            total += len[t];
        }
        if (total > maxElts) { // rows are distinct allocations: garbage rows sharing memory must not cost GiBs
            throw new Inconsistent(name + ": " + threads + " rows of " + total + " elements in all exceed the segment");
        }
        return new Rows(off, len, eltSize);
    }

    int threads() {
        return offsets.length;
    }

    /** Word {@code word} of element {@code index} of {@code thread}; Inconsistent when past the row. */
    long get(Segment s, int thread, int index, int word, String name) {
        if (index < 0 || index >= lengths[thread]) {
            throw new Inconsistent(name + ": column " + index + " outside thread " + thread + "'s row of "
                    + lengths[thread]);
        }
        return s.u64(offsets[thread] + (long) index * eltSize + 8L * word, name);
    }

    /** Every element's word {@code word}, {@code [thread][index]}. */
    long[][] all(Segment s, int word, String name) {
        long[][] r = new long[offsets.length][];
        for (int t = 0; t < r.length; t++) {
            r[t] = new long[lengths[t]];
            for (int i = 0; i < r[t].length; i++) {
                r[t][i] = s.u64(offsets[t] + (long) i * eltSize + 8L * word, name);
            }
        }
        return r;
    }
}
