package io.jvppmux.micrometer;

import io.jvppmux.api.stats.ErrorCounter;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.SystemStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of the stats segment: {@code /sys}, every interface by name (deleted ones left out) and every error
 * counter by name; or, when the read failed, the previous read with {@code up} false.
 */
record StatsSample(boolean up, SystemStats system, Map<String, InterfaceCounters> interfaces,
                   Map<String, ErrorCounter> errors) {
    /** The name VPP gives a deleted interface's slot. */
    static final String DELETED = "deleted";

    static final StatsSample EMPTY = new StatsSample(false, null, Map.of(), Map.of());

    /** Reads {@code client}. */
    static StatsSample read(StatsClient client) {
        SystemStats sys = client.systemStats();
        Map<String, InterfaceCounters> ifs = new LinkedHashMap<>();
        for (InterfaceCounters i : client.interfaceStats()) {
            if (i.name() != null && !i.name().isEmpty() && !DELETED.equals(i.name())) {
                ifs.putIfAbsent(i.name(), i);
            }
        }
        Map<String, ErrorCounter> errs = new LinkedHashMap<>();
        List<ErrorCounter> all = client.errorStats();
        for (ErrorCounter e : all) {
            errs.putIfAbsent(e.name(), e);
        }
        return new StatsSample(true, sys, ifs, errs);
    }

    /** This read marked as failed, kept for the counters' last values. */
    StatsSample down() {
        return new StatsSample(false, system, interfaces, errors);
    }
}
