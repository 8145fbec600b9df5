package io.jvppmux.mock.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * VPP's usual stats on a {@link MockStatsSegment}, named and shaped as on a live VPP (docs/PROTOCOL.md 8.10):
 * {@code /sys/*} scalars, gauges and per-worker vectors, {@code /mem/<heap>} with {@code /used},
 * {@code /total}, {@code /free} symlinks, {@code /buffer-pools/*} gauges, {@code /node/errors} with
 * {@code /err/<node>/<reason>} symlinks, {@code /if/*} vectors, {@code /if/names} and 17
 * {@code /interfaces/<if>/<counter>} symlinks per interface (sw_if_index slots reused, deleted ones named
 * {@code "deleted"}), and optionally per-node counters {@code /sys/node/*} with {@code /nodes/*} symlinks.
 * Thread-safe: every method holds the segment's monitor.
 */
public final class MockVppStats implements AutoCloseable {
    /** VPP's simple interface counters, {@code /if/<name>}. */
    public static final List<String> SIMPLE_IF = List.of("drops", "punt", "ip4", "ip6", "rx-no-buf", "rx-miss",
            "rx-error", "tx-error", "mpls");
    /** VPP's combined interface counters, {@code /if/<name>}. */
    public static final List<String> COMBINED_IF = List.of("rx", "rx-unicast", "rx-multicast", "rx-broadcast",
            "tx", "tx-unicast", "tx-multicast", "tx-broadcast");
    /** Per-node counters, {@code /sys/node/<name>}. */
    public static final List<String> NODE_COUNTERS = List.of("clocks", "vectors", "calls", "suspends");

    private final MockStatsSegment seg;
    private final boolean perNode;
    private final List<String> ifNames = new ArrayList<>();
    private final TreeSet<Integer> freeSw = new TreeSet<>();
    private int errors;
    private int nodes;

    private MockVppStats(MockStatsSegment seg, boolean perNode) {
        this.seg = seg;
        this.perNode = perNode;
        synchronized (seg) {
            seg.beginUpdate();
            try {
                addSystem();
                for (String c : SIMPLE_IF) {
                    seg.addSimple("/if/" + c, 0);
                }
                for (String c : COMBINED_IF) {
                    seg.addCombined("/if/" + c, 0);
                }
                seg.addNameVector("/if/names");
                seg.addSimple("/node/errors", 0);
                if (perNode) {
                    seg.addNameVector("/sys/node/names");
                    for (String c : NODE_COUNTERS) {
                        seg.addSimple("/sys/node/" + c, 0);
                    }
                }
                addInterface("local0", 0);
            } finally {
                seg.endUpdate();
            }
        }
    }

    /** A VPP-like segment in {@code file}: 8 MiB, {@code threads} threads, per-node counters if asked. */
    public static MockVppStats create(Path file, int threads, boolean perNodeCounters) {
        return new MockVppStats(MockStatsSegment.create(file, threads, 8 << 20), perNodeCounters);
    }

    /** A restarted VPP: a fresh segment replaces the file (new inode); this one freezes. */
    public MockVppStats restart() {
        synchronized (seg) {
            return new MockVppStats(seg.restart(), perNode);
        }
    }

    private void addSystem() {
        int threads = seg.threads();
        seg.addScalar("/sys/last_update", 0);
        seg.addGauge("/sys/vector_rate", 0);
        seg.addGauge("/sys/input_rate", 0);
        seg.addGauge("/sys/num_worker_threads", threads - 1);
        seg.addSimpleRows("/sys/vector_rate_per_worker", 1, threads + 1);
        seg.addSimpleRows("/sys/loops_per_worker", 1, threads + 1);
        addHeap("main heap", new long[] {1 << 30, 100 << 20, (1 << 30) - (100 << 20), 0, 1 << 30, 42, 0});
        addHeap("stat segment", new long[] {(8 << 20) - 4096, 1 << 20, (7 << 20) - 4096, 0, 8 << 20, 7, 0});
        addBufferPool("default-numa-0", 0, 0, 16383);
    }

    /** The segment underneath. */
    public MockStatsSegment segment() {
        return seg;
    }

    /** Adds {@code /mem/<heap>} ({@code [0][metric]}, 7 metrics) and its /used, /total, /free symlinks. */
    public void addHeap(String heap, long[] metrics) {
        synchronized (seg) {
            String n = "/mem/" + heap;
            seg.addSimpleRows(n, 1, 7);
            for (int m = 0; m < 7; m++) {
                seg.setSimple(n, 0, m, metrics[m]);
            }
            seg.addSymlinkUnlocked(n + "/used", n, 1);
            seg.addSymlinkUnlocked(n + "/total", n, 0);
            seg.addSymlinkUnlocked(n + "/free", n, 2);
        }
    }

    /** Adds {@code /buffer-pools/<pool>/{cached,used,available}} gauges. */
    public void addBufferPool(String pool, long cached, long used, long available) {
        synchronized (seg) {
            seg.addGauge("/buffer-pools/" + pool + "/cached", cached);
            seg.addGauge("/buffer-pools/" + pool + "/used", used);
            seg.addGauge("/buffer-pools/" + pool + "/available", available);
        }
    }

    /** Creates an interface with zeroed counters; returns its sw_if_index (lowest free first, as VPP's pool). */
    public int addInterface(String name) {
        return addInterface(name, 0);
    }

    /**
     * Creates an interface whose every counter (every thread, packets and bytes) starts at {@code fill},
     * all in one locked section: its column, its name and its 17 symlinks appear with one epoch bump.
     */
    public int addInterface(String name, long fill) {
        synchronized (seg) {
            seg.beginUpdate();
            try {
                int sw = freeSw.isEmpty() ? ifNames.size() : freeSw.pollFirst();
                if (sw == ifNames.size()) {
                    ifNames.add(null);
                }
                ifNames.set(sw, name);
                for (String c : SIMPLE_IF) {
                    seg.validate("/if/" + c, sw + 1);
                    for (int t = 0; t < seg.threads(); t++) {
                        seg.setSimple("/if/" + c, t, sw, fill);
                    }
                }
                for (String c : COMBINED_IF) {
                    seg.validate("/if/" + c, sw + 1);
                    for (int t = 0; t < seg.threads(); t++) {
                        seg.setCombined("/if/" + c, t, sw, fill, fill);
                    }
                }
                seg.setName("/if/names", sw, name);
                for (String c : counters()) {
                    seg.addSymlink(ifPrefix(name) + c, "/if/" + c, sw);
                }
                return sw;
            } finally {
                seg.endUpdate();
            }
        }
    }

    /** Deletes an interface: its symlinks go (their slots become EMPTY), its name becomes "deleted". */
    public void deleteInterface(int sw) {
        synchronized (seg) {
            String name = ifName(sw);
            seg.beginUpdate();
            try {
                for (String c : counters()) {
                    seg.remove(ifPrefix(name) + c);
                }
                seg.setName("/if/names", sw, "deleted");
                ifNames.set(sw, null);
                freeSw.add(sw);
            } finally {
                seg.endUpdate();
            }
        }
    }

    /** Adds to a combined interface counter ({@code rx}, {@code tx-unicast}, ...) of one thread. */
    public void addTraffic(int sw, int thread, String counter, long packets, long bytes) {
        synchronized (seg) {
            ifName(sw);
            String n = "/if/" + counter;
            seg.setCombined(n, thread, sw, seg.getCounter(n, thread, sw, 0) + packets,
                    seg.getCounter(n, thread, sw, 1) + bytes);
        }
    }

    /** Adds {@code n} to a simple interface counter ({@code drops}, {@code rx-error}, ...) of one thread. */
    public void count(int sw, int thread, String counter, long n) {
        synchronized (seg) {
            ifName(sw);
            String c = "/if/" + counter;
            seg.setSimple(c, thread, sw, seg.getCounter(c, thread, sw, 0) + n);
        }
    }

    /** VPP's {@code clear interfaces}: every interface counter is zeroed in place, without the lock. */
    public void clearInterfaces() {
        synchronized (seg) {
            for (String c : counters()) {
                String n = "/if/" + c;
                for (int t = 0; t < seg.threads(); t++) {
                    for (int i = 0; i < seg.length(n); i++) {
                        if (COMBINED_IF.contains(c)) {
                            seg.setCombined(n, t, i, 0, 0);
                        } else {
                            seg.setSimple(n, t, i, 0);
                        }
                    }
                }
            }
        }
    }

    /** Registers error counter {@code /err/<node>/<reason>}; returns its index in {@code /node/errors}. */
    public int addError(String node, String reason) {
        synchronized (seg) {
            int i = errors++;
            seg.validate("/node/errors", i + 1);
            seg.addSymlink("/err/" + node + "/" + reason, "/node/errors", i);
            return i;
        }
    }

    /** Adds {@code n} to error counter {@code index} of one thread. */
    public void countError(int index, int thread, long n) {
        synchronized (seg) {
            seg.setSimple("/node/errors", thread, index, seg.getCounter("/node/errors", thread, index, 0) + n);
        }
    }

    /** Registers a graph node (per-node counters only); returns its node index. */
    public int addNode(String name) {
        if (!perNode) {
            throw new IllegalStateException("per-node counters are off");
        }
        synchronized (seg) {
            int i = nodes++;
            for (String c : NODE_COUNTERS) {
                seg.validate("/sys/node/" + c, i + 1);
            }
            seg.setName("/sys/node/names", i, name);
            for (String c : NODE_COUNTERS) {
                seg.addSymlink("/nodes/" + name + "/" + c, "/sys/node/" + c, i);
            }
            return i;
        }
    }

    /** Sets node {@code node}'s counters of one thread. */
    public void setNode(int node, int thread, long clocks, long vectors, long calls, long suspends) {
        synchronized (seg) {
            long[] v = {clocks, vectors, calls, suspends};
            for (int c = 0; c < v.length; c++) {
                seg.setSimple("/sys/node/" + NODE_COUNTERS.get(c), thread, node, v[c]);
            }
        }
    }

    /** One collector run: heartbeat + 1 and last_update + 1 (VPP's uptime in seconds). */
    public void tick() {
        synchronized (seg) {
            seg.tick();
            seg.set("/sys/last_update", seg.get("/sys/last_update") + 1);
        }
    }

    private static List<String> counters() {
        List<String> all = new ArrayList<>(COMBINED_IF);
        all.addAll(SIMPLE_IF);
        return all;
    }

    /** {@code /interfaces/<name with '/' turned into '_'>/} as VPP's format.c builds it. */
    static String ifPrefix(String name) {
        return "/interfaces/" + name.replace('/', '_') + "/";
    }

    private String ifName(int sw) {
        if (sw < 0 || sw >= ifNames.size() || ifNames.get(sw) == null) {
            throw new IllegalArgumentException("no interface with sw_if_index " + sw);
        }
        return ifNames.get(sw);
    }

    @Override
    public void close() {
        seg.close();
    }
}
