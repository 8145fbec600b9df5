package io.jvppmux.impl;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of this implementation that {@link io.jvppmux.api.MuxConfig} does not hold: how the
 * dispatcher waits for messages, whether a receive thread routes what finds the ring empty itself, and how
 * many threads complete futures. Immutable.
 *
 * <p>The default wait strategy blocks (no core is spun: the target machine may have 2 cores); pass
 * e.g. {@code YieldingWaitStrategy::new} for lower latency at the price of a busy core.
 */
public final class MuxOptions {
    private final Supplier<WaitStrategy> waitStrategy;
    private final int callbackThreads;
    private final Duration shutdownTimeout;
    private final boolean inlineDispatch;
    private final boolean callerReads;

    private MuxOptions(Supplier<WaitStrategy> waitStrategy, int callbackThreads, Duration shutdownTimeout,
                       boolean inlineDispatch, boolean callerReads) {
        this.waitStrategy = waitStrategy;
        this.callbackThreads = callbackThreads;
        this.shutdownTimeout = shutdownTimeout;
        this.inlineDispatch = inlineDispatch;
        this.callerReads = callerReads;
    }

    /** Blocking wait strategy, inline dispatch, caller reads, 2 callback threads, 2 s shutdown timeout. */
    public static MuxOptions defaults() {
        return new MuxOptions(BlockingWaitStrategy::new, 2, Duration.ofSeconds(2), true, true);
    }

    /** These options with another dispatcher wait strategy. */
    public MuxOptions withWaitStrategy(Supplier<WaitStrategy> v) {
        return new MuxOptions(Objects.requireNonNull(v, "waitStrategy"), callbackThreads, shutdownTimeout,
                inlineDispatch, callerReads);
    }

    /** These options with {@code v} (1..64) threads completing futures. */
    public MuxOptions withCallbackThreads(int v) {
        if (v < 1 || v > 64) {
            throw new IllegalArgumentException("callbackThreads: " + v + " must be in 1..64");
        }
        return new MuxOptions(waitStrategy, v, shutdownTimeout, inlineDispatch, callerReads);
    }

    /** These options with another bound on each shutdown step of {@code close()}; positive. */
    public MuxOptions withShutdownTimeout(Duration v) {
        if (v == null || v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout: " + v + " must be positive");
        }
        return new MuxOptions(waitStrategy, callbackThreads, v, inlineDispatch, callerReads);
    }

    /**
     * These options with inline dispatch on (the default) or off: when on, a message that arrives while the
     * ingress ring is empty is routed on the transport's receive thread (copy the reply, wake its requester)
     * instead of waking the dispatcher thread; when off, every message goes through the ring.
     */
    public MuxOptions withInlineDispatch(boolean v) {
        return new MuxOptions(waitStrategy, callbackThreads, shutdownTimeout, v, callerReads);
    }

    /**
     * These options with caller reads on (the default) or off: when on, a thread that waits for its reply (a
     * synchronous request, a dump, {@code receiveReply}) reads the socket itself while no other thread does, so
     * that the reply wakes it directly (the socket transport; others ignore it); when off, the transport's receive
     * thread reads everything and wakes the waiting thread.
     */
    public MuxOptions withCallerReads(boolean v) {
        return new MuxOptions(waitStrategy, callbackThreads, shutdownTimeout, inlineDispatch, v);
    }

    /** Whether threads waiting for replies may read the connection themselves. */
    public boolean callerReads() {
        return callerReads;
    }

    /** Whether a receive thread routes what finds the ring empty itself. */
    public boolean inlineDispatch() {
        return inlineDispatch;
    }

    /** A new wait strategy for the dispatcher. */
    public WaitStrategy newWaitStrategy() {
        return waitStrategy.get();
    }

    /** Threads of the callback executor. */
    public int callbackThreads() {
        return callbackThreads;
    }

    /** Bound on each shutdown step. */
    public Duration shutdownTimeout() {
        return shutdownTimeout;
    }
}
