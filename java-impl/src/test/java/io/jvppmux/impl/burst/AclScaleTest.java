package io.jvppmux.impl.burst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.VppApiException;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.AclTraffic;
import io.jvppmux.impl.testing.Face;
import io.jvppmux.impl.testing.RouteTraffic;
import io.jvppmux.mock.MockVpp;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ACLs at production scale in every build, against mock-vpp (whose ACL plugin answers as VPP 26.10's does: the live
 * differential test checks it), on both faces: 2,000 ACLs made from four channels with 64 requests in flight each,
 * found rule for rule in one dump of every ACL and deleted; one ACL of 20,000 rules (a 937 KB request, and as large a
 * reply) written, dumped back and refused when replaced by a bad one. The same traffic runs against a real VPP in
 * {@code LiveAclTest}.
 */
@Timeout(120)
class AclScaleTest {
    private static final int MANY = 2_000;
    private static final int RULES_EACH = 8;
    private static final int BIG = 20_000;

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void twoThousandAclsAreMadeDumpedAndDeleted(String name, Supplier<Face> faces) throws Exception {
        try (MockVpp vpp = MockVpp.start(); Face face = faces.get(); JvppMux mux = face.connect(vpp, MuxConfig.defaults());
             ApiChannel ch = mux.newApiChannel()) {
            long start = System.nanoTime();
            Map<String, Long> indexByTag = AclTraffic.makeMany(mux, "many-", MANY, RULES_EACH);
            long made = System.nanoTime();
            List<AclDetails> all = ch.dump(new AclDump().aclIndex(AclTraffic.ALL));
            System.out.printf("ACL-FIGURE %s: %d ACLs made in %d ms, dumped in %d ms%n", name, MANY,
                    (made - start) / 1_000_000, (System.nanoTime() - made) / 1_000_000);
            assertThat(all).hasSize(MANY);
            AclTraffic.assertHoldsAll(all, "many-", indexByTag, RULES_EACH);

            AclTraffic.deleteAll(mux, indexByTag.values());
            assertThat(ch.dump(new AclDump().aclIndex(AclTraffic.ALL))).isEmpty();
            assertThat(mux.metrics().timeouts()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.jvppmux.impl.testing.Face#both")
    void anAclOfTwentyThousandRulesIsWrittenDumpedAndKeptWhenABadReplaceIsRefused(String name, Supplier<Face> faces) {
        try (MockVpp vpp = MockVpp.start(); Face face = faces.get(); JvppMux mux = face.connect(vpp, MuxConfig.defaults());
             ApiChannel ch = mux.newApiChannel()) {
            List<AclRule> rules = AclTraffic.rules(BIG, 0);
            long index = ch.call(new AclAddReplace().aclIndex(AclTraffic.ALL).tag("big").r(rules)).aclIndex();
            AclTraffic.assertDumped(ch, index, "big", rules);

            List<AclRule> bad = AclTraffic.rules(BIG, 1);
            bad.get(BIG - 1).srcPrefix(RouteTraffic.ip4(new byte[] {10, 0, 0, 0}, 33));   // the last rule: a /33
            assertThatThrownBy(() -> ch.call(new AclAddReplace().aclIndex(index).tag("big").r(bad)))
                    .isInstanceOfSatisfying(VppApiException.class, e -> assertThat(e.retval()).isEqualTo(-57));
            AclTraffic.assertDumped(ch, index, "big", rules);
        }
    }
}
