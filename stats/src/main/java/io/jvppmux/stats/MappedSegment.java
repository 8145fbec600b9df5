package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsFormatException;
import io.jvppmux.api.stats.StatsUnavailableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A segment mapped read-only ({@code MAP_SHARED}, {@code PROT_READ}), with its identity and a marker of
 * where it came from (the socket's or file's own identity when it was opened, to notice a replacement
 * cheaply). The mapping is released by the garbage collector only, never explicitly, so no reader can
 * touch an unmapped buffer.
 *
 * @param buffer the read-only mapping of the whole segment
 * @param id     the memfd's or file's device and inode
 * @param marker the identity of the socket or file path when opened (null when unknown)
 * @param origin where it came from, for messages
 */
public record MappedSegment(ByteBuffer buffer, SegmentId id, SegmentId marker, String origin) {

    /** Maps all of {@code path} read-only; its size must be below 2 GiB (a MappedByteBuffer's limit). */
    static MappedSegment map(Path path, SegmentId marker, String origin) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) {
                throw new StatsFormatException(origin + ": segment of " + size
                        + " bytes exceeds the 2 GiB a Java 17 mapping can hold");
            }
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
            return new MappedSegment(b, identity(path), marker, origin);
        } catch (IOException e) {
            throw new StatsUnavailableException(origin + ": cannot map " + path + ": " + e, e);
        }
    }

    /** Device and inode of {@code path} (following links, so /proc/self/fd/N gives the memfd), or null. */
    static SegmentId identity(Path path) {
        try {
            Map<String, Object> a = Files.readAttributes(path, "unix:dev,ino");
            return new SegmentId(((Number) a.get("dev")).longValue(), ((Number) a.get("ino")).longValue());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
