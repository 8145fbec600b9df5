package io.jvppmux.impl.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.acl.AclDel;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl_types.AclAction;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip6Address;
import io.jvppmux.binapi.ip_types.IpProto;
import io.jvppmux.binapi.ip_types.Prefix;
import io.jvppmux.impl.JvppMux;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * ACLs as a control plane writes them, for tests against mock-vpp and a real VPP alike: rules many and all different,
 * ACLs made many at a time ({@link Pipelined}), and the checks that a dump gives back what was sent, rule for rule
 * (compared as {@link #describe(AclRule) text} that names what VPP keeps, without the bytes a union leaves unused).
 */
public final class AclTraffic {
    /** acl_index ~0: a new ACL in acl_add_replace, every ACL in acl_dump. */
    public static final long ALL = 0xFFFF_FFFFL;

    private static final IpProto[] PROTOS = {IpProto.IP_API_PROTO_TCP, IpProto.IP_API_PROTO_UDP,
            IpProto.IP_API_PROTO_ICMP};

    private AclTraffic() {
    }

    /**
     * {@code n} rules, each different (its index in the source prefix), the kind of each chosen by {@code seed}:
     * permit, deny or permit+reflect; IPv4 (source 10.H.L.0/24 or 11.H.L.0/24) and, every fifth, IPv6
     * (source 2001:db8:H:L::/64); TCP with ports and flags, UDP with ports, ICMP with type and code.
     */
    public static List<AclRule> rules(int n, int seed) {
        if (n < 0 || n > 1 << 16) {
            throw new IllegalArgumentException("rule count " + n + ": 0..65,536");
        }
        List<AclRule> rules = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int k = i + seed;
            boolean ip6 = k % 5 == 4;
            Prefix src = ip6 ? ip6(new byte[] {0x20, 0x01, 0x0d, (byte) 0xb8, 0, (byte) (i >> 8), 0, (byte) i}, 64)
                    : ip4(new byte[] {(byte) (10 + seed % 2), (byte) (i >> 8), (byte) i, 0}, 24);
            Prefix dst = ip6 ? ip6(new byte[0], 0) : ip4(new byte[] {(byte) (192 + k % 32), (byte) 168, 0, 0}, 16);
            IpProto proto = PROTOS[k % 3];
            AclRule r = new AclRule().isPermit(AclAction.fromValue(k % 3)).srcPrefix(src).dstPrefix(dst).proto(proto);
            if (proto == IpProto.IP_API_PROTO_ICMP) {
                r.srcportOrIcmptypeFirst(8).srcportOrIcmptypeLast(8).dstportOrIcmpcodeFirst(0).dstportOrIcmpcodeLast(0);
            } else {
                int port = 1024 + k % 60_000;
                r.srcportOrIcmptypeFirst(0).srcportOrIcmptypeLast(65_535).dstportOrIcmpcodeFirst(port)
                        .dstportOrIcmpcodeLast(port + k % 100);
                if (proto == IpProto.IP_API_PROTO_TCP) {
                    r.tcpFlagsMask(0x12).tcpFlagsValue(k % 2 == 0 ? 0x02 : 0x10);
                }
            }
            rules.add(r);
        }
        return rules;
    }

    /**
     * Makes {@code n} ACLs tagged {@code tagPrefix + i}, each of {@code rulesEach} {@link #rules rules} with seed
     * {@code i}, pipelined ({@link Pipelined}); returns their indexes by tag, checked distinct.
     */
    public static Map<String, Long> makeMany(JvppMux mux, String tagPrefix, int n, int rulesEach) throws Exception {
        List<AclAddReplace> adds = IntStream.range(0, n).mapToObj(i -> new AclAddReplace().aclIndex(ALL)
                .tag(tagPrefix + i).r(rules(rulesEach, i))).toList();
        List<AclAddReplaceReply> replies = Pipelined.send(mux, adds);
        Map<String, Long> indexByTag = new HashMap<>();
        for (int i = 0; i < n; i++) {
            indexByTag.put(tagPrefix + i, replies.get(i).aclIndex());
        }
        assertThat(indexByTag.values()).as("distinct ACL indexes").doesNotHaveDuplicates();
        return indexByTag;
    }

    /**
     * Checks that {@code all} (a dump of every ACL) holds each ACL {@link #makeMany} made exactly once, with its index
     * and rules; ACLs of other tags are ignored.
     */
    public static void assertHoldsAll(List<AclDetails> all, String tagPrefix, Map<String, Long> indexByTag,
                                      int rulesEach) {
        Map<String, AclDetails> ours = new HashMap<>();
        for (AclDetails d : all) {
            if (d.tag().startsWith(tagPrefix)) {
                assertThat(ours.put(d.tag(), d)).as("%s dumped once", d.tag()).isNull();
            }
        }
        assertThat(ours.keySet()).as("our ACLs in the dump of every ACL").isEqualTo(indexByTag.keySet());
        for (int i = 0; i < indexByTag.size(); i++) {
            AclDetails d = ours.get(tagPrefix + i);
            assertThat(d.aclIndex()).as("index of %s", d.tag()).isEqualTo(indexByTag.get(tagPrefix + i));
            assertThat(describe(d.r())).as("rules of %s", d.tag()).isEqualTo(describe(rules(rulesEach, i)));
        }
    }

    /** A dump of ACL {@code index} holds exactly that ACL, with its tag and {@code rules} in order. */
    public static void assertDumped(ApiChannel ch, long index, String tag, List<AclRule> rules) {
        List<AclDetails> dumped = ch.dump(new AclDump().aclIndex(index));
        assertThat(dumped).as("acl_dump of ACL %d", index).hasSize(1);
        AclDetails d = dumped.get(0);
        assertThat(d.aclIndex()).isEqualTo(index);
        assertThat(d.tag()).isEqualTo(tag);
        assertThat(d.count()).as("rule count of ACL %d", index).isEqualTo(rules.size());
        assertThat(describe(d.r())).as("rules of ACL %d", index).isEqualTo(describe(rules));
    }

    /** Deletes the ACLs, pipelined; every reply must have retval 0. */
    public static void deleteAll(JvppMux mux, Collection<Long> indexes) throws Exception {
        Pipelined.send(mux, indexes.stream().map(i -> new AclDel().aclIndex(i)).toList());
    }

    /** What VPP keeps of a rule, as text: action, prefixes (of their family), protocol, port ranges, TCP flags. */
    public static String describe(AclRule r) {
        return r.isPermitValue() + " " + describe(r.srcPrefix()) + " -> " + describe(r.dstPrefix()) + " proto "
                + r.protoValue() + " sport " + r.srcportOrIcmptypeFirst() + "-" + r.srcportOrIcmptypeLast() + " dport "
                + r.dstportOrIcmpcodeFirst() + "-" + r.dstportOrIcmpcodeLast() + " flags " + r.tcpFlagsValue() + "/"
                + r.tcpFlagsMask();
    }

    /** Each rule's {@link #describe(AclRule) text}, in order. */
    public static List<String> describe(List<AclRule> rules) {
        return rules.stream().map(AclTraffic::describe).toList();
    }

    private static String describe(Prefix p) {
        Address a = p.address();
        boolean ip6 = a.af() == AddressFamily.ADDRESS_IP6;
        byte[] bytes = ip6 ? a.un().ip6().bytes() : Arrays.copyOf(a.un().ip4().bytes(), 4);
        return (ip6 ? "ip6 " : "ip4 ") + Arrays.toString(bytes) + "/" + p.len();
    }

    private static Prefix ip4(byte[] address, int len) {
        return RouteTraffic.ip4(address, len);
    }

    private static Prefix ip6(byte[] start, int len) {
        return new Prefix().address(new Address().af(AddressFamily.ADDRESS_IP6)
                .un(new AddressUnion().ip6(new Ip6Address(Arrays.copyOf(start, 16))))).len(len);
    }
}
