package io.jvppmux.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.BufferPool;
import io.jvppmux.api.stats.ErrorCounter;
import io.jvppmux.api.stats.InterfaceCounters;
import io.jvppmux.api.stats.MemoryCounters;
import io.jvppmux.api.stats.NodeCounters;
import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.api.stats.SystemStats;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed views read what VPP stores, gauges included, by thread and summed, unsigned. */
class ViewsTest {
    @TempDir
    Path dir;

    @Test
    void systemStatsReadGaugesAndScalarsAlike() {
        MockVppStats m = StatsFixture.mock(dir, 3);
        m.segment().set("/sys/vector_rate", 123);
        m.segment().set("/sys/input_rate", 456);
        m.segment().setSimple("/sys/vector_rate_per_worker", 0, 2, 77);
        m.tick();
        m.tick();
        try (StatsClient c = StatsFixture.client(m)) {
            SystemStats s = c.systemStats();
            assertThat(s.vectorRate()).isEqualTo(123);
            assertThat(s.inputRate()).isEqualTo(456);
            assertThat(s.numWorkerThreads()).isEqualTo(2);
            assertThat(s.heartbeat()).isEqualTo(2);
            assertThat(s.lastUpdate()).isEqualTo(2);
            assertThat(s.bootTime()).isEqualTo(1_795_509_951L);
            assertThat(s.vectorRatePerWorker().toArray()).containsExactly(0, 0, 77, 0);
        }
    }

    @Test
    void interfaceStatsByThreadAndSummedUnsigned() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        int sw = m.addInterface("tap0");
        m.addTraffic(sw, 0, "rx", 3, 300);
        m.addTraffic(sw, 1, "rx", 4, 400);
        m.addTraffic(sw, 1, "tx-broadcast", 1, 60);
        m.count(sw, 0, "drops", Long.MIN_VALUE); // 2^63: must not read negative
        m.count(sw, 1, "drops", 5);
        try (StatsClient c = StatsFixture.client(m)) {
            List<InterfaceCounters> l = c.interfaceStats();
            assertThat(l).extracting(InterfaceCounters::name).containsExactly("local0", "tap0");
            InterfaceCounters t = l.get(1);
            assertThat(t.swIfIndex()).isEqualTo(sw);
            assertThat(t.rx().packets().toArray()).containsExactly(3, 4);
            assertThat(t.rx().sumPackets()).isEqualTo(7);
            assertThat(t.rx().sumBytes()).isEqualTo(700);
            assertThat(t.txBroadcast().sumBytes()).isEqualTo(60);
            assertThat(t.drops().toString()).isEqualTo("9223372036854775813");
            m.deleteInterface(sw);
            assertThat(c.interfaceStats()).extracting(InterfaceCounters::name).containsExactly("local0", "deleted");
        }
    }

    @Test
    void countersGoBackwardsAfterClear() {
        MockVppStats m = StatsFixture.mock(dir, 1);
        m.addTraffic(0, 0, "rx", 10, 1000);
        try (StatsClient c = StatsFixture.client(m)) {
            assertThat(c.interfaceStats().get(0).rx().sumPackets()).isEqualTo(10);
            m.clearInterfaces();
            assertThat(c.interfaceStats().get(0).rx().sumPackets()).isZero();
        }
    }

    @Test
    void errorsBuffersMemoryAndNodes() {
        MockVppStats m = StatsFixture.mock(dir, 2);
        int e = m.addError("ip4-input", "ip4 ttl <= 1");
        m.countError(e, 1, 42);
        int n = m.addNode("ip4-lookup");
        m.setNode(n, 0, 1000, 20, 10, 0);
        m.setNode(n, 1, 500, 5, 2, 1);
        m.addBufferPool("default-numa-1", 1, 2, 3);
        try (StatsClient c = StatsFixture.client(m)) {
            assertThat(c.errorStats()).singleElement().satisfies(x -> {
                assertThat(x.node()).isEqualTo("ip4-input");
                assertThat(x.reason()).isEqualTo("ip4 ttl <= 1");
                assertThat(x.values().toArray()).containsExactly(0, 42);
            });
            assertThat(c.bufferStats()).extracting(BufferPool::name).containsExactly("default-numa-0", "default-numa-1");
            assertThat(c.bufferStats().get(0).available()).isEqualTo(16383);
            assertThat(c.bufferStats().get(1)).isEqualTo(new BufferPool("default-numa-1", 1, 2, 3));
            List<MemoryCounters> mem = c.memoryStats();
            assertThat(mem).extracting(MemoryCounters::heap).containsExactly("main heap", "stat segment");
            assertThat(mem.get(0).used()).isEqualTo(100 << 20);
            assertThat(mem.get(0).freeChunks()).isEqualTo(42);
            NodeCounters node = c.nodeStats().get(0);
            assertThat(node.name()).isEqualTo("ip4-lookup");
            assertThat(node.clocks().sum()).isEqualTo(1500);
            assertThat(node.suspends().toArray()).containsExactly(0, 1);
            assertThat(c.errorStats()).extracting(ErrorCounter::name).containsExactly("/err/ip4-input/ip4 ttl <= 1");
        }
    }
}
