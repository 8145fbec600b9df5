package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.RequestContext;
import io.jvppmux.api.TransportKind;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip.IpRouteAddDelReply;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTable;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.transport.shm.ShmTransport;
import io.jvppmux.impl.transport.socket.SocketTransport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A control plane's everyday work at production scale against a real VPP of its own: 10,000 IPv4 routes via a next
 * hop on a loopback, programmed with {@code ip_route_add_del} from four threads on four channels (64 requests in
 * flight each), dumped back with {@code ip_route_dump} (each detail decoded: prefix, interface, next hop), counted
 * again by VPP itself ({@code show ip fib summary}), then removed the same way; over the socket and over shared
 * memory.
 */
@Timeout(300)
class LiveRoutesTest {
    /** {@code -Djvppmux.live.routes=N} (at most 65,536: 20.0.0.0/24 .. 20.255.255.0/24) runs a larger table. */
    private static final int ROUTES = Integer.getInteger("jvppmux.live.routes", 10_000);
    private static final int THREADS = 4;
    private static final int WINDOW = 64;
    private static final byte[] NEXT_HOP = {10, 0, 0, 2};
    /** The /24 line of table 0's {@code show ip fib summary}: "  24   COUNT". */
    private static final Pattern SLASH_24 = Pattern.compile("(?m)^\\s+24\\s+(\\d+)\\s*$");

    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("routes");

    @BeforeAll
    static void createLoopback() {
        assertThat(ROUTES).as("jvppmux.live.routes").isBetween(1, 1 << 16);
        VPP.get().vppctlExec(List.of("create loopback interface", "set interface state loop0 up"));
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void tenThousandRoutesAreProgrammedPipelinedDumpedBackAndRemoved(TransportKind kind) throws Exception {
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel()) {
            long loop0 = ch.dump(new SwInterfaceDump()).stream().filter(d -> d.interfaceName().equals("loop0"))
                    .mapToLong(SwInterfaceDetails::swIfIndex).findFirst().orElseThrow();
            ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop0).isAdd(true).prefix(prefix(new byte[] {10, 0, 0, 1}, 24)));
            long before = vppSlash24Count();

            long start = System.nanoTime();
            sendAll(mux, routes(loop0, true));
            long added = System.nanoTime();
            List<IpRouteDetails> dumped = ch.dump(new IpRouteDump().table(new IpTable().tableId(0).isIp6(false)));
            long dumpedAt = System.nanoTime();
            Set<Integer> ours = new HashSet<>();
            for (IpRouteDetails d : dumped) {
                IpRoute r = d.route();
                byte[] a = r.prefix().address().un().ip4().bytes();
                if (a[0] != 20 || r.prefix().len() != 24) {
                    continue;                                       // VPP's own routes (default, local, connected)
                }
                assertThat(r.paths()).as("paths of %s", r.prefix()).hasSize(1);
                FibPath p = r.paths().get(0);
                assertThat(p.swIfIndex()).as("interface of %s", r.prefix()).isEqualTo(loop0);
                assertThat(p.nh().address().ip4().bytes()).as("next hop of %s", r.prefix()).isEqualTo(NEXT_HOP);
                assertThat(ours.add((a[1] & 0xFF) << 8 | a[2] & 0xFF)).as("%s dumped once", r.prefix()).isTrue();
            }
            assertThat(ours).as("our routes in the dump").hasSize(ROUTES)
                    .containsAll(IntStream.range(0, ROUTES).boxed().toList());
            assertThat(vppSlash24Count()).as("VPP's own count of /24 routes").isEqualTo(before + ROUTES);
            System.out.printf("LIVE-FIGURE %s routes: %d added in %d ms (4 channels, %d in flight each), table of %d"
                            + " dumped in %d ms%n", kind, ROUTES, (added - start) / 1_000_000, WINDOW, dumped.size(),
                    (dumpedAt - added) / 1_000_000);

            sendAll(mux, routes(loop0, false));
            assertThat(vppSlash24Count()).as("VPP's count of /24 routes after the removal").isEqualTo(before);
            assertThat(ch.dump(new IpRouteDump().table(new IpTable().tableId(0).isIp6(false))))
                    .noneMatch(d -> d.route().prefix().address().un().ip4().bytes()[0] == 20);
            ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop0).isAdd(false).prefix(prefix(new byte[] {10, 0, 0, 1}, 24)));
        }
    }

    private static JvppMux connect(TransportKind kind) {
        VppProcess vpp = VPP.get();
        MuxConfig c = MuxConfig.builder().transport(kind).socketPath(vpp.socketPath()).shmPrefix(vpp.shmPrefix())
                .vppapiclientLibrary(vpp.vppapiclient()).fallbackToSocket(false).build();
        return JvppMux.connect(c, kind == TransportKind.SHM ? new ShmTransport() : new SocketTransport());
    }

    /** 20.H.L.0/24 via 10.0.0.2 on {@code swIfIndex}, for H.L = 0 .. ROUTES-1. */
    private static List<IpRouteAddDel> routes(long swIfIndex, boolean add) {
        List<IpRouteAddDel> out = new ArrayList<>(ROUTES);
        for (int i = 0; i < ROUTES; i++) {
            FibPath path = new FibPath().swIfIndex(swIfIndex).weight(1).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                    .proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                    .nh(new FibPathNh().address(new AddressUnion().ip4(new Ip4Address(NEXT_HOP))));
            IpRoute route = new IpRoute().tableId(0).prefix(prefix(new byte[] {20, (byte) (i >> 8), (byte) i, 0}, 24))
                    .paths(List.of(path));
            out.add(new IpRouteAddDel().isAdd(add).route(route));
        }
        return out;
    }

    private static Prefix prefix(byte[] ip4, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP4).un(new AddressUnion().ip4(
                new Ip4Address(ip4)))).len(len);
    }

    /** Sends every request, {@link #THREADS} threads on a channel each, {@link #WINDOW} in flight per thread. */
    private static void sendAll(JvppMux mux, List<IpRouteAddDel> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                List<IpRouteAddDel> share = requests.subList(t * requests.size() / THREADS,
                        (t + 1) * requests.size() / THREADS);
                done.add(pool.submit(() -> {
                    try (ApiChannel ch = mux.newApiChannel()) {
                        RequestContext[] inFlight = new RequestContext[WINDOW];
                        IpRouteAddDelReply reply = new IpRouteAddDelReply();
                        for (int i = 0; i < share.size(); i++) {
                            if (inFlight[i % WINDOW] != null) {
                                inFlight[i % WINDOW].receiveReply(reply);   // throws unless retval is 0
                            }
                            inFlight[i % WINDOW] = ch.sendRequest(share.get(i));
                        }
                        for (RequestContext c : inFlight) {
                            if (c != null) {
                                c.receiveReply(reply);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many /24 prefixes VPP's table 0 holds, by its own CLI. */
    private static long vppSlash24Count() {
        String out = VPP.get().vppctl("show", "ip", "fib", "summary");
        Matcher m = SLASH_24.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
