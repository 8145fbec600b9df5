package io.jvppmux.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.stats.StatsClient;
import io.jvppmux.mock.stats.MockVppStats;
import io.jvppmux.stats.StatsClients;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** VppStatsMeters against mock-vpp's stats segment, read through a SimpleMeterRegistry. */
@Timeout(30)
class VppStatsMetersTest {
    @TempDir
    Path dir;

    private MockVppStats vpp;
    private StatsClient client;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private VppStatsMeters meters;
    private int eth;

    @BeforeEach
    void open() {
        vpp = MockVppStats.create(dir.resolve("stats.seg"), 2, true);
        eth = vpp.addInterface("GigabitEthernet0/8/0");
        vpp.addTraffic(eth, 0, "rx", 1200, 1_500_000);
        vpp.addTraffic(eth, 1, "rx", 800, 1_000_000);
        vpp.addTraffic(eth, 0, "tx", 1900, 2_400_000);
        vpp.count(eth, 1, "drops", 12);
        vpp.segment().set("/sys/vector_rate", 50);
        vpp.tick();
        client = StatsClients.openFile(vpp.segment().file());
        meters = new VppStatsMeters(client, Tags.of("vpp", "test"), Duration.ofHours(1), false);
        meters.bindTo(registry);
    }

    @AfterEach
    void close() {
        meters.close();
        client.close();
        vpp.close();
    }

    @Test
    void interfaceCountersAreTaggedWithTheInterfaceNameAndSummedOverThreads() {
        assertThat(counter("vpp.interface.rx.packets", "GigabitEthernet0/8/0")).isEqualTo(2000);
        assertThat(counter("vpp.interface.rx.bytes", "GigabitEthernet0/8/0")).isEqualTo(2_500_000);
        assertThat(counter("vpp.interface.tx.packets", "GigabitEthernet0/8/0")).isEqualTo(1900);
        assertThat(counter("vpp.interface.drops", "GigabitEthernet0/8/0")).isEqualTo(12);
        assertThat(counter("vpp.interface.rx.packets", "local0")).isZero();
        assertThat(registry.get("vpp.interface.rx.packets").tag("vpp", "test").meters()).hasSize(2);
        assertThat(registry.get("vpp.interface.rx.packets").meters()).as("one meter per interface").hasSize(2);
    }

    @Test
    void interfacesCreatedAndDeletedLaterGainAndLoseTheirMeters() {
        int loop = vpp.addInterface("loop0");
        vpp.addTraffic(loop, 1, "tx", 3, 180);
        assertThat(registry.find("vpp.interface.tx.packets").tag("interface", "loop0").functionCounter())
                .as("not before the next read").isNull();
        meters.refresh();
        assertThat(counter("vpp.interface.tx.packets", "loop0")).isEqualTo(3);
        vpp.deleteInterface(loop);
        meters.refresh();
        assertThat(registry.find("vpp.interface.tx.packets").tag("interface", "loop0").functionCounter()).isNull();
        assertThat(registry.find("vpp.interface.tx.packets").tag("interface", "deleted").functionCounter()).isNull();
        assertThat(counter("vpp.interface.tx.packets", "GigabitEthernet0/8/0")).isEqualTo(1900);
    }

    @Test
    void errorCountersAppearOnceNonZeroWithNodeAndReason() {
        int ttl = vpp.addError("ip4-input", "ip4 ttl <= 1");
        vpp.addError("null-node", "blackholed packets");
        meters.refresh();
        assertThat(registry.find("vpp.errors").functionCounters()).as("all zero so far").isEmpty();
        vpp.countError(ttl, 0, 12);
        vpp.countError(ttl, 1, 3);
        meters.refresh();
        assertThat(registry.get("vpp.errors").tags("node", "ip4-input", "reason", "ip4 ttl <= 1").functionCounter()
                .count()).isEqualTo(15);
        assertThat(registry.find("vpp.errors").tag("node", "null-node").functionCounter()).isNull();
    }

    @Test
    void allErrorsRegistersTheZeroOnesToo() {
        vpp.addError("null-node", "blackholed packets");
        try (VppStatsMeters all = new VppStatsMeters(client, Tags.empty(), Duration.ZERO, true)) {
            SimpleMeterRegistry r = new SimpleMeterRegistry();
            all.bindTo(r);
            assertThat(r.get("vpp.errors").tags("node", "null-node", "reason", "blackholed packets").functionCounter()
                    .count()).isZero();
        }
    }

    @Test
    void systemGaugesAndTheUpGaugeWhichFallsWhenTheSegmentCannotBeRead() {
        assertThat(registry.get("vpp.vector.rate").gauge().value()).isEqualTo(50);
        assertThat(registry.get("vpp.worker.threads").gauge().value()).isEqualTo(1);
        assertThat(registry.get("vpp.vector.rate.per.worker").meters()).isNotEmpty();
        assertThat(registry.get("vpp.stats.up").gauge().value()).isEqualTo(1);
        client.close();
        meters.refresh();
        assertThat(meters.up()).isFalse();
        assertThat(registry.get("vpp.stats.up").gauge().value()).isZero();
        assertThat(counter("vpp.interface.rx.packets", "GigabitEthernet0/8/0")).as("last value kept").isEqualTo(2000);
    }

    @Test
    void countersAboveTwoToTheSixtyThreeReadAsUnsigned() {
        vpp.count(eth, 0, "punt", -1L);
        meters.refresh();
        assertThat(counter("vpp.interface.punts", "GigabitEthernet0/8/0")).isEqualTo(0x1p64, org.assertj.core.data.Offset.offset(1e4));
    }

    private double counter(String name, String iface) {
        RequiredSearch s = registry.get(name).tag("interface", iface);
        return s.functionCounter().count();
    }
}
