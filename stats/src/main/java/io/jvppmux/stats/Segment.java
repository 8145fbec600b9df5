package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsFormatException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A read-only view of a mapped segment in which every read is bounds-checked first: a pointer is turned
 * into an offset from the header's {@code base}, and {@code offset + length} must lie inside the segment,
 * or {@link Inconsistent} is thrown naming what was read. Header fields are read with acquire semantics.
 * Thread-safe (absolute reads only). The buffer is never unmapped explicitly, so a reader still holding a
 * replaced segment reads valid (frozen) memory.
 */
final class Segment {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private final ByteBuffer buf;
    private final int size;
    private final long base;
    private final SegmentId id;
    private final String origin;

    /** Checks the header (version 2, current layout) and wraps {@code mapped}. */
    Segment(ByteBuffer mapped, SegmentId id, String origin) {
        this.buf = mapped.duplicate().order(ByteOrder.nativeOrder());
        this.size = buf.capacity();
        this.id = id;
        this.origin = origin;
        if (size < 4096) {
            throw new StatsFormatException(origin + ": segment of " + size + " bytes is too small (< 4096)");
        }
        long version = (long) LONG.getAcquire(buf, Layout.VERSION);
        if (version != Layout.VERSION_2) {
            throw new StatsFormatException(origin + ": stats segment version " + version + " unsupported (expected 2)");
        }
        long legacy = (long) LONG.getAcquire(buf, Layout.LEGACY_ERROR_VECTOR);
        if (legacy != 0) {
            throw new StatsFormatException(origin + ": legacy version-2 layout (error vector pointer 0x"
                    + Long.toHexString(legacy) + " at offset 40; VPP before 22.02) unsupported");
        }
        this.base = (long) LONG.getAcquire(buf, Layout.BASE);
    }

    int size() {
        return size;
    }

    SegmentId id() {
        return id;
    }

    String origin() {
        return origin;
    }

    long epoch() {
        return (long) LONG.getAcquire(buf, Layout.EPOCH);
    }

    boolean inProgress() {
        return (long) LONG.getAcquire(buf, Layout.IN_PROGRESS) != 0;
    }

    /** The directory vector's data offset, checked to leave room for its vector header. */
    long directory() {
        long p = (long) LONG.getAcquire(buf, Layout.DIRECTORY);
        return offset(p, 0, 8, "directory_vector");
    }

    /**
     * The offset of VPP address {@code ptr}, checked so that {@code length} bytes (and the vector header,
     * when {@code align} is 8) fit: {@code 16 <= offset}, {@code offset + length <= size}, aligned.
     */
    long offset(long ptr, long length, int align, String what) {
        long off = ptr - base;
        if (ptr == 0 || off < Layout.HEADER_SIZE || length < 0 || off > size - length || (off & (align - 1)) != 0) {
            throw new Inconsistent(what + ": pointer 0x" + Long.toHexString(ptr) + " (offset " + off + ", length "
                    + length + ") outside the segment of " + size + " bytes or misaligned");
        }
        return off;
    }

    /**
     * The element count of the vector whose data is at {@code data}, checked against {@code max} and so
     * that {@code len * eltSize} bytes fit in the segment.
     */
    int vecLen(long data, int eltSize, long max, String what) {
        long len = u32(data + Layout.VEC_LEN, what);
        if (len > max || data + len * eltSize > size) {
            throw new Inconsistent(what + ": vector length " + len + " x " + eltSize + " bytes at offset " + data
                    + " exceeds " + (len > max ? "the cap " + max : "the segment of " + size + " bytes"));
        }
        return (int) len;
    }

    long u64(long off, String what) {
        check(off, 8, what);
        return (long) LONG.get(buf, (int) off);
    }

    long u32(long off, String what) {
        check(off, 4, what);
        return buf.getInt((int) off) & 0xFFFFFFFFL;
    }

    /** Copies {@code len} bytes at {@code off}. */
    byte[] bytes(long off, int len, String what) {
        check(off, len, what);
        byte[] b = new byte[len];
        buf.get((int) off, b);
        return b;
    }

    /** Copies {@code len} bytes at {@code off} into {@code dst}. */
    void bytes(long off, byte[] dst, int len, String what) {
        check(off, len, what);
        buf.get((int) off, dst, 0, len);
    }

    /** A NUL-terminated ASCII string of at most {@code max} bytes at {@code off}; Inconsistent without NUL. */
    String cString(long off, int max, String what) {
        check(off, max, what);
        for (int i = 0; i < max; i++) {
            if (buf.get((int) off + i) == 0) {
                byte[] b = new byte[i];
                buf.get((int) off, b);
                return new String(b, StandardCharsets.ISO_8859_1);
            }
        }
        throw new Inconsistent(what + ": no NUL within " + max + " bytes at offset " + off);
    }

    private void check(long off, long len, String what) {
        if (off < 0 || len < 0 || off > size - len) {
            throw new Inconsistent(what + ": offset " + off + " length " + len + " outside the segment of "
                    + size + " bytes");
        }
    }

    @Override
    public String toString() {
        return origin + " (" + id + ", " + size + " bytes)";
    }
}
