package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** A segment in a file, mapped read-only. A replaced file (new inode) is a restarted VPP. */
final class FileSegmentSource implements StatsSegmentSource {
    private final Path file;

    FileSegmentSource(Path file) {
        this.file = Objects.requireNonNull(file, "segmentFile");
    }

    @Override
    public MappedSegment open() {
        if (!Files.isRegularFile(file)) {
            throw new StatsUnavailableException("no stats segment file at " + file);
        }
        MappedSegment m = MappedSegment.map(file, null, "stats segment file " + file);
        return new MappedSegment(m.buffer(), m.id(), m.id(), m.origin());
    }

    @Override
    public SegmentId marker() {
        return MappedSegment.identity(file);
    }

    @Override
    public boolean canAskForLiveness() {
        return false;
    }

    @Override
    public String toString() {
        return "file " + file;
    }
}
