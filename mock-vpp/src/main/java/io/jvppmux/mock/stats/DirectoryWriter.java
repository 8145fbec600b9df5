package io.jvppmux.mock.stats;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The directory vector of 144-byte entries {@code {u32 type; u32 pad; u64 value; char name[128]}}, with
 * VPP's LIFO free list of EMPTY slots (an EMPTY entry's value is the next free index, {@code 0xFFFFFFFF} at
 * the end) and reallocation when full (the old vector is freed and scribbled over).
 *
 * <p>keep in sync with VPP vlib/stats/shared.h (vlib_stats_entry_t) and stats.c (create, remove)
 */
final class DirectoryWriter {
    static final int ENTRY = 144;
    static final int TYPE = 0;
    static final int VALUE = 8;
    static final int NAME = 16;
    static final int NAME_BYTES = 128;
    static final long FREE_END = 0xFFFFFFFFL;
    static final int EMPTY = 5;

    private final SegmentWriter w;
    private final Map<String, Integer> byName = new HashMap<>();
    private final Deque<Integer> free = new ArrayDeque<>();
    private long data;
    private int capacity;
    private int len;
    /** Emulates VPP: a removal's zeroing and EMPTY marking happen after the unlock, with no epoch bump. */
    private boolean unlockedRemovalTail = true;

    DirectoryWriter(SegmentWriter w, int capacity) {
        this.w = w;
        this.capacity = capacity;
        w.lock();
        data = w.allocVector(ENTRY, 0, capacity);
        w.setDirectory(data);
        w.unlock();
    }

    void unlockedRemovalTail(boolean on) {
        unlockedRemovalTail = on;
    }

    /** Creates an entry under the lock: a free slot (last freed first) or a new one; returns its index. */
    int add(String name, int type, long value) {
        return add(name, type, value, true);
    }

    /**
     * Creates an entry; with {@code locked} false only a reallocation of the directory takes the lock, as
     * with VPP's unlocked symlink adds: the directory then changes without an epoch bump.
     */
    int add(String name, int type, long value, boolean locked) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("stat '" + name + "' exists");
        }
        if (locked) {
            w.lock();
        }
        try {
            int index;
            if (!free.isEmpty()) {
                index = free.pop();
            } else {
                if (len == capacity) {
                    w.lock();
                    grow();
                    w.unlock();
                }
                index = len++;
                w.setVecLen(data, len);
            }
            long e = entry(index);
            w.putLong(e + VALUE, value);
            w.putName(e + NAME, name, NAME_BYTES);
            w.putInt(e + TYPE, type);
            byName.put(name, index);
            return index;
        } finally {
            if (locked) {
                w.unlock();
            }
        }
    }

    /**
     * Removes {@code name}: {@code onLocked} (freeing its data) runs under the lock; then, as in VPP when no
     * outer lock is held, the entry is zeroed and marked EMPTY after the unlock.
     */
    void remove(String name, Runnable onLocked) {
        int index = indexOf(name);
        w.lock();
        onLocked.run();
        byName.remove(name);
        if (unlockedRemovalTail) {
            w.unlock();
            markEmpty(index);
        } else {
            markEmpty(index);
            w.unlock();
        }
    }

    private void markEmpty(int index) {
        long e = entry(index);
        w.zero(e, ENTRY); // type 0 = ILLEGAL for a moment, as in VPP
        w.putLong(e + VALUE, free.isEmpty() ? FREE_END : free.peek());
        w.putInt(e + TYPE, EMPTY);
        free.push(index);
    }

    /** Sets an entry's value (scalars and gauges: without the lock, as VPP does). */
    void setValue(int index, long value) {
        w.putLong(entry(index) + VALUE, value);
    }

    long value(int index) {
        return w.getLong(entry(index) + VALUE);
    }

    /** The index of {@code name}; IllegalArgumentException when there is none. */
    int indexOf(String name) {
        Integer i = byName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no stat '" + name + "'");
        }
        return i;
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The segment offset of entry {@code index}. */
    long entry(int index) {
        return data + (long) index * ENTRY;
    }

    int length() {
        return len;
    }

    private void grow() {
        long old = data;
        int newCap = capacity * 2;
        long nd = w.allocVector(ENTRY, len, newCap);
        for (long o = 0; o < (long) len * ENTRY; o += 8) {
            w.putLong(nd + o, w.getLong(old + o));
        }
        data = nd;
        capacity = newCap;
        w.setDirectory(nd);
        w.freeVector(old);
    }
}
