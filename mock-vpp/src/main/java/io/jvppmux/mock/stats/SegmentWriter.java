package io.jvppmux.mock.stats;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The low level of the mock segment: a read-write mapping of a file with VPP's shared header, vppinfra
 * vectors in a heap that starts one page in, pointers stored as addresses relative to a fake VPP
 * {@code base}, and VPP's writer lock protocol ({@code in_progress}, then {@code epoch++} on the outermost
 * unlock). Not thread-safe by itself: {@link MockStatsSegment} serialises access.
 *
 * <p>keep in sync with VPP vlib/stats/shared.h and stats io.jvppmux.stats.Layout
 */
public final class SegmentWriter implements AutoCloseable {
    static final int VERSION = 0;
    static final int BASE = 8;
    static final int EPOCH = 16;
    static final int IN_PROGRESS = 24;
    static final int DIRECTORY = 32;
    static final int LEGACY_ERROR_VECTOR = 40;
    static final int HEAP_START = 4096;
    /** vppinfra vec_header_t as VPP writes it for these vectors: 16 bytes, {@code u32 len} at data - 8. */
    static final int VEC_HEADER = 16;
    /** A base address like the one seen on a live VPP (docs/PROTOCOL.md 8.2). */
    public static final long DEFAULT_BASE = 0x7f51e25a5000L;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final byte[] ZEROS = new byte[4096];
    private Path file;
    private final MappedByteBuffer buf;
    private final long base;
    private final int size;
    private final SegmentHeap heap;
    private final Map<Long, Long> blocks = new HashMap<>();
    private int locks;
    private boolean stuck;

    private SegmentWriter(Path file, MappedByteBuffer buf, long base) {
        this.file = file;
        this.buf = buf;
        this.base = base;
        this.size = buf.capacity();
        this.heap = new SegmentHeap(HEAP_START, size);
        buf.order(ByteOrder.nativeOrder());
    }

    /** Creates (or truncates) {@code file} with {@code size} bytes and writes a version-2 header. */
    public static SegmentWriter create(Path file, int size, long base) {
        if (size < 2 * HEAP_START || (base & 4095) != 0) {
            throw new IllegalArgumentException("size " + size + " (min 8192) or base 0x" + Long.toHexString(base)
                    + " (page aligned) invalid");
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(0);
            raf.setLength(size);
            MappedByteBuffer b = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, size);
            SegmentWriter w = new SegmentWriter(file, b, base);
            w.putLong(VERSION, 2);
            w.putLong(BASE, base);
            LONG.setRelease(b, EPOCH, 1L);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create mock stats segment " + file + ": " + e.getMessage(), e);
        }
    }

    /** The file holding the segment. */
    public Path file() {
        return file;
    }

    /** Records that the file was renamed to {@code to} (a restart moves the new segment into place). */
    void renamed(Path to) {
        file = to;
    }

    /** The segment's size in bytes. */
    public int size() {
        return size;
    }

    /** The fake VPP address of offset 0. */
    public long base() {
        return base;
    }

    /** The current epoch. */
    public long epoch() {
        return (long) LONG.getVolatile(buf, EPOCH);
    }

    /** True while the writer lock is held (or stuck). */
    public boolean inProgress() {
        return (long) LONG.getVolatile(buf, IN_PROGRESS) != 0;
    }

    /** Takes VPP's stats lock (re-entrant): {@code in_progress = 1} on the outermost call. */
    void lock() {
        if (locks++ == 0) {
            LONG.setVolatile(buf, IN_PROGRESS, 1L);
        }
    }

    /** Releases it: on the outermost unlock {@code epoch++}, then a release store of {@code in_progress = 0}. */
    void unlock() {
        if (locks <= 0) {
            throw new IllegalStateException("unlock without lock");
        }
        if (--locks == 0) {
            LONG.setVolatile(buf, EPOCH, epoch() + 1);
            if (!stuck) {
                LONG.setRelease(buf, IN_PROGRESS, 0L);
            }
        }
    }

    /** Leaves {@code in_progress = 1} for good, as a VPP that died holding the lock. */
    void stickInProgress() {
        stuck = true;
        LONG.setVolatile(buf, IN_PROGRESS, 1L);
    }

    /** Publishes the directory vector's data offset in the header. */
    void setDirectory(long dataOff) {
        LONG.setRelease(buf, DIRECTORY, ptr(dataOff));
    }

    /**
     * Allocates a vector of {@code capacity} elements of {@code eltSize} bytes, length {@code len}, its data
     * 64-byte aligned as {@code vec_validate_aligned} makes it; returns the data offset.
     */
    long allocVector(int eltSize, int len, int capacity) {
        long bytes = 64 + (long) eltSize * capacity;
        long block = heap.alloc(bytes);
        long data = block + 64;
        blocks.put(data, bytes);
        zero(data, (long) eltSize * capacity);
        putInt(data - 4, 2 | 6 << 8 | Math.min(255, capacity - len) << 16); // hdr_size 2, log2_align 6, grow
        setVecLen(data, len);
        return data;
    }

    /** Frees a vector: scribbles over it, as a reused heap block would look to a stale reader. */
    void freeVector(long data) {
        Long bytes = blocks.remove(data);
        if (bytes == null) {
            throw new IllegalStateException("no vector at offset " + data);
        }
        for (long o = data - 16; o + 8 <= data - 64 + bytes; o += 8) {
            putLong(o, 0xA5A5A5A5_A5A5A5A5L);
        }
        heap.free(data - 64, bytes);
    }

    /** Writes a vector's {@code u32 len} at data - 8. */
    void setVecLen(long data, int len) {
        buf.putInt((int) (data - 8), len);
    }

    /** A vector's length. */
    int vecLen(long data) {
        return buf.getInt((int) (data - 8));
    }

    /** The VPP address of {@code off}; 0 stays 0 (NULL). */
    long ptr(long off) {
        return off == 0 ? 0 : base + off;
    }

    /** An atomic 8-byte store (opaque: visible to readers without ordering, like VPP's plain u64 writes). */
    void putLong(long off, long v) {
        LONG.setOpaque(buf, (int) off, v);
    }

    long getLong(long off) {
        return (long) LONG.getOpaque(buf, (int) off);
    }

    int getInt(long off) {
        return buf.getInt((int) off);
    }

    void putInt(long off, int v) {
        buf.putInt((int) off, v);
    }

    /** Writes {@code s} as a NUL-padded field of {@code width} bytes (ASCII). */
    void putName(long off, String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length >= width) {
            throw new IllegalArgumentException("name '" + s + "' longer than " + (width - 1) + " bytes");
        }
        zero(off, width);
        buf.put((int) off, b);
    }

    void putBytes(long off, byte[] b) {
        buf.put((int) off, b);
    }

    void zero(long off, long len) {
        for (long o = off; o < off + len; o += ZEROS.length) {
            buf.put((int) o, ZEROS, 0, (int) Math.min(ZEROS.length, off + len - o));
        }
    }

    /** Test hook: overwrites 8 bytes at {@code off} (to plant garbage pointers or lengths). */
    public void poke(long off, long v) {
        putLong(off, v);
    }

    /** Test hook: overwrites 4 bytes at {@code off}. */
    public void pokeInt(long off, int v) {
        putInt(off, v);
    }

    /** Test hook: reads 8 bytes at {@code off}. */
    public long peek(long off) {
        return getLong(off);
    }

    /** Bytes in use by vectors in the heap. */
    public long heapUsed() {
        return heap.used();
    }

    /** Forgets the mapping (the file stays; readers' own mappings stay valid). */
    @Override
    public void close() {
        blocks.clear();
    }
}
