package io.jvppmux.impl.testing;

import io.jvppmux.binapi.acl_types.AclAction;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip6Address;
import io.jvppmux.binapi.ip_types.IpProto;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ACL rules as a control plane writes them, many and all different, and a text of a rule that names what VPP must
 * keep of it (for comparing what a dump gives back with what was sent, without the bytes a union leaves unused).
 */
public final class AclTraffic {
    private static final IpProto[] PROTOS = {IpProto.IP_API_PROTO_TCP, IpProto.IP_API_PROTO_UDP, IpProto.IP_API_PROTO_ICMP};

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
