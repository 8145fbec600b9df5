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

    private MuxOptions(Supplier<WaitStrategy> waitStrategy, int callbackThreads, Duration shutdownTimeout,
                       boolean inlineDispatch) {
        this.waitStrategy = waitStrategy;
        this.callbackThreads = callbackThreads;
        this.shutdownTimeout = shutdownTimeout;
        this.inlineDispatch = inlineDispatch;
    }

    /** Blocking wait strategy, inline dispatch, 2 callback threads, 2 s shutdown timeout. */
    public static MuxOptions defaults() {
        return new MuxOptions(BlockingWaitStrategy::new, 2, Duration.ofSeconds(2), true);
    }

    /** These options with another dispatcher wait strategy. */
    public MuxOptions withWaitStrategy(Supplier<WaitStrategy> v) {
        return new MuxOptions(Objects.requireNonNull(v, "waitStrategy"), callbackThreads, shutdownTimeout,
                inlineDispatch);
    }

    /** These options with {@code v} (1..64) threads completing futures. */
    public MuxOptions withCallbackThreads(int v) {
        if (v < 1 || v > 64) {
            throw new IllegalArgumentException("callbackThreads: " + v + " must be in 1..64");
        }
        return new MuxOptions(waitStrategy, v, shutdownTimeout, inlineDispatch);
    }

    /** These options with another bound on each shutdown step of {@code close()}; positive. */
    public MuxOptions withShutdownTimeout(Duration v) {
        if (v == null || v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout: " + v + " must be positive");
        }
        return new MuxOptions(waitStrategy, callbackThreads, v, inlineDispatch);
    }

    /**
     * These options with inline dispatch on (the default) or off: when on, a message that arrives while the
     * ingress ring is empty is routed on the transport's receive thread (copy the reply, wake its requester)
     * instead of waking the dispatcher thread; when off, every message goes through the ring.
     */
    public MuxOptions withInlineDispatch(boolean v) {
        return new MuxOptions(waitStrategy, callbackThreads, shutdownTimeout, v);
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
