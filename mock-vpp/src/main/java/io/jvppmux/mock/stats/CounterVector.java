package io.jvppmux.mock.stats;

/**
 * A per-thread counter vector as VPP lays it out: a vector of one pointer per thread, each pointing to a
 * vector of elements ({@code u64} for simple counters and histograms, {@code {u64 packets; u64 bytes}} for
 * combined counters). Growing within capacity only bumps the lengths, without the lock (as
 * {@code vlib_stats_validate} does); growing past it reallocates every row under the lock.
 */
final class CounterVector {
    private final SegmentWriter w;
    private final int eltSize;
    private final long threadVec;
    private final long[] rows;
    private final int[] caps;
    private int len;

    private CounterVector(SegmentWriter w, int eltSize, int threads, int len) {
        this.w = w;
        this.eltSize = eltSize;
        this.rows = new long[threads];
        this.caps = new int[threads];
        this.len = len;
        this.threadVec = w.allocVector(8, threads, threads);
        for (int t = 0; t < threads; t++) {
            caps[t] = Math.max(len, 4);
            rows[t] = w.allocVector(eltSize, len, caps[t]);
            w.putLong(threadVec + 8L * t, w.ptr(rows[t]));
        }
    }

    /** Allocates the vector (the caller holds the lock). */
    static CounterVector create(SegmentWriter w, int eltSize, int threads, int len) {
        return new CounterVector(w, eltSize, threads, len);
    }

    /** The VPP pointer an entry's value holds. */
    long pointer() {
        return w.ptr(threadVec);
    }

    int length() {
        return len;
    }

    int threads() {
        return rows.length;
    }

    /** Makes every row at least {@code n} long (VPP's vlib_stats_validate). */
    void validate(int n) {
        if (n <= len) {
            return;
        }
        boolean expand = false;
        for (int cap : caps) {
            expand |= n > cap;
        }
        if (!expand) {
            len = n;
            for (long r : rows) {
                w.setVecLen(r, n);
            }
            return;
        }
        w.lock();
        try {
            for (int t = 0; t < rows.length; t++) {
                int cap = Math.max(n, caps[t] * 2);
                long nr = w.allocVector(eltSize, n, cap);
                for (long o = 0; o < (long) len * eltSize; o += 8) {
                    w.putLong(nr + o, w.getLong(rows[t] + o));
                }
                w.putLong(threadVec + 8L * t, w.ptr(nr));
                w.freeVector(rows[t]);
                rows[t] = nr;
                caps[t] = cap;
            }
            len = n;
        } finally {
            w.unlock();
        }
    }

    /** Sets the {@code word}-th u64 of element {@code index} of {@code thread} (word 1 = bytes of a pair). */
    void set(int thread, int index, int word, long v) {
        check(thread, index);
        w.putLong(rows[thread] + (long) index * eltSize + 8L * word, v);
    }

    long get(int thread, int index, int word) {
        check(thread, index);
        return w.getLong(rows[thread] + (long) index * eltSize + 8L * word);
    }

    /** Segment offset of {@code thread}'s row (for tests that plant garbage). */
    long rowOffset(int thread) {
        return rows[thread];
    }

    /** Frees every vector (the caller holds the lock). */
    void free() {
        for (long r : rows) {
            w.freeVector(r);
        }
        w.freeVector(threadVec);
    }

    private void check(int thread, int index) {
        if (thread < 0 || thread >= rows.length || index < 0 || index >= len) {
            throw new IndexOutOfBoundsException("[" + thread + "][" + index + "] outside [" + rows.length + "][" + len + "]");
        }
    }
}
