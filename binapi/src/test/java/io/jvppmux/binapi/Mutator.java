package io.jvppmux.binapi;

import java.util.Arrays;
import java.util.Random;

/**
 * A seeded mutator over valid encodings, reproducible from its seed: each mutant stacks one to four edits
 * aimed at what a broken peer gets wrong: single bits and bytes, 1/2/4-byte windows set to boundary values
 * (which is how VLA counts, string lengths, enum and union discriminators lie), truncation, extension, and
 * ranges cut, duplicated or moved.
 */
final class Mutator {
    private static final long[] BOUNDARIES = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x10000,
        0x7fffffffL, 0x80000000L, 0xffffffffL, 0xfffffffeL};

    private final Random rnd;

    Mutator(long seed) {
        this.rnd = new Random(seed);
    }

    /** A mutant of {@code valid} (never modified). */
    byte[] mutate(byte[] valid) {
        byte[] b = valid.clone();
        int edits = 1 + rnd.nextInt(4);
        for (int i = 0; i < edits; i++) {
            b = edit(b);
        }
        return b;
    }

    private byte[] edit(byte[] b) {
        int op = rnd.nextInt(10);
        if (b.length == 0 && op < 6) {
            op = 6;
        }
        switch (op) {
            case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
            case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            case 2, 3 -> window(b, 1 << rnd.nextInt(3));
            case 4 -> window(b, 4);
            case 5 -> b = Arrays.copyOf(b, rnd.nextInt(b.length));
            case 6 -> b = extend(b);
            case 7 -> b = cut(b);
            case 8 -> b = duplicate(b);
            default -> b = swapRanges(b);
        }
        return b;
    }

    /** Sets a big-endian window of {@code width} bytes to a boundary value, or a small one. */
    private void window(byte[] b, int width) {
        if (b.length < width) {
            return;
        }
        int at = rnd.nextInt(b.length - width + 1);
        long v = rnd.nextInt(4) == 0 ? rnd.nextInt(64) : BOUNDARIES[rnd.nextInt(BOUNDARIES.length)];
        for (int i = width - 1; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    private byte[] extend(byte[] b) {
        byte[] e = new byte[1 + rnd.nextInt(64)];
        if (rnd.nextBoolean()) {
            rnd.nextBytes(e);
        }
        byte[] r = Arrays.copyOf(b, b.length + e.length);
        System.arraycopy(e, 0, r, b.length, e.length);
        return r;
    }

    private byte[] cut(byte[] b) {
        if (b.length < 2) {
            return new byte[0];
        }
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(16, b.length - from));
        byte[] r = new byte[b.length - len];
        System.arraycopy(b, 0, r, 0, from);
        System.arraycopy(b, from + len, r, from, b.length - from - len);
        return r;
    }

    private byte[] duplicate(byte[] b) {
        if (b.length == 0) {
            return b;
        }
        int from = rnd.nextInt(b.length);
        int len = 1 + rnd.nextInt(Math.min(32, b.length - from));
        byte[] r = new byte[b.length + len];
        System.arraycopy(b, 0, r, 0, from + len);
        System.arraycopy(b, from, r, from + len, b.length - from);
        return r;
    }

    private byte[] swapRanges(byte[] b) {
        if (b.length < 8) {
            return b;
        }
        int len = 1 + rnd.nextInt(Math.min(8, b.length / 2));
        int x = rnd.nextInt(b.length - len + 1);
        int y = rnd.nextInt(b.length - len + 1);
        byte[] tmp = Arrays.copyOfRange(b, x, x + len);
        System.arraycopy(b, y, b, x, len);
        System.arraycopy(tmp, 0, b, y, len);
        return b;
    }
}
