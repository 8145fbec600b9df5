package io.jvppmux.bench;

import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.binapi.memclnt.ControlPing;
import io.jvppmux.binapi.memclnt.ControlPingReply;
import io.jvppmux.binapi.wire.MessageCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encode and decode of typical messages, with their header, into and from a reused buffer. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmark {
    private final ByteBuffer buf = ByteBuffer.allocateDirect(4096);
    private ControlPing ping;
    private byte[] pingReplyBytes;
    private SwInterfaceDetails details;
    private byte[] detailsBytes;
    private IpRouteAddDel route;
    private byte[] routeBytes;
    private final ControlPingReply pingReply = new ControlPingReply();
    private final SwInterfaceDetails detailsInto = new SwInterfaceDetails();

    @Setup
    public void setup() {
        ping = new ControlPing();
        pingReplyBytes = bytes(new ControlPingReply().clientIndex(0x80000001L).vpePid(4242), 24);
        details = new SwInterfaceDetails().swIfIndex(1).supSwIfIndex(1).interfaceName("loop0")
                .interfaceDevType("Loopback").l2Address(new MacAddress(new byte[] {(byte) 0xde, (byte) 0xad, 0, 0, 0, 1}))
                .flags(EnumSet.of(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP)).linkMtu(9000).mtu(new long[] {9000, 0, 0, 0});
        detailsBytes = bytes(details, 613);
        route = routeWithPaths(4);
        routeBytes = bytes(route, 700);
    }

    static IpRouteAddDel routeWithPaths(int n) {
        List<FibPath> paths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            paths.add(new FibPath().swIfIndex(i + 1).weight(1).preference(0));
        }
        Prefix prefix = new Prefix().len(24);
        prefix.address().af(AddressFamily.ADDRESS_IP4).un(new AddressUnion().ip4(new Ip4Address(new byte[] {10, 1, 2, 0})));
        return new IpRouteAddDel().isAdd(true).route(new IpRoute().tableId(0).prefix(prefix).paths(paths));
    }

    private static byte[] bytes(io.jvppmux.api.Message m, int id) {
        ByteBuffer b = ByteBuffer.allocate(MessageCodec.length(m));
        MessageCodec.encode(b, m, id, 0, 0x20001);
        return b.array();
    }

    @Benchmark
    public int encodeControlPing() {
        buf.clear();
        return MessageCodec.encode(buf, ping, 23, 0x80000001, 0x20001);
    }

    @Benchmark
    public long decodeControlPingReply() {
        return MessageCodec.decode(pingReplyBytes, pingReply).vpePid();
    }

    @Benchmark
    public int encodeSwInterfaceDetails() {
        buf.clear();
        return MessageCodec.encode(buf, details, 613, 0, 0x20001);
    }

    @Benchmark
    public long decodeSwInterfaceDetails() {
        return MessageCodec.decode(detailsBytes, detailsInto).swIfIndex();
    }

    @Benchmark
    public int encodeIpRouteAddDel4Paths() {
        buf.clear();
        return MessageCodec.encode(buf, route, 700, 0x80000001, 0x20001);
    }

    @Benchmark
    public int decodeIpRouteAddDel4Paths() {
        return MessageCodec.decode(routeBytes, new IpRouteAddDel()).route().nPaths();
    }
}
