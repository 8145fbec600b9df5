package io.jvppmux.impl;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Settings of this implementation that {@link io.jvppmux.api.MuxConfig} does not hold: how the
 * dispatcher waits for messages and how many threads complete futures. Immutable.
 *
 * <p>The default wait strategy blocks (no core is spun: the target machine may have 2 cores); pass
 * e.g. {@code YieldingWaitStrategy::new} for lower latency at the price of a busy core.
 */
public final class MuxOptions {
    private final Supplier<WaitStrategy> waitStrategy;
    private final int callbackThreads;
    private final Duration shutdownTimeout;

    private MuxOptions(Supplier<WaitStrategy> waitStrategy, int callbackThreads, Duration shutdownTimeout) {
        this.waitStrategy = waitStrategy;
        this.callbackThreads = callbackThreads;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** Blocking wait strategy, 2 callback threads, 2 s shutdown timeout. */
    public static MuxOptions defaults() {
        return new MuxOptions(BlockingWaitStrategy::new, 2, Duration.ofSeconds(2));
    }

    /** These options with another dispatcher wait strategy. */
    public MuxOptions withWaitStrategy(Supplier<WaitStrategy> v) {
        return new MuxOptions(Objects.requireNonNull(v, "waitStrategy"), callbackThreads, shutdownTimeout);
    }

    /** These options with {@code v} (1..64) threads completing futures. */
    public MuxOptions withCallbackThreads(int v) {
        if (v < 1 || v > 64) {
            throw new IllegalArgumentException("callbackThreads: " + v + " must be in 1..64");
        }
        return new MuxOptions(waitStrategy, v, shutdownTimeout);
    }

    /** These options with another bound on each shutdown step of {@code close()}; positive. */
    public MuxOptions withShutdownTimeout(Duration v) {
        if (v == null || v.isNegative() || v.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout: " + v + " must be positive");
        }
        return new MuxOptions(waitStrategy, callbackThreads, v);
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
