package io.jvppmux.mock;

import java.util.List;
import java.util.Objects;

/**
 * Configures a {@link MockVpp}: {@code MockVpp.builder().pid(7).interfaces(...).start()}. Not thread-safe;
 * each {@link #start()} uses a copy of the settings.
 */
public final class MockVppBuilder {
    private final MockSettings s = new MockSettings();

    MockVppBuilder() {
    }

    /** The table seed: 0 (default) for the deterministic order, else shuffled dynamic ids. */
    public MockVppBuilder seed(long seed) {
        s.seed = seed;
        return this;
    }

    /** The {@code vpe_pid}; default 4242. */
    public MockVppBuilder pid(int pid) {
        s.pid = pid;
        return this;
    }

    /** The version {@code show_version} reports; default {@code 26.06-mock}. */
    public MockVppBuilder version(String version) {
        s.version = Objects.requireNonNull(version, "version");
        return this;
    }

    /** The build date {@code show_version} reports; default {@code 2026-06-01T00:00:00}. */
    public MockVppBuilder buildDate(String buildDate) {
        s.buildDate = Objects.requireNonNull(buildDate, "buildDate");
        return this;
    }

    /** The initial interface table (default: {@link MockInterface#local0()} only); restored by restart. */
    public MockVppBuilder interfaces(MockInterface... interfaces) {
        s.interfaces = List.of(interfaces);
        return this;
    }

    /** How many received messages the log keeps (default 10,000; 0 keeps none, for benchmarks). */
    public MockVppBuilder receivedLogCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("receivedLogCapacity must be >= 0: " + capacity);
        }
        s.logCapacity = capacity;
        return this;
    }

    /** The largest frame the socket face accepts from a client (default 64 MiB); larger closes it. */
    public MockVppBuilder maxFrameSize(int bytes) {
        if (bytes < 16) {
            throw new IllegalArgumentException("maxFrameSize must be >= 16: " + bytes);
        }
        s.maxFrameSize = bytes;
        return this;
    }

    /** Starts the engine. */
    public MockVpp start() {
        return new MockVpp(s.copy());
    }
}
