package io.jvppmux.cli.bench;

/** How a caller thread sends: one request at a time, or a pipelined window of them. */
enum Mode {
    /** One request in flight per caller thread; each round trip is timed. */
    SYNC,
    /** Up to the window of requests in flight per caller thread. */
    ASYNC;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
