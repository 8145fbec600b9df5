package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.Pipelined;
import io.jvppmux.impl.testing.RouteTraffic;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A control plane's everyday work at production scale against a real VPP of its own: 10,000 IPv4 routes via a next
 * hop on a loopback that has an address, programmed with {@code ip_route_add_del} from four threads on four channels
 * (64 requests in flight each: {@link RouteTraffic}), dumped back with {@code ip_route_dump} (each detail decoded:
 * prefix, interface, next hop), counted again by VPP itself ({@code show ip fib summary}), then removed the same
 * way; over the socket and over shared memory.
 */
@Timeout(300)
class LiveRoutesTest {
    /** {@code -Djvppmux.live.routes=N} (at most 65,536) runs a larger table. */
    private static final int ROUTES = Integer.getInteger("jvppmux.live.routes", 10_000);
    private static final byte[] LOOP0_ADDRESS = {10, 0, 0, 1};
    /** The /24 line of table 0's {@code show ip fib summary}: "  24   COUNT". */
    private static final Pattern SLASH_24 = Pattern.compile("(?m)^\\s+24\\s+(\\d+)\\s*$");

    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("routes");

    @BeforeAll
    static void createLoopback() {
        VPP.get().vppctlExec(List.of("create loopback interface", "set interface state loop0 up"));
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void tenThousandRoutesAreProgrammedPipelinedDumpedBackAndRemoved(TransportKind kind) throws Exception {
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel()) {
            long loop0 = ch.dump(new SwInterfaceDump()).stream().filter(d -> d.interfaceName().equals("loop0"))
                    .mapToLong(SwInterfaceDetails::swIfIndex).findFirst().orElseThrow();
            ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop0).isAdd(true)
                    .prefix(RouteTraffic.ip4(LOOP0_ADDRESS, 24)));
            long before = vppSlash24Count();

            long start = System.nanoTime();
            RouteTraffic.send(mux, ROUTES, loop0, true);
            long added = System.nanoTime();
            List<IpRouteDetails> dumped = RouteTraffic.dump(ch);
            long dumpedAt = System.nanoTime();
            RouteTraffic.assertHoldsAll(dumped, ROUTES, loop0);
            assertThat(vppSlash24Count()).as("VPP's own count of /24 routes").isEqualTo(before + ROUTES);
            System.out.printf("LIVE-FIGURE %s routes: %d added in %d ms (%d channels, %d in flight each), table of %d"
                            + " dumped in %d ms%n", kind, ROUTES, (added - start) / 1_000_000, Pipelined.THREADS,
                    Pipelined.WINDOW, dumped.size(), (dumpedAt - added) / 1_000_000);

            RouteTraffic.send(mux, ROUTES, loop0, false);
            assertThat(vppSlash24Count()).as("VPP's count of /24 routes after the removal").isEqualTo(before);
            assertThat(RouteTraffic.holdsAny(RouteTraffic.dump(ch))).as("a route left after the removal").isFalse();
            ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop0).isAdd(false)
                    .prefix(RouteTraffic.ip4(LOOP0_ADDRESS, 24)));
        }
    }

    private static JvppMux connect(TransportKind kind) {
        return LiveTransports.connect(kind, MuxConfig.defaults(), VPP.get());
    }

    /** How many /24 prefixes VPP's table 0 holds, by its own CLI. */
    private static long vppSlash24Count() {
        String out = VPP.get().vppctl("show", "ip", "fib", "summary");
        Matcher m = SLASH_24.matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
