package io.jvppmux.cli.bench;

import io.jvppmux.api.spi.VppTransport;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One caller thread of the baseline: encodes {@code control_ping} into its own direct buffer with context
 * {@code slot << 16 | seq}, writes it to the transport, and waits (bounded) until the transport's reader has
 * counted enough replies: the one outstanding request in sync mode, a free place in the window in async mode.
 * It waits as the mux does ({@link VppTransport#awaitReplies}: the socket transport reads on the waiting thread
 * when nobody else does), or, without caller reads, on its monitor for the receive thread. The reader checks
 * that replies come back in order with retval 0.
 */
final class RawCaller implements Driver.Caller {
    private static final int PROGRESS_BATCH = 256;

    private final VppTransport transport;
    private final RawSink sink;
    private final int slot;
    private final int pingId;
    private final int clientIndex;
    private final int window;
    private final long timeoutNanos;
    private final boolean callerReads;
    private final ByteBuffer out = ByteBuffer.allocateDirect(64);
    /** Written by the reader only. */
    private volatile long completed;
    private volatile long errors;
    private volatile String firstError;
    private volatile Thread waiter;
    /** What {@link #awaitCompleted} waits for (caller thread only); read by {@link #done} on the same thread. */
    private long target;
    private final BooleanSupplier done = this::reached;
    /** Reader only. */
    private int expectedSeq;

    RawCaller(VppTransport transport, RawSink sink, int slot, int pingId, int clientIndex, int window, long timeoutNanos,
              boolean callerReads) {
        this.transport = transport;
        this.callerReads = callerReads;
        this.sink = sink;
        this.slot = slot;
        this.pingId = pingId;
        this.clientIndex = clientIndex;
        this.window = window;
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void run(Mode mode, int n, LatencyRecorder latency, Progress.Counter progress) {
        sink.register(slot, this);
        try {
            int inFlight = mode == Mode.SYNC ? 1 : window;
            for (int i = 0; i < n; i++) {
                awaitCompleted(i - inFlight + 1L);
                long start = System.nanoTime();
                send(i);
                if (mode == Mode.SYNC) {
                    awaitCompleted(i + 1L);
                    latency.record(System.nanoTime() - start);
                }
                if ((i + 1) % PROGRESS_BATCH == 0) {
                    progress.add(PROGRESS_BATCH);
                }
            }
            awaitCompleted(n);
            progress.add(n % PROGRESS_BATCH);
            if (errors > 0) {
                throw new IllegalStateException("raw: " + errors + " bad replies, first: " + firstError);
            }
        } finally {
            sink.unregister(slot, this);
        }
    }

    private void send(int seq) {
        out.clear();
        MessageCodec.encode(out, Driver.PING, pingId, clientIndex, slot << 16 | seq & 0xFFFF);
        out.flip();
        transport.write(out);
    }

    /** Waits until {@code target} replies came, each wait bounded by the reply timeout. */
    private void awaitCompleted(long target) {
        if (completed >= target) {
            return;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        this.target = target;
        waiter = Thread.currentThread();
        try {
            while (completed < target) {
                Throwable closed = sink.closedCause();
                if (closed != null) {
                    throw new IllegalStateException("raw: the connection ended: " + closed.getMessage(), closed);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("raw: no reply within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos)
                            + " ms (" + completed + " of " + target + " replies)");
                }
                try {
                    if (callerReads) {
                        transport.awaitReplies(this, done, deadline);
                    } else {
                        VppTransport.waitOn(this, done, deadline);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("raw: interrupted", e);
                }
            }
        } finally {
            waiter = null;
        }
    }

    private boolean reached() {
        return completed >= target || sink.closedCause() != null;
    }

    /** A reply for this caller (the reader): check its order and retval, count it, wake the caller. */
    void onReply(int seq, int retval) {
        if (seq != (expectedSeq & 0xFFFF) || retval != 0) {
            if (errors == 0) {
                firstError = "seq " + seq + " (expected " + (expectedSeq & 0xFFFF) + "), retval " + retval;
            }
            errors = errors + 1;
        }
        expectedSeq++;
        completed = completed + 1;
        wake();
    }

    /** Wakes the caller unless it is the reader itself: on its monitor, or in the transport's read. */
    void wake() {
        Thread w = waiter;
        if (w != null && w != Thread.currentThread()) {
            synchronized (this) {
                notifyAll();
            }
            transport.wake(w);
        }
    }
}
