package io.jvppmux.mock.stats;

/**
 * A ring buffer as {@code vlib_stats_ring_buffer_t} lays it out: a packed 28-byte config
 * {@code {u32 entry_size, ring_size, n_threads, schema_size, schema_version, metadata_offset, data_offset}},
 * one 64-byte metadata block per thread {@code {u32 head; u32 schema_version; u64 sequence;
 * u32 schema_offset; u32 schema_size}} at {@code metadata_offset}, the schema, and the per-thread rings at
 * {@code data_offset + thread * ring_size * entry_size}. All offsets are relative to the struct.
 *
 * <p>keep in sync with VPP vlib/stats/stats.h (vlib_stats_ring_buffer_t) and stats.c
 */
final class RingBufferWriter {
    static final int METADATA_OFFSET = 64;
    private final SegmentWriter w;
    private final long ring;
    private final int entrySize;
    private final int ringSize;
    private final int threads;
    private final int dataOffset;

    RingBufferWriter(SegmentWriter w, int entrySize, int ringSize, int threads, int schemaVersion, byte[] schema) {
        this.w = w;
        this.entrySize = entrySize;
        this.ringSize = ringSize;
        this.threads = threads;
        int schemaOffset = METADATA_OFFSET + 64 * threads;
        this.dataOffset = (int) SegmentHeap.roundUp(schemaOffset + schema.length);
        long bytes = dataOffset + (long) threads * ringSize * entrySize;
        ring = w.allocVector(1, (int) bytes, (int) bytes);
        int[] cfg = {entrySize, ringSize, threads, schema.length, schemaVersion, METADATA_OFFSET, dataOffset};
        for (int i = 0; i < cfg.length; i++) {
            w.putInt(ring + 4L * i, cfg[i]);
        }
        w.putBytes(ring + schemaOffset, schema);
        for (int t = 0; t < threads; t++) {
            long m = ring + METADATA_OFFSET + 64L * t;
            w.putInt(m + 4, schemaVersion);
            w.putInt(m + 16, schemaOffset);
            w.putInt(m + 20, schema.length);
        }
    }

    /** The VPP pointer an entry's value holds. */
    long pointer() {
        return w.ptr(ring);
    }

    /** Writes one entry at {@code thread}'s head, advances the head and publishes the new sequence. */
    void push(int thread, byte[] entry) {
        if (thread < 0 || thread >= threads || entry.length > entrySize) {
            throw new IllegalArgumentException("thread " + thread + " or entry of " + entry.length + " bytes invalid");
        }
        long m = ring + METADATA_OFFSET + 64L * thread;
        int head = w.getInt(m);
        long slot = ring + dataOffset + ((long) thread * ringSize + head) * entrySize;
        w.zero(slot, entrySize);
        w.putBytes(slot, entry);
        w.putInt(m, (head + 1) % ringSize);
        w.putLong(m + 8, w.getLong(m + 8) + 1);
    }

    void free() {
        w.freeVector(ring);
    }
}
