package io.jvppmux.cli.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured run of one driver in one mode.
 *
 * @param requests    requests completed
 * @param nanos       wall time from releasing the callers to the last one finishing
 * @param latency     sync round trips (empty in async mode)
 * @param callerBytes heap allocated by the caller threads, -1 when unknown
 * @param clientBytes heap allocated by the caller threads and the client's other threads, -1 when unknown
 * @param cpuNanos    CPU time of the whole process (mock-vpp included) during the round, -1 when unknown
 */
record RoundResult(long requests, long nanos, Histogram latency, long callerBytes, long clientBytes, long cpuNanos) {
    /** Process CPU microseconds per request, -1 when unknown. */
    double cpuMicrosPerRequest() {
        return cpuNanos < 0 ? -1 : cpuNanos / 1e3 / requests;
    }

    double perSecond() {
        return requests * 1e9 / Math.max(1, nanos);
    }
}
