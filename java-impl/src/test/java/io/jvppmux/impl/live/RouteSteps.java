package io.jvppmux.impl.live;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.ip.IpAddressDetails;
import io.jvppmux.binapi.ip.IpAddressDump;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTable;
import io.jvppmux.binapi.ip.IpTableAddDel;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.api.VppApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing part of {@link LiveDifferentialTest}'s scenario: IPv4 routes added, replaced, given a second path,
 * deleted (twice), in a table that does not exist and in one created for them, with bad arguments, and the
 * tables dumped between (VPP's own routes included), over interface 1 (the scenario's first loopback); then that
 * interface's addresses, and the routes they make while it is up.
 */
final class RouteSteps {
    private static final long VIA_IF = 1;
    private static final long NO_IF = 99_999;

    private RouteSteps() {
    }

    static List<LiveDifferentialTest.Step> scenario() {
        List<LiveDifferentialTest.Step> s = new ArrayList<>();
        s.add(step("ip_route_dump ip4 table 0, fresh", ch -> dump(ch, 0, false)));
        s.add(step("ip_route_dump ip6 table 0, fresh", ch -> dump(ch, 0, true)));
        s.add(step("ip_route_add_del add", ch -> route(ch, true, false, 0, "20.0.0.0", 24, path(VIA_IF, "10.0.0.2"))));
        s.add(step("ip_route_add_del add again, other next hop (replaces)",
                ch -> route(ch, true, false, 0, "20.0.0.0", 24, path(VIA_IF, "10.0.0.3"))));
        s.add(step("ip_route_add_del multipath add", ch -> route(ch, true, true, 0, "20.0.0.0", 24,
                path(VIA_IF, "10.0.0.4"))));
        s.add(step("ip_route_add_del add a /32 and a host bits prefix",
                ch -> route(ch, true, false, 0, "20.0.1.7", 32, path(VIA_IF, "10.0.0.2"))
                        + " | " + route(ch, true, false, 0, "20.0.2.9", 24, path(VIA_IF, "10.0.0.2"))));
        s.add(step("ip_route_dump ip4 table 0 with ours", ch -> dump(ch, 0, false)));
        s.add(step("ip_route_add_del multipath delete", ch -> route(ch, false, true, 0, "20.0.0.0", 24,
                path(VIA_IF, "10.0.0.4"))));
        s.add(step("ip_route_dump after the path's delete", ch -> dump(ch, 0, false)));
        s.add(step("ip_route_add_del delete", ch -> route(ch, false, false, 0, "20.0.0.0", 24)));
        s.add(step("ip_route_add_del delete again", ch -> route(ch, false, false, 0, "20.0.0.0", 24)));
        s.add(step("ip_route_add_del delete the others", ch -> route(ch, false, false, 0, "20.0.1.7", 32)
                + " | " + route(ch, false, false, 0, "20.0.2.0", 24)));
        s.add(step("ip_route_add_del unknown interface", ch -> route(ch, true, false, 0, "20.0.3.0", 24,
                path(NO_IF, "10.0.0.2"))));
        s.add(step("ip_route_add_del prefix length 33", ch -> route(ch, true, false, 0, "20.0.4.0", 33,
                path(VIA_IF, "10.0.0.2"))));
        s.add(step("ip_route_add_del table 7, not created", ch -> route(ch, true, false, 7, "20.0.5.0", 24,
                path(VIA_IF, "10.0.0.2"))));
        s.add(step("ip_route_dump table 7, not created", ch -> dump(ch, 7, false)));
        s.add(step("ip_table_add_del add 7", ch -> LiveDifferentialTest.call(ch, table(7, true))));
        s.add(step("ip_table_add_del add 7 again", ch -> LiveDifferentialTest.call(ch, table(7, true))));
        s.add(step("ip_route_add_del table 7", ch -> route(ch, true, false, 7, "20.0.5.0", 24,
                path(VIA_IF, "10.0.0.2"))));
        s.add(step("ip_route_dump table 7", ch -> dump(ch, 7, false)));
        s.add(step("ip_table_add_del delete 7", ch -> LiveDifferentialTest.call(ch, table(7, false))));
        s.add(step("ip_route_dump table 7, deleted", ch -> dump(ch, 7, false)));
        s.add(step("ip_table_add_del delete 7 again", ch -> LiveDifferentialTest.call(ch, table(7, false))));
        s.add(step("ip_route_dump ip4 table 0 at the end", ch -> dump(ch, 0, false)));
        s.add(step("ip_route_add_del ip6 add", ch -> route(ch, true, false, 0, "2001:db8:1::", 64,
                path(VIA_IF, "2001:db8::2"))));
        s.add(step("ip_route_add_del ip6 prefix length 129", ch -> route(ch, true, false, 0, "2001:db8:2::", 129,
                path(VIA_IF, "2001:db8::2"))));
        s.add(step("ip_route_dump ip6 table 0 with ours", ch -> dump(ch, 0, true)));
        s.add(step("ip_route_add_del ip6 delete", ch -> route(ch, false, false, 0, "2001:db8:1::", 64)));
        s.add(step("ip_route_dump ip6 table 0 at the end", ch -> dump(ch, 0, true)));
        s.add(step("sw_interface_add_del_address add", ch -> address(ch, VIA_IF, true, "10.9.0.1", 24)));
        s.add(step("sw_interface_add_del_address add again", ch -> address(ch, VIA_IF, true, "10.9.0.1", 24)));
        s.add(step("sw_interface_add_del_address add a second", ch -> address(ch, VIA_IF, true, "10.8.0.5", 16)));
        s.add(step("sw_interface_add_del_address add a /31 and a /32", ch -> address(ch, VIA_IF, true, "10.6.0.2", 31)
                + " | " + address(ch, VIA_IF, true, "10.5.0.9", 32)));
        s.add(step("sw_interface_add_del_address unknown interface", ch -> address(ch, NO_IF, true, "10.7.0.1", 24)));
        s.add(step("ip_address_dump", ch -> addresses(ch, VIA_IF)));
        s.add(step("ip_address_dump unknown interface", ch -> addresses(ch, NO_IF)));
        s.add(step("ip_route_dump ip4 table 0 with the addresses, interface down", ch -> dump(ch, 0, false)));
        s.add(step("sw_interface_set_flags up, with addresses", ch -> LiveDifferentialTest.call(ch,
                new SwInterfaceSetFlags().swIfIndex(VIA_IF).flagsValue(1))));
        s.add(step("ip_route_dump ip4 table 0 with the addresses, interface up", ch -> dump(ch, 0, false)));
        s.add(step("sw_interface_add_del_address add ip6, interface up", ch -> address(ch, VIA_IF, true,
                "2001:db8:5::1", 64) + " | " + address(ch, VIA_IF, true, "2001:db8:6::7", 128)));
        s.add(step("ip_address_dump ip6", ch -> addresses(ch, VIA_IF, true)));
        s.add(step("ip_route_dump ip6 table 0 with the addresses, interface up", ch -> dump(ch, 0, true)));
        s.add(step("sw_interface_set_flags down, with addresses", ch -> LiveDifferentialTest.call(ch,
                new SwInterfaceSetFlags().swIfIndex(VIA_IF).flagsValue(0))));
        s.add(step("ip_route_dump ip4 table 0 with the addresses, interface down again", ch -> dump(ch, 0, false)));
        s.add(step("sw_interface_add_del_address delete", ch -> address(ch, VIA_IF, false, "10.9.0.1", 24)));
        s.add(step("sw_interface_add_del_address delete again", ch -> address(ch, VIA_IF, false, "10.9.0.1", 24)));
        s.add(step("ip_address_dump after the delete", ch -> addresses(ch, VIA_IF)));
        s.add(step("sw_interface_add_del_address delete all", ch -> LiveDifferentialTest.call(ch,
                new SwInterfaceAddDelAddress().swIfIndex(VIA_IF).isAdd(false).delAll(true))));
        s.add(step("ip_address_dump after delete all", ch -> addresses(ch, VIA_IF)));
        s.add(step("ip_route_dump ip4 table 0 without addresses", ch -> dump(ch, 0, false)));
        return s;
    }

    private static LiveDifferentialTest.Step step(String name,
            java.util.function.Function<ApiChannel, String> run) {
        return new LiveDifferentialTest.Step(name, run);
    }

    private static String route(ApiChannel ch, boolean add, boolean multipath, long table, String ip, int len,
                                FibPath... paths) {
        IpRoute r = new IpRoute().tableId(table).prefix(prefix(ip, len)).paths(List.of(paths));
        return LiveDifferentialTest.call(ch, new IpRouteAddDel().isAdd(add).isMultipath(multipath).route(r));
    }

    private static String address(ApiChannel ch, long swIfIndex, boolean add, String ip, int len) {
        return LiveDifferentialTest.call(ch, new SwInterfaceAddDelAddress().swIfIndex(swIfIndex).isAdd(add)
                .prefix(prefix(ip, len)));
    }

    /** The interface's addresses of one family, as sw_if_index and prefix. */
    private static String addresses(ApiChannel ch, long swIfIndex) {
        return addresses(ch, swIfIndex, false);
    }

    private static String addresses(ApiChannel ch, long swIfIndex, boolean ip6) {
        List<String> out = new ArrayList<>();
        for (IpAddressDetails d : ch.dump(new IpAddressDump().swIfIndex(swIfIndex).isIpv6(ip6))) {
            out.add(d.swIfIndex() + ":" + text(d.prefix().address(), ip6) + "/" + d.prefix().len());
        }
        return "ip_address_details x" + out.size() + " " + out;
    }

    private static IpTableAddDel table(long id, boolean add) {
        return new IpTableAddDel().isAdd(add).table(new IpTable().tableId(id).isIp6(false));
    }

    /** A path over {@code swIfIndex} via {@code nextHop} (IPv4 or IPv6). */
    private static FibPath path(long swIfIndex, String nextHop) {
        byte[] nh = bytes(nextHop);
        return new FibPath().swIfIndex(swIfIndex).weight(1).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                .proto(nh.length == 16 ? FibPathNhProto.FIB_API_PATH_NH_PROTO_IP6 : FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                .nh(new FibPathNh().address(new AddressUnion().raw(nh)));
    }

    /** A prefix written "address/length" (the length may be beyond the address's, to be refused). */
    static Prefix prefix(String cidr) {
        int slash = cidr.indexOf('/');
        return prefix(cidr.substring(0, slash), Integer.parseInt(cidr.substring(slash + 1)));
    }

    private static Prefix prefix(String ip, int len) {
        byte[] a = bytes(ip);
        return new Prefix().address(new Address().af(a.length == 16 ? AddressFamily.ADDRESS_IP6 : AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().raw(a))).len(len);
    }

    /** The routes of a table, each as prefix and paths (type, interface, next hop, weight, preference). */
    private static String dump(ApiChannel ch, long table, boolean ip6) {
        List<String> routes = new ArrayList<>();
        try {
            for (IpRouteDetails d : ch.dump(new IpRouteDump().table(new IpTable().tableId(table).isIp6(ip6)))) {
                IpRoute r = d.route();
                StringBuilder b = new StringBuilder(text(r.prefix().address(), ip6) + "/" + r.prefix().len()
                        + " table " + r.tableId() + " paths " + r.nPaths());
                for (FibPath p : r.paths()) {
                    b.append(" [").append(p.type()).append(" if ").append(p.swIfIndex()).append(" nh ")
                            .append(text(ip6 ? p.nh().address().ip6().bytes() : p.nh().address().ip4().bytes()))
                            .append(" w ")
                            .append(p.weight()).append(" pref ").append(p.preference()).append(" proto ")
                            .append(p.proto()).append(" flags ").append(p.flagsValue()).append(']');
                }
                routes.add(b.toString());
            }
        } catch (VppApiException e) {
            return e.messageName() + " retval " + e.retval();
        }
        routes.sort(null);                                  // VPP walks its table in an order of its own
        return "ip_route_details x" + routes.size() + " " + routes;
    }

    private static String text(Address a, boolean ip6) {
        return ip6 ? text(a.un().ip6().bytes()) : text(a.un().ip4().bytes());
    }

    private static String text(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static byte[] bytes(String ip) {
        try {
            return InetAddress.getByName(ip).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
