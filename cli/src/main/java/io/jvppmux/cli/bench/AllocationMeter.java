package io.jvppmux.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;

/**
 * Heap allocated by threads, from HotSpot's per-thread counters ({@code com.sun.management.ThreadMXBean}),
 * and the process's CPU time.
 * A caller thread measures itself ({@link #currentThread()}); {@link #clientSnapshot()} takes the other
 * threads of the client side: every live thread except mock-vpp's ({@code jvppmux-mock-*}) and the bench's
 * own ({@code jvppmux-bench-*}), i.e. the mux's dispatcher, callback, timer and socket receive threads.
 * Where the JVM cannot tell, every figure is -1.
 */
final class AllocationMeter {
    private static final String MOCK_PREFIX = "jvppmux-mock-";
    private static final String BENCH_PREFIX = "jvppmux-bench-";

    private final com.sun.management.ThreadMXBean bean;

    AllocationMeter() {
        com.sun.management.ThreadMXBean b = null;
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported()) {
            if (!sun.isThreadAllocatedMemoryEnabled()) {
                sun.setThreadAllocatedMemoryEnabled(true);
            }
            b = sun;
        }
        bean = b;
    }

    boolean supported() {
        return bean != null;
    }

    /** CPU time of the whole process so far in nanoseconds, or -1. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** Bytes this thread allocated so far, or -1. */
    long currentThread() {
        return bean == null ? -1 : bean.getCurrentThreadAllocatedBytes();
    }

    /** The client-side threads alive now and what each allocated so far. */
    Snapshot clientSnapshot() {
        if (bean == null) {
            return new Snapshot(new long[0], new long[0]);
        }
        long[] all = bean.getAllThreadIds();
        ThreadInfo[] infos = bean.getThreadInfo(all);
        long[] ids = new long[all.length];
        int n = 0;
        for (ThreadInfo t : infos) {
            if (t != null && !t.getThreadName().startsWith(MOCK_PREFIX) && !t.getThreadName().startsWith(BENCH_PREFIX)) {
                ids[n++] = t.getThreadId();
            }
        }
        ids = Arrays.copyOf(ids, n);
        return new Snapshot(ids, bean.getThreadAllocatedBytes(ids));
    }

    /** What the threads of {@code before} allocated since it was taken (threads that ended count 0). */
    long since(Snapshot before) {
        if (bean == null) {
            return -1;
        }
        long[] now = bean.getThreadAllocatedBytes(before.ids);
        long sum = 0;
        for (int i = 0; i < now.length; i++) {
            if (now[i] >= 0 && before.bytes[i] >= 0) {
                sum += now[i] - before.bytes[i];
            }
        }
        return sum;
    }

    /** Thread ids and their allocated bytes at one moment. */
    record Snapshot(long[] ids, long[] bytes) {
    }
}
