package io.jvppmux.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclInterfaceSetAclList;
import io.jvppmux.binapi.acl_types.AclAction;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.mock.MockSocketServer;
import io.jvppmux.mock.MockVpp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** cli, events, routes, --json and the target options, against mock-vpp. */
@Timeout(60)
class CommandsTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    @TempDir
    Path dir;

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void cliPrintsVppsTextAndExitsZero() {
        assertThat(run("cli", "show version")).isZero();
        assertThat(out.toString()).isEqualTo("vpp v26.06-mock built by mock on mock-vpp at 2026-06-01T00:00:00\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void cliJoinsItsWordsLikeVppctl() {
        assertThat(run("cli", "show", "interface")).isZero();
        assertThat(out.toString()).contains("Name").contains("local0");
    }

    @Test
    void aCommandVppRefusesIsVppsTextOnOneLineAndExitOne() {
        assertThat(run("cli", "show bogus")).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).singleElement().asString()
                .isEqualTo("jvppmux: VPP refused \"show bogus\": unknown input `show bogus'");
    }

    @Test
    void verboseVersionEndsWithWhereItsTimeWent() {
        assertThat(run("version", "-v")).isZero();
        assertThat(out.toString()).startsWith("vpe 26.06-mock");
        assertThat(err.toString().lines().filter(l -> l.startsWith("jvppmux: timeline:"))).singleElement().asString()
                .matches("jvppmux: timeline: command line parsed [0-9.]+ ms, connected [0-9.]+ ms, first reply "
                        + "\\(show_version\\) [0-9.]+ ms, closed [0-9.]+ ms; main to closed [0-9.]+ ms");
    }

    @Test
    void jsonOfVersionInterfacesAndPing() {
        assertThat(run("version", "--json")).isZero();
        assertThat(run("interfaces", "--json")).isZero();
        assertThat(run("ping", "-c", "2", "--json")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).isEqualTo("{\"program\":\"vpe\",\"version\":\"26.06-mock\",\"build_date\":\"2026-06-01T00:00:00\","
                + "\"build_directory\":\"\"}");
        assertThat(lines[1]).isEqualTo("[{\"sw_if_index\":0,\"name\":\"local0\",\"admin_up\":false,\"link_up\":false,"
                + "\"mac\":\"00:00:00:00:00:00\",\"mtu\":0},{\"sw_if_index\":1,\"name\":\"GigabitEthernet0/8/0\","
                + "\"admin_up\":true,\"link_up\":true,\"mac\":\"02:fe:00:00:08:00\",\"mtu\":9000},{\"sw_if_index\":2,"
                + "\"name\":\"loop0\",\"admin_up\":false,\"link_up\":false,\"mac\":\"de:ad:00:00:00:00\",\"mtu\":9000}]");
        assertThat(lines[2]).matches("\\{\"pings\":\\[\\{\"seq\":1,\"time_ms\":[0-9.E-]+},\\{\"seq\":2,\"time_ms\":[0-9.E-]+}],"
                + "\"vpe_pid\":4242,\"count\":2,\"min_ms\":[0-9.E-]+,\"avg_ms\":[0-9.E-]+,\"max_ms\":[0-9.E-]+}");
    }

    @Test
    void jsonOfStats() {
        assertThat(run("stats", "--interfaces", "--json")).isZero();
        assertThat(out.toString()).contains("{\"sw_if_index\":1,\"name\":\"GigabitEthernet0/8/0\",\"rx_packets\":2000,"
                + "\"rx_bytes\":2500000,\"tx_packets\":1900,\"tx_bytes\":2400000,\"drops\":12,");
        out.getBuffer().setLength(0);
        assertThat(run("stats", "/err/ip4-input", "--json")).isZero();
        assertThat(out.toString().trim()).isEqualTo("[{\"name\":\"/err/ip4-input/ip4 ttl <= 1\",\"type\":\"counter_vector_simple\","
                + "\"target\":\"/node/errors\",\"column\":0,\"counters\":[{\"index\":0,\"value\":12,\"by_thread\":[12,0]}]}]");
    }

    @Test
    void eventsFromTheEmbeddedMockStopAfterCount() {
        assertThat(run("events", "--count", "2", "--json")).isZero();
        assertThat(out.toString().lines()).hasSize(2).allSatisfy(l -> assertThat(l)
                .matches("\\{\"time\":\"[^\"]+\",\"sw_if_index\":0,\"name\":\"local0\",\"admin_up\":true,\"link_up\":(true|false),\"deleted\":false}"));
    }

    @Test
    void eventsOfALiveLookingVppArePrintedAsTheyArriveAndDisabledAtTheEnd() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            CompletableFuture<Integer> events = CompletableFuture.supplyAsync(
                    () -> run("events", "--socket", server.path().toString(), "--count", "2", "--duration", "50s"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (vpp.interfaceEventSubscribers() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            vpp.setInterfaceState(0, true, false);
            vpp.setInterfaceState(0, true, true);
            assertThat(events.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString().lines()).hasSize(2);
            assertThat(out.toString().lines().toList().get(0)).endsWith("sw_if_index=0  local0  admin up  link down");
            assertThat(out.toString().lines().toList().get(1)).endsWith("sw_if_index=0  local0  admin up  link up");
            assertThat(vpp.interfaceEventSubscribers()).as("disabled on the way out").isZero();
        }
    }

    @Test
    void eventsStopAfterTheirDuration() {
        long start = System.nanoTime();
        assertThat(run("events", "--duration", "300ms", "--count", "1000")).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aConfigFileNamesTheLiveVpp() throws Exception {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            Path config = Files.writeString(dir.resolve("mux.conf"), "transport=socket\nsocket-path=" + server.path() + "\n");
            assertThat(run("version", "--config", config.toString())).isZero();
            assertThat(out.toString()).startsWith("vpe 26.06-mock");
            assertThat(vpp.receivedCount()).as("the file's VPP answered, not an embedded one").isPositive();
        }
    }

    @Test
    void badTargetOptionsAreOneLineNamingTheProblem() {
        assertThat(run("version", "--socket", "/x", "--shm")).isEqualTo(1);
        assertThat(run("version", "--vppapiclient", "/lib.so")).isEqualTo(1);
        assertThat(run("version", "--config", dir.resolve("none.conf").toString())).isEqualTo(1);
        assertThat(run("version", "--timeout-ms", "0")).isEqualTo(1);
        assertThat(run("events", "--duration", "soon")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "jvppmux: give --socket or --shm, not both",
                "jvppmux: --vppapiclient needs --shm",
                "jvppmux: --config " + dir.resolve("none.conf") + ": no such file",
                "jvppmux: --timeout-ms must be positive: 0",
                "jvppmux: Invalid value for option '--duration': 'soon' is not a duration: use 500ms, 10s, 2m, 1h or PT10S (see --help)");
    }

    @Test
    void aBadConfigValueIsOneLineNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.conf"), "reply-timeout=soon\n");
        assertThat(run("version", "--config", config.toString())).isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: ").contains("reply-timeout");
    }

    @Test
    void shmWithoutLibvppapiclientFailsWithoutFallingBackToTheSocket() {
        assertThat(run("version", "--shm", "--shm-prefix", "jvppmux-none", "--vppapiclient", dir.resolve("no.so").toString()))
                .isEqualTo(1);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("jvppmux: ").contains("no.so");
    }

    @Test
    void routesListsTheTableSortedWithEachPathsTypeInterfaceAndNextHop() {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            try (JvppMux mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport()); ApiChannel ch = mux.newApiChannel()) {
                long loop = ch.call(new CreateLoopback()).swIfIndex();
                ch.call(new SwInterfaceSetFlags().swIfIndex(loop).flagsValue(1));
                ch.call(new SwInterfaceAddDelAddress().swIfIndex(loop).isAdd(true).prefix(prefix(10, 0, 0, 1, 24)));
                ch.call(new IpRouteAddDel().isAdd(true).route(new IpRoute().prefix(prefix(20, 1, 0, 0, 16))
                        .paths(List.of(via(loop, 2, 1), via(loop, 3, 3)))));
            }
            assertThat(run("routes", "--socket", server.path().toString())).as(err.toString()).isZero();
            assertThat(out.toString().lines().toList()).containsExactly(
                    "prefix                                       paths",
                    "0.0.0.0/0                                    drop",
                    "0.0.0.0/32                                   drop",
                    "10.0.0.0/32                                  drop",
                    "10.0.0.1/24                                  normal loop0 (1)",
                    "10.0.0.1/32                                  local via 10.0.0.1 loop0 (1)",
                    "10.0.0.255/32                                drop",
                    "20.1.0.0/16                                  normal via 10.0.0.2 loop0 (1); normal via 10.0.0.3 loop0 (1) weight 3",
                    "224.0.0.0/4                                  drop",
                    "240.0.0.0/4                                  drop",
                    "255.255.255.255/32                           drop",
                    "10 routes in IPv4 table 0");

            out.getBuffer().setLength(0);
            assertThat(run("routes", "--socket", server.path().toString(), "--table", "9", "--json")).isZero();
            assertThat(out.toString()).isEqualTo("[]\n");
        }
    }

    @Test
    void aclsListsEachAclWithWhereItIsAppliedAndItsRules() {
        try (MockVpp vpp = MockVpp.start(); MockSocketServer server = vpp.startSocketServer(dir.resolve("api.sock"))) {
            try (JvppMux mux = JvppMux.connect(MuxConfig.defaults(), vpp.newTransport()); ApiChannel ch = mux.newApiChannel()) {
                long loop = ch.call(new CreateLoopback()).swIfIndex();
                AclRule web = new AclRule().isPermit(AclAction.ACL_ACTION_API_PERMIT).srcPrefix(prefix(10, 0, 0, 0, 24))
                        .dstPrefix(prefix(0, 0, 0, 0, 0)).protoValue(6).srcportOrIcmptypeLast(65_535)
                        .dstportOrIcmpcodeFirst(80).dstportOrIcmpcodeLast(80).tcpFlagsMask(0x12).tcpFlagsValue(0x02);
                AclRule rest = new AclRule().isPermit(AclAction.ACL_ACTION_API_DENY).srcPrefix(prefix(0, 0, 0, 0, 0))
                        .dstPrefix(prefix(0, 0, 0, 0, 0)).srcportOrIcmptypeLast(65_535).dstportOrIcmpcodeLast(65_535);
                ch.call(new AclAddReplace().aclIndex(0xffffffffL).tag("web").r(List.of(web, rest)));
                ch.call(new AclAddReplace().aclIndex(0xffffffffL).tag("spare").r(List.of()));
                ch.call(new AclInterfaceSetAclList().swIfIndex(loop).nInput(1).acls(new long[] {0}));
            }
            assertThat(run("acls", "--socket", server.path().toString())).as(err.toString()).isZero();
            assertThat(out.toString().lines().toList()).containsExactly(
                    "acl 0 \"web\": 2 rules, applied on loop0 (1) input",
                    "  0: ipv4 permit src 10.0.0.0/24 dst 0.0.0.0/0 proto 6 sport 0-65535 dport 80 tcpflags 2 mask 18",
                    "  1: ipv4 deny src 0.0.0.0/0 dst 0.0.0.0/0 proto 0 sport 0-65535 dport 0-65535",
                    "acl 1 \"spare\": 0 rules, not applied",
                    "2 ACLs");

            out.getBuffer().setLength(0);
            assertThat(run("acls", "--socket", server.path().toString(), "--index", "1", "--json")).isZero();
            assertThat(out.toString()).isEqualTo("[{\"acl_index\":1,\"tag\":\"spare\",\"applied\":[],\"rules\":[]}]\n");
            out.getBuffer().setLength(0);
            assertThat(run("acls", "--socket", server.path().toString(), "--index", "7")).isZero();
            assertThat(out.toString()).isEqualTo("no ACL 7\n");
        }
    }

    @Test
    void aclsRefusesAnIndexOutsideU32() {
        assertThat(run("acls", "--index", "-1")).isEqualTo(2);
        assertThat(run("acls", "--index", "4294967295")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().filter(l -> l.startsWith("jvppmux: "))).containsExactly(
                "jvppmux: --index -1: an ACL index is 0..4294967294 (see --help)",
                "jvppmux: --index 4294967295: an ACL index is 0..4294967294 (see --help)");
    }

    @Test
    void routesRefusesATableIdOutsideU32() {
        assertThat(run("routes", "--table", "-1")).isEqualTo(2);
        assertThat(run("routes", "--table", "4294967296")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines().filter(l -> l.startsWith("jvppmux: "))).containsExactly(
                "jvppmux: --table -1: a table id is 0..4294967295 (see --help)",
                "jvppmux: --table 4294967296: a table id is 0..4294967295 (see --help)");
    }

    @Test
    void ipv6AddressesAreWrittenShort() {
        assertThat(RoutesCommand.text(new byte[16])).isEqualTo("::");
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = 1;
        assertThat(RoutesCommand.text(a)).isEqualTo("2001:db8::1");
        a[5] = 1;
        a[9] = 1;
        assertThat(RoutesCommand.text(a)).as("the longest run").isEqualTo("2001:db8:1:0:1::1");
        byte[] fe80 = new byte[16];
        fe80[0] = (byte) 0xfe;
        fe80[1] = (byte) 0x80;
        assertThat(RoutesCommand.text(fe80)).isEqualTo("fe80::");
        assertThat(RoutesCommand.text(new byte[] {10, 0, 0, 1})).isEqualTo("10.0.0.1");
    }

    private static FibPath via(long swIfIndex, int lastByte, int weight) {
        return new FibPath().swIfIndex(swIfIndex).weight(weight).type(FibPathType.FIB_API_PATH_TYPE_NORMAL)
                .proto(FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                .nh(new FibPathNh().address(new AddressUnion().raw(new byte[] {10, 0, 0, (byte) lastByte})));
    }

    private static Prefix prefix(int a, int b, int c, int d, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().raw(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}))).len(len);
    }
}
