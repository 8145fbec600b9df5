package io.jvppmux.mock.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A stats segment with VPP's layout in a memory-mapped file, and a writer that changes it while readers
 * read. Starts like VPP: {@code /sys/heartbeat} (index 0), {@code /sys/last_stats_clear} (1),
 * {@code /sys/boottime} (2). Every directory change takes VPP's lock (epoch bump), except where VPP itself
 * does not: a removal's zeroing tail, {@link #addSymlinkUnlocked}, gauge/scalar/counter writes and vector
 * growth within capacity. Thread-safe (one monitor). {@link MockVppStats} adds VPP's usual stats on top.
 */
public final class MockStatsSegment implements AutoCloseable {
    /** Type codes of vlib/stats/shared.h; keep in sync. */
    static final int SCALAR = 1, SIMPLE = 2, COMBINED = 3, SYMLINK = 6, HISTOGRAM = 7, RING = 8, GAUGE = 9;

    private final SegmentWriter w;
    private final DirectoryWriter dir;
    private final Map<String, CounterVector> vectors = new HashMap<>();
    private final Map<String, NameVectorWriter> names = new HashMap<>();
    private final Map<String, RingBufferWriter> rings = new HashMap<>();
    private final int threads;

    private MockStatsSegment(SegmentWriter w, int threads) {
        this.w = w;
        this.threads = threads;
        this.dir = new DirectoryWriter(w, 64);
        addScalar("/sys/heartbeat", 0);
        addScalar("/sys/last_stats_clear", 0);
        addScalar("/sys/boottime", 1_795_509_951L);
    }

    /**
     * A new segment in {@code file} (created or replaced) of {@code size} bytes, with counter vectors of
     * {@code threads} threads (1 = main thread only).
     */
    public static MockStatsSegment create(Path file, int threads, int size) {
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads: " + threads + " must be in 1..64");
        }
        return new MockStatsSegment(SegmentWriter.create(file, size, SegmentWriter.DEFAULT_BASE), threads);
    }

    /** {@code /dev/shm} when writable, else {@code java.io.tmpdir}: where to put segment files. */
    public static Path defaultDirectory() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A restarted VPP: a new segment (new file, so a new inode) atomically replaces this one's file; this
     * segment stops changing, as a dead VPP's memfd does. Readers that mapped the old file keep reading it.
     */
    public synchronized MockStatsSegment restart() {
        Path next = w.file().resolveSibling(w.file().getFileName() + ".restart");
        MockStatsSegment s = create(next, threads, w.size());
        try {
            Files.move(next, w.file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + w.file() + ": " + e.getMessage(), e);
        }
        s.w.renamed(w.file());
        return s;
    }

    /**
     * Serves this segment's file on a stats socket as VPP does (a restarted segment replaces the file, so
     * later clients get the new one). Needs jvpp-shim's native helper: see {@link StatsSocketServer#isSupported()}.
     */
    public StatsSocketServer serveSocket(Path socket) {
        return StatsSocketServer.serve(socket, file());
    }

    /** The file readers map. */
    public Path file() {
        return w.file();
    }

    /** Threads of every counter vector. */
    public int threads() {
        return threads;
    }

    /** The current epoch. */
    public synchronized long epoch() {
        return w.epoch();
    }

    /** Adds a scalar; returns its directory index. */
    public synchronized int addScalar(String name, long value) {
        return dir.add(name, SCALAR, value);
    }

    /** Adds a gauge; returns its directory index. */
    public synchronized int addGauge(String name, long value) {
        return dir.add(name, GAUGE, value);
    }

    /** Sets a scalar or gauge, without the lock (as VPP does). */
    public synchronized void set(String name, long value) {
        dir.setValue(dir.indexOf(name), value);
    }

    /** The value of a scalar or gauge. */
    public synchronized long get(String name) {
        return dir.value(dir.indexOf(name));
    }

    /** Adds a simple counter vector {@code [threads][length]}; returns its directory index. */
    public synchronized int addSimple(String name, int length) {
        return addVector(name, SIMPLE, 8, threads, length);
    }

    /**
     * Adds a simple counter vector with {@code rows} rows instead of one per thread: VPP's
     * {@code [0][metric]} and {@code [0][thread]} vectors such as {@code /mem/<heap>} have one row.
     */
    public synchronized int addSimpleRows(String name, int rows, int length) {
        return addVector(name, SIMPLE, 8, rows, length);
    }

    /** Adds a combined counter vector {@code [threads][length]}; returns its directory index. */
    public synchronized int addCombined(String name, int length) {
        return addVector(name, COMBINED, 16, threads, length);
    }

    /** Adds a log2 histogram of {@code bins} counts per thread, bin 0 holding {@code minExp}. */
    public synchronized int addHistogram(String name, long minExp, int bins) {
        int i = addVector(name, HISTOGRAM, 8, threads, bins + 1);
        for (int t = 0; t < threads; t++) {
            vectors.get(name).set(t, 0, 0, minExp);
        }
        return i;
    }

    private int addVector(String name, int type, int elt, int rows, int length) {
        w.lock();
        try {
            CounterVector v = CounterVector.create(w, elt, rows, length);
            vectors.put(name, v);
            return dir.add(name, type, v.pointer());
        } finally {
            w.unlock();
        }
    }

    /** Grows a counter vector to at least {@code length} (locked only when it must reallocate). */
    public synchronized void validate(String name, int length) {
        vector(name).validate(length);
    }

    /** Sets a simple counter (or histogram bin; bin 0 is min_exp) without the lock. */
    public synchronized void setSimple(String name, int thread, int index, long value) {
        vector(name).set(thread, index, 0, value);
    }

    /** Sets a combined counter without the lock. */
    public synchronized void setCombined(String name, int thread, int index, long packets, long bytes) {
        CounterVector v = vector(name);
        v.set(thread, index, 0, packets);
        v.set(thread, index, 1, bytes);
    }

    /** Reads back element {@code index} of {@code thread} (word 1 = bytes of a combined pair). */
    public synchronized long getCounter(String name, int thread, int index, int word) {
        return vector(name).get(thread, index, word);
    }

    /** The current length of a counter vector. */
    public synchronized int length(String name) {
        return vector(name).length();
    }

    /** Adds an empty name vector. */
    public synchronized void addNameVector(String name) {
        names.put(name, new NameVectorWriter(w, dir, name));
    }

    /** Sets slot {@code index} of a name vector to {@code value} (null for a NULL slot), under the lock. */
    public synchronized void setName(String name, int index, String value) {
        NameVectorWriter n = names.get(name);
        if (n == null) {
            throw new IllegalArgumentException("no name vector '" + name + "'");
        }
        n.set(index, value);
    }

    /** Adds a symlink to column {@code column} of {@code target}, under the lock. */
    public synchronized int addSymlink(String name, String target, int column) {
        return dir.add(name, SYMLINK, symlinkValue(target, column));
    }

    /**
     * Adds a symlink as VPP's {@code vlib_stats_add_symlink} does from callers that hold no lock: the
     * directory changes without an epoch bump (only a reallocation of the directory bumps it).
     */
    public synchronized int addSymlinkUnlocked(String name, String target, int column) {
        return dir.add(name, SYMLINK, symlinkValue(target, column), false);
    }

    private long symlinkValue(String target, int column) {
        return (dir.indexOf(target) & 0xFFFFFFFFL) | (long) column << 32;
    }

    /** Adds a ring buffer with one ring per thread. */
    public synchronized int addRingBuffer(String name, int entrySize, int ringSize, int schemaVersion, byte[] schema) {
        w.lock();
        try {
            RingBufferWriter r = new RingBufferWriter(w, entrySize, ringSize, threads, schemaVersion, schema);
            rings.put(name, r);
            return dir.add(name, RING, r.pointer());
        } finally {
            w.unlock();
        }
    }

    /** Appends an entry to {@code thread}'s ring. */
    public synchronized void pushRing(String name, int thread, byte[] entry) {
        rings.get(name).push(thread, entry);
    }

    /** Removes a stat (its slot becomes EMPTY and is reused first by the next add). */
    public synchronized void remove(String name) {
        CounterVector v = vectors.remove(name);
        RingBufferWriter r = rings.remove(name);
        dir.remove(name, () -> {
            if (v != null) {
                v.free();
            }
            if (r != null) {
                r.free();
            }
        });
    }

    /** True when {@code name} exists. */
    public synchronized boolean contains(String name) {
        return dir.contains(name);
    }

    /** The directory index of {@code name}. */
    public synchronized int indexOf(String name) {
        return dir.indexOf(name);
    }

    /** The directory's length, EMPTY slots included. */
    public synchronized int directoryLength() {
        return dir.length();
    }

    /** The segment offset of {@code name}'s directory entry (for tests that plant garbage). */
    public synchronized long entryOffset(String name) {
        return dir.entry(dir.indexOf(name));
    }

    /** The segment offset of {@code thread}'s row of a counter vector (for tests that plant garbage). */
    public synchronized long rowOffset(String name, int thread) {
        return vector(name).rowOffset(thread);
    }

    /** One collector run: {@code /sys/heartbeat} + 1. */
    public synchronized void tick() {
        set("/sys/heartbeat", get("/sys/heartbeat") + 1);
    }

    /** Takes VPP's lock ({@code in_progress = 1}); pair with {@link #endUpdate()}. Re-entrant. */
    public synchronized void beginUpdate() {
        w.lock();
    }

    /** Releases VPP's lock: epoch + 1 on the outermost release. */
    public synchronized void endUpdate() {
        w.unlock();
    }

    /** A VPP that died holding the lock: {@code in_progress} stays 1 from now on. */
    public synchronized void stickInProgress() {
        w.stickInProgress();
    }

    /** Emulate VPP's unlocked removal tail (default true) or do the whole removal under the lock. */
    public synchronized void unlockedRemovalTail(boolean on) {
        dir.unlockedRemovalTail(on);
    }

    /** The low-level writer, for tests that poke bytes. Use only while holding this object's monitor. */
    public SegmentWriter writer() {
        return w;
    }

    private CounterVector vector(String name) {
        CounterVector v = vectors.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no counter vector '" + name + "'");
        }
        return v;
    }

    /** Stops writing; the file stays for readers that mapped it. */
    @Override
    public synchronized void close() {
        w.close();
    }
}
