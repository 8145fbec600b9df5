package io.jvppmux.impl.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MuxConfig;
import io.jvppmux.api.TransportKind;
import io.jvppmux.binapi.acl.AclAddReplace;
import io.jvppmux.binapi.acl.AclAddReplaceReply;
import io.jvppmux.binapi.acl.AclDel;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.impl.JvppMux;
import io.jvppmux.impl.testing.AclTraffic;
import io.jvppmux.impl.testing.Pipelined;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ACLs at production scale against a real VPP of its own, over the socket and over shared memory: one ACL of
 * 10,000 rules (a request of 480 KB) replaced by one of 20,000 (960 KB) and dumped back rule for rule (the reply as
 * large), VPP's own CLI counting the rules too; and 2,000 small ACLs made from four threads on four channels, 64 in
 * flight each, all found in one dump of every ACL, then deleted the same way. Large requests and replies in one
 * message are what the route and interface tests do not send. An ACL of 40,000 rules (1.9 MB) is more than the
 * shared-memory transport writes: refused there by name with nothing sent, written over the socket, and its 1.9 MB
 * dump read over both. A flood of 864 KB requests over shared memory (4 channels, 64 in flight each) is held back by
 * the mux's bound on bytes VPP holds unanswered instead of filling VPP's API segment (which aborted the JVM and hung
 * VPP before the bound).
 */
@Timeout(300)
class LiveAclTest {
    private static final int BIG = 10_000;
    private static final int BIGGER = 20_000;
    private static final int MANY = 2_000;
    private static final int RULES_EACH = 8;
    /** Rules of an ACL larger than the shared-memory transport writes (1.9 MB; it writes at most 1 MiB). */
    private static final int HUGE = 40_000;
    /** A flood over shm: this many replaces of 18,000 rules (864 KB each), as fast as four channels send them. */
    private static final int FLOOD = 256;
    private static final int FLOOD_RULES = 18_000;
    /** "acl-index N count C tag {T}" of {@code show acl-plugin acl}. */
    private static final Pattern COUNT = Pattern.compile("acl-index (\\d+) count (\\d+) tag \\{([^}]*)}");

    @RegisterExtension
    static final OwnVpp VPP = new OwnVpp("acl");

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void anAclOfTwentyThousandRulesIsWrittenReplacedAndDumpedBackRuleForRule(TransportKind kind) {
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel()) {
            List<AclRule> first = AclTraffic.rules(BIG, 0);
            String tag = "jvppmux-big-" + kind;
            long start = System.nanoTime();
            long index = ch.call(new AclAddReplace().aclIndex(AclTraffic.ALL).tag(tag).r(first)).aclIndex();
            long added = System.nanoTime();
            AclTraffic.assertDumped(ch, index, tag, first);
            long dumped = System.nanoTime();
            assertThat(vppCounts()).as("VPP's own count of the ACL's rules").containsEntry(index, (long) BIG);

            List<AclRule> second = AclTraffic.rules(BIGGER, 1);
            AclAddReplaceReply replaced = ch.call(new AclAddReplace().aclIndex(index).tag(tag).r(second));
            assertThat(replaced.aclIndex()).as("the index of the replaced ACL").isEqualTo(index);
            long replacedAt = System.nanoTime();
            AclTraffic.assertDumped(ch, index, tag, second);
            long dumpedAgain = System.nanoTime();
            assertThat(vppCounts()).as("VPP's count after the replace").containsEntry(index, (long) BIGGER);
            System.out.printf("LIVE-FIGURE %s acl: %d rules (%d KB) added in %d ms, dumped in %d ms; replaced by %d"
                            + " (%d KB) in %d ms, dumped in %d ms%n", kind, BIG, requestKb(first), ms(start, added),
                    ms(added, dumped), BIGGER, requestKb(second), ms(dumped, replacedAt), ms(replacedAt, dumpedAgain));

            ch.call(new AclDel().aclIndex(index));
            assertThat(ch.dump(new AclDump().aclIndex(index))).as("the ACL after acl_del").isEmpty();
            assertThat(vppCounts()).as("VPP's ACLs after acl_del").doesNotContainKey(index);
        }
    }

    @ParameterizedTest
    @EnumSource(TransportKind.class)
    void twoThousandAclsMadeFromFourChannelsAreAllDumpedThenDeleted(TransportKind kind) throws Exception {
        try (JvppMux mux = connect(kind); ApiChannel ch = mux.newApiChannel()) {
            String prefix = "jvppmux-" + kind + "-";
            long start = System.nanoTime();
            Map<String, Long> indexByTag = AclTraffic.makeMany(mux, prefix, MANY, RULES_EACH);
            long added = System.nanoTime();
            List<AclDetails> all = ch.dump(new AclDump().aclIndex(AclTraffic.ALL));
            long dumped = System.nanoTime();
            AclTraffic.assertHoldsAll(all, prefix, indexByTag, RULES_EACH);
            assertThat(vppCounts()).as("VPP's own count of rules of each").containsAllEntriesOf(
                    indexByTag.values().stream().collect(Collectors.toMap(i -> i, i -> (long) RULES_EACH)));
            System.out.printf("LIVE-FIGURE %s acls: %d ACLs of %d rules made in %d ms (%d channels, %d in flight each),"
                            + " %d dumped in %d ms%n", kind, MANY, RULES_EACH, ms(start, added), Pipelined.THREADS,
                    Pipelined.WINDOW, all.size(), ms(added, dumped));

            AclTraffic.deleteAll(mux, indexByTag.values());
            assertThat(ch.dump(new AclDump().aclIndex(AclTraffic.ALL))).as("our ACLs after deleting them")
                    .noneMatch(d -> d.tag().startsWith(prefix));
        }
    }

    @Test
    void anAclLargerThanSharedMemoryTakesIsRefusedByNameThereWrittenOverTheSocketAndReadOverBoth() {
        List<AclRule> rules = new ArrayList<>(AclTraffic.rules(HUGE / 2, 0));
        rules.addAll(AclTraffic.rules(HUGE / 2, 1));
        AclAddReplace add = new AclAddReplace().aclIndex(AclTraffic.ALL).tag("jvppmux-huge").r(rules);
        Map<Long, Long> before = vppCounts();
        try (JvppMux shm = connect(TransportKind.SHM); ApiChannel ch = shm.newApiChannel()) {
            assertThatThrownBy(() -> ch.call(add)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("acl_add_replace: 1,920,")
                    .hasMessageContaining("more than the 1,048,576 the transport (shm ");
            assertThat(vppCounts()).as("VPP's ACLs after the refusal").isEqualTo(before);
            assertThat(ch.dump(new AclDump().aclIndex(AclTraffic.ALL))).as("the channel after the refusal")
                    .noneMatch(d -> d.tag().equals("jvppmux-huge"));
        }
        long index;
        try (JvppMux socket = connect(TransportKind.SOCKET); ApiChannel ch = socket.newApiChannel()) {
            index = ch.call(add).aclIndex();
            AclTraffic.assertDumped(ch, index, "jvppmux-huge", rules);
        }
        assertThat(vppCounts()).as("VPP's own count").containsEntry(index, (long) HUGE);
        try (JvppMux shm = connect(TransportKind.SHM); ApiChannel ch = shm.newApiChannel()) {
            AclTraffic.assertDumped(ch, index, "jvppmux-huge", rules);   // a 1.9 MB reply in VPP's API segment
            ch.call(new AclDel().aclIndex(index));
        }
        assertThat(vppCounts()).as("VPP's ACLs after acl_del").isEqualTo(before);
    }

    @Test
    void aFloodOfLargeRequestsOverSharedMemoryWaitsForVppInsteadOfFillingItsSegment() throws Exception {
        List<AclRule> rules = AclTraffic.rules(FLOOD_RULES, 0);
        try (JvppMux mux = connect(TransportKind.SHM); ApiChannel ch = mux.newApiChannel()) {
            long[] acls = new long[Pipelined.THREADS];
            for (int t = 0; t < acls.length; t++) {
                acls[t] = ch.call(new AclAddReplace().aclIndex(AclTraffic.ALL).tag("flood-" + t)).aclIndex();
            }
            List<AclAddReplace> replaces = IntStream.range(0, FLOOD).mapToObj(i -> new AclAddReplace()
                    .aclIndex(acls[i * acls.length / FLOOD]).tag("flood").r(rules)).toList();
            long start = System.nanoTime();
            Pipelined.send(mux, replaces);   // each thread its own ACL, 64 in flight: 221 MB in all
            System.out.printf("LIVE-FIGURE SHM flood: %d acl_add_replace of %d KB (%d channels, %d in flight each)"
                            + " in %d ms%n", FLOOD, requestKb(rules), Pipelined.THREADS, Pipelined.WINDOW,
                    ms(start, System.nanoTime()));
            assertThat(VPP.get().vppctl("show", "version")).as("VPP answers after the flood").startsWith("vpp v");
            for (long acl : acls) {
                assertThat(vppCounts()).containsEntry(acl, (long) FLOOD_RULES);
                ch.call(new AclDel().aclIndex(acl));
            }
        }
    }

    /** Every ACL's rule count, by index, as VPP's CLI ({@code show acl-plugin acl}) gives it. */
    private static Map<Long, Long> vppCounts() {
        Matcher m = COUNT.matcher(VPP.get().vppctl("show", "acl-plugin", "acl"));
        Map<Long, Long> counts = new HashMap<>();
        while (m.find()) {
            counts.put(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private static long requestKb(List<AclRule> rules) {
        return new AclAddReplace().r(rules).encodedSize() / 1024;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static JvppMux connect(TransportKind kind) {
        return LiveTransports.connect(kind, MuxConfig.defaults(), VPP.get());
    }
}
