package io.jvppmux.stats;

import io.jvppmux.api.stats.StatType;

/**
 * One pass over the directory vector inside an optimistic read: every live entry's type, raw value and
 * name, by index. EMPTY, ILLEGAL and unknown types are skipped (null name); an entry whose name is not
 * NUL-terminated, or empty while its type is live, is Inconsistent (half-written).
 */
final class DirectoryScan {
    final long epoch;
    final long dirOffset;
    final int length;
    final StatType[] types;
    final long[] values;
    final String[] names;

    private DirectoryScan(long epoch, long dirOffset, int length) {
        this.epoch = epoch;
        this.dirOffset = dirOffset;
        this.length = length;
        this.types = new StatType[length];
        this.values = new long[length];
        this.names = new String[length];
    }

    static DirectoryScan read(Segment s, long epoch) {
        return read(s, epoch, s.directory());
    }

    /** Scans the directory whose data is at {@code dir}. */
    static DirectoryScan read(Segment s, long epoch, long dir) {
        int n = directoryLength(s, dir);
        DirectoryScan d = new DirectoryScan(epoch, dir, n);
        for (int i = 0; i < n; i++) {
            long e = dir + (long) i * Layout.ENTRY;
            StatType t = StatType.ofCode((int) s.u32(e + Layout.ENTRY_TYPE, "directory entry " + i));
            if (t == null || t == StatType.EMPTY || t == StatType.ILLEGAL) {
                continue;
            }
            String name = s.cString(e + Layout.ENTRY_NAME, Layout.NAME_BYTES, "directory entry " + i + " name");
            if (name.isEmpty()) {
                throw new Inconsistent("directory entry " + i + " of type " + t + " has an empty name");
            }
            d.types[i] = t;
            d.values[i] = s.u64(e + Layout.ENTRY_VALUE, name);
            d.names[i] = name;
        }
        return d;
    }

    /** The directory's length, checked to fit in the segment. */
    static int directoryLength(Segment s, long dir) {
        return s.vecLen(dir, Layout.ENTRY, s.size() / Layout.ENTRY, "directory vector");
    }

    /** Index of {@code name}, or -1. */
    int indexOf(String name) {
        for (int i = 0; i < length; i++) {
            if (name.equals(names[i])) {
                return i;
            }
        }
        return -1;
    }
}
