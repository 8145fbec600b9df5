package io.jvppmux.cli.bench;

import io.jvppmux.binapi.memclnt.ControlPing;

/** One way of sending {@code control_ping}s to the target: through the mux, or the bare transport. */
interface Driver extends AutoCloseable {
    /** The one request every driver sends; stateless, so shared by every thread. */
    ControlPing PING = new ControlPing();

    /** The row label: {@code raw}, {@code mux}, ... */
    String name();

    /** The caller of thread {@code thread} (0-based) of {@code threads}, for one round. */
    Caller caller(int thread, int threads);

    /** Whether it runs in this JVM (false: the C baseline's own process; no allocation or CPU figures then). */
    default boolean inProcess() {
        return true;
    }

    @Override
    void close();

    /** What one caller thread runs in a round. */
    interface Caller {
        /**
         * Sends {@code n} requests in {@code mode}; in sync mode records each round trip in nanoseconds into
         * {@code latency}; adds to {@code progress} now and then. Every wait is bounded by the reply timeout.
         */
        void run(Mode mode, int n, LatencyRecorder latency, Progress.Counter progress) throws Exception;
    }
}
