package io.jvppmux.stats;

import io.jvppmux.api.stats.BufferPool;
import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.ErrorCounter;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.MemoryCounters;
import io.jvppmux.api.stats.NameVector;
import io.jvppmux.api.stats.NodeCounters;
import io.jvppmux.api.stats.PerThread;
import io.jvppmux.api.stats.PerThreadCombined;
import io.jvppmux.api.stats.ScalarValue;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatValue;
import io.jvppmux.api.stats.SystemStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the typed views from the entries of one read. Scalars and gauges are read alike; vectors keep
 * VPP's dimensions ({@code /sys/*_per_worker} is {@code [0][thread]}, {@code /mem/<heap>} is
 * {@code [0][metric]}); a stat that is missing or of another type reads 0.
 */
final class StatsViews {
    private static final PerThread NONE = new PerThread(new long[0]);

    private StatsViews() {
    }

    static SystemStats system(List<StatEntry> entries) {
        Map<String, StatValue> m = byName(entries);
        return new SystemStats(scalar(m, "/sys/vector_rate"), scalar(m, "/sys/num_worker_threads"),
                scalar(m, "/sys/input_rate"), scalar(m, "/sys/last_update"), scalar(m, "/sys/last_stats_clear"),
                scalar(m, "/sys/heartbeat"), scalar(m, "/sys/boottime"), row0(m, "/sys/vector_rate_per_worker"),
                row0(m, "/sys/loops_per_worker"));
    }

    static List<InterfaceCounters> interfaces(List<StatEntry> entries) {
        Map<String, StatValue> m = byName(entries);
        List<InterfaceCounters> out = new ArrayList<>();
        if (!(m.get("/if/names") instanceof NameVector)) {
            return out;
        }
        NameVector names = (NameVector) m.get("/if/names");
        for (int sw = 0; sw < names.size(); sw++) {
            if (names.get(sw) == null) {
                continue;
            }
            out.add(new InterfaceCounters(sw, names.get(sw), comb(m, "rx", sw), comb(m, "tx", sw),
                    comb(m, "rx-unicast", sw), comb(m, "rx-multicast", sw), comb(m, "rx-broadcast", sw),
                    comb(m, "tx-unicast", sw), comb(m, "tx-multicast", sw), comb(m, "tx-broadcast", sw),
                    simple(m, "/if/drops", sw), simple(m, "/if/punt", sw), simple(m, "/if/ip4", sw),
                    simple(m, "/if/ip6", sw), simple(m, "/if/rx-no-buf", sw), simple(m, "/if/rx-miss", sw),
                    simple(m, "/if/rx-error", sw), simple(m, "/if/tx-error", sw), simple(m, "/if/mpls", sw)));
        }
        return out;
    }

    static List<NodeCounters> nodes(List<StatEntry> entries) {
        Map<String, StatValue> m = byName(entries);
        List<NodeCounters> out = new ArrayList<>();
        if (!(m.get("/sys/node/names") instanceof NameVector)) {
            return out;
        }
        NameVector names = (NameVector) m.get("/sys/node/names");
        for (int n = 0; n < names.size(); n++) {
            if (names.get(n) != null) {
                out.add(new NodeCounters(n, names.get(n), simple(m, "/sys/node/clocks", n),
                        simple(m, "/sys/node/vectors", n), simple(m, "/sys/node/calls", n),
                        simple(m, "/sys/node/suspends", n)));
            }
        }
        return out;
    }

    /** {@code /err/<node>/<reason>}: the node is up to the next '/', the reason the rest. */
    static List<ErrorCounter> errors(List<StatEntry> entries) {
        List<ErrorCounter> out = new ArrayList<>();
        for (StatEntry e : entries) {
            String rest = e.name().substring("/err/".length());
            int slash = rest.indexOf('/');
            if (slash < 0 || !(e.value() instanceof SimpleCounters)) {
                continue;
            }
            SimpleCounters c = (SimpleCounters) e.value();
            out.add(new ErrorCounter(e.name(), rest.substring(0, slash), rest.substring(slash + 1),
                    new PerThread(c.perThread(0))));
        }
        return out;
    }

    /** {@code /buffer-pools/<pool>/<cached|used|available>} grouped by pool, in directory order. */
    static List<BufferPool> buffers(List<StatEntry> entries) {
        Map<String, Map<String, Long>> pools = new LinkedHashMap<>();
        for (StatEntry e : entries) {
            int slash = e.name().lastIndexOf('/');
            String pool = e.name().substring("/buffer-pools/".length(), Math.max(slash, "/buffer-pools/".length()));
            if (slash > "/buffer-pools/".length() && e.value() instanceof ScalarValue) {
                pools.computeIfAbsent(pool, k -> new HashMap<>()).put(e.name().substring(slash + 1), e.scalar());
            }
        }
        List<BufferPool> out = new ArrayList<>();
        pools.forEach((p, v) -> out.add(new BufferPool(p, v.getOrDefault("cached", 0L), v.getOrDefault("used", 0L),
                v.getOrDefault("available", 0L))));
        return out;
    }

    /** {@code /mem/<heap>} vectors ({@code [0][metric]}), symlinks such as {@code /mem/<heap>/used} skipped. */
    static List<MemoryCounters> memory(List<StatEntry> entries) {
        List<MemoryCounters> out = new ArrayList<>();
        for (StatEntry e : entries) {
            if (e.symlink() || !(e.value() instanceof SimpleCounters) || ((SimpleCounters) e.value()).threads() == 0) {
                continue;
            }
            SimpleCounters c = (SimpleCounters) e.value();
            out.add(new MemoryCounters(e.name().substring("/mem/".length()), c.get(0, 0), c.get(0, 1), c.get(0, 2),
                    c.get(0, 3), c.get(0, 4), c.get(0, 5), c.get(0, 6)));
        }
        return out;
    }

    private static Map<String, StatValue> byName(List<StatEntry> entries) {
        Map<String, StatValue> m = new HashMap<>();
        for (StatEntry e : entries) {
            m.put(e.name(), e.value());
        }
        return m;
    }

    private static long scalar(Map<String, StatValue> m, String name) {
        StatValue v = m.get(name);
        return v instanceof ScalarValue ? ((ScalarValue) v).value() : 0;
    }

    private static PerThread row0(Map<String, StatValue> m, String name) {
        StatValue v = m.get(name);
        return v instanceof SimpleCounters && ((SimpleCounters) v).threads() > 0
                ? new PerThread(((SimpleCounters) v).row(0)) : NONE;
    }

    private static PerThread simple(Map<String, StatValue> m, String name, int index) {
        StatValue v = m.get(name);
        return v instanceof SimpleCounters ? new PerThread(((SimpleCounters) v).perThread(index)) : NONE;
    }

    private static PerThreadCombined comb(Map<String, StatValue> m, String counter, int index) {
        StatValue v = m.get("/if/" + counter);
        if (!(v instanceof CombinedCounters)) {
            return new PerThreadCombined(NONE, NONE);
        }
        CombinedCounters c = (CombinedCounters) v;
        return new PerThreadCombined(new PerThread(c.packetsPerThread(index)), new PerThread(c.bytesPerThread(index)));
    }
}
