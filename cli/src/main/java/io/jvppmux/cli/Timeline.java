package io.jvppmux.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a command's time went, for {@code -v}: from the JVM's start to {@code main}, then each step the command
 * marks (command line parsed, connected, first reply, closed). Costs two clock reads per step; the JVM's start is
 * asked for only when the line is printed.
 */
final class Timeline {
    private static volatile long mainNanos;
    private static volatile long mainMillis;

    private final List<String> steps = new ArrayList<>();
    private final List<Long> at = new ArrayList<>();

    /** Called first thing in {@code main}. */
    static void mainStarted() {
        mainNanos = System.nanoTime();
        mainMillis = System.currentTimeMillis();
    }

    /** Marks the end of {@code step} now. */
    void mark(String step) {
        steps.add(step);
        at.add(System.nanoTime());
    }

    /** One line: the JVM's start to main, then each step's own time, then main to the last step. */
    String render() {
        StringBuilder b = new StringBuilder("timeline:");
        long start = mainNanos;
        if (start != 0) {
            long jvm = mainMillis - ManagementFactory.getRuntimeMXBean().getStartTime();
            b.append(" JVM start to main ").append(jvm).append(" ms,");
        } else {
            start = at.isEmpty() ? 0 : at.get(0);
        }
        long previous = start;
        for (int i = 0; i < steps.size(); i++) {
            b.append(i == 0 ? " " : ", ").append(steps.get(i)).append(' ').append(ms(at.get(i) - previous)).append(" ms");
            previous = at.get(i);
        }
        b.append("; main to ").append(steps.isEmpty() ? "end" : steps.get(steps.size() - 1)).append(' ')
                .append(ms(previous - start)).append(" ms");
        return b.toString();
    }

    private static String ms(long nanos) {
        long tenths = Math.max(0, (nanos + 50_000) / 100_000);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
