package io.jvppmux.impl.fuzz;

import io.jvppmux.binapi.wire.SocketFrames;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Decides, frame by frame and reproducibly from its seed, what a broken VPP sends instead of a valid frame of
 * its API socket: the frame as it is, or one of {@link Kind}'s mutations. Bodies are VPP messages:
 * {@code _vl_msg_id} (2 bytes), then for replies {@code context} (4 bytes), then the fields.
 */
final class FrameMutator {
    /** What becomes of one frame. */
    enum Kind {
        /** Sent unchanged. */
        NONE,
        /** A bit, byte or 1/2/4-byte window of the body set to a boundary value (counts, lengths, enums lie). */
        BODY,
        /** Another message id: unknown, or another message's (decoded as what it is not). */
        MESSAGE_ID,
        /** Another context: a reply nobody waits for, or for another request. */
        CONTEXT,
        /** The body cut short, with a data_len that matches the cut. */
        SHORT_BODY,
        /** data_len larger or smaller than the body: the stream loses its frame boundaries. */
        LYING_LENGTH,
        /** data_len beyond max-message-size or below a message id: a corrupt stream. */
        CORRUPT_LENGTH,
        /** A frame of random bytes first. */
        GARBAGE_FRAME,
        /** The frame twice. */
        DUPLICATE,
        /** The frame dropped. */
        DROP,
        /** Half the frame, then the connection closed. */
        CLOSE_MID_FRAME
    }

    private static final long[] BOUNDARIES = {0, 0xff, 0xffff, 0x7fffffffL, 0xffffffffL, 0x80};

    private final Random rnd;
    private final DoubleSupplier rate;
    private final int maxMessageSize;

    /**
     * @param rate           the share of frames mutated, read at each frame
     * @param maxMessageSize the client's max-message-size, for corrupt lengths
     */
    FrameMutator(long seed, DoubleSupplier rate, int maxMessageSize) {
        this.rnd = new Random(seed);
        this.rate = rate;
        this.maxMessageSize = maxMessageSize;
    }

    /** The mutation of the next frame; connection-killing ones are ten times rarer than the rest. */
    Kind next() {
        if (rnd.nextDouble() >= rate.getAsDouble()) {
            return Kind.NONE;
        }
        Kind[] kinds = Kind.values();
        Kind k = kinds[1 + rnd.nextInt(kinds.length - 1)];
        boolean kills = k == Kind.LYING_LENGTH || k == Kind.CORRUPT_LENGTH || k == Kind.CLOSE_MID_FRAME
                || k == Kind.GARBAGE_FRAME;
        return kills && rnd.nextInt(10) != 0 ? Kind.BODY : k;
    }

    /** What to write for {@code body} under {@code kind} (header included); CLOSE_MID_FRAME: the half to write before closing. */
    byte[] apply(Kind kind, byte[] body) {
        return switch (kind) {
            case NONE -> frame(body, body.length);
            case BODY -> frame(editBody(body), body.length);
            case MESSAGE_ID -> frame(window(body, 0, 2), body.length);
            case CONTEXT -> frame(window(body, 2, 4), body.length);
            case SHORT_BODY -> {
                byte[] cut = Arrays.copyOf(body, rnd.nextInt(body.length + 1));
                yield frame(cut, cut.length);
            }
            case LYING_LENGTH -> frame(body, Math.max(2, body.length + rnd.nextInt(129) - 64));
            case CORRUPT_LENGTH -> frame(body, rnd.nextBoolean() ? rnd.nextInt(2) : maxMessageSize + 1 + rnd.nextInt(1 << 20));
            case GARBAGE_FRAME -> concat(frame(garbage(), -1), frame(body, body.length));
            case DUPLICATE -> concat(frame(body, body.length), frame(body, body.length));
            case DROP -> new byte[0];
            case CLOSE_MID_FRAME -> Arrays.copyOf(frame(body, body.length), rnd.nextInt(SocketFrames.HEADER_SIZE + body.length));
        };
    }

    private byte[] editBody(byte[] body) {
        if (body.length == 0) {
            return body;
        }
        return rnd.nextBoolean() ? flip(body) : window(body, rnd.nextInt(body.length), 1 << rnd.nextInt(3));
    }

    private byte[] flip(byte[] body) {
        byte[] b = body.clone();
        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        return b;
    }

    /** {@code width} bytes at {@code at} set to a boundary or random value (as much as fits). */
    private byte[] window(byte[] body, int at, int width) {
        byte[] b = body.clone();
        long v = rnd.nextBoolean() ? BOUNDARIES[rnd.nextInt(BOUNDARIES.length)] : rnd.nextLong();
        for (int i = width - 1; i >= 0; i--) {
            if (at + i < b.length) {
                b[at + i] = (byte) v;
            }
            v >>>= 8;
        }
        return b;
    }

    private byte[] garbage() {
        byte[] g = new byte[2 + rnd.nextInt(64)];
        rnd.nextBytes(g);
        return g;
    }

    /** A frame of {@code body} with {@code dataLen} in its header (-1: the body's length). */
    private static byte[] frame(byte[] body, int dataLen) {
        ByteBuffer f = ByteBuffer.allocate(SocketFrames.HEADER_SIZE + body.length);
        SocketFrames.putHeader(f, dataLen < 0 ? body.length : dataLen);
        return f.put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
