package io.jvppmux.binapi;

import io.jvppmux.api.Message;
import io.jvppmux.api.MessageDecodeException;
import io.jvppmux.api.MessageDescriptor;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.HexFormat;

/**
 * What a decoder must do with any bytes: decode them, or throw {@link MessageDecodeException}; never another
 * exception, and never allocate more than the bytes could describe: {@value #BYTES_FACTOR} heap bytes per
 * byte received plus {@value #BASE_BYTES} (so a count that claims more elements than the frame holds is
 * refused before anything is allocated for it). Allocation is measured per thread by the JVM
 * ({@code com.sun.management.ThreadMXBean}); the largest single decode of the fixed-seed run allocates
 * about 7 KB, far inside the bound.
 */
final class DecodeOracle {
    /** Heap bytes a decoder may allocate per byte it was given. */
    static final int BYTES_FACTOR = 64;
    /** Heap bytes any decode may allocate: the message's fixed part and its nested objects. */
    static final int BASE_BYTES = 16 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** How an input ended. */
    enum Outcome { DECODED, REFUSED }

    private long largestAllocation;
    private double largestRatio;
    private Outcome lastOutcome;

    static {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot measure allocation per thread");
        }
        THREADS.setThreadAllocatedMemoryEnabled(true);
    }

    /**
     * Decodes {@code bytes} as {@code d} into a fresh instance.
     *
     * @throws AssertionError naming the message and the input (hex) when the decoder broke a rule
     */
    Outcome check(MessageDescriptor<? extends Message> d, byte[] bytes) {
        long allocated = decode(d, bytes);
        long bound = (long) BYTES_FACTOR * bytes.length + BASE_BYTES;
        if (allocated > bound) {
            // the first decode through a path also loads classes and links string concatenations: judge a second one
            allocated = decode(d, bytes);
            if (allocated > bound) {
                throw new AssertionError(d.name() + " allocated " + allocated + " bytes decoding " + bytes.length
                        + " bytes (bound " + bound + "): " + hex(bytes));
            }
        }
        largestAllocation = Math.max(largestAllocation, allocated);
        largestRatio = Math.max(largestRatio, (double) allocated / Math.max(1, bytes.length));
        return lastOutcome;
    }

    /** Decodes once; returns the bytes this thread allocated meanwhile. */
    private long decode(MessageDescriptor<? extends Message> d, byte[] bytes) {
        Message m = d.newInstance();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        long tid = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        try {
            m.decode(b);
            lastOutcome = Outcome.DECODED;
        } catch (MessageDecodeException e) {
            lastOutcome = Outcome.REFUSED;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new AssertionError(d.name() + " threw " + e + " instead of MessageDecodeException on "
                    + hex(bytes), e);
        }
        long allocated = THREADS.getThreadAllocatedBytes(tid) - before;
        if (b.position() > bytes.length) {
            throw new AssertionError(d.name() + " read past the limit: " + hex(bytes));
        }
        return allocated;
    }

    /** The largest allocation of one decode so far, in bytes. */
    long largestAllocation() {
        return largestAllocation;
    }

    /** The largest allocated/received ratio so far. */
    double largestRatio() {
        return largestRatio;
    }

    private static String hex(byte[] b) {
        return b.length <= 512 ? HexFormat.of().formatHex(b)
                : HexFormat.of().formatHex(b, 0, 512) + "... (" + b.length + " bytes)";
    }
}
