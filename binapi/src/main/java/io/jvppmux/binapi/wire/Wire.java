package io.jvppmux.binapi.wire;

import io.jvppmux.api.MessageDecodeException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The runtime helpers of generated code: bounds-checked reads that fail with a
 * {@link MessageDecodeException} naming the message and field, string and array encodings
 * (docs/PROTOCOL.md 5.2), and value checks for setters.
 */
public final class Wire {
    private Wire() {
    }

    /** {@code b} itself when big-endian, else a big-endian view of it (sync the position back after). */
    public static ByteBuffer be(ByteBuffer b) {
        return b.order() == ByteOrder.BIG_ENDIAN ? b : b.duplicate().order(ByteOrder.BIG_ENDIAN);
    }

    /** Moves {@code original}'s position to {@code view}'s when they differ. */
    public static void sync(ByteBuffer original, ByteBuffer view) {
        if (original != view) {
            original.position(view.position());
        }
    }

    /** Fails unless {@code n} bytes remain. */
    public static void need(ByteBuffer b, int n, String where, String field) {
        if (b.remaining() < n) {
            throw new MessageDecodeException(where + ": field " + field + " needs " + n + " bytes, only "
                    + b.remaining() + " left (truncated message)");
        }
    }

    /**
     * Validates a count read from the wire against the bytes left: {@code count} elements of at least
     * {@code minElement} bytes must fit.
     */
    public static int count(long count, int minElement, ByteBuffer b, String where, String field) {
        long need = count * Math.max(1, minElement);
        if (count < 0 || need > b.remaining()) {
            throw new MessageDecodeException(where + ": field " + field + " claims " + count
                    + " elements, more than the " + b.remaining() + " bytes left can hold");
        }
        return (int) count;
    }

    /** Reads a fixed string of {@code n} bytes: up to the first NUL, or all of them. */
    public static String fixedString(ByteBuffer b, int n, String where, String field) {
        need(b, n, where, field);
        int start = b.position();
        int len = 0;
        while (len < n && b.get(start + len) != 0) {
            len++;
        }
        String s = utf8(b, start, len);
        b.position(start + n);
        return s;
    }

    /** Writes {@code s} as a fixed string of {@code n} bytes, NUL-padded; it may hold at most n-1 bytes. */
    public static void putFixedString(ByteBuffer b, String s, int n, String where, String field) {
        byte[] v = s.getBytes(StandardCharsets.UTF_8);
        if (v.length > n - 1) {
            throw new IllegalArgumentException(where + "." + field + ": string of " + v.length
                    + " bytes does not fit string[" + n + "] (at most " + (n - 1) + " bytes)");
        }
        b.put(v);
        for (int i = v.length; i < n; i++) {
            b.put((byte) 0);
        }
    }

    /** Checks a fixed string for a setter. */
    public static String checkFixedString(String s, int n, String what) {
        int len = s.getBytes(StandardCharsets.UTF_8).length;
        if (len > n - 1) {
            throw new IllegalArgumentException(what + ": string of " + len + " bytes does not fit string["
                    + n + "] (at most " + (n - 1) + " bytes)");
        }
        return s;
    }

    /** Reads a variable string: u32 big-endian length, then that many bytes, no NUL. */
    public static String varString(ByteBuffer b, String where, String field) {
        need(b, 4, where, field);
        long len = Integer.toUnsignedLong(b.getInt());
        if (len > b.remaining()) {
            throw new MessageDecodeException(where + ": field " + field + " claims a string of " + len
                    + " bytes, only " + b.remaining() + " left");
        }
        String s = utf8(b, b.position(), (int) len);
        b.position(b.position() + (int) len);
        return s;
    }

    /** Writes a variable string. */
    public static void putVarString(ByteBuffer b, String s) {
        byte[] v = s.getBytes(StandardCharsets.UTF_8);
        b.putInt(v.length).put(v);
    }

    /** Encoded size of a variable string. */
    public static int varStringSize(String s) {
        return 4 + utf8Length(s);
    }

    /** Reads {@code n} raw bytes. */
    public static byte[] bytes(ByteBuffer b, int n, String where, String field) {
        need(b, n, where, field);
        byte[] v = new byte[n];
        b.get(v);
        return v;
    }

    /** Writes a fixed u8 array of {@code n} bytes, zero-padded. */
    public static void putFixedBytes(ByteBuffer b, byte[] v, int n, String where, String field) {
        if (v.length > n) {
            throw new IllegalArgumentException(where + "." + field + ": " + v.length + " bytes do not fit u8[" + n + "]");
        }
        b.put(v);
        for (int i = v.length; i < n; i++) {
            b.put((byte) 0);
        }
    }

    /** A copy of {@code v} zero-padded to {@code n} bytes, for setters of fixed u8 arrays. */
    public static byte[] fixedBytes(byte[] v, int n, String what) {
        if (v.length > n) {
            throw new IllegalArgumentException(what + ": " + v.length + " bytes do not fit u8[" + n + "]");
        }
        return Arrays.copyOf(v, n);
    }

    /** Checks that a fixed array has exactly {@code n} elements. */
    public static void checkLength(int actual, int n, String what) {
        if (actual != n) {
            throw new IllegalArgumentException(what + ": fixed array of " + n + " elements, got " + actual);
        }
    }

    /** Checks an unsigned value for a setter. */
    public static long checkUnsigned(long v, long max, String what) {
        if (v < 0 || v > max) {
            throw new IllegalArgumentException(what + ": " + v + " is out of range 0.." + max);
        }
        return v;
    }

    /** Checks that a counted array's length fits its count field. */
    public static long countOf(int length, long max, String what) {
        if (length > max) {
            throw new IllegalArgumentException(what + ": " + length + " elements do not fit a count of at most " + max);
        }
        return length;
    }

    /** Checks that arrays sharing one count field have the same length. */
    public static void sameLength(int a, int b, String what) {
        if (a != b) {
            throw new IllegalArgumentException(what + ": arrays sharing one count field differ in length: " + a + " and " + b);
        }
    }

    /** The total encoded size of a list. */
    public static int sizeOf(List<? extends WireStruct> list) {
        int s = 0;
        for (WireStruct w : list) {
            s += w.encodedSize();
        }
        return s;
    }

    /** A mutable list of {@code n} new elements, for fixed arrays of types. */
    public static <T> List<T> filled(int n, Supplier<T> factory) {
        List<T> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(factory.get());
        }
        return l;
    }

    /** Formats an address-like byte array: dotted IPv4, IPv6 text, colon MAC, else hex. */
    public static String formatAddress(byte[] v) {
        if (v.length == 4 || v.length == 16) {
            try {
                return InetAddress.getByAddress(v).getHostAddress();
            } catch (UnknownHostException e) {
                return HexFormat.of().formatHex(v);
            }
        }
        if (v.length == 6) {
            return HexFormat.ofDelimiter(":").formatHex(v);
        }
        return HexFormat.of().formatHex(v);
    }

    /** toString of any field value: arrays by content, byte arrays in hex. */
    public static String str(Object v) {
        if (v instanceof byte[] a) {
            return HexFormat.of().formatHex(a);
        } else if (v instanceof int[] a) {
            return Arrays.toString(a);
        } else if (v instanceof long[] a) {
            return Arrays.toString(a);
        } else if (v instanceof short[] a) {
            return Arrays.toString(a);
        } else if (v instanceof double[] a) {
            return Arrays.toString(a);
        } else if (v instanceof boolean[] a) {
            return Arrays.toString(a);
        } else if (v instanceof String s) {
            return '"' + s + '"';
        }
        return String.valueOf(v);
    }

    private static String utf8(ByteBuffer b, int start, int len) {
        if (b.hasArray()) {
            return new String(b.array(), b.arrayOffset() + start, len, StandardCharsets.UTF_8);
        }
        byte[] tmp = new byte[len];
        b.get(start, tmp);
        return new String(tmp, StandardCharsets.UTF_8);
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
