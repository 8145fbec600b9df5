package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsBusyException;
import io.jvppmux.api.stats.StatsException;
import io.jvppmux.api.stats.StatsHealth;
import io.jvppmux.api.stats.StatsStaleSegmentException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Owns the mapped segment and replaces it when VPP restarted. Reads run under a read lock; a remap or
 * close takes the write lock, so it waits for reads in progress (and nothing is ever unmapped explicitly:
 * the old buffer goes with the garbage collector). Every {@code probeInterval}, a read first checks the
 * heartbeat and whether the socket or file was replaced; a frozen heartbeat or a stuck {@code in_progress}
 * makes it ask the source for a new segment, and report VPP gone when there is none.
 */
final class SegmentHolder {
    private final StatsSegmentSource source;
    private final StatsOptions options;
    private final OptimisticReader reader;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Liveness liveness = new Liveness();
    private final Object probeLock = new Object();
    private Segment segment;
    private SegmentId marker;
    private volatile boolean closed;
    private volatile String gone;
    private volatile long lastProbe;
    private volatile int remaps;
    private volatile String lastOpenProblem;

    SegmentHolder(StatsSegmentSource source, StatsOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new OptimisticReader(options.readTimeout().toNanos());
        MappedSegment m = source.open();
        this.segment = new Segment(m.buffer(), m.id(), m.origin());
        this.marker = m.marker();
        this.lastProbe = System.nanoTime();
        liveness.reset(lastProbe);
    }

    /** Runs {@code body} as one optimistic read of the current segment. */
    <T> T read(OptimisticReader.Body<T> body) {
        probe(false);
        throwIfGone();
        try {
            return readOnce(body);
        } catch (StatsBusyException e) {
            if (!e.inProgressStuck()) {
                throw e;
            }
            if (remap()) {
                return readOnce(body);
            }
            probe(true);
            throwIfGone();
            throw e;
        }
    }

    private void throwIfGone() {
        String g = gone;
        if (g != null) {
            throw new StatsStaleSegmentException(g);
        }
    }

    private <T> T readOnce(OptimisticReader.Body<T> body) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new StatsStaleSegmentException("stats client for " + source + " is closed");
            }
            return reader.read(segment, body);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Checks liveness now and reports it. */
    StatsHealth health() {
        probe(true);
        long now = System.nanoTime();
        Segment s = current();
        long epoch = s.epoch();
        return new StatsHealth(gone == null, liveness.heartbeat(), Duration.ofNanos(liveness.frozenFor(now)), epoch,
                remaps, s.toString());
    }

    private Segment current() {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new StatsStaleSegmentException("stats client for " + source + " is closed");
            }
            return segment;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The cheap checks, at most every probeInterval unless {@code force}; sets {@code gone}. */
    private void probe(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastProbe < options.probeInterval().toNanos()) {
            return;
        }
        synchronized (probeLock) {
            lastProbe = now;
            Segment s = current();
            long hb = Heartbeat.read(s);
            if (hb >= 0) {
                liveness.observe(hb, now);
            }
            if (!Objects.equals(source.marker(), markerNow()) && remap()) {
                gone = null;
                return;
            }
            long frozen = liveness.frozenFor(now);
            if (frozen < options.heartbeatTimeout().toNanos()) {
                gone = null;
                return;
            }
            if (source.canAskForLiveness()) {
                if (remap()) {
                    gone = null;
                    return;
                }
                if (lastOpenProblem == null) {
                    liveness.reset(now); // VPP answered with the same segment: alive, its collector is just slow
                    gone = null;
                    return;
                }
            }
            gone = "VPP behind " + s + " is gone: heartbeat frozen at " + hb + " for "
                    + frozen / 1_000_000 + " ms" + (lastOpenProblem != null ? "; " + lastOpenProblem : "");
        }
    }

    private SegmentId markerNow() {
        lock.readLock().lock();
        try {
            return marker;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Opens the source again; maps and installs its segment when it is a different one. */
    private boolean remap() {
        MappedSegment m;
        try {
            m = source.open();
            lastOpenProblem = null;
        } catch (StatsException e) {
            lastOpenProblem = e.getMessage();
            return false;
        }
        lock.writeLock().lock();
        try {
            marker = m.marker();
            if (closed || m.id() != null && m.id().equals(segment.id())) {
                return false;
            }
            Segment next = new Segment(m.buffer(), m.id(), m.origin());
            segment = next;
            remaps++;
            liveness.reset(System.nanoTime());
            return true;
        } catch (StatsException e) {
            lastOpenProblem = e.getMessage();
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Waits for reads in progress and drops the mapping; later reads throw. */
    void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            segment = null;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
