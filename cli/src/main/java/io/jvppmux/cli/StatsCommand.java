package io.jvppmux.cli;

import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsPattern;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code stats [pattern]}: prints VPP's statistics segment, from an embedded mock-vpp segment by default,
 * from a live VPP with {@code --stats-socket PATH} or {@code --config FILE} (its {@code stats-socket-path}; needs
 * jvpp-shim's native stats helper), or from a segment file with {@code --segment-file PATH}. Counters are
 * unsigned; vectors print one line per index with the sum over threads and, with more than one thread, the
 * per-thread values.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print VPP's stats (embedded mock-vpp segment unless --stats-socket, --config or --segment-file).")
public final class StatsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "PATTERN", description = "which stats (default: all), e.g. /if or /err/ip4")
    String pattern;

    @Option(names = "--match", paramLabel = "KIND", defaultValue = "prefix",
            description = "how PATTERN matches names: prefix, exact, regex (whole name) or find (anywhere); default ${DEFAULT-VALUE}")
    String match;

    @Option(names = "--stats-socket", paramLabel = "PATH", description = "VPP's stats socket, e.g. /run/vpp/stats.sock")
    Path statsSocket;

    @Option(names = "--config", paramLabel = "FILE", description = "read the stats socket of this configuration (stats-socket-path)")
    Path config;

    @Option(names = "--segment-file", paramLabel = "PATH", description = "read a stats segment from a file")
    Path segmentFile;

    @Option(names = "--interfaces", description = "print the per-interface counter table instead")
    boolean interfaces;

    @Option(names = "--nonzero", description = "skip counters whose sum is 0")
    boolean nonzero;

    @Option(names = "--json", description = "print a JSON array")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StatsPattern p = pattern(match, pattern == null ? "" : pattern);
        try (StatsSource source = StatsSource.open(statsSocket, segmentFile, liveConfig())) {
            StatsClient c = source.client();
            if (interfaces) {
                List<InterfaceCounters> all = c.interfaceStats();
                out.print(json ? StatsJson.interfaces(all) + "\n" : StatsText.interfaces(all));
            } else {
                List<StatEntry> entries = c.dumpStats(p);
                out.print(json ? StatsJson.entries(entries, nonzero) + "\n" : StatsText.entries(entries, nonzero));
            }
        }
        out.flush();
        return 0;
    }

    private MuxConfig liveConfig() {
        return config == null ? null : Target.load(config);
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
}
