package io.jvppmux.stats;

import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.time.Duration;

/** A mock VPP segment in a temp directory and clients on it, for the stats tests. */
final class StatsFixture {
    private StatsFixture() {
    }

    static MockVppStats mock(Path dir, int threads) {
        return MockVppStats.create(dir.resolve("stats.seg"), threads, true);
    }

    static StatsOptions fast() {
        return StatsOptions.defaults().withReadTimeout(Duration.ofMillis(200));
    }

    static StatsClient client(MockVppStats mock) {
        return client(mock, fast());
    }

    static StatsClient client(MockVppStats mock, StatsOptions options) {
        return StatsClients.connect(StatsSegmentSource.fromFile(mock.segment().file()), options);
    }
}
