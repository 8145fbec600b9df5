package io.jvppmux.api.stats;

import java.util.List;

/**
 * A ring buffer ({@code vlib_stats_ring_buffer_t}): per thread a ring of {@code ringSize} entries of
 * {@code entrySize} bytes, a head, and a sequence number that counts entries ever written (a reader that
 * keeps its own tail detects overwrites from the sequence delta).
 *
 * @param entrySize     bytes per entry
 * @param ringSize      entries per thread
 * @param schemaVersion the buffer's schema version
 * @param threads       one state per thread
 */
public record RingBufferValue(int entrySize, int ringSize, int schemaVersion, List<Ring> threads)
        implements StatValue {

    /**
     * One thread's ring.
     *
     * @param head          index of the next entry to be written
     * @param sequence      unsigned count of entries written so far
     * @param schemaVersion the schema version this thread writes
     * @param schema        the schema bytes (may be empty)
     * @param data          {@code ringSize * entrySize} bytes, entries in ring order
     */
    public record Ring(int head, long sequence, int schemaVersion, byte[] schema, byte[] data) {
    }
}
