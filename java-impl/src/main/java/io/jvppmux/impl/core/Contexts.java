package io.jvppmux.impl.core;

/**
 * The 32-bit request context the mux puts in every request and VPP echoes in every reply, laid out
 * as GoVPP does (docs/ARCHITECTURE.md, "The context"):
 *
 * <pre>
 *  31               17 | 16           | 15              0
 *  channel id (15 bits) | multipart (1) | sequence (16 bits)
 * </pre>
 *
 * Channel ids start at 1, so a request context is never 0 (0 means "no context": events).
 */
public final class Contexts {
    /** The largest channel id. */
    public static final int MAX_CHANNEL_ID = 0x7FFF;
    /** Sequence numbers are 16 bits. */
    public static final int SEQ_MASK = 0xFFFF;

    private static final int CHANNEL_SHIFT = 17;
    private static final int MULTI_BIT = 1 << 16;
    private static final int HALF_WINDOW = 0x8000;

    private Contexts() {
    }

    /** The context of request {@code seq} of channel {@code channelId}. */
    public static int context(int channelId, boolean multipart, int seq) {
        if (channelId < 1 || channelId > MAX_CHANNEL_ID) {
            throw new IllegalArgumentException("channel id " + channelId + " outside 1.." + MAX_CHANNEL_ID);
        }
        return channelId << CHANNEL_SHIFT | (multipart ? MULTI_BIT : 0) | (seq & SEQ_MASK);
    }

    /** The channel id of {@code context}. */
    public static int channelId(int context) {
        return context >>> CHANNEL_SHIFT;
    }

    /** Whether {@code context} has the multipart bit. */
    public static boolean isMultipart(int context) {
        return (context & MULTI_BIT) != 0;
    }

    /** The sequence number of {@code context}. */
    public static int seq(int context) {
        return context & SEQ_MASK;
    }

    /**
     * Compares two 16-bit sequence numbers over a wrapping half-window, as GoVPP's
     * {@code compareSeqNumbers}: 0 when equal, -1 when {@code a} is older than {@code b} (b is at most
     * 0x8000 ahead), 1 when {@code a} is newer.
     */
    public static int compareSeq(int a, int b) {
        int dist = (b - a) & SEQ_MASK;
        if (dist == 0) {
            return 0;
        }
        return dist <= HALF_WINDOW ? -1 : 1;
    }
}
