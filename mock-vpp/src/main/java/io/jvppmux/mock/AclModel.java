package io.jvppmux.mock;

import io.jvppmux.binapi.acl_types.AclRule;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ACL plugin's state (engine thread only), as VPP 26.10 keeps it: ACLs by index, a new one taking the index freed
 * last (VPP's pool) or the next never used; and each interface's input and output ACL lists, in the order applied.
 */
final class AclModel {
    /** VNET_API_ERROR_NO_SUCH_ENTRY. */
    static final int NO_SUCH_ENTRY = -6;
    /** VNET_API_ERROR_INVALID_VALUE_2: a port range whose first is above its last. */
    static final int INVALID_VALUE_2 = -8;
    /** VNET_API_ERROR_INVALID_SRC_ADDRESS: a source prefix too long, with host bits, or of the other family. */
    static final int INVALID_SRC_ADDRESS = -57;
    /** VNET_API_ERROR_INVALID_DST_ADDRESS. */
    static final int INVALID_DST_ADDRESS = -58;
    /** VNET_API_ERROR_ACL_IN_USE_INBOUND. */
    static final int IN_USE_INBOUND = -142;
    /** VNET_API_ERROR_ACL_IN_USE_OUTBOUND. */
    static final int IN_USE_OUTBOUND = -143;
    /** An ACL index of ~0: a new ACL. */
    static final long NEW = 0xFFFF_FFFFL;

    /** One ACL: its tag and rules as given. */
    record Acl(long index, String tag, List<AclRule> rules) {
    }

    private final TreeMap<Long, Acl> acls = new TreeMap<>();
    private final Deque<Long> freed = new ArrayDeque<>();
    private long neverUsed;
    private final Map<Long, List<Long>> inputs = new HashMap<>();
    private final Map<Long, List<Long>> outputs = new HashMap<>();

    /** 0, or why VPP refuses these rules: each rule in turn, source, destination, families, then the port ranges. */
    static int check(List<AclRule> rules) {
        for (AclRule r : rules) {
            if (invalid(r.srcPrefix())) {
                return INVALID_SRC_ADDRESS;
            }
            if (invalid(r.dstPrefix())) {
                return INVALID_DST_ADDRESS;
            }
            if (r.srcPrefix().address().afValue() != r.dstPrefix().address().afValue()) {
                return INVALID_SRC_ADDRESS;
            }
            if (r.srcportOrIcmptypeFirst() > r.srcportOrIcmptypeLast()
                    || r.dstportOrIcmpcodeFirst() > r.dstportOrIcmpcodeLast()) {
                return INVALID_VALUE_2;
            }
        }
        return 0;
    }

    /** Longer than its family's address, or with bits set past its length. */
    private static boolean invalid(Prefix p) {
        byte[] a = RouteModel.address(p);
        return p.len() > 8 * a.length || !Arrays.equals(a, RouteModel.masked(a, p.len()));
    }

    boolean exists(long index) {
        return acls.containsKey(index);
    }

    /** Makes ({@code index} ~0) or replaces an ACL that exists; returns its index. */
    long put(long index, String tag, List<AclRule> rules) {
        long i = index != NEW ? index : freed.isEmpty() ? neverUsed++ : freed.pop();
        acls.put(i, new Acl(i, tag, List.copyOf(rules)));
        return i;
    }

    /** 0, or why the ACL cannot be deleted: not there, applied as input (checked first), applied as output. */
    int delete(long index) {
        if (!acls.containsKey(index)) {
            return NO_SUCH_ENTRY;
        }
        if (appliedAnywhere(inputs, index)) {
            return IN_USE_INBOUND;
        }
        if (appliedAnywhere(outputs, index)) {
            return IN_USE_OUTBOUND;
        }
        acls.remove(index);
        freed.push(index);
        return 0;
    }

    private static boolean appliedAnywhere(Map<Long, List<Long>> lists, long index) {
        return lists.values().stream().anyMatch(l -> l.contains(index));
    }

    /** Every ACL by index, or the one of {@code index} (none when it does not exist). */
    List<Acl> dump(long index) {
        if (index == NEW) {
            return new ArrayList<>(acls.values());
        }
        Acl a = acls.get(index);
        return a == null ? List.of() : List.of(a);
    }

    /** The interface's lists replaced: the first {@code nInput} of {@code indexes} as input, the rest as output. */
    void setLists(long swIfIndex, int nInput, long[] indexes) {
        List<Long> all = Arrays.stream(indexes).boxed().toList();
        int n = Math.min(nInput, all.size());
        inputs.put(swIfIndex, new ArrayList<>(all.subList(0, n)));
        outputs.put(swIfIndex, new ArrayList<>(all.subList(n, all.size())));
    }

    /** Applies ({@code add}) or takes off one ACL of one direction: 0, or VPP's refusal (in use twice, not applied). */
    int addDel(long swIfIndex, boolean input, boolean add, long index) {
        List<Long> list = (input ? inputs : outputs).computeIfAbsent(swIfIndex, k -> new ArrayList<>());
        if (add) {
            if (list.contains(index)) {
                return input ? IN_USE_INBOUND : IN_USE_OUTBOUND;
            }
            list.add(index);
            return 0;
        }
        return list.remove(Long.valueOf(index)) ? 0 : NO_SUCH_ENTRY;
    }

    /** The interface's input ACLs. */
    List<Long> inputs(long swIfIndex) {
        return inputs.getOrDefault(swIfIndex, List.of());
    }

    /** The interface's output ACLs. */
    List<Long> outputs(long swIfIndex) {
        return outputs.getOrDefault(swIfIndex, List.of());
    }

    /** The interface is gone: so are its lists. */
    void forgetInterface(long swIfIndex) {
        inputs.remove(swIfIndex);
        outputs.remove(swIfIndex);
    }
}
