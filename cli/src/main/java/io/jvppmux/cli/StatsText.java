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
import java.util.Formatter;
import java.util.List;

/** The {@code stats} command's text: one line per value, or the per-interface table. */
final class StatsText {
    private StatsText() {
    }

    /** One line per interface: sw_if_index, name, rx/tx packets and bytes, drops, errors (summed). */
    static String interfaces(List<InterfaceCounters> all) {
        Formatter f = new Formatter();
        String row = "%-11s  %-20s  %12s  %14s  %12s  %14s  %10s  %10s  %10s%n";
        f.format(row, "sw_if_index", "name", "rx-packets", "rx-bytes", "tx-packets", "tx-bytes", "drops", "rx-error", "tx-error");
        for (InterfaceCounters i : all) {
            f.format(row, i.swIfIndex(), i.name(), u(i.rx().sumPackets()), u(i.rx().sumBytes()), u(i.tx().sumPackets()),
                    u(i.tx().sumBytes()), u(i.drops().sum()), u(i.rxErrors().sum()), u(i.txErrors().sum()));
        }
        return f.toString();
    }

    /** One line per scalar, per name and per counter index; {@code nonzero} skips counters whose sum is 0. */
    static String entries(List<StatEntry> entries, boolean nonzero) {
        StringBuilder sb = new StringBuilder();
        for (StatEntry e : entries) {
            entry(sb, e, nonzero);
        }
        return sb.toString();
    }

    private static void entry(StringBuilder sb, StatEntry e, boolean nonzero) {
        String name = e.symlink() ? e.name() + " -> " + e.symlinkTarget() + "[" + e.symlinkColumn() + "]" : e.name();
        StatValue v = e.value();
        if (v instanceof ScalarValue s) {
            sb.append(name).append("  ").append(u(s.value())).append('\n');
        } else if (v instanceof NameVector n) {
            for (int i = 0; i < n.size(); i++) {
                sb.append(name).append('[').append(i).append("]  ").append(n.get(i)).append('\n');
            }
        } else if (v instanceof SimpleCounters s) {
            for (int i = 0; i < s.maxLength(); i++) {
                line(sb, name, e.symlink() ? -1 : i, new PerThread(s.perThread(i)), null, nonzero);
            }
        } else if (v instanceof CombinedCounters c) {
            for (int i = 0; i < c.maxLength(); i++) {
                line(sb, name, e.symlink() ? -1 : i, new PerThread(c.packetsPerThread(i)),
                        new PerThread(c.bytesPerThread(i)), nonzero);
            }
        } else {
            sb.append(name).append("  ").append(e.type()).append(' ').append(v).append('\n');
        }
    }

    private static void line(StringBuilder sb, String name, int index, PerThread packets, PerThread bytes, boolean nonzero) {
        if (nonzero && packets.sum() == 0 && (bytes == null || bytes.sum() == 0)) {
            return;
        }
        sb.append(index < 0 ? name : name + "[" + index + "]").append("  ")
                .append(bytes == null ? u(packets.sum()) : new PerThreadCombined(packets, bytes).toString());
        if (packets.threads() > 1) {
            sb.append("  (by thread: ");
            for (int t = 0; t < packets.threads(); t++) {
                sb.append(t == 0 ? "" : ", ").append(u(packets.get(t)));
                if (bytes != null) {
                    sb.append('/').append(u(bytes.get(t)));
                }
            }
            sb.append(')');
        }
        sb.append('\n');
    }

    private static String u(long v) {
        return Long.toUnsignedString(v);
    }
}
