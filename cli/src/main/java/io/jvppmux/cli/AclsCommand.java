package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.acl.AclDetails;
import io.jvppmux.binapi.acl.AclDump;
import io.jvppmux.binapi.acl.AclInterfaceListDetails;
import io.jvppmux.binapi.acl.AclInterfaceListDump;
import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.Prefix;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Dumps VPP's ACLs ({@code acl_dump}) and where they are applied ({@code acl_interface_list_dump}): a line per ACL
 * (index, tag, rule count, the interfaces and direction it is applied on), then a line per rule (or one JSON array).
 */
@Command(name = "acls", mixinStandardHelpOptions = true,
        description = "List VPP's ACLs (the acl plugin): each with its tag, where it is applied, and its rules.")
final class AclsCommand implements Callable<Integer> {
    private static final long ALL = 0xffffffffL;
    private static final String[] ACTIONS = {"deny", "permit", "permit+reflect"};

    @Mixin
    private TargetOptions target;
    @Option(names = "--index", paramLabel = "N", description = "only the ACL of this index (default: every ACL)")
    private Long index;
    @Option(names = "--json", description = "print a JSON array of objects")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (index != null && (index < 0 || index >= ALL)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--index " + index + ": an ACL index is 0..4294967294");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<AclDetails> acls;
        Map<Long, List<String>> applied = new HashMap<>();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            Map<Long, String> names = new HashMap<>();
            for (SwInterfaceDetails d : ch.dump(new SwInterfaceDump())) {
                names.put(d.swIfIndex(), d.interfaceName());
            }
            acls = ch.dump(new AclDump().aclIndex(index == null ? ALL : index));
            for (AclInterfaceListDetails d : ch.dump(new AclInterfaceListDump().swIfIndex(ALL))) {
                long[] list = d.acls();
                for (int i = 0; i < list.length; i++) {
                    applied.computeIfAbsent(list[i], k -> new ArrayList<>()).add(names.getOrDefault(d.swIfIndex(), "?")
                            + " (" + d.swIfIndex() + ") " + (i < d.nInput() ? "input" : "output"));
                }
            }
        }
        if (json) {
            printJson(out, acls, applied);
        } else {
            for (AclDetails a : acls) {
                List<String> on = applied.getOrDefault(a.aclIndex(), List.of());
                out.printf("acl %d \"%s\": %s, %s%n", a.aclIndex(), a.tag(), count(a.r().size(), "rule"),
                        on.isEmpty() ? "not applied" : "applied on " + String.join(", ", on));
                for (int i = 0; i < a.r().size(); i++) {
                    out.printf("  %d: %s%n", i, describe(a.r().get(i)));
                }
            }
            out.println(acls.isEmpty() ? (index == null ? "no ACLs" : "no ACL " + index) : count(acls.size(), "ACL"));
        }
        out.flush();
        return 0;
    }

    private static void printJson(PrintWriter out, List<AclDetails> acls, Map<Long, List<String>> applied) {
        Json doc = new Json().beginArray();
        for (AclDetails a : acls) {
            doc.beginObject().unsignedField("acl_index", a.aclIndex()).field("tag", a.tag()).name("applied")
                    .beginArray();
            applied.getOrDefault(a.aclIndex(), List.of()).forEach(doc::value);
            doc.end().name("rules").beginArray();
            for (AclRule r : a.r()) {
                doc.beginObject().field("action", action(r)).field("src", prefix(r.srcPrefix()))
                        .field("dst", prefix(r.dstPrefix())).field("proto", r.protoValue())
                        .field("sport", r.srcportOrIcmptypeFirst() + "-" + r.srcportOrIcmptypeLast())
                        .field("dport", r.dstportOrIcmpcodeFirst() + "-" + r.dstportOrIcmpcodeLast())
                        .field("tcp_flags_value", r.tcpFlagsValue()).field("tcp_flags_mask", r.tcpFlagsMask()).end();
            }
            doc.end().end();
        }
        out.println(doc.end());
    }

    /** As VPP's {@code show acl-plugin acl} writes a rule, TCP flags added when a mask is set. */
    static String describe(AclRule r) {
        String s = (r.srcPrefix().address().af() == AddressFamily.ADDRESS_IP6 ? "ipv6 " : "ipv4 ") + action(r)
                + " src " + prefix(r.srcPrefix()) + " dst " + prefix(r.dstPrefix()) + " proto " + r.protoValue()
                + " sport " + range(r.srcportOrIcmptypeFirst(), r.srcportOrIcmptypeLast())
                + " dport " + range(r.dstportOrIcmpcodeFirst(), r.dstportOrIcmpcodeLast());
        return r.tcpFlagsMask() == 0 ? s : s + " tcpflags " + r.tcpFlagsValue() + " mask " + r.tcpFlagsMask();
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String action(AclRule r) {
        int a = r.isPermitValue();
        return a >= 0 && a < ACTIONS.length ? ACTIONS[a] : "action-" + a;
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }

    private static String prefix(Prefix p) {
        byte[] a = p.address().af() == AddressFamily.ADDRESS_IP6 ? p.address().un().ip6().bytes()
                : p.address().un().ip4().bytes();
        return RoutesCommand.text(a) + "/" + p.len();
    }
}
