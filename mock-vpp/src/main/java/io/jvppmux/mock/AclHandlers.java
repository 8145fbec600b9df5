package io.jvppmux.mock;

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
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * Built-in behaviour of the ACL plugin's messages, over {@link AclModel}, with VPP 26.10's answers (checked by the live
 * differential test): replacing an ACL that does not exist is -6 (the reply's acl_index echoing the request's), a rule
 * with a bad prefix -57 or -58 (acl_index ~0 for a new ACL), a reversed port range -8; any action value is kept. On
 * interfaces: an unknown interface is -2 (before the ACLs are looked at), an ACL that does not exist -6, an ACL applied
 * twice in one direction -142 (input) or -143 (output), taking off one not applied -6; deleting an ACL in use -142 or
 * -143. The interface list dump of ~0 lists every interface, with or without ACLs.
 */
final class AclHandlers {
    private AclHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("acl_add_replace", AclHandlers::addReplace);
        handlers.put("acl_del", AclHandlers::del);
        handlers.put("acl_dump", AclHandlers::dump);
        handlers.put("acl_interface_set_acl_list", AclHandlers::setAclList);
        handlers.put("acl_interface_add_del", AclHandlers::interfaceAddDel);
        handlers.put("acl_interface_list_dump", AclHandlers::interfaceListDump);
    }

    private static void addReplace(Call call) {
        AclAddReplace req = call.request(AclAddReplace.class);
        AclModel acls = call.engine.acls;
        int retval = req.aclIndex() != AclModel.NEW && !acls.exists(req.aclIndex()) ? AclModel.NO_SUCH_ENTRY
                : AclModel.check(req.r());
        long index = retval == 0 ? acls.put(req.aclIndex(), req.tag(), req.r()) : req.aclIndex();
        call.reply(new AclAddReplaceReply().aclIndex(index).retval(retval));
    }

    private static void del(Call call) {
        call.reply(new AclDelReply().retval(call.engine.acls.delete(call.request(AclDel.class).aclIndex())));
    }

    /** Every ACL, or one; no terminator (the mux's control_ping ends the dump). */
    private static void dump(Call call) {
        for (AclModel.Acl a : call.engine.acls.dump(call.request(AclDump.class).aclIndex())) {
            call.reply(new AclDetails().aclIndex(a.index()).tag(a.tag()).r(a.rules()));
        }
    }

    private static void setAclList(Call call) {
        AclInterfaceSetAclList req = call.request(AclInterfaceSetAclList.class);
        int retval = check(call, req.swIfIndex(), req.acls());
        if (retval == 0) {
            call.engine.acls.setLists(req.swIfIndex(), req.nInput(), req.acls());
        }
        call.reply(new AclInterfaceSetAclListReply().retval(retval));
    }

    private static void interfaceAddDel(Call call) {
        AclInterfaceAddDel req = call.request(AclInterfaceAddDel.class);
        int retval = check(call, req.swIfIndex(), new long[] {req.aclIndex()});
        if (retval == 0) {
            retval = call.engine.acls.addDel(req.swIfIndex(), req.isInput(), req.isAdd(), req.aclIndex());
        }
        call.reply(new AclInterfaceAddDelReply().retval(retval));
    }

    /** 0, or -2 for an unknown interface, then -6 for an ACL that does not exist. */
    private static int check(Call call, long swIfIndex, long[] acls) {
        if (call.engine.interfaces.get(swIfIndex) == null) {
            return InterfaceHandlers.INVALID_SW_IF_INDEX;
        }
        return LongStream.of(acls).allMatch(call.engine.acls::exists) ? 0 : AclModel.NO_SUCH_ENTRY;
    }

    /** One interface's lists (none for an unknown interface), or every interface's for ~0. */
    private static void interfaceListDump(Call call) {
        long swIfIndex = call.request(AclInterfaceListDump.class).swIfIndex();
        List<MockInterface> which = swIfIndex == AclModel.NEW ? call.engine.interfaces.all()
                : call.engine.interfaces.get(swIfIndex) == null ? List.of()
                : List.of(call.engine.interfaces.get(swIfIndex));
        for (MockInterface i : which) {
            List<Long> in = call.engine.acls.inputs(i.swIfIndex());
            long[] all = LongStream.concat(in.stream().mapToLong(Long::longValue),
                    call.engine.acls.outputs(i.swIfIndex()).stream().mapToLong(Long::longValue)).toArray();
            call.reply(new AclInterfaceListDetails().swIfIndex(i.swIfIndex()).nInput(in.size()).acls(all));
        }
    }
}
