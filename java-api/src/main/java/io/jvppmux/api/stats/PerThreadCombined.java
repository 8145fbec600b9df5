package io.jvppmux.api.stats;

/**
 * One combined counter's packets and bytes by thread, and their sums.
 *
 * @param packets packets by thread
 * @param bytes   bytes by thread
 */
public record PerThreadCombined(PerThread packets, PerThread bytes) {
    /** Packets summed over threads. */
    public long sumPackets() {
        return packets.sum();
    }

    /** Bytes summed over threads. */
    public long sumBytes() {
        return bytes.sum();
    }

    @Override
    public String toString() {
        return packets + " pkts / " + bytes + " bytes";
    }
}
