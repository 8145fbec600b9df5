package io.jvppmux.stats;

import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatsDirectory;
import io.jvppmux.api.stats.StatsPattern;
import java.util.List;

/**
 * A prepared selection. {@link #read()} is one optimistic read: while the epoch, the directory vector
 * and the segment are those of the cached selection, it only re-checks the cached names and reads the
 * values; otherwise, or when a cached index no longer holds its name (VPP changes some entries without an
 * epoch bump), it resolves the pattern again within the same read. A resolution is kept only when its read
 * was validated.
 */
final class PreparedDirectory implements StatsDirectory {
    private final SegmentHolder holder;
    private final StatsPattern pattern;
    private Selection selection;
    private int resolutions;

    private record Result(Selection selection, List<StatEntry> entries, boolean resolved) {
    }

    PreparedDirectory(SegmentHolder holder, StatsPattern pattern) {
        this.holder = holder;
        this.pattern = pattern;
        read();
    }

    @Override
    public StatsPattern pattern() {
        return pattern;
    }

    @Override
    public synchronized List<StatEntry> read() {
        Selection cached = selection;
        Result r = holder.read((s, epoch) -> {
            long dir = s.directory();
            int len = DirectoryScan.directoryLength(s, dir);
            if (cached != null && cached.segment == s && cached.epoch == epoch && cached.dirOffset == dir) {
                try {
                    return new Result(cached, cached.read(s, dir, len), false);
                } catch (DirectoryChanged e) {
                    // an entry changed without an epoch bump: resolve again below
                }
            }
            Selection fresh = Selection.resolve(s, DirectoryScan.read(s, epoch, dir), pattern);
            return new Result(fresh, fresh.read(s, dir, len), true);
        });
        selection = r.selection;
        if (r.resolved) {
            resolutions++;
        }
        return r.entries;
    }

    @Override
    public synchronized List<String> names() {
        return selection.names();
    }

    @Override
    public synchronized long epoch() {
        return selection.epoch;
    }

    @Override
    public synchronized int resolutions() {
        return resolutions;
    }
}
