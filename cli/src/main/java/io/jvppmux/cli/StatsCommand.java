package io.jvppmux.cli;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.NameVector;
import io.jvppmux.api.stats.PerThread;
import io.jvppmux.api.stats.PerThreadCombined;
import io.jvppmux.api.stats.ScalarValue;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatValue;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.impl.stats.StatsClients;
import io.jvppmux.mock.stats.MockStatsSegment;
import io.jvppmux.mock.stats.MockVppStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stats [pattern]}: prints VPP's statistics segment, from an embedded mock-vpp segment by default,
 * from a live VPP with {@code --stats-socket PATH} (needs jvpp-shim's native stats helper), or from a
 * segment file with {@code --segment-file PATH}. Counters are unsigned; vectors print one line per index
 * with the sum over threads and, with more than one thread, the per-thread values.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print VPP's stats (embedded mock-vpp segment unless --stats-socket or --segment-file).")
public final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "which stats (default: all), e.g. /if or /err/ip4")
    String pattern;

    @Option(names = "--match", paramLabel = "KIND", defaultValue = "prefix",
            description = "how PATTERN matches names: prefix, exact, regex (whole name) or find (anywhere); default ${DEFAULT-VALUE}")
    String match;

    @Option(names = "--stats-socket", paramLabel = "PATH", description = "VPP's stats socket, e.g. /run/vpp/stats.sock")
    Path statsSocket;

    @Option(names = "--segment-file", paramLabel = "PATH", description = "read a stats segment from a file")
    Path segmentFile;

    @Option(names = "--interfaces", description = "print the per-interface counter table instead")
    boolean interfaces;

    @Option(names = "--nonzero", description = "skip counters whose sum is 0")
    boolean nonzero;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (statsSocket != null && segmentFile != null) {
            throw new IllegalArgumentException("give --stats-socket or --segment-file, not both");
        }
        StatsPattern p = pattern(match, pattern == null ? "" : pattern);
        Path tmp = null;
        MockVppStats mock = null;
        try {
            Path file = segmentFile;
            if (statsSocket == null && file == null) {
                tmp = Files.createTempDirectory(MockStatsSegment.defaultDirectory(), "jvppmux-stats");
                mock = embeddedMock(tmp.resolve("stats.seg"));
                file = mock.segment().file();
            }
            try (StatsClient c = statsSocket != null ? StatsClients.connectSocket(statsSocket) : StatsClients.openFile(file)) {
                if (interfaces) {
                    printInterfaces(c, out);
                } else {
                    for (StatEntry e : c.dumpStats(p)) {
                        print(e, out);
                    }
                }
            }
        } finally {
            if (mock != null) {
                mock.close();
            }
            if (tmp != null) {
                Files.deleteIfExists(tmp.resolve("stats.seg"));
                Files.deleteIfExists(tmp);
            }
        }
        out.flush();
        return 0;
    }

    static StatsPattern pattern(String kind, String text) {
        switch (kind) {
            case "prefix": return StatsPattern.prefix(text);
            case "exact": return StatsPattern.exact(text);
            case "regex": return StatsPattern.regex(text);
            case "find": return StatsPattern.regexFind(text);
            default: throw new IllegalArgumentException("--match " + kind + ": expected prefix, exact, regex or find");
        }
    }

    /** Prints one line per interface: sw_if_index, name, rx/tx packets and bytes, drops, errors (summed). */
    public static void printInterfaces(StatsClient c, PrintWriter out) {
        String f = "%-11s  %-20s  %12s  %14s  %12s  %14s  %10s  %10s  %10s%n";
        out.printf(f, "sw_if_index", "name", "rx-packets", "rx-bytes", "tx-packets", "tx-bytes", "drops", "rx-error", "tx-error");
        for (InterfaceCounters i : c.interfaceStats()) {
            out.printf(f, i.swIfIndex(), i.name(), u(i.rx().sumPackets()), u(i.rx().sumBytes()), u(i.tx().sumPackets()),
                    u(i.tx().sumBytes()), u(i.drops().sum()), u(i.rxErrors().sum()), u(i.txErrors().sum()));
        }
    }

    private void print(StatEntry e, PrintWriter out) {
        String name = e.symlink() ? e.name() + " -> " + e.symlinkTarget() + "[" + e.symlinkColumn() + "]" : e.name();
        StatValue v = e.value();
        if (v instanceof ScalarValue) {
            out.printf("%s  %s%n", name, u(((ScalarValue) v).value()));
        } else if (v instanceof NameVector) {
            NameVector n = (NameVector) v;
            for (int i = 0; i < n.size(); i++) {
                out.printf("%s[%d]  %s%n", name, i, n.get(i));
            }
        } else if (v instanceof SimpleCounters) {
            SimpleCounters s = (SimpleCounters) v;
            for (int i = 0; i < s.maxLength(); i++) {
                line(out, name, e.symlink() ? -1 : i, new PerThread(s.perThread(i)), null);
            }
        } else if (v instanceof CombinedCounters) {
            CombinedCounters c = (CombinedCounters) v;
            for (int i = 0; i < c.maxLength(); i++) {
                line(out, name, e.symlink() ? -1 : i, new PerThread(c.packetsPerThread(i)), new PerThread(c.bytesPerThread(i)));
            }
        } else {
            out.printf("%s  %s %s%n", name, e.type(), v);
        }
    }

    private void line(PrintWriter out, String name, int index, PerThread packets, PerThread bytes) {
        if (nonzero && packets.sum() == 0 && (bytes == null || bytes.sum() == 0)) {
            return;
        }
        String at = index < 0 ? name : name + "[" + index + "]";
        String value = bytes == null ? u(packets.sum()) : new PerThreadCombined(packets, bytes).toString();
        String threads = packets.threads() > 1 ? "  (by thread: " + byThread(packets, bytes) + ")" : "";
        out.printf("%s  %s%s%n", at, value, threads);
    }

    private static String byThread(PerThread packets, PerThread bytes) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < packets.threads(); t++) {
            sb.append(t == 0 ? "" : ", ").append(u(packets.get(t)));
            if (bytes != null) {
                sb.append('/').append(u(bytes.get(t)));
            }
        }
        return sb.toString();
    }

    private static String u(long v) {
        return Long.toUnsignedString(v);
    }

    /** A small VPP-like segment with traffic on two threads: what the cli shows without a live VPP. */
    static MockVppStats embeddedMock(Path file) {
        MockVppStats m = MockVppStats.create(file, 2, true);
        int eth = m.addInterface("GigabitEthernet0/8/0");
        int loop = m.addInterface("loop0");
        m.addTraffic(eth, 0, "rx", 1200, 1_500_000);
        m.addTraffic(eth, 1, "rx", 800, 1_000_000);
        m.addTraffic(eth, 0, "tx", 1900, 2_400_000);
        m.addTraffic(loop, 1, "tx", 3, 180);
        m.count(eth, 1, "drops", 12);
        m.count(eth, 0, "ip4", 2000);
        int err = m.addError("ip4-input", "ip4 ttl <= 1");
        m.countError(err, 0, 12);
        m.addError("null-node", "blackholed packets");
        int node = m.addNode("ip4-lookup");
        m.setNode(node, 0, 52_000, 2000, 40, 0);
        m.segment().set("/sys/vector_rate", 50);
        m.tick();
        return m;
    }
}
