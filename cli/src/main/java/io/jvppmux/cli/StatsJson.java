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
import java.util.List;
import java.util.Locale;

/**
 * The {@code stats} command's {@code --json}: an array of entries ({@code name}, {@code type}, and
 * {@code value} for scalars, {@code names} for name vectors, {@code counters} for vectors: per index the sum and
 * the values by thread), or with {@code --interfaces} an array of interfaces with their summed counters.
 * Counters are unsigned 64-bit integers, written exactly.
 */
final class StatsJson {
    private StatsJson() {
    }

    static String interfaces(List<InterfaceCounters> all) {
        Json j = new Json().beginArray();
        for (InterfaceCounters i : all) {
            j.beginObject().field("sw_if_index", i.swIfIndex()).field("name", i.name());
            combined(j, "rx", i.rx());
            combined(j, "tx", i.tx());
            j.unsignedField("drops", i.drops().sum()).unsignedField("punts", i.punts().sum())
                    .unsignedField("ip4", i.ip4().sum()).unsignedField("ip6", i.ip6().sum())
                    .unsignedField("rx_no_buf", i.rxNoBuf().sum()).unsignedField("rx_miss", i.rxMiss().sum())
                    .unsignedField("rx_errors", i.rxErrors().sum()).unsignedField("tx_errors", i.txErrors().sum())
                    .end();
        }
        return j.end().toString();
    }

    private static void combined(Json j, String name, PerThreadCombined c) {
        j.unsignedField(name + "_packets", c.sumPackets()).unsignedField(name + "_bytes", c.sumBytes());
    }

    static String entries(List<StatEntry> entries, boolean nonzero) {
        Json j = new Json().beginArray();
        for (StatEntry e : entries) {
            j.beginObject().field("name", e.name()).field("type", e.type().name().toLowerCase(Locale.ROOT));
            if (e.symlink()) {
                j.field("target", e.symlinkTarget()).field("column", e.symlinkColumn());
            }
            value(j, e.value(), nonzero);
            j.end();
        }
        return j.end().toString();
    }

    private static void value(Json j, StatValue v, boolean nonzero) {
        if (v instanceof ScalarValue s) {
            j.unsignedField("value", s.value());
        } else if (v instanceof NameVector n) {
            j.name("names").beginArray();
            for (int i = 0; i < n.size(); i++) {
                j.value(n.get(i));
            }
            j.end();
        } else if (v instanceof SimpleCounters s) {
            j.name("counters").beginArray();
            for (int i = 0; i < s.maxLength(); i++) {
                PerThread p = new PerThread(s.perThread(i));
                if (!nonzero || p.sum() != 0) {
                    j.beginObject().field("index", i).unsignedField("value", p.sum()).name("by_thread");
                    threads(j, p);
                    j.end();
                }
            }
            j.end();
        } else if (v instanceof CombinedCounters c) {
            j.name("counters").beginArray();
            for (int i = 0; i < c.maxLength(); i++) {
                PerThread packets = new PerThread(c.packetsPerThread(i));
                PerThread bytes = new PerThread(c.bytesPerThread(i));
                if (!nonzero || packets.sum() != 0 || bytes.sum() != 0) {
                    j.beginObject().field("index", i).unsignedField("packets", packets.sum())
                            .unsignedField("bytes", bytes.sum()).name("packets_by_thread");
                    threads(j, packets);
                    j.name("bytes_by_thread");
                    threads(j, bytes);
                    j.end();
                }
            }
            j.end();
        } else {
            j.field("value", String.valueOf(v));
        }
    }

    private static void threads(Json j, PerThread p) {
        j.beginArray();
        for (int t = 0; t < p.threads(); t++) {
            j.unsigned(p.get(t));
        }
        j.end();
    }
}
