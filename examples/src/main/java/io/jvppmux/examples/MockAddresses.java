package io.jvppmux.examples;

import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddressReply;
import io.jvppmux.binapi.ip.IpAddressDetails;
import io.jvppmux.binapi.ip.IpAddressDump;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.mock.MockReply;
import io.jvppmux.mock.MockVpp;
import io.jvppmux.mock.ReceivedMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teaches a mock-vpp the two address messages the loopback programmer uses, which mock-vpp does not answer by
 * itself: {@code sw_interface_add_del_address} (kept per sw_if_index) and {@code ip_address_dump}. A VPP restart
 * forgets every address, as a real one does: call {@link #restart()} instead of the mock's own.
 */
public final class MockAddresses {
    private final MockVpp vpp;
    private final Map<Long, Set<Prefix>> byInterface = new ConcurrentHashMap<>();

    /** Installs the responders on {@code vpp}. */
    public MockAddresses(MockVpp vpp) {
        this.vpp = vpp;
        vpp.on(SwInterfaceAddDelAddress.DESCRIPTOR).respond(this::addDel);
        vpp.on(IpAddressDump.DESCRIPTOR).respond(this::dump);
    }

    /** The addresses of {@code swIfIndex} now. */
    public Set<Prefix> of(long swIfIndex) {
        Set<Prefix> set = byInterface.getOrDefault(swIfIndex, Set.of());
        synchronized (set) {
            return Set.copyOf(set);
        }
    }

    /** Restarts the mock and forgets every address. */
    public void restart() {
        byInterface.clear();
        vpp.restart();
    }

    private List<MockReply> addDel(ReceivedMessage r) {
        SwInterfaceAddDelAddress m = r.message(SwInterfaceAddDelAddress.class);
        Set<Prefix> set = byInterface.computeIfAbsent(m.swIfIndex(), k -> new LinkedHashSet<>());
        synchronized (set) {
            if (m.delAll()) {
                set.clear();
            } else if (m.isAdd()) {
                set.add(m.prefix());
            } else {
                set.remove(m.prefix());
            }
        }
        return List.of(MockReply.of(new SwInterfaceAddDelAddressReply().retval(0)));
    }

    private List<MockReply> dump(ReceivedMessage r) {
        IpAddressDump m = r.message(IpAddressDump.class);
        List<MockReply> out = new ArrayList<>();
        if (!m.isIpv6()) {
            for (Prefix p : of(m.swIfIndex())) {
                out.add(MockReply.of(new IpAddressDetails().swIfIndex(m.swIfIndex()).prefix(p)));
            }
        }
        return out;
    }
}
