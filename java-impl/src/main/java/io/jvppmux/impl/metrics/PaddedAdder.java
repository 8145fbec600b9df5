package io.jvppmux.impl.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link LongAdder} followed by 120 bytes of padding, for the counters every request touches. Adders made
 * one after the other sit side by side in memory: one bumped by the sending thread and the next by the
 * routing thread then share a cache line, and every increment pulls that line from the other core (false
 * sharing, the cost the Disruptor's {@code Sequence} pads against). With the padding, the uncontended
 * {@code base} of two such adders is always more than a cache line apart.
 */
@SuppressWarnings({"unused", "serial"})
public final class PaddedAdder extends LongAdder {
    private long p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15;
}
