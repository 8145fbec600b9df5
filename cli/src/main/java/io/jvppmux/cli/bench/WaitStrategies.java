package io.jvppmux.cli.bench;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.function.Supplier;

/** The dispatcher wait strategies the bench can select; only the default and the blocking ones leave the core alone. */
enum WaitStrategies {
    /** Whatever {@code MuxOptions.defaults()} chooses (a blocking one). */
    DEFAULT(null),
    /** Disruptor's BlockingWaitStrategy: blocks, signals on every publish. */
    BLOCKING(BlockingWaitStrategy::new),
    /** Blocks, signals only when the dispatcher sleeps. */
    LITE_BLOCKING(LiteBlockingWaitStrategy::new),
    /** Spins, yields, then sleeps 100 ns at a time: a core stays busy while idle. */
    SLEEPING(SleepingWaitStrategy::new),
    /** Spins then yields: a core stays busy. */
    YIELDING(YieldingWaitStrategy::new),
    /** Spins: a core stays busy. */
    BUSY_SPIN(BusySpinWaitStrategy::new);

    final Supplier<WaitStrategy> supplier;

    WaitStrategies(Supplier<WaitStrategy> supplier) {
        this.supplier = supplier;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
