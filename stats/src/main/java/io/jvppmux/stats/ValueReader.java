package io.jvppmux.stats;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.HistogramLog2;
import io.jvppmux.api.stats.NameVector;
import io.jvppmux.api.stats.RingBufferValue;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatType;
import io.jvppmux.api.stats.StatValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Decodes the value of a vector-typed entry (docs/PROTOCOL.md 8.6), checking every pointer and length first. */
final class ValueReader {
    private ValueReader() {
    }

    /** The value of an entry of {@code type} whose value field is the VPP address {@code ptr}. */
    static StatValue vector(Segment s, StatType type, long ptr, String name) {
        switch (type) {
            case COUNTER_VECTOR_SIMPLE:
                return new SimpleCounters(Rows.read(s, ptr, 8, name).all(s, 0, name));
            case COUNTER_VECTOR_COMBINED: {
                Rows r = Rows.read(s, ptr, Layout.COMBINED_ELT, name);
                return new CombinedCounters(r.all(s, 0, name), r.all(s, 1, name));
            }
            case HISTOGRAM_LOG2:
                return histogram(Rows.read(s, ptr, 8, name).all(s, 0, name));
            case NAME_VECTOR:
                return names(s, ptr, name);
            case RING_BUFFER:
                return ring(s, ptr, name);
            default:
                throw new IllegalArgumentException(type + " is not a vector type");
        }
    }

    private static HistogramLog2 histogram(long[][] rows) {
        long[] minExp = new long[rows.length];
        long[][] counts = new long[rows.length][];
        for (int t = 0; t < rows.length; t++) {
            minExp[t] = rows[t].length > 0 ? rows[t][0] : 0;
            counts[t] = rows[t].length > 0 ? Arrays.copyOfRange(rows[t], 1, rows[t].length) : new long[0];
        }
        return new HistogramLog2(minExp, counts);
    }

    /** A name vector: NULL slots stay null in place; each string's length includes its NUL. */
    static NameVector names(Segment s, long ptr, String name) {
        long v = s.offset(ptr, 0, 8, name);
        int n = s.vecLen(v, 8, s.size() / 8, name);
        String[] out = new String[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            String what = name + " [" + i + "]";
            long sp = s.u64(v + 8L * i, what);
            if (sp == 0) {
                continue;
            }
            long so = s.offset(sp, 0, 1, what);
            int len = s.vecLen(so, 1, Layout.MAX_NAME_STRING, what);
            total += len;
            if (total > s.size()) {
                throw new Inconsistent(name + ": strings of " + total + " bytes in all exceed the segment");
            }
            byte[] b = s.bytes(so, len, what);
            int end = 0;
            while (end < b.length && b[end] != 0) {
                end++;
            }
            out[i] = new String(b, 0, end, StandardCharsets.ISO_8859_1);
        }
        return new NameVector(Collections.unmodifiableList(Arrays.asList(out)));
    }

    /** A ring buffer; its offsets are relative to the struct, not to base (docs/PROTOCOL.md 8.6, type 8). */
    static RingBufferValue ring(Segment s, long ptr, String name) {
        long r = s.offset(ptr, Layout.RING_CONFIG, 4, name);
        int entrySize = capped(s.u32(r, name), Layout.MAX_RING_BYTES, name + " entry_size");
        int ringSize = capped(s.u32(r + 4, name), Layout.MAX_RING_BYTES, name + " ring_size");
        int threads = capped(s.u32(r + 8, name), Layout.MAX_THREADS, name + " n_threads");
        int schemaVersion = (int) s.u32(r + 16, name);
        long metadata = s.u32(r + 20, name);
        long data = s.u32(r + 24, name);
        long ringBytes = (long) entrySize * ringSize;
        if (ringBytes * threads > Layout.MAX_RING_BYTES) {
            throw new Inconsistent(name + ": ring of " + threads + " x " + ringSize + " x " + entrySize + " bytes too large");
        }
        List<RingBufferValue.Ring> rings = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            long m = r + metadata + (long) Layout.RING_METADATA * t;
            String what = name + " [thread " + t + "]";
            int head = (int) s.u32(m, what);
            int tSchemaVersion = (int) s.u32(m + 4, what);
            long sequence = s.u64(m + 8, what);
            long schemaOff = s.u32(m + 16, what);
            int schemaSize = capped(s.u32(m + 20, what), Layout.MAX_RING_BYTES, what + " schema_size");
            byte[] schema = s.bytes(r + schemaOff, schemaSize, what + " schema");
            byte[] bytes = s.bytes(r + data + ringBytes * t, (int) ringBytes, what + " data");
            rings.add(new RingBufferValue.Ring(head, sequence, tSchemaVersion, schema, bytes));
        }
        return new RingBufferValue(entrySize, ringSize, schemaVersion, List.copyOf(rings));
    }

    private static int capped(long v, long max, String what) {
        if (v > max) {
            throw new Inconsistent(what + ": " + v + " exceeds " + max);
        }
        return (int) v;
    }
}
