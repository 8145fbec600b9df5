package io.jvppmux.mock.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A small allocator over the segment's heap area (offsets, not addresses). Blocks are multiples of 64
 * bytes and 64-byte aligned; freed blocks are reused last-in first-out by size, so a stale reader soon
 * finds other data where its vector was, as it would in VPP's dlmalloc heap.
 */
final class SegmentHeap {
    static final int ALIGN = 64;
    private final long end;
    private final Map<Long, Deque<Long>> free = new HashMap<>();
    private long top;
    private long used;

    SegmentHeap(long start, long end) {
        this.top = roundUp(start);
        this.end = end;
    }

    /** A block of at least {@code bytes}: its offset. */
    long alloc(long bytes) {
        long size = roundUp(Math.max(bytes, 1));
        Deque<Long> d = free.get(size);
        used += size;
        if (d != null && !d.isEmpty()) {
            return d.pop();
        }
        if (top + size > end) {
            used -= size;
            throw new IllegalStateException("mock stats segment full: " + bytes + " bytes wanted, "
                    + (end - top) + " left at offset " + top + "; make the segment larger");
        }
        long off = top;
        top += size;
        return off;
    }

    /** Returns a block of {@code bytes} (as passed to {@link #alloc}) at {@code off}. */
    void free(long off, long bytes) {
        long size = roundUp(Math.max(bytes, 1));
        used -= size;
        free.computeIfAbsent(size, k -> new ArrayDeque<>()).push(off);
    }

    /** Bytes in allocated blocks. */
    long used() {
        return used;
    }

    static long roundUp(long n) {
        return (n + ALIGN - 1) & -ALIGN;
    }
}
