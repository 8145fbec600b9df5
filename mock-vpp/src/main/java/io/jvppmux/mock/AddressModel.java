package io.jvppmux.mock;

import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Ip6Address;
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
                if (RouteModel.isIp6(p) != isIp6) {
                    continue;
                }
                if (isIp6) {
                    connected6(i.swIfIndex(), p, out);
                } else {
                    connected(i.swIfIndex(), p, out);
                }
            }
        }
        return out;
    }

    /** IPv6: the subnet with its host bits cleared (over the interface) unless a /128, and the address /128 (local). */
    private static void connected6(long swIfIndex, Prefix p, List<IpRoute> out) {
        byte[] a = p.address().un().ip6().bytes();
        if (p.len() < 128) {
            byte[] net = a.clone();
            for (int i = 0; i < 16; i++) {
                int keep = Math.max(0, Math.min(8, p.len() - 8 * i));
                net[i] = (byte) (net[i] & (0xFF << (8 - keep)));
            }
            out.add(route6(v6(net, p.len()), new FibPath().swIfIndex(swIfIndex).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)));
        }
        out.add(route6(v6(a, 128), new FibPath().swIfIndex(swIfIndex).type(FibPathType.FIB_API_PATH_TYPE_LOCAL)
                .nh(new FibPathNh().address(new AddressUnion().ip6(new Ip6Address(a))))));
    }

    private static IpRoute route6(Prefix p, FibPath path) {
        return new IpRoute().tableId(0).prefix(p)
                .paths(List.of(path.weight(1).proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP6)));
    }

    private static Prefix v6(byte[] a, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP6)
                .un(new AddressUnion().ip6(new Ip6Address(a)))).len(len);
    }

    private static void connected(long swIfIndex, Prefix p, List<IpRoute> out) {
        byte[] a = p.address().un().ip4().bytes();
        int len = p.len();
        int ip = (a[0] & 0xFF) << 24 | (a[1] & 0xFF) << 16 | (a[2] & 0xFF) << 8 | a[3] & 0xFF;
        int mask = len == 0 ? 0 : -1 << (32 - len);
        if (len < 32) {
            out.add(route(p, new FibPath().swIfIndex(swIfIndex).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)));
        }
        out.add(route(v4(ip, 32), new FibPath().swIfIndex(swIfIndex).type(FibPathType.FIB_API_PATH_TYPE_LOCAL)
                .nh(new FibPathNh().address(new AddressUnion().ip4(new Ip4Address(a))))));
        if (len == 31) {                                    // the other end of a point-to-point link
            out.add(route(v4(ip ^ 1, 32), new FibPath().swIfIndex(swIfIndex).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                    .nh(new FibPathNh().address(new AddressUnion().ip4(new Ip4Address(v4bytes(ip ^ 1)))))));
        }
        if (len < 31) {
            FibPath drop = new FibPath().swIfIndex(RouteModel.NO_INTERFACE).type(FibPathType.FIB_API_PATH_TYPE_DROP);
            out.add(route(v4(ip & mask, 32), drop));
            out.add(route(v4(ip | ~mask, 32), drop));
        }
    }

    private static IpRoute route(Prefix p, FibPath path) {
        return new IpRoute().tableId(0).prefix(p)
                .paths(List.of(path.weight(1).proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)));
    }

    private static byte[] v4bytes(int ip) {
        return new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip};
    }

    private static Prefix v4(int ip, int len) {
        byte[] b = v4bytes(ip);
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().ip4(new Ip4Address(b)))).len(len);
    }
}
