package io.jvppmux.impl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTable;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.impl.JvppMux;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A control plane's route programming at scale, for tests against mock-vpp and a real VPP alike: {@code n} IPv4
 * routes 20.H.L.0/24 (H.L = 0 .. n-1, so at most 65,536) via 10.0.0.2 on one interface, sent pipelined from
 * several threads on a channel each ({@link Pipelined}), and the check that a dump of table 0 holds each of them
 * exactly once.
 */
public final class RouteTraffic {
    /** The next hop of every route. */
    public static final byte[] NEXT_HOP = {10, 0, 0, 2};

    private RouteTraffic() {
    }

    /** Adds ({@code add}) or deletes the {@code n} routes via {@code swIfIndex}; every reply must have retval 0. */
    public static void send(JvppMux mux, int n, long swIfIndex, boolean add) throws Exception {
        if (n < 1 || n > 1 << 16) {
            throw new IllegalArgumentException("route count " + n + ": 1..65,536 (20.0.0.0/24 .. 20.255.255.0/24)");
        }
        List<IpRouteAddDel> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FibPath path = new FibPath().swIfIndex(swIfIndex).weight(1).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                    .proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                    .nh(new FibPathNh().address(new AddressUnion().ip4(new Ip4Address(NEXT_HOP))));
            IpRoute route = new IpRoute().tableId(0).prefix(ip4(new byte[] {20, (byte) (i >> 8), (byte) i, 0}, 24))
                    .paths(List.of(path));
            requests.add(new IpRouteAddDel().isAdd(add).route(route));
        }
        Pipelined.send(mux, requests);
    }

    /** Table 0's IPv4 routes. */
    public static List<IpRouteDetails> dump(ApiChannel ch) {
        return ch.dump(new IpRouteDump().table(new IpTable().tableId(0).isIp6(false)));
    }

    /**
     * Checks that {@code dumped} holds each of the {@code n} routes exactly once, with one path over {@code swIfIndex}
     * via {@link #NEXT_HOP}; other routes (VPP's own) are ignored.
     */
    public static void assertHoldsAll(List<IpRouteDetails> dumped, int n, long swIfIndex) {
        Set<Integer> ours = new HashSet<>();
        for (IpRouteDetails d : dumped) {
            IpRoute r = d.route();
            byte[] a = r.prefix().address().un().ip4().bytes();
            if (a[0] != 20 || r.prefix().len() != 24) {
                continue;
            }
            assertThat(r.paths()).as("paths of %s", r.prefix()).hasSize(1);
            FibPath p = r.paths().get(0);
            assertThat(p.swIfIndex()).as("interface of %s", r.prefix()).isEqualTo(swIfIndex);
            assertThat(p.nh().address().ip4().bytes()).as("next hop of %s", r.prefix()).isEqualTo(NEXT_HOP);
            assertThat(ours.add((a[1] & 0xFF) << 8 | a[2] & 0xFF)).as("%s dumped once", r.prefix()).isTrue();
        }
        assertThat(ours).as("our routes in the dump").hasSize(n).containsAll(IntStream.range(0, n).boxed().toList());
    }

    /** Whether a dump still holds any of the routes. */
    public static boolean holdsAny(List<IpRouteDetails> dumped) {
        return dumped.stream().anyMatch(d -> d.route().prefix().address().un().ip4().bytes()[0] == 20);
    }

    /** An IPv4 prefix. */
    public static Prefix ip4(byte[] address, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().ip4(new Ip4Address(address)))).len(len);
    }
}
