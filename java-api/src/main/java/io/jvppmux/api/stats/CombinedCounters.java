package io.jvppmux.api.stats;

import java.util.Arrays;

/**
 * A combined counter vector {@code {packets, bytes} [thread][index]} as VPP stores it. The two numbers of a
 * pair are not read atomically together (VPP's workers update them without a lock). For a symlink the shape
 * is {@code [thread][1]}. The arrays given to the constructor belong to this object; accessors copy.
 */
public final class CombinedCounters implements StatValue {
    private final long[][] packets;
    private final long[][] bytes;

    /**
     * @param packets {@code [thread][index]} packet counts, owned by this object from now on
     * @param bytes   {@code [thread][index]} byte counts, same shape
     */
    public CombinedCounters(long[][] packets, long[][] bytes) {
        if (packets.length != bytes.length) {
            throw new IllegalArgumentException("packets has " + packets.length + " threads, bytes " + bytes.length);
        }
        this.packets = packets;
        this.bytes = bytes;
    }

    /** Number of threads (rows). */
    public int threads() {
        return packets.length;
    }

    /** Number of indices in {@code thread}'s row. */
    public int length(int thread) {
        return packets[thread].length;
    }

    /** The longest row's length. */
    public int maxLength() {
        int n = 0;
        for (long[] r : packets) {
            n = Math.max(n, r.length);
        }
        return n;
    }

    /** Unsigned packets at {@code [thread][index]}, 0 when the row is shorter. */
    public long packets(int thread, int index) {
        return index < packets[thread].length ? packets[thread][index] : 0;
    }

    /** Unsigned bytes at {@code [thread][index]}, 0 when the row is shorter. */
    public long bytes(int thread, int index) {
        return index < bytes[thread].length ? bytes[thread][index] : 0;
    }

    /** Packets at {@code [index]} of every thread. */
    public long[] packetsPerThread(int index) {
        long[] r = new long[packets.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = packets(t, index);
        }
        return r;
    }

    /** Bytes at {@code [index]} of every thread. */
    public long[] bytesPerThread(int index) {
        long[] r = new long[bytes.length];
        for (int t = 0; t < r.length; t++) {
            r[t] = bytes(t, index);
        }
        return r;
    }

    /** Packets at {@code [index]} summed over threads, modulo 2^64. */
    public long sumPackets(int index) {
        return Unsigned.sum(packetsPerThread(index));
    }

    /** Bytes at {@code [index]} summed over threads, modulo 2^64. */
    public long sumBytes(int index) {
        return Unsigned.sum(bytesPerThread(index));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CombinedCounters && Arrays.deepEquals(packets, ((CombinedCounters) o).packets)
                && Arrays.deepEquals(bytes, ((CombinedCounters) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(packets) * 31 + Arrays.deepHashCode(bytes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int t = 0; t < packets.length; t++) {
            sb.append(t == 0 ? "" : ", ").append('[');
            for (int i = 0; i < packets[t].length; i++) {
                sb.append(i == 0 ? "" : ", ").append('(').append(Long.toUnsignedString(packets[t][i]))
                        .append(" pkts, ").append(Long.toUnsignedString(bytes[t][i])).append(" bytes)");
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }
}
