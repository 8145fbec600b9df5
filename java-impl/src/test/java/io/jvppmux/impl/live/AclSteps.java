package io.jvppmux.impl.live;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.acl.AclDel;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl.AclInterfaceAddDel;
import io.jvppmux.binapi.acl.AclInterfaceListDetails;
import io.jvppmux.binapi.acl.AclInterfaceListDump;
import io.jvppmux.binapi.acl.AclInterfaceSetAclList;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.impl.testing.AclTraffic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The ACL part of {@link LiveDifferentialTest}'s scenario: ACLs made (empty, IPv4, IPv6, mixed), replaced, refused
 * for bad arguments, dumped one and all, deleted (twice), their indexes reused; then applied to interface 1 (the
 * scenario's first loopback) as a list and one by one, refused for unknown ACLs and interfaces, deleted while in
 * use, and taken off again. Every ACL it makes is deleted at its end.
 */
final class AclSteps {
    private static final long NEW = 0xFFFF_FFFFL;
    private static final long ALL = 0xFFFF_FFFFL;
    private static final long IF = 1;
    private static final long NO_IF = 99_999;

    private AclSteps() {
    }

    static List<LiveDifferentialTest.Step> scenario() {
        List<LiveDifferentialTest.Step> s = new ArrayList<>();
        s.add(step("acl_dump all, fresh", ch -> dump(ch, ALL)));
        s.add(step("acl_add_replace new, two ip4 rules", ch -> add(ch, NEW, "first",
                rule(1, "10.0.0.0/24", "0.0.0.0/0", 6, 0, 65535, 80, 80),
                rule(0, "10.1.0.0/16", "0.0.0.0/0", 17, 0, 65535, 53, 53))));
        s.add(step("acl_add_replace new, empty", ch -> add(ch, NEW, "empty")));
        s.add(step("acl_add_replace new, ip6 and ip4 rules", ch -> add(ch, NEW, "mixed",
                rule(2, "2001:db8::/32", "::/0", 6, 1024, 65535, 443, 443),
                rule(1, "192.168.0.0/16", "10.0.0.0/8", 1, 8, 8, 0, 0))));
        s.add(step("acl_dump all, three", ch -> dump(ch, ALL)));
        s.add(step("acl_add_replace replace the first", ch -> add(ch, 0, "first-replaced",
                anyPort(0, "0.0.0.0/0", "0.0.0.0/0"))));
        s.add(step("acl_dump the first", ch -> dump(ch, 0)));
        s.add(step("acl_add_replace an index not made", ch ->
                add(ch, 9, "nine", anyPort(1, "10.0.0.0/8", "0.0.0.0/0"))));
        s.add(step("acl_add_replace ip4 prefix length 33", ch ->
                add(ch, NEW, "bad", anyPort(1, "10.0.0.0/33", "0.0.0.0/0"))));
        s.add(step("acl_add_replace ip6 prefix length 129", ch ->
                add(ch, NEW, "bad", anyPort(1, "2001:db8::/129", "::/0"))));
        s.add(step("acl_add_replace source ip4, destination ip6", ch ->
                add(ch, NEW, "bad", anyPort(1, "10.0.0.0/8", "::/0"))));
        s.add(step("acl_add_replace host bits", ch -> add(ch, NEW, "odd",
                rule(1, "10.0.0.5/24", "0.0.0.0/0", 6, 0, 65535, 0, 65535))));
        s.add(step("acl_add_replace destination host bits", ch -> add(ch, NEW, "odd",
                rule(1, "10.0.0.0/24", "10.9.9.9/16", 6, 0, 65535, 0, 65535))));
        s.add(step("acl_add_replace source ports reversed", ch -> add(ch, NEW, "odd",
                rule(1, "10.0.0.0/24", "0.0.0.0/0", 6, 2000, 1000, 0, 65535))));
        s.add(step("acl_add_replace destination ports reversed", ch -> add(ch, NEW, "odd",
                rule(1, "10.0.0.0/24", "0.0.0.0/0", 6, 0, 65535, 90, 80))));
        s.add(step("acl_add_replace action 3", ch -> add(ch, NEW, "odd",
                rule(3, "10.0.0.0/24", "0.0.0.0/0", 6, 0, 65535, 0, 65535))));
        s.add(step("acl_add_replace a good rule after a bad one", ch -> add(ch, NEW, "odd",
                anyPort(1, "10.0.0.0/33", "0.0.0.0/0"), anyPort(1, "10.0.0.0/8", "0.0.0.0/0"))));
        s.add(step("acl_add_replace replace with a bad rule", ch -> add(ch, 2, "mixed-bad",
                anyPort(1, "10.0.0.0/33", "0.0.0.0/0"))));
        s.add(step("acl_dump all, after the refusals", ch -> dump(ch, ALL)));
        s.add(step("acl_dump an index not made", ch -> dump(ch, 9)));
        s.add(step("acl_del the empty one", ch -> LiveDifferentialTest.call(ch, new AclDel().aclIndex(1))));
        s.add(step("acl_del the empty one again", ch -> LiveDifferentialTest.call(ch, new AclDel().aclIndex(1))));
        s.add(step("acl_del another", ch -> LiveDifferentialTest.call(ch, new AclDel().aclIndex(3))));
        s.add(step("acl_add_replace new after two deletes", ch ->
                add(ch, NEW, "again", anyPort(0, "10.2.0.0/16", "0.0.0.0/0"))));
        s.add(step("acl_add_replace new again after two deletes", ch -> add(ch, NEW, "again2")));
        s.add(step("acl_dump all, after the delete", ch -> dump(ch, ALL)));
        s.add(step("acl_interface_list_dump one, none applied", ch -> interfaces(ch, IF)));
        s.add(step("acl_interface_set_acl_list input 0, output 2", ch -> LiveDifferentialTest.call(ch,
                new AclInterfaceSetAclList().swIfIndex(IF).nInput(1).acls(new long[] {0, 2}))));
        s.add(step("acl_interface_list_dump one", ch -> interfaces(ch, IF)));
        s.add(step("acl_interface_list_dump all", ch -> interfaces(ch, ALL)));
        s.add(step("acl_interface_list_dump unknown interface", ch -> interfaces(ch, NO_IF)));
        s.add(step("acl_del one in use as input", ch -> LiveDifferentialTest.call(ch, new AclDel().aclIndex(0))));
        s.add(step("acl_del one in use as output", ch -> LiveDifferentialTest.call(ch, new AclDel().aclIndex(2))));
        s.add(step("acl_interface_set_acl_list an acl not made", ch -> LiveDifferentialTest.call(ch,
                new AclInterfaceSetAclList().swIfIndex(IF).nInput(1).acls(new long[] {9}))));
        s.add(step("acl_interface_set_acl_list unknown interface", ch -> LiveDifferentialTest.call(ch,
                new AclInterfaceSetAclList().swIfIndex(NO_IF).nInput(1).acls(new long[] {0}))));
        s.add(step("acl_interface_list_dump one, after the refusals", ch -> interfaces(ch, IF)));
        s.add(step("acl_interface_add_del add input", ch -> bind(ch, true, true, IF, 1)));
        s.add(step("acl_interface_add_del add input again", ch -> bind(ch, true, true, IF, 1)));
        s.add(step("acl_interface_add_del add output again", ch -> bind(ch, true, false, IF, 2)));
        s.add(step("acl_interface_add_del add an acl not made", ch -> bind(ch, true, false, IF, 9)));
        s.add(step("acl_interface_add_del add unknown interface", ch -> bind(ch, true, true, NO_IF, 1)));
        s.add(step("acl_interface_list_dump one, added", ch -> interfaces(ch, IF)));
        s.add(step("acl_interface_add_del delete input 0", ch -> bind(ch, false, true, IF, 0)));
        s.add(step("acl_interface_add_del delete one not applied", ch -> bind(ch, false, true, IF, 0)));
        s.add(step("acl_interface_list_dump one, deleted", ch -> interfaces(ch, IF)));
        s.add(step("acl_interface_set_acl_list empty", ch -> LiveDifferentialTest.call(ch,
                new AclInterfaceSetAclList().swIfIndex(IF).nInput(0).acls(new long[0]))));
        s.add(step("acl_interface_list_dump one, emptied", ch -> interfaces(ch, IF)));
        s.add(step("acl_del every acl", AclSteps::deleteAll));
        s.add(step("acl_dump all, at the end", ch -> dump(ch, ALL)));
        return s;
    }

    private static LiveDifferentialTest.Step step(String name, Function<ApiChannel, String> run) {
        return new LiveDifferentialTest.Step(name, run);
    }

    private static String add(ApiChannel ch, long index, String tag, AclRule... rules) {
        AclAddReplace request = new AclAddReplace().aclIndex(index).tag(tag).r(List.of(rules));
        try {
            AclAddReplaceReply r = ch.call(request);
            return "acl_add_replace_reply retval 0 acl_index " + r.aclIndex();
        } catch (VppApiException e) {
            return e.messageName() + " retval " + e.retval() + " acl_index "
                    + e.reply(AclAddReplaceReply.class).aclIndex();
        }
    }

    private static String bind(ApiChannel ch, boolean add, boolean input, long swIfIndex, long acl) {
        return LiveDifferentialTest.call(ch, new AclInterfaceAddDel().isAdd(add).isInput(input).swIfIndex(swIfIndex)
                .aclIndex(acl));
    }

    /** Each ACL dumped: index, tag and its rules as {@link AclTraffic#describe(AclRule)} writes them. */
    private static String dump(ApiChannel ch, long index) {
        List<String> out = new ArrayList<>();
        for (AclDetails d : ch.dump(new AclDump().aclIndex(index))) {
            out.add(d.aclIndex() + ":" + d.tag() + ":" + AclTraffic.describe(d.r()));
        }
        return "acl_details x" + out.size() + " " + out;
    }

    private static String interfaces(ApiChannel ch, long swIfIndex) {
        List<String> out = new ArrayList<>();
        for (AclInterfaceListDetails d : ch.dump(new AclInterfaceListDump().swIfIndex(swIfIndex))) {
            out.add(d.swIfIndex() + ":input " + d.nInput() + ":" + Arrays.toString(d.acls()));
        }
        return "acl_interface_list_details x" + out.size() + " " + out;
    }

    /** Deletes every ACL there is, highest index first; the retvals. */
    private static String deleteAll(ApiChannel ch) {
        List<Long> indexes = new ArrayList<>(ch.dump(new AclDump().aclIndex(ALL)).stream().map(AclDetails::aclIndex)
                .toList());
        indexes.sort((a, b) -> Long.compare(b, a));
        List<String> out = new ArrayList<>();
        for (long i : indexes) {
            out.add(i + ":" + LiveDifferentialTest.call(ch, new AclDel().aclIndex(i)));
        }
        return out.toString();
    }

    /** A rule of any protocol and port: action (0 deny, 1 permit, 2 permit+reflect), prefixes as text. */
    private static AclRule anyPort(int action, String src, String dst) {
        return rule(action, src, dst, 0, 0, 65535, 0, 65535);
    }

    /** A rule: action (0 deny, 1 permit, 2 permit+reflect), prefixes as text, protocol, port ranges. */
    private static AclRule rule(int action, String src, String dst, int proto, int sportFirst, int sportLast,
                                int dportFirst, int dportLast) {
        return new AclRule().isPermitValue(action).srcPrefix(RouteSteps.prefix(src))
                .dstPrefix(RouteSteps.prefix(dst)).protoValue(proto).srcportOrIcmptypeFirst(sportFirst)
                .srcportOrIcmptypeLast(sportLast).dstportOrIcmpcodeFirst(dportFirst).dstportOrIcmpcodeLast(dportLast);
    }
}
