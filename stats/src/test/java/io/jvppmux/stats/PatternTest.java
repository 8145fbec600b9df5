package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact, prefix, whole-name regex and find-anywhere regex select what they say, names with spaces too. */
class PatternTest {
    @TempDir
    Path dir;

    @Test
    void eachKindSelectsWhatItSays() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        m.addError("ip4-input", "ip4 ttl <= 1");
        m.addError("null-node", "blackholed packets");
        try (StatsClient c = StatsFixture.client(m)) {
            assertThat(c.listStats(StatsPattern.exact("/if/rx"))).containsExactly("/if/rx");
            assertThat(c.listStats(StatsPattern.exact("/if/r"))).isEmpty();
            assertThat(c.listStats(StatsPattern.prefix("/err/"))).containsExactly("/err/ip4-input/ip4 ttl <= 1",
                    "/err/null-node/blackholed packets");
            assertThat(c.listStats(StatsPattern.regex("/mem/[^/]+"))).containsExactly("/mem/main heap",
                    "/mem/stat segment");
            assertThat(c.listStats(StatsPattern.regex("blackholed"))).as("whole-name match").isEmpty();
            assertThat(c.listStats(StatsPattern.regexFind("blackholed")))
                    .containsExactly("/err/null-node/blackholed packets");
            assertThat(c.listStats(StatsPattern.all())).contains("/sys/heartbeat", "/interfaces/local0/rx");
        }
    }

    @Test
    void describesItself() {
        assertThat(StatsPattern.prefix("/if/")).hasToString("prefix '/if/'").isEqualTo(StatsPattern.prefix("/if/"));
        assertThat(StatsPattern.regexFind("x").kind()).isEqualTo(StatsPattern.Kind.REGEX_FIND);
    }
}
