package io.jvppmux.impl.transport.shm;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Spin, then park: a thread waiting for its reply over shared memory first checks for it in a loop for a short
 * while ({@link Thread#onSpinWait}) and only then waits on its monitor. A reply from a VPP that is awake comes in
 * tens of microseconds, about what waking a parked thread costs on a VM, and a vCPU kept busy meanwhile also keeps
 * VPP's own timed sleeps short (docs/PROTOCOL.md, "Verified on a live VPP"). VPP's C test client
 * {@code vpp_api_test} waits for its replies the same way, in a loop.
 * <p>Bounded twice: each spin lasts at most the configured time (and never past the caller's deadline), and at
 * most one thread per two CPUs spins at once, so spinners never starve the threads that deliver the replies; a
 * machine with one CPU never spins. Spinning ignores interrupts: the wait that follows sees them.
 */
final class ReplySpin {
    private final long spinNanos;
    private final int maxSpinners;
    private final AtomicInteger spinners = new AtomicInteger();

    /** @param spin how long one wait spins (zero: never); {@code cpus} the CPUs this JVM may use */
    ReplySpin(Duration spin, int cpus) {
        this.spinNanos = spin.toNanos();
        this.maxSpinners = cpus / 2;
    }

    /** With the CPUs of this JVM. */
    static ReplySpin of(Duration spin) {
        return new ReplySpin(spin, Runtime.getRuntime().availableProcessors());
    }

    /** Spins until {@code done} or the spin's end or {@code deadlineNanos}; true when done. */
    boolean spin(BooleanSupplier done, long deadlineNanos) {
        if (spinNanos <= 0 || !enter()) {
            return false;
        }
        try {
            long start = System.nanoTime();
            long end = deadlineNanos - start < spinNanos ? deadlineNanos : start + spinNanos;
            while (!done.getAsBoolean()) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                Thread.onSpinWait();
            }
            return true;
        } finally {
            spinners.decrementAndGet();
        }
    }

    /** Threads spinning now (for tests). */
    int spinning() {
        return spinners.get();
    }

    private boolean enter() {
        while (true) {
            int n = spinners.get();
            if (n >= maxSpinners) {
                return false;
            }
            if (spinners.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }
}
