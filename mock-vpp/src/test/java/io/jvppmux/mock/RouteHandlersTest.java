package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopbackReply;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddressReply;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlagsReply;
import io.jvppmux.binapi.ip.IpAddressDetails;
import io.jvppmux.binapi.ip.IpAddressDump;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip.IpRouteAddDelReply;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTable;
import io.jvppmux.binapi.ip.IpTableAddDel;
import io.jvppmux.binapi.ip.IpTableAddDelReply;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mock-vpp's routing tables and interface addresses through its in-process face: what VPP 26.10 answers (the live differential test checks it). */
class RouteHandlersTest {
    private int context = 100;

    @Test
    void routesAreAddedReplacedGivenPathsDumpedAndDeletedAsInVpp() throws Exception {
        try (MockVpp vpp = MockVpp.start(); InProcessClient c = new InProcessClient(vpp)) {
            c.send(new CreateLoopback(), 1);
            assertThat(c.expect(new CreateLoopbackReply()).swIfIndex()).isEqualTo(1);
            assertThat(dump(c, 0)).containsExactly("0.0.0.0/0 DROP", "240.0.0.0/4 DROP", "224.0.0.0/4 DROP",
                    "0.0.0.0/32 DROP", "255.255.255.255/32 DROP");

            assertThat(route(c, true, false, 0, ip(20, 0, 2, 9), 24, path(1, 2))).isZero();
            assertThat(route(c, true, false, 0, ip(20, 0, 2, 0), 24, path(1, 3))).as("same prefix: replaces").isZero();
            assertThat(route(c, true, true, 0, ip(20, 0, 2, 0), 24, path(1, 4))).as("multipath: adds").isZero();
            assertThat(route(c, true, true, 0, ip(20, 0, 2, 0), 24, path(1, 4))).as("a path it has").isZero();
            assertThat(dump(c, 0)).hasSize(6).contains("20.0.2.9/24 NORMAL if 1 via .3 NORMAL if 1 via .4");

            assertThat(route(c, false, true, 0, ip(20, 0, 2, 0), 24, path(1, 3))).isZero();
            assertThat(dump(c, 0)).contains("20.0.2.9/24 NORMAL if 1 via .4");
            assertThat(route(c, false, true, 0, ip(20, 0, 2, 0), 24, path(1, 4))).as("its last path").isZero();
            assertThat(dump(c, 0)).hasSize(5);
            assertThat(route(c, false, false, 0, ip(20, 0, 2, 0), 24)).as("deleting what is not there").isZero();

            assertThat(route(c, true, false, 0, ip(20, 0, 3, 0), 24, path(99, 2))).as("no such interface").isEqualTo(-54);
            assertThat(route(c, true, false, 0, ip(20, 0, 3, 0), 33, path(1, 2))).as("prefix too long").isEqualTo(-171);
            assertThat(route(c, true, false, 7, ip(20, 0, 3, 0), 24, path(1, 2))).as("no table 7").isEqualTo(-3);
            assertThat(dump(c, 7)).isEmpty();

            assertThat(table(c, 7, true)).isZero();
            assertThat(route(c, true, false, 7, ip(20, 0, 3, 0), 24, path(1, 2))).isZero();
            assertThat(dump(c, 7)).hasSize(6).contains("20.0.3.0/24 NORMAL if 1 via .2");
            assertThat(dump(c, 0)).hasSize(5);
            assertThat(table(c, 7, false)).isZero();
            assertThat(dump(c, 7)).isEmpty();
            assertThat(table(c, 7, false)).as("deleting it again").isZero();
            assertThat(table(c, 0, false)).isZero();
            assertThat(dump(c, 0)).as("table 0 stays").hasSize(5);
        }
    }

    @Test
    void anInterfacesAddressesMakeRoutesWhileItIsUp() throws Exception {
        try (MockVpp vpp = MockVpp.start(); InProcessClient c = new InProcessClient(vpp)) {
            c.send(new CreateLoopback(), 1);
            assertThat(c.expect(new CreateLoopbackReply()).swIfIndex()).isEqualTo(1);
            assertThat(address(c, 1, true, ip(10, 9, 0, 1), 24)).isZero();
            assertThat(address(c, 1, true, ip(10, 9, 0, 1), 24)).as("again").isEqualTo(-105);
            assertThat(address(c, 99, true, ip(10, 9, 0, 1), 24)).as("no such interface").isEqualTo(-2);
            assertThat(address(c, 1, true, ip(10, 8, 0, 5), 32)).isZero();
            c.send(new IpAddressDump().swIfIndex(1), 2);
            c.send(new ControlPing(), 3);
            assertThat(c.expect(new IpAddressDetails()).prefix()).isEqualTo(prefix(ip(10, 9, 0, 1), 24));
            assertThat(c.expect(new IpAddressDetails()).prefix()).isEqualTo(prefix(ip(10, 8, 0, 5), 32));
            c.expect(new ControlPingReply());
            assertThat(dump(c, 0)).as("the interface is down").hasSize(5);

            c.send(new SwInterfaceSetFlags().swIfIndex(1).flagsValue(1), 4);
            assertThat(c.expect(new SwInterfaceSetFlagsReply()).retval()).isZero();
            assertThat(dump(c, 0)).hasSize(10).contains("10.9.0.1/24 NORMAL if 1 via .0", "10.9.0.1/32 LOCAL if 1 via .1",
                    "10.9.0.0/32 DROP", "10.9.0.255/32 DROP", "10.8.0.5/32 LOCAL if 1 via .5");

            assertThat(address(c, 1, false, ip(10, 9, 0, 1), 24)).isZero();
            assertThat(address(c, 1, false, ip(10, 9, 0, 1), 24)).as("deleted already").isEqualTo(-60);
            assertThat(dump(c, 0)).hasSize(6);
            c.send(new DeleteLoopback().swIfIndex(1), 5);
            assertThat(c.expect(new DeleteLoopbackReply()).retval()).isZero();
            assertThat(dump(c, 0)).as("its addresses went with it").hasSize(5);
        }
    }

    @Test
    void aRestartForgetsRoutesAndAddresses() throws Exception {
        try (MockVpp vpp = MockVpp.start()) {
            try (InProcessClient c = new InProcessClient(vpp)) {
                c.send(new CreateLoopback(), 1);
                c.expect(new CreateLoopbackReply());
                assertThat(route(c, true, false, 0, ip(20, 0, 3, 0), 24, path(1, 2))).isZero();
                assertThat(table(c, 7, true)).isZero();
                assertThat(dump(c, 0)).hasSize(6);
            }
            vpp.restart();
            try (InProcessClient c = new InProcessClient(vpp)) {
                assertThat(dump(c, 0)).as("VPP's own routes only").hasSize(5);
                assertThat(dump(c, 7)).as("table 7 is gone").isEmpty();
            }
        }
    }

    @Test
    void aPrefixIsFoundWithItsHostBitsCleared() {
        Prefix a = prefix(ip(20, 0, 2, 9), 24);
        Prefix b = prefix(ip(20, 0, 2, 0), 24);
        assertThat(RouteModel.key(a)).isEqualTo(RouteModel.key(b)).isEqualTo("14000200/24");
        assertThat(RouteModel.key(prefix(ip(20, 0, 2, 9), 23))).isEqualTo("14000200/23");
        assertThat(RouteModel.key(prefix(ip(20, 0, 3, 9), 23))).isEqualTo("14000200/23");
        assertThat(RouteModel.key(prefix(ip(20, 0, 3, 9), 32))).isEqualTo("14000309/32");
        assertThat(RouteModel.key(prefix(ip(20, 0, 3, 9), 0))).isEqualTo("00000000/0");
    }

    private int route(InProcessClient c, boolean add, boolean multipath, long table, byte[] ip, int len,
                      FibPath... paths) throws InterruptedException {
        IpRoute r = new IpRoute().tableId(table).prefix(prefix(ip, len)).paths(List.of(paths));
        c.send(new IpRouteAddDel().isAdd(add).isMultipath(multipath).route(r), ++context);
        return c.expect(new IpRouteAddDelReply()).retval();
    }

    private int address(InProcessClient c, long swIfIndex, boolean add, byte[] ip, int len)
            throws InterruptedException {
        c.send(new SwInterfaceAddDelAddress().swIfIndex(swIfIndex).isAdd(add).prefix(prefix(ip, len)), ++context);
        return c.expect(new SwInterfaceAddDelAddressReply()).retval();
    }

    private int table(InProcessClient c, long id, boolean add) throws InterruptedException {
        c.send(new IpTableAddDel().isAdd(add).table(new IpTable().tableId(id)), ++context);
        return c.expect(new IpTableAddDelReply()).retval();
    }

    /** The table's routes ("prefix TYPE [if N via .X]" per path), up to the control_ping_reply that ends the dump. */
    private List<String> dump(InProcessClient c, long table) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (IpRouteDetails d : c.dump(new IpRouteDump().table(new IpTable().tableId(table)), IpRouteDetails::new,
                ++context)) {
            IpRoute r = d.route();
            byte[] a = r.prefix().address().un().ip4().bytes();
            StringBuilder b = new StringBuilder((a[0] & 0xFF) + "." + (a[1] & 0xFF) + "." + (a[2] & 0xFF) + "."
                    + (a[3] & 0xFF) + "/" + r.prefix().len());
            for (FibPath p : r.paths()) {
                b.append(' ').append(p.type().name().substring("FIB_API_PATH_TYPE_".length()));
                if (p.swIfIndex() != RouteModel.NO_INTERFACE) {
                    b.append(" if ").append(p.swIfIndex()).append(" via .").append(p.nh().address().ip4().bytes()[3]);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static FibPath path(long swIfIndex, int lastByte) {
        return new FibPath().swIfIndex(swIfIndex).weight(1).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                .proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                .nh(new FibPathNh().address(new AddressUnion().ip4(new Ip4Address(ip(10, 0, 0, lastByte)))));
    }

    private static Prefix prefix(byte[] ip, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().ip4(new Ip4Address(ip)))).len(len);
    }

    private static byte[] ip(int a, int b, int c, int d) {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }
}
