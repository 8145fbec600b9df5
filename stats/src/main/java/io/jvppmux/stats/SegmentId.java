package io.jvppmux.stats;

/**
 * The identity of a mapped segment: device and inode of the memfd or file. A restarted VPP hands out a
 * new memfd, so a different inode means a different segment.
 *
 * @param dev the device number
 * @param ino the inode number
 */
public record SegmentId(long dev, long ino) {
    @Override
    public String toString() {
        return "dev " + dev + " ino " + ino;
    }
}
