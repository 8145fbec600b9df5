package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatValue;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsDirectory;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.mock.stats.MockStatsSegment;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Names are the identity, indices only a cache: a reused slot never returns another counter's value. */
class SlotReuseTest {
    private static final long LOOP1 = 0x1111L << 32;
    private static final long LOOP2 = 0x2222L << 32;
    @TempDir
    Path dir;

    @Test
    void preparedDirectoryDropsNamesWhoseSlotsWereReused() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        MockStatsSegment s = m.segment();
        int sw1 = m.addInterface("loop1", LOOP1);
        try (StatsClient c = StatsFixture.client(m)) {
            StatsDirectory old = c.prepare(StatsPattern.prefix("/interfaces/loop1/"));
            StatsDirectory exact = c.prepare(StatsPattern.exact("/interfaces/loop1/rx"));
            assertThat(old.read()).hasSize(17).allSatisfy(e -> assertAllValues(e, LOOP1));
            Set<Integer> loop1Slots = indices(old.read());

            m.deleteInterface(sw1);
            int sw2 = m.addInterface("loop2", LOOP2);
            assertThat(sw2).as("sw_if_index reused").isEqualTo(sw1);
            Set<Integer> loop2Slots = new HashSet<>();
            for (String n : c.listStats(StatsPattern.prefix("/interfaces/loop2/"))) {
                loop2Slots.add(s.indexOf(n));
            }
            assertThat(loop2Slots).as("directory slots reused").isEqualTo(loop1Slots);

            assertThat(old.read()).isEmpty();
            assertThat(exact.read()).isEmpty();
            assertThat(old.resolutions()).isEqualTo(2);
            assertThat(c.prepare(StatsPattern.prefix("/interfaces/loop2/")).read()).hasSize(17)
                    .allSatisfy(e -> assertAllValues(e, LOOP2));
        }
    }

    @Test
    void aNameChangedWithoutAnEpochBumpIsNotTrusted() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        MockStatsSegment s = m.segment();
        s.addGauge("/t/a", 1);
        try (StatsClient c = StatsFixture.client(m)) {
            StatsDirectory d = c.prepare(StatsPattern.exact("/t/a"));
            assertThat(d.read()).singleElement().extracting(StatEntry::scalar).isEqualTo(1L);
            long epoch = s.epoch();
            synchronized (s) {
                s.writer().poke(s.entryOffset("/t/a") + 16, 0x7a2f742fL); // "/t/z\0..." in place, as VPP's unlocked changes
                s.set("/t/a", 99);
            }
            assertThat(s.epoch()).isEqualTo(epoch);
            assertThat(d.read()).isEmpty();
            assertThat(c.dumpStats(StatsPattern.exact("/t/z"))).singleElement().extracting(StatEntry::scalar)
                    .isEqualTo(99L);
        }
    }

    @Test
    void preparedDirectoryIsCheapWhileTheDirectoryIsUnchanged() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        int sw = m.addInterface("loop1");
        try (StatsClient c = StatsFixture.client(m)) {
            StatsDirectory d = c.prepare(StatsPattern.prefix("/interfaces/loop1/"));
            for (int i = 1; i <= 10; i++) {
                m.addTraffic(sw, 0, "rx", 1, 100);
                CombinedCounters rx = (CombinedCounters) d.read().get(0).value();
                assertThat(rx.sumPackets(0)).isEqualTo(i);
            }
            assertThat(d.resolutions()).isEqualTo(1);
            m.addInterface("loop2");
            assertThat(d.read()).hasSize(17);
            assertThat(d.resolutions()).isEqualTo(2);
        }
    }

    private static Set<Integer> indices(List<StatEntry> l) {
        Set<Integer> r = new HashSet<>();
        l.forEach(e -> r.add(e.index()));
        return r;
    }

    static void assertAllValues(StatEntry e, long expected) {
        StatValue v = e.value();
        if (v instanceof SimpleCounters) {
            SimpleCounters sc = (SimpleCounters) v;
            for (int t = 0; t < sc.threads(); t++) {
                assertThat(sc.get(t, 0)).as(e.name()).isEqualTo(expected);
            }
        } else {
            CombinedCounters cc = (CombinedCounters) v;
            for (int t = 0; t < cc.threads(); t++) {
                assertThat(cc.packets(t, 0)).as(e.name()).isEqualTo(expected);
                assertThat(cc.bytes(t, 0)).as(e.name()).isEqualTo(expected);
            }
        }
    }
}
