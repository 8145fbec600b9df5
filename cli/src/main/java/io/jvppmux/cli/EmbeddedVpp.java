package io.jvppmux.cli;

import io.jvppmux.mock.MockInterface;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.stats.MockVppStats;
import java.nio.file.Path;
import java.util.List;

/**
 * The VPP every command talks to when no live VPP is named: a mock-vpp with the same interfaces on its API face
 * ({@code sw_interface_dump}, events) and on its stats face ({@code /if/names} and counters), so that
 * {@code interfaces} and {@code stats} tell one story: local0, an Ethernet port up with traffic, a loopback.
 */
final class EmbeddedVpp {
    /** The interfaces of both faces, by sw_if_index (local0 is mock-vpp's own). */
    static final List<MockInterface> INTERFACES = List.of(
            MockInterface.local0(),
            new MockInterface(1, "GigabitEthernet0/8/0", new byte[] {2, (byte) 0xfe, 0, 0, 8, 0}, true, true, 9000,
                    "virtio", 1),
            MockInterface.loopback(2, 0, new byte[] {(byte) 0xde, (byte) 0xad, 0, 0, 0, 0}));

    private EmbeddedVpp() {
    }

    /** The API face: a started mock-vpp holding {@link #INTERFACES}. */
    static MockVpp startApi() {
        MockVpp vpp = MockVpp.start();
        INTERFACES.stream().filter(i -> i.swIfIndex() != 0).forEach(vpp::putInterface);
        return vpp;
    }

    /** The stats face: a segment at {@code file} with {@link #INTERFACES}, traffic on two threads, errors, a node. */
    static MockVppStats stats(Path file) {
        MockVppStats m = MockVppStats.create(file, 2, true);
        for (MockInterface i : INTERFACES.subList(1, INTERFACES.size())) {
            int index = m.addInterface(i.name());
            if (index != i.swIfIndex()) {
                throw new IllegalStateException("the stats face numbered " + i.name() + " " + index + ", the API face "
                        + i.swIfIndex());
            }
        }
        int eth = 1;
        int loop = 2;
        m.addTraffic(eth, 0, "rx", 1200, 1_500_000);
        m.addTraffic(eth, 1, "rx", 800, 1_000_000);
        m.addTraffic(eth, 0, "tx", 1900, 2_400_000);
        m.addTraffic(loop, 1, "tx", 3, 180);
        m.count(eth, 1, "drops", 12);
        m.count(eth, 0, "ip4", 2000);
        int err = m.addError("ip4-input", "ip4 ttl <= 1");
        m.countError(err, 0, 12);
        m.addError("null-node", "blackholed packets");
        int node = m.addNode("ip4-lookup");
        m.setNode(node, 0, 52_000, 2000, 40, 0);
        m.segment().set("/sys/vector_rate", 50);
        m.tick();
        return m;
    }
}
