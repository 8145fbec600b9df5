package io.jvppmux.impl.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What VPP's own stats reader ({@code bin/vpp_get_stats socket-name S dump PATTERN...}) prints, parsed: scalars
 * ({@code "113.00 /sys/heartbeat"}), name vectors ({@code "[0]: local0 /if/names"}) and per-thread counters
 * ({@code "[0 @ 0]: 3 packets /err/ip4-glean/request_sent"}, summed over threads and indexes).
 */
final class VppGetStats {
    private static final Pattern SCALAR = Pattern.compile("^(-?\\d+(?:\\.\\d+)?) (/\\S.*)$");
    private static final Pattern NAME = Pattern.compile("^\\[(\\d+)\\]: (\\S*) (/\\S.*)$");
    private static final Pattern COUNTER = Pattern.compile("^\\[(\\d+) @ (\\d+)\\]: (\\d+) packets (/\\S.*)$");

    final Map<String, Double> scalars = new TreeMap<>();
    final Map<String, Map<Integer, String>> names = new HashMap<>();
    final Map<String, Long> counterSums = new TreeMap<>();

    private VppGetStats() {
    }

    /** Runs vpp_get_stats of {@code vpp} on {@code patterns} and parses its output. */
    static VppGetStats dump(VppProcess vpp, String... patterns) {
        List<String> cmd = new ArrayList<>(List.of(vpp.vppGetStats().toString(), "socket-name",
                vpp.statsSocket().toString(), "dump"));
        cmd.addAll(List.of(patterns));
        VppProcess.ScriptResult r = VppProcess.run(cmd, Duration.ofSeconds(30));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("vpp_get_stats failed (exit " + r.exitCode() + "): " + r.output());
        }
        VppGetStats s = new VppGetStats();
        r.output().lines().forEach(s::parse);
        return s;
    }

    private void parse(String line) {
        Matcher m = COUNTER.matcher(line);
        if (m.matches()) {
            counterSums.merge(m.group(4), Long.parseLong(m.group(3)), Long::sum);
            return;
        }
        m = NAME.matcher(line);
        if (m.matches()) {
            names.computeIfAbsent(m.group(3), k -> new TreeMap<>()).put(Integer.parseInt(m.group(1)), m.group(2));
            return;
        }
        m = SCALAR.matcher(line);
        if (m.matches()) {
            scalars.put(m.group(2), Double.parseDouble(m.group(1)));
        }
    }
}
