package io.jvppmux.cli;

import io.jvppmux.api.VppException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's ledger: a request is counted when it is sent and again when it ends, in a reply or a failure by
 * cause (the exception's simple name). What was sent and never ended is lost.
 */
final class SoakTally {
    private final LongAdder requests = new LongAdder();
    private final LongAdder replies = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final LongAdder events = new LongAdder();
    private final LongAdder channelsCycled = new LongAdder();
    private final LongAdder unexpected = new LongAdder();

    void sent(int n) {
        requests.add(n);
    }

    void replied() {
        replies.increment();
    }

    /** A request ended in {@code e}; one that is not a {@link VppException} is also counted as unexpected (a bug). */
    void failed(Throwable e) {
        if (!(e instanceof VppException)) {
            unexpected.increment();
        }
        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
    }

    void event() {
        events.increment();
    }

    void channelCycled() {
        channelsCycled.increment();
    }

    long requests() {
        return requests.sum();
    }

    long replies() {
        return replies.sum();
    }

    /** Failures that were not one of the library's specific exceptions. */
    long unexpected() {
        return unexpected.sum();
    }

    long events() {
        return events.sum();
    }

    long channelsCycled() {
        return channelsCycled.sum();
    }

    /** Failures by cause, sorted by name. */
    Map<String, Long> failures() {
        Map<String, Long> m = new TreeMap<>();
        failures.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    /** Requests that ended neither in a reply nor in a failure. */
    long lost() {
        return requests() - replies() - failures().values().stream().mapToLong(Long::longValue).sum();
    }
}
