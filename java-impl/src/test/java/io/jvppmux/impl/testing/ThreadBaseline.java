package io.jvppmux.impl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JVM's threads at one moment, to check that everything a test started (mux, transport, mock-vpp,
 * worker pools) has ended after it closed them. JUnit's own timeout watcher, started lazily by the first
 * timed test, is not counted.
 */
public final class ThreadBaseline {
    private final Set<Thread> before;
    private final int countBefore;

    private ThreadBaseline(Set<Thread> before, int countBefore) {
        this.before = before;
        this.countBefore = countBefore;
    }

    /** The threads alive now. */
    public static ThreadBaseline take() {
        return new ThreadBaseline(alive(), threadCount());
    }

    /** The JVM's live thread count, JUnit's own threads left out. */
    private static int threadCount() {
        long junit = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("junit-")).count();
        return ManagementFactory.getThreadMXBean().getThreadCount() - (int) junit;
    }

    private static Set<Thread> alive() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("junit-")).collect(Collectors.toSet());
    }

    /**
     * Waits (joining, at most {@code timeout} in all) for every thread started since {@link #take} to end,
     * then asserts that none is left and that the JVM's thread count is back to the baseline's.
     */
    public void assertRestored(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : alive()) {
            if (!before.contains(t)) {
                t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        Set<String> left = alive().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toSet());
        assertThat(left).as("threads still alive after close").isEmpty();
        assertThat(threadCount()).as("JVM thread count").isLessThanOrEqualTo(countBefore);
    }
}
