package io.jvppmux.bench;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A lock-free park/unpark wait strategy, measured against the Disruptor's own (not adopted: no measurable
 * gain on this machine). The one dispatcher thread parks when the ring is empty and the receive thread unparks it only
 * when it parked, so a busy dispatcher costs the receive thread one atomic
 * exchange per message and no lock (Disruptor's BlockingWaitStrategy takes a monitor and notifies on every
 * publish, and contends with the dispatcher for it). Never spins on an empty ring.
 *
 * <p>No lost wake-up: the consumer announces itself with an atomic exchange and then re-reads the cursor; the
 * producer moves the cursor and then exchanges the flag; the two exchanges are totally ordered, so either the
 * consumer sees the new cursor or the producer sees the flag. Each park is bounded all the same (100 ms).
 * For one consumer only, as the ingress ring has.
 */
final class ParkingWaitStrategy implements WaitStrategy {
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final AtomicBoolean signalNeeded = new AtomicBoolean();
    private volatile Thread consumer;

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        if (cursor.get() < sequence) {
            consumer = Thread.currentThread();
            while (true) {
                signalNeeded.getAndSet(true);
                if (cursor.get() >= sequence) {
                    break;
                }
                barrier.checkAlert();
                LockSupport.parkNanos(this, MAX_PARK_NANOS);
            }
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        if (signalNeeded.getAndSet(false)) {
            Thread t = consumer;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }
}
