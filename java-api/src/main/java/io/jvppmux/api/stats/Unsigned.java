package io.jvppmux.api.stats;

import java.math.BigInteger;

/**
 * Helpers for VPP's unsigned 64-bit values held in Java {@code long}s: never print such a value with
 * {@code Long.toString}, a counter above 2^63 would read negative.
 */
public final class Unsigned {
    private Unsigned() {
    }

    /** The decimal text of the unsigned value {@code v}. */
    public static String toString(long v) {
        return Long.toUnsignedString(v);
    }

    /** The unsigned value {@code v} as a double (rounded above 2^53). */
    public static double toDouble(long v) {
        return (double) (v >>> 1) * 2.0 + (v & 1);
    }

    /** The unsigned value {@code v} exactly. */
    public static BigInteger toBigInteger(long v) {
        return new BigInteger(Long.toUnsignedString(v));
    }

    /** The sum of {@code values}, modulo 2^64 like VPP's own sums; exact while it stays below 2^64. */
    public static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
