package io.jvppmux.api.stats;

/**
 * VPP's {@code /sys/*} stats. Scalars and gauges are read alike (GoVPP reads the gauges as 0). Missing
 * stats read 0. All values are unsigned.
 *
 * @param vectorRate          {@code /sys/vector_rate} (gauge)
 * @param numWorkerThreads    {@code /sys/num_worker_threads} (gauge)
 * @param inputRate           {@code /sys/input_rate} (gauge)
 * @param lastUpdate          {@code /sys/last_update}: VPP uptime in whole seconds at the last collector run
 * @param lastStatsClear      {@code /sys/last_stats_clear}
 * @param heartbeat           {@code /sys/heartbeat}
 * @param bootTime            {@code /sys/boottime}
 * @param vectorRatePerWorker {@code /sys/vector_rate_per_worker}, stored by VPP as {@code [0][thread]}
 * @param loopsPerWorker      {@code /sys/loops_per_worker}, stored by VPP as {@code [0][thread]}
 */
public record SystemStats(long vectorRate, long numWorkerThreads, long inputRate, long lastUpdate,
                          long lastStatsClear, long heartbeat, long bootTime, PerThread vectorRatePerWorker,
                          PerThread loopsPerWorker) {
}
