package io.jvppmux.mock.stats;

import java.nio.charset.StandardCharsets;

/**
 * A name vector: a vector of pointers by index, each NULL or a {@code u8} vector whose length includes
 * the trailing NUL (VPP's {@code vlib_stats_set_string}). Every change happens under the lock.
 */
final class NameVectorWriter {
    private final SegmentWriter w;
    private long vec;
    private int cap;
    private int len;
    private final DirectoryWriter dir;
    private final int entry;

    NameVectorWriter(SegmentWriter w, DirectoryWriter dir, String name) {
        this.w = w;
        this.dir = dir;
        this.cap = 4;
        w.lock();
        try {
            vec = w.allocVector(8, 0, cap);
            entry = dir.add(name, 4, w.ptr(vec));
        } finally {
            w.unlock();
        }
    }

    /** Sets slot {@code index} to {@code s}, or to NULL when {@code s} is null. */
    void set(int index, String s) {
        w.lock();
        try {
            if (index >= len) {
                grow(index + 1);
            }
            long old = w.getLong(vec + 8L * index);
            long p = 0;
            if (s != null) {
                byte[] b = s.getBytes(StandardCharsets.US_ASCII);
                long str = w.allocVector(1, b.length + 1, b.length + 1);
                w.putBytes(str, b);
                p = w.ptr(str);
            }
            w.putLong(vec + 8L * index, p);
            if (old != 0) {
                w.freeVector(old - w.base());
            }
        } finally {
            w.unlock();
        }
    }

    int length() {
        return len;
    }

    private void grow(int n) {
        if (n > cap) {
            int nc = Math.max(n, cap * 2);
            long nv = w.allocVector(8, len, nc);
            for (int i = 0; i < len; i++) {
                w.putLong(nv + 8L * i, w.getLong(vec + 8L * i));
            }
            long old = vec;
            vec = nv;
            cap = nc;
            dir.setValue(entry, w.ptr(vec));
            w.freeVector(old);
        }
        len = n;
        w.setVecLen(vec, n);
    }
}
