package io.jvppmux.stats;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.ScalarValue;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatType;
import io.jvppmux.api.stats.StatValue;
import io.jvppmux.api.stats.StatsPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stats a pattern selected from one directory scan, with symlinks resolved to (target, column).
 * {@link #read} re-checks every cached name at its cached index (and every symlink's target) before
 * trusting it, and reads each backing vector's rows once however many symlinks point into it.
 */
final class Selection {
    final Segment segment;
    final long epoch;
    final long dirOffset;
    private final List<Item> items;

    /** One selected entry; for a symlink, its target's index, name and type and the column. */
    private record Item(int index, String name, byte[] nameBytes, StatType type, long rawValue, int target,
                        String targetName, byte[] targetBytes, StatType targetType, int column) {
    }

    private Selection(Segment segment, long epoch, long dirOffset, List<Item> items) {
        this.segment = segment;
        this.epoch = epoch;
        this.dirOffset = dirOffset;
        this.items = items;
    }

    /** Resolves {@code pattern} against {@code d}; a symlink to an empty or non-vector slot is Inconsistent. */
    static Selection resolve(Segment s, DirectoryScan d, StatsPattern pattern) {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            String name = d.names[i];
            if (name == null || !pattern.matches(name)) {
                continue;
            }
            StatType t = d.types[i];
            if (t != StatType.SYMLINK) {
                items.add(new Item(i, name, ascii(name), t, 0, -1, null, null, null, -1));
                continue;
            }
            long v = d.values[i];
            int target = (int) (v & 0xFFFFFFFFL);
            int column = (int) (v >>> 32);
            if (target < 0 || target >= d.length || d.names[target] == null) {
                throw new Inconsistent("symlink " + name + " points to directory index " + (v & 0xFFFFFFFFL)
                        + ", not a live entry of " + d.length);
            }
            StatType tt = d.types[target];
            if ((tt != StatType.COUNTER_VECTOR_SIMPLE && tt != StatType.COUNTER_VECTOR_COMBINED) || column < 0) {
                throw new Inconsistent("symlink " + name + " points to " + d.names[target] + " of type " + tt
                        + " column " + (v >>> 32) + ", not a counter vector column");
            }
            items.add(new Item(i, name, ascii(name), t, v, target, d.names[target], ascii(d.names[target]), tt, column));
        }
        return new Selection(s, d.epoch, d.dirOffset, List.copyOf(items));
    }

    List<String> names() {
        List<String> r = new ArrayList<>(items.size());
        for (Item it : items) {
            r.add(it.name);
        }
        return r;
    }

    /**
     * Reads every selected value from {@code s}; throws DirectoryChanged when a cached index no longer holds
     * its name, type or symlink target, Inconsistent when a pointer or length is out of bounds.
     */
    List<StatEntry> read(Segment s, long dir, int dirLength) {
        List<StatEntry> out = new ArrayList<>(items.size());
        Map<Integer, Rows> rows = new HashMap<>();
        byte[] scratch = new byte[Layout.NAME_BYTES];
        for (Item it : items) {
            long e = entry(s, dir, dirLength, it.index, it.type, it.nameBytes, scratch);
            long raw = s.u64(e + Layout.ENTRY_VALUE, it.name);
            StatValue v;
            if (it.type == StatType.SCALAR_INDEX || it.type == StatType.GAUGE) {
                v = new ScalarValue(raw);
            } else if (it.type == StatType.SYMLINK) {
                if (raw != it.rawValue) {
                    throw new DirectoryChanged(it.name + " now points elsewhere");
                }
                Rows r = rows.get(it.target);
                if (r == null) {
                    long te = entry(s, dir, dirLength, it.target, it.targetType, it.targetBytes, scratch);
                    int elt = it.targetType == StatType.COUNTER_VECTOR_COMBINED ? Layout.COMBINED_ELT : 8;
                    r = Rows.read(s, s.u64(te + Layout.ENTRY_VALUE, it.targetName), elt, it.targetName);
                    rows.put(it.target, r);
                }
                v = column(s, r, it);
            } else {
                v = ValueReader.vector(s, it.type, raw, it.name);
            }
            StatType shown = it.type == StatType.SYMLINK ? it.targetType : it.type;
            out.add(new StatEntry(it.name, it.index, shown, v, it.targetName, it.column));
        }
        return out;
    }

    private static StatValue column(Segment s, Rows r, Item it) {
        String what = it.name + " -> " + it.targetName;
        long[][] a = new long[r.threads()][1];
        if (it.targetType == StatType.COUNTER_VECTOR_SIMPLE) {
            for (int t = 0; t < a.length; t++) {
                a[t][0] = r.get(s, t, it.column, 0, what);
            }
            return new SimpleCounters(a);
        }
        long[][] b = new long[r.threads()][1];
        for (int t = 0; t < a.length; t++) {
            a[t][0] = r.get(s, t, it.column, 0, what);
            b[t][0] = r.get(s, t, it.column, 1, what);
        }
        return new CombinedCounters(a, b);
    }

    /** The offset of entry {@code index}, after checking it still holds {@code type} and {@code name}. */
    private static long entry(Segment s, long dir, int len, int index, StatType type, byte[] name, byte[] scratch) {
        if (index >= len) {
            throw new DirectoryChanged("directory shrank below index " + index);
        }
        long e = dir + (long) index * Layout.ENTRY;
        if (s.u32(e + Layout.ENTRY_TYPE, "directory entry " + index) != type.code()) {
            throw new DirectoryChanged("directory entry " + index + " is no longer a " + type);
        }
        s.bytes(e + Layout.ENTRY_NAME, scratch, name.length + 1, "directory entry " + index + " name");
        for (int i = 0; i < name.length; i++) {
            if (scratch[i] != name[i]) {
                throw new DirectoryChanged("directory entry " + index + " no longer holds its name");
            }
        }
        if (scratch[name.length] != 0) {
            throw new DirectoryChanged("directory entry " + index + " no longer holds its name");
        }
        return e;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
