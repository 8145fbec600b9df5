package io.jvppmux.mock;

import java.util.List;

/** The settings a mock was built with. */
final class MockSettings {
    long seed;
    int pid = 4242;
    String version = "26.06-mock";
    String buildDate = "2026-06-01T00:00:00";
    List<MockInterface> interfaces = List.of(MockInterface.local0());
    int logCapacity = 10_000;
    int maxFrameSize = 64 << 20;

    MockSettings copy() {
        MockSettings c = new MockSettings();
        c.seed = seed;
        c.pid = pid;
        c.version = version;
        c.buildDate = buildDate;
        c.interfaces = interfaces;
        c.logCapacity = logCapacity;
        c.maxFrameSize = maxFrameSize;
        return c;
    }
}
