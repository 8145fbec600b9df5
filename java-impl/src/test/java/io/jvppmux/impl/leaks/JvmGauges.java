package io.jvppmux.impl.leaks;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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

    /**
     * Bytes of direct buffers still reachable: a buffer nobody holds is freed by its cleaner, on a thread of its own,
     * some time after the collection that found it, so a reading taken right after {@code System.gc()} may still
     * count the read buffers of connections closed long ago (a 256 KiB one per socket connection). Collects and
     * reads until three readings in a row do not fall below the lowest, for at most two seconds; the lowest.
     */
    public static long directBytesAfterGc() throws InterruptedException {
        long lowest = Long.MAX_VALUE;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (int steady = 0; steady < 3 && System.nanoTime() < deadline; ) {
            System.gc();
            Thread.sleep(20);
            long now = directBytes();
            if (now < lowest) {
                lowest = now;
                steady = 0;
            } else {
                steady++;
            }
        }
        return lowest;
    }

    /** Bytes of direct buffers allocated and not yet freed (see {@link #directBytesAfterGc}). */
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
