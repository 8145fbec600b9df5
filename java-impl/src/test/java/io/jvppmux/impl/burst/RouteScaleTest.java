package io.jvppmux.impl.burst;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.Face;
import io.jvppmux.impl.testing.RouteTraffic;
import io.jvppmux.mock.MockVpp;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route programming at production scale in every build, against mock-vpp (whose routing tables answer as VPP 26.10's
 * do: the live differential test checks it): 30,000 routes added from four channels with 64 requests in flight
 * each, a dump of the table checked route by route, then all removed; on both faces of mock-vpp. The same traffic
 * runs against a real VPP in {@code LiveRoutesTest}.
 */
@Timeout(120)
class RouteScaleTest {
    private static final int ROUTES = 30_000;


    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void thirtyThousandRoutesAreAddedDumpedAndRemoved(String name, Supplier<Face> faces) throws Exception {
        try (MockVpp vpp = MockVpp.start(); Face face = faces.get(); JvppMux mux = face.connect(vpp, MuxConfig.defaults());
             ApiChannel ch = mux.newApiChannel()) {
            long loop0 = ch.call(new CreateLoopback()).swIfIndex();
            ch.call(new SwInterfaceSetFlags().swIfIndex(loop0).flagsValue(1));
            ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop0).isAdd(true)
                    .prefix(RouteTraffic.ip4(new byte[] {10, 0, 0, 1}, 24)));
            int own = RouteTraffic.dump(ch).size();

            long start = System.nanoTime();
            RouteTraffic.send(mux, ROUTES, loop0, true);
            long added = System.nanoTime();
            List<IpRouteDetails> dumped = RouteTraffic.dump(ch);
            System.out.printf("ROUTE-FIGURE %s: %d routes added in %d ms, %d dumped in %d ms%n", name, ROUTES,
                    (added - start) / 1_000_000, dumped.size(), (System.nanoTime() - added) / 1_000_000);
            assertThat(dumped).hasSize(own + ROUTES);
            RouteTraffic.assertHoldsAll(dumped, ROUTES, loop0);

            RouteTraffic.send(mux, ROUTES, loop0, false);
            List<IpRouteDetails> after = RouteTraffic.dump(ch);
            assertThat(after).hasSize(own);
            assertThat(RouteTraffic.holdsAny(after)).isFalse();
            assertThat(mux.metrics().timeouts()).isZero();
        }
    }
}
