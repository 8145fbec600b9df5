package io.jvppmux.cli;

import io.jvppmux.api.MetricsSnapshot;
import io.jvppmux.api.VppMux;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Samples what a leak shows in, at regular times: heap in use after a GC, live threads, open file descriptors,
 * channels open and requests in flight. The drift of a gauge is the median of the last quarter of its samples
 * minus the median of the first quarter (medians: a sample taken while VPP restarts does not move it).
 */
final class SoakSampler {
    /** The gauges, in the order they are printed. */
    static final List<String> GAUGES = List.of("heap", "threads", "fds", "channels", "inflight");

    private final VppMux mux;
    private final List<long[]> samples = new ArrayList<>();

    SoakSampler(VppMux mux) {
        this.mux = mux;
    }

    /** Takes one sample of every gauge. */
    synchronized void sample() {
        MetricsSnapshot m = mux.metrics();
        samples.add(new long[] {heapAfterGc(), ManagementFactory.getThreadMXBean().getThreadCount(), openFds(),
            m.channelsOpen(), m.inFlight()});
    }

    synchronized int count() {
        return samples.size();
    }

    /** Drift of every gauge, by name (0 with fewer than 4 samples). */
    synchronized Map<String, Long> drift() {
        Map<String, Long> d = new LinkedHashMap<>();
        int q = samples.size() / 4;
        for (int g = 0; g < GAUGES.size(); g++) {
            d.put(GAUGES.get(g), q == 0 ? 0 : median(samples.subList(samples.size() - q, samples.size()), g)
                    - median(samples.subList(0, q), g));
        }
        return d;
    }

    /** The last sample, by gauge name. */
    synchronized Map<String, Long> last() {
        Map<String, Long> d = new LinkedHashMap<>();
        long[] s = samples.get(samples.size() - 1);
        for (int g = 0; g < GAUGES.size(); g++) {
            d.put(GAUGES.get(g), s[g]);
        }
        return d;
    }

    private static long median(List<long[]> rows, int gauge) {
        long[] v = rows.stream().mapToLong(r -> r[gauge]).sorted().toArray();
        return v[v.length / 2];
    }

    private static long heapAfterGc() {
        System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Open descriptors of this process; -1 where {@code /proc/self/fd} is not readable. */
    private static long openFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public synchronized String toString() {
        return samples.size() + " samples, last " + Arrays.toString(samples.isEmpty() ? new long[0] : samples.get(samples.size() - 1));
    }
}
