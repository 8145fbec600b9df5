package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.stats.CombinedCounters;
import io.jvppmux.api.stats.HistogramLog2;
import io.jvppmux.api.stats.NameVector;
import io.jvppmux.api.stats.RingBufferValue;
import io.jvppmux.api.stats.SimpleCounters;
import io.jvppmux.api.stats.StatEntry;
import io.jvppmux.api.stats.StatType;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.StatsFormatException;
import io.jvppmux.api.stats.StatsPattern;
import io.jvppmux.api.stats.StatsUnavailableException;
import io.jvppmux.mock.stats.MockStatsSegment;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every value type of docs/PROTOCOL.md 8.6 read from a segment with VPP's layout, and the header checks. */
class SegmentParsingTest {
    @TempDir
    Path dir;

    private static StatEntry one(StatsClient c, String name) {
        List<StatEntry> l = c.dumpStats(StatsPattern.exact(name));
        assertThat(l).as(name).hasSize(1);
        return l.get(0);
    }

    @Test
    void scalarsAndGaugesAreUnsigned64Bit() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        m.segment().addScalar("/t/scalar", -16L); // 2^64 - 16
        m.segment().addGauge("/t/gauge", 7);
        try (StatsClient c = StatsFixture.client(m)) {
            StatEntry s = one(c, "/t/scalar");
            assertThat(s.type()).isEqualTo(StatType.SCALAR_INDEX);
            assertThat(s.value().toString()).isEqualTo("18446744073709551600");
            assertThat(one(c, "/t/gauge").type()).isEqualTo(StatType.GAUGE);
            assertThat(one(c, "/t/gauge").scalar()).isEqualTo(7);
            assertThat(one(c, "/sys/heartbeat").index()).isZero();
        }
    }

    @Test
    void simpleAndCombinedVectorsKeepThreadByIndex() {
        MockVppStats m = StatsFixture.mock(dir, 3);
        MockStatsSegment s = m.segment();
        s.addSimple("/t/simple", 4);
        s.addCombined("/t/combined", 2);
        s.setSimple("/t/simple", 2, 3, 23);
        s.setSimple("/t/simple", 0, 1, 1);
        s.setCombined("/t/combined", 1, 1, 11, 1100);
        try (StatsClient c = StatsFixture.client(m)) {
            SimpleCounters sc = (SimpleCounters) one(c, "/t/simple").value();
            assertThat(sc.threads()).isEqualTo(3);
            assertThat(sc.row(2)).containsExactly(0, 0, 0, 23);
            assertThat(sc.row(0)).containsExactly(0, 1, 0, 0);
            CombinedCounters cc = (CombinedCounters) one(c, "/t/combined").value();
            assertThat(cc.packets(1, 1)).isEqualTo(11);
            assertThat(cc.bytes(1, 1)).isEqualTo(1100);
            assertThat(cc.sumBytes(1)).isEqualTo(1100);
            assertThat(cc.length(0)).isEqualTo(2);
        }
    }

    @Test
    void nameVectorKeepsNullSlotsInPlace() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        m.segment().addNameVector("/t/names");
        m.segment().setName("/t/names", 0, "zero");
        m.segment().setName("/t/names", 3, "three");
        try (StatsClient c = StatsFixture.client(m)) {
            NameVector n = (NameVector) one(c, "/t/names").value();
            assertThat(n.names()).containsExactly("zero", null, null, "three");
        }
    }

    @Test
    void symlinksResolveToTheirTargetColumnOnEveryThread() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        int sw = m.addInterface("eth0/1");
        m.addTraffic(sw, 0, "rx", 5, 500);
        m.addTraffic(sw, 1, "rx", 7, 700);
        try (StatsClient c = StatsFixture.client(m)) {
            StatEntry e = one(c, "/interfaces/eth0_1/rx");
            assertThat(e.symlink()).isTrue();
            assertThat(e.symlinkTarget()).isEqualTo("/if/rx");
            assertThat(e.symlinkColumn()).isEqualTo(sw);
            assertThat(e.type()).isEqualTo(StatType.COUNTER_VECTOR_COMBINED);
            CombinedCounters cc = (CombinedCounters) e.value();
            assertThat(cc.packetsPerThread(0)).containsExactly(5, 7);
            assertThat(cc.sumBytes(0)).isEqualTo(1200);
        }
    }

    @Test
    void histogramAndRingBuffer() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        MockStatsSegment s = m.segment();
        s.addHistogram("/t/hist", 3, 4);
        s.setSimple("/t/hist", 1, 2, 9); // thread 1, VPP bin 2 = count 1
        s.addRingBuffer("/t/ring", 8, 4, 5, "schema".getBytes(StandardCharsets.US_ASCII));
        s.pushRing("/t/ring", 1, new byte[] {1, 2, 3});
        s.pushRing("/t/ring", 1, new byte[] {4});
        try (StatsClient c = StatsFixture.client(m)) {
            HistogramLog2 h = (HistogramLog2) one(c, "/t/hist").value();
            assertThat(h.minExp(1)).isEqualTo(3);
            assertThat(h.counts(1)).containsExactly(0, 9, 0, 0);
            RingBufferValue r = (RingBufferValue) one(c, "/t/ring").value();
            assertThat(r.entrySize()).isEqualTo(8);
            assertThat(r.ringSize()).isEqualTo(4);
            assertThat(r.schemaVersion()).isEqualTo(5);
            RingBufferValue.Ring t1 = r.threads().get(1);
            assertThat(t1.head()).isEqualTo(2);
            assertThat(t1.sequence()).isEqualTo(2);
            assertThat(new String(t1.schema(), StandardCharsets.US_ASCII)).isEqualTo("schema");
            assertThat(t1.data()).startsWith(1, 2, 3, 0, 0, 0, 0, 0, 4);
            assertThat(r.threads().get(0).sequence()).isZero();
        }
    }

    @Test
    void emptySlotsInTheMiddleAreSkippedNotTruncating() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        MockStatsSegment s = m.segment();
        for (int i = 0; i < 5; i++) {
            s.addGauge("/t/g" + i, i);
        }
        s.remove("/t/g1");
        s.remove("/t/g2");
        try (StatsClient c = StatsFixture.client(m)) {
            assertThat(c.listStats(StatsPattern.prefix("/t/"))).containsExactly("/t/g0", "/t/g3", "/t/g4");
            List<String> all = c.listStats(StatsPattern.all());
            assertThat(all).doesNotContain("").contains("/t/g4", "/if/names");
            assertThat(c.dumpStats(StatsPattern.all())).extracting(StatEntry::name).isEqualTo(all);
        }
    }

    @Test
    void refusesOtherVersionsAndTheLegacyLayout() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        m.segment().writer().poke(0, 1);
        assertThatThrownBy(() -> StatsFixture.client(m)).isInstanceOf(StatsFormatException.class)
                .hasMessageContaining("version 1 unsupported");
        m.segment().writer().poke(0, 2);
        m.segment().writer().poke(40, 0x7f51e25a6000L);
        assertThatThrownBy(() -> StatsFixture.client(m)).isInstanceOf(StatsFormatException.class)
                .hasMessageContaining("legacy");
    }

    @Test
    void aMissingFileIsOneClearLine() {
        assertThatThrownBy(() -> StatsClients.openFile(dir.resolve("nope")))
                .isInstanceOf(StatsUnavailableException.class).hasMessageContaining("no stats segment file at");
    }
}
