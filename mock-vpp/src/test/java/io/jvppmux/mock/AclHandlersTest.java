package io.jvppmux.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.acl.AclDel;
import io.jvppmux.binapi.acl.AclDelReply;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl.AclInterfaceAddDel;
import io.jvppmux.binapi.acl.AclInterfaceAddDelReply;
import io.jvppmux.binapi.acl.AclInterfaceListDetails;
import io.jvppmux.binapi.acl.AclInterfaceListDump;
import io.jvppmux.binapi.acl.AclInterfaceSetAclList;
import io.jvppmux.binapi.acl.AclInterfaceSetAclListReply;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopbackReply;
import io.jvppmux.binapi.ip_types.Prefix;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** mock-vpp's ACL plugin through its in-process face: what VPP 26.10 answers (the live differential test checks it). */
class AclHandlersTest {
    private static final long NEW = 0xFFFF_FFFFL;
    private int context = 100;

    @Test
    void aclsTakeTheIndexFreedLastAndRefuseBadRulesAsVppDoes() throws Exception {
        try (MockVpp vpp = MockVpp.start(); InProcessClient c = new InProcessClient(vpp)) {
            assertThat(add(c, NEW, rule("10.0.0.0", 24))).containsExactly(0, 0L);
            assertThat(add(c, NEW)).as("an empty ACL").containsExactly(0, 1L);
            assertThat(add(c, NEW, rule("10.1.0.0", 16))).containsExactly(0, 2L);
            assertThat(add(c, 1, rule("10.2.0.0", 16))).as("replaced").containsExactly(0, 1L);
            assertThat(add(c, 7, rule("10.2.0.0", 16))).as("no ACL 7: the index echoed").containsExactly(-6, 7L);
            assertThat(add(c, NEW, rule("10.0.0.0", 33))).as("source /33").containsExactly(-57, NEW);
            assertThat(add(c, NEW, rule("10.0.0.5", 24))).as("source host bits").containsExactly(-57, NEW);
            assertThat(add(c, NEW, rule("10.0.0.0", 24).dstPrefix(prefix("10.9.9.9", 16)))).containsExactly(-58, NEW);
            assertThat(add(c, NEW, rule("10.0.0.0", 24).dstPrefix(prefix("::", 0)))).as("families")
                    .containsExactly(-57, NEW);
            assertThat(add(c, NEW, rule("10.0.0.0", 24).dstportOrIcmpcodeFirst(90).dstportOrIcmpcodeLast(80)))
                    .as("ports reversed").containsExactly(-8, NEW);
            assertThat(add(c, 2, rule("10.0.0.0", 33))).as("a bad replace").containsExactly(-57, 2L);

            assertThat(del(c, 0)).isZero();
            assertThat(del(c, 2)).isZero();
            assertThat(del(c, 2)).as("deleted already").isEqualTo(-6);
            assertThat(add(c, NEW)).as("the index freed last").containsExactly(0, 2L);
            assertThat(add(c, NEW)).containsExactly(0, 0L);
            assertThat(add(c, NEW)).as("then the next never used").containsExactly(0, 3L);
        }
    }

    @Test
    void aclsOnAnInterfaceAreListedRefusedTwiceAndKeepTheirAclsFromDeletion() throws Exception {
        try (MockVpp vpp = MockVpp.start(); InProcessClient c = new InProcessClient(vpp)) {
            c.send(new CreateLoopback(), 1);
            long loop = c.expect(new CreateLoopbackReply()).swIfIndex();
            add(c, NEW, rule("10.0.0.0", 24));
            add(c, NEW, rule("10.1.0.0", 16));
            add(c, NEW);

            assertThat(setList(c, 99, 1, 0)).as("unknown interface").isEqualTo(-2);
            assertThat(setList(c, loop, 1, 0, 7)).as("no ACL 7").isEqualTo(-6);
            assertThat(setList(c, loop, 1, 0, 1)).isZero();
            assertThat(bind(c, true, true, loop, 2)).isZero();
            assertThat(bind(c, true, true, loop, 2)).as("twice as input").isEqualTo(-142);
            assertThat(bind(c, true, false, loop, 1)).as("twice as output").isEqualTo(-143);
            assertThat(bind(c, false, false, loop, 0)).as("not an output ACL").isEqualTo(-6);
            assertThat(lists(c, loop)).containsExactly(loop + " input 2 [0, 2, 1]");
            assertThat(lists(c, NEW)).containsExactly("0 input 0 []", loop + " input 2 [0, 2, 1]");
            assertThat(lists(c, 99)).isEmpty();

            assertThat(del(c, 0)).as("in use as input").isEqualTo(-142);
            assertThat(del(c, 1)).as("in use as output").isEqualTo(-143);
            c.send(new DeleteLoopback().swIfIndex(loop), 2);
            assertThat(c.expect(new DeleteLoopbackReply()).retval()).isZero();
            assertThat(del(c, 0)).as("its interface went").isZero();
            assertThat(lists(c, NEW)).containsExactly("0 input 0 []");
        }
    }

    @Test
    void aRestartForgetsAclsAsVppDoes() throws Exception {
        try (MockVpp vpp = MockVpp.start()) {
            try (InProcessClient c = new InProcessClient(vpp)) {
                add(c, NEW, rule("10.0.0.0", 24));
                assertThat(c.dump(new AclDump().aclIndex(NEW), AclDetails::new, ++context)).hasSize(1);
            }
            vpp.restart();
            try (InProcessClient c = new InProcessClient(vpp)) {
                assertThat(c.dump(new AclDump().aclIndex(NEW), AclDetails::new, ++context)).isEmpty();
                assertThat(add(c, NEW)).as("indexes from 0 again").containsExactly(0, 0L);
            }
        }
    }

    /** retval and acl_index of an acl_add_replace. */
    private List<Object> add(InProcessClient c, long index, AclRule... rules) throws InterruptedException {
        c.send(new AclAddReplace().aclIndex(index).tag("t").r(List.of(rules)), ++context);
        AclAddReplaceReply r = c.expect(new AclAddReplaceReply());
        return List.of(r.retval(), r.aclIndex());
    }

    private int del(InProcessClient c, long index) throws InterruptedException {
        c.send(new AclDel().aclIndex(index), ++context);
        return c.expect(new AclDelReply()).retval();
    }

    private int setList(InProcessClient c, long swIfIndex, int nInput, long... acls) throws InterruptedException {
        c.send(new AclInterfaceSetAclList().swIfIndex(swIfIndex).nInput(nInput).acls(acls), ++context);
        return c.expect(new AclInterfaceSetAclListReply()).retval();
    }

    private int bind(InProcessClient c, boolean add, boolean input, long swIfIndex, long acl) throws InterruptedException {
        c.send(new AclInterfaceAddDel().isAdd(add).isInput(input).swIfIndex(swIfIndex).aclIndex(acl), ++context);
        return c.expect(new AclInterfaceAddDelReply()).retval();
    }

    /** "sw_if_index input N [acls]" of each interface the dump lists, up to the control_ping_reply ending it. */
    private List<String> lists(InProcessClient c, long swIfIndex) throws InterruptedException {
        List<String> out = new ArrayList<>();
        for (AclInterfaceListDetails d : c.dump(new AclInterfaceListDump().swIfIndex(swIfIndex),
                AclInterfaceListDetails::new, ++context)) {
            out.add(d.swIfIndex() + " input " + d.nInput() + " " + Arrays.toString(d.acls()));
        }
        return out;
    }

    private static AclRule rule(String src, int len) {
        return new AclRule().isPermitValue(1).srcPrefix(prefix(src, len)).dstPrefix(prefix("0.0.0.0", 0))
                .srcportOrIcmptypeLast(65_535).dstportOrIcmpcodeLast(65_535);
    }

    private static Prefix prefix(String ip, int len) {
        try {
            return RouteModel.prefix(InetAddress.getByName(ip).getAddress(), len);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ip, e);
        }
    }
}
