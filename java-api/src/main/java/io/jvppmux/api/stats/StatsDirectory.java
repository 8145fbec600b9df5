package io.jvppmux.api.stats;

import java.util.List;

/**
 * A prepared selection of stats, refreshed cheaply by {@link #read()}: while VPP's directory is unchanged
 * it only re-checks the cached names at their cached indices and reads the values, each backing vector
 * once (symlinks go through their target). When the directory changed, the pattern is resolved again,
 * transparently: names are the identity, indices only a cache. Safe for use by one thread at a time.
 */
public interface StatsDirectory {
    /** The pattern this directory was prepared with. */
    StatsPattern pattern();

    /**
     * Reads the current values of every stat the pattern selects, in directory order.
     *
     * @throws StatsBusyException          when no consistent read succeeded before the deadline
     * @throws StatsStaleSegmentException  when the VPP behind the segment is gone
     */
    List<StatEntry> read();

    /** The names selected at the last resolution. */
    List<String> names();

    /** VPP's directory epoch at the last resolution. */
    long epoch();

    /** How often the pattern was resolved (1 after prepare; more after directory changes). */
    int resolutions();
}
