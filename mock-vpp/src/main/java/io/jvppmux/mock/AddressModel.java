package io.jvppmux.mock;

import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IP addresses of mock-vpp's interfaces (engine thread only), and the routes VPP makes of an address while its
 * interface is admin up, in table 0 of its family (measured on VPP 26.10). IPv4, up to /30: the subnet as the
 * address was given (one path over the interface, no next hop), the address itself (/32, a local path) and the
 * subnet's first and last addresses (/32, dropping); a /31 gets the subnet, the local route and one to the other
 * address of the pair (over the interface, via it); a /32 the local route only. IPv6: the subnet with its host bits
 * cleared (unlike IPv4) unless a /128, and the address /128 (local).
 */
final class AddressModel {
    private final Map<Long, List<Prefix>> byInterface = new HashMap<>();

    /** The interface's addresses in the order they were added. */
    List<Prefix> of(long swIfIndex) {
        return byInterface.getOrDefault(swIfIndex, List.of());
    }

    /** Adds {@code p} unless the interface has it already; false when it does. */
    boolean add(long swIfIndex, Prefix p) {
        List<Prefix> list = byInterface.computeIfAbsent(swIfIndex, i -> new ArrayList<>());
        if (list.stream().anyMatch(q -> q.equals(p))) {
            return false;
        }
        list.add(p);
        return true;
    }

    /** Removes {@code p}; false when the interface does not have it. */
    boolean delete(long swIfIndex, Prefix p) {
        List<Prefix> list = byInterface.get(swIfIndex);
        return list != null && list.remove(p);
    }

    /** Forgets every address of the interface (a delete_all, or the interface deleted). */
    void deleteAll(long swIfIndex) {
        byInterface.remove(swIfIndex);
    }

    /** The routes VPP derives from the addresses of one family of {@code up}, the interfaces that are admin up. */
    List<IpRoute> connectedRoutes(List<MockInterface> up, boolean isIp6) {
        List<IpRoute> out = new ArrayList<>();
        for (MockInterface i : up) {
            for (Prefix p : of(i.swIfIndex())) {
                if (RouteModel.isIp6(p) == isIp6) {
                    connected(i.swIfIndex(), p, out);
                }
            }
        }
        return out;
    }

    /** The routes of one address of interface {@code swIfIndex} (see the class comment). */
    private static void connected(long swIfIndex, Prefix p, List<IpRoute> out) {
        byte[] a = RouteModel.address(p);
        int len = p.len();
        int bits = a.length * 8;
        byte[] none = new byte[a.length];
        if (len < bits) {
            Prefix subnet = a.length == 16 ? RouteModel.prefix(RouteModel.masked(a, len), len) : p;
            out.add(RouteModel.route(0, subnet, FibPathType.FIB_API_PATH_TYPE_NORMAL, swIfIndex, none));
        }
        out.add(RouteModel.route(0, RouteModel.prefix(a, bits), FibPathType.FIB_API_PATH_TYPE_LOCAL, swIfIndex, a));
        if (a.length == 16) {
            return;
        }
        if (len == 31) {                                    // the other end of a point-to-point link
            byte[] peer = a.clone();
            peer[3] ^= 1;
            out.add(RouteModel.route(0, RouteModel.prefix(peer, 32), FibPathType.FIB_API_PATH_TYPE_NORMAL, swIfIndex,
                    peer));
        }
        if (len < 31) {
            byte[] first = RouteModel.masked(a, len);
            byte[] netmask = RouteModel.masked(new byte[] {-1, -1, -1, -1}, len);
            byte[] last = new byte[4];
            for (int i = 0; i < 4; i++) {
                last[i] = (byte) (first[i] | ~netmask[i]);
            }
            for (byte[] edge : new byte[][] {first, last}) {
                out.add(RouteModel.route(0, RouteModel.prefix(edge, 32), FibPathType.FIB_API_PATH_TYPE_DROP,
                        RouteModel.NO_INTERFACE, none));
            }
        }
    }
}
