package io.jvppmux.impl.leaks;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What a leak shows in: heap after a full GC, direct buffer memory, live threads, open file descriptors. */
public final class JvmGauges {
    private JvmGauges() {
    }

    /** Heap in use after {@code System.gc()} settles (three collections, the lowest reading). */
    public static long heapAfterGc() {
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Runtime r = Runtime.getRuntime();
            lowest = Math.min(lowest, r.totalMemory() - r.freeMemory());
        }
        return lowest;
    }

    /** Bytes of direct buffers allocated and not yet freed. */
    public static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }

    /** Live threads of the JVM. */
    public static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /** Open file descriptors of this process ({@code /proc/self/fd}), -1 where that is not readable. */
    public static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (Exception e) {
            return -1;
        }
    }
}
