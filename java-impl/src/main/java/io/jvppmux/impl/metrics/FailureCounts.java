package io.jvppmux.impl.metrics;

import io.jvppmux.api.FailureCause;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** One {@link LongAdder} per {@link FailureCause}. */
public final class FailureCounts {
    private static final FailureCause[] CAUSES = FailureCause.values();

    private final LongAdder[] counts = new LongAdder[CAUSES.length];

    /** All zero. */
    public FailureCounts() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts one failure. */
    public void add(FailureCause cause) {
        counts[cause.ordinal()].increment();
    }

    /** The count of one cause. */
    public long get(FailureCause cause) {
        return counts[cause.ordinal()].sum();
    }

    /** Every non-zero count. */
    public Map<FailureCause, Long> snapshot() {
        Map<FailureCause, Long> m = new EnumMap<>(FailureCause.class);
        for (FailureCause c : CAUSES) {
            long n = get(c);
            if (n > 0) {
                m.put(c, n);
            }
        }
        return m;
    }
}
