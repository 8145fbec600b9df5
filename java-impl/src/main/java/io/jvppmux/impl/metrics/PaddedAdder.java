package io.jvppmux.impl.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link LongAdder} for the counters every request touches, made cheaper for the thread that counts most and
 * padded against false sharing.
 *
 * <p><b>An owner counts without a CAS.</b> A counter is mostly bumped by one thread: the routing thread counts
 * replies, completions and latencies, a plugin's thread the requests it sends. The first thread to count becomes the
 * owner; its increments go to a field only it writes, as a plain read and an opaque write (no atomic instruction, no
 * fence), and every other thread counts through the {@link LongAdder} as before. {@link #sum} adds the two. A count
 * is never lost: the owner's field has one writer.
 *
 * <p><b>Taking over from an owner that ended.</b> The routing thread changes when the connection does (a new receive
 * thread after a reconnect). Every {@value #TAKEOVER_CHECK}th count through the adder checks whether the owner is
 * still alive; when it has ended, the counting thread becomes the owner and goes on from the owner's count. Seeing
 * that a thread has ended ({@link Thread#isAlive} false) happens-after everything that thread did, so the new owner
 * reads the old owner's last write; of two threads that both see it, one wins the CAS and the other goes on through
 * the adder.
 *
 * <p><b>Padding.</b> Adders made one after the other sit side by side in memory: one bumped by the sending thread and
 * the next by the routing thread would share a cache line, and every increment would pull that line from the other
 * core (false sharing, the cost the Disruptor's {@code Sequence} pads against). The 120 bytes after the fields keep
 * the counted fields of two such adders more than a cache line apart.
 *
 * <p>{@link #reset} and {@link #sumThenReset} keep {@link LongAdder}'s contract: exact only when no thread counts
 * meanwhile (an increment of the owner racing a reset from another thread may bring its earlier count back).
 */
@SuppressWarnings({"unused", "serial"})
public final class PaddedAdder extends LongAdder {
    private static final VarHandle OWNER;
    private static final VarHandle OWNED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            OWNER = lookup.findVarHandle(PaddedAdder.class, "owner", Thread.class);
            OWNED = lookup.findVarHandle(PaddedAdder.class, "owned", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Counts through the adder between two checks of whether the owner ended. */
    static final int TAKEOVER_CHECK = 4096;

    /** The thread whose increments go to {@link #owned}: the first thread to count, or one that took over. */
    private volatile Thread owner;
    /** The owner's count: written by the owner only (opaque), read by anyone (opaque). */
    private long owned;
    /** Counts through the adder, modulo {@link #TAKEOVER_CHECK}; racy on purpose (it only paces the check). */
    private int notOwned;
    private long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;

    @Override
    public void add(long x) {
        Thread t = Thread.currentThread();
        Thread o = owner;
        if (o == t || o == null && OWNER.compareAndSet(this, null, t) || ownerEnded(o) && OWNER.compareAndSet(this, o, t)) {
            OWNED.setOpaque(this, owned + x);   // one writer: its plain read sees its own last write
        } else {
            super.add(x);
        }
    }

    /** Whether {@code o}, not this thread, has ended; asked on one count through the adder in {@link #TAKEOVER_CHECK}. */
    private boolean ownerEnded(Thread o) {
        int n = notOwned + 1;
        notOwned = n == TAKEOVER_CHECK ? 0 : n;
        return n == TAKEOVER_CHECK && o != null && !o.isAlive();
    }

    /** The owning thread, or null before anything was counted (tests). */
    Thread owner() {
        return owner;
    }

    @Override
    public void increment() {
        add(1L);
    }

    @Override
    public void decrement() {
        add(-1L);
    }

    @Override
    public long sum() {
        return super.sum() + (long) OWNED.getOpaque(this);
    }

    @Override
    public long longValue() {
        return sum();
    }

    @Override
    public String toString() {
        return Long.toString(sum());
    }

    /** Sets the count to zero; like {@link LongAdder#reset}, exact only when no thread counts meanwhile. */
    @Override
    public void reset() {
        super.reset();
        OWNED.setOpaque(this, 0L);
    }

    /** The count, then zero; like {@link LongAdder#sumThenReset}, exact only when no thread counts meanwhile. */
    @Override
    public long sumThenReset() {
        return super.sumThenReset() + (long) OWNED.getAndSet(this, 0L);
    }
}
