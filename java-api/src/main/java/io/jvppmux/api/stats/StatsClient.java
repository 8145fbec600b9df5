package io.jvppmux.api.stats;

import java.util.List;

/**
 * Reads VPP's statistics segment, the Java counterpart of GoVPP's stats API. Every read is one
 * optimistic, bounds-checked section of the segment; values are copied out, never shared with the
 * mapping. The client detects a dead or restarted VPP (frozen heartbeat, stuck {@code in_progress}, new
 * segment) and maps the new segment itself. Thread-safe. Close it to release the mapping.
 *
 * <p>Every read method may throw {@link StatsBusyException} (no consistent read before the deadline) and
 * {@link StatsStaleSegmentException} (the VPP behind the segment is gone, or the client is closed).
 */
public interface StatsClient extends AutoCloseable {
    /** The names {@code pattern} selects, in directory order (empty and illegal slots skipped). */
    List<String> listStats(StatsPattern pattern);

    /** The stats {@code pattern} selects with their values, in directory order. */
    List<StatEntry> dumpStats(StatsPattern pattern);

    /** A prepared selection whose {@link StatsDirectory#read()} is cheap while the directory is unchanged. */
    StatsDirectory prepare(StatsPattern pattern);

    /** {@code /sys/*}. */
    SystemStats systemStats();

    /** Per graph node, from {@code /sys/node/*}; empty unless VPP runs with per-node counters on. */
    List<NodeCounters> nodeStats();

    /** Per interface (by sw_if_index, including slots VPP names {@code "deleted"}), from {@code /if/*}. */
    List<InterfaceCounters> interfaceStats();

    /** Every {@code /err/*} counter. */
    List<ErrorCounter> errorStats();

    /** Every {@code /buffer-pools/*} pool. */
    List<BufferPool> bufferStats();

    /** Every {@code /mem/<heap>}. */
    List<MemoryCounters> memoryStats();

    /** Checks the segment now (heartbeat, a new segment at the source) and reports what it found. */
    StatsHealth health();

    /** Releases the mapping; later reads throw {@link StatsStaleSegmentException}. */
    @Override
    void close();
}
