package io.jvppmux.impl.transport.shm;

import io.jvppmux.api.spi.VppPresence;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Whether a new VPP's API segment, {@code /dev/shm/[prefix-]vpe-api}, is there for a connect: absent when the file
 * is missing, and also when it is the very file (same device and inode) the last connect attempt used: the file a
 * VPP killed with SIGKILL leaves behind, or that of a VPP that was there and failed the attempt. A restarted VPP
 * makes a new file, which is then present. A stat, nothing VPP or libvppapiclient notices. A VPP that is alive
 * but was lost (frozen, say) also shows its old file: absent, so the reconnect backoff alone paces the attempts.
 */
final class SegmentPresence {
    private final Path shmDir;
    private volatile Object lastTried;

    SegmentPresence(Path shmDir) {
        this.shmDir = shmDir;
    }

    /** {@code /dev/shm/vpe-api} or {@code /dev/shm/<prefix>-vpe-api}. */
    Path apiSegment(String prefix) {
        return shmDir.resolve(prefix.isEmpty() ? "vpe-api" : prefix + "-vpe-api");
    }

    /** A connect over {@code prefix} starts: the segment file it finds is no news any more. */
    void tried(String prefix) {
        lastTried = identity(apiSegment(prefix));
    }

    VppPresence presence(String prefix) {
        Object id = identity(apiSegment(prefix));
        return id == null || id.equals(lastTried) ? VppPresence.ABSENT : VppPresence.PRESENT;
    }

    /** The file's device and inode, or null when there is no such file. */
    private static Object identity(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
