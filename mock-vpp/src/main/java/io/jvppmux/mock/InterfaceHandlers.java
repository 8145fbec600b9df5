package io.jvppmux.mock;

import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.CreateLoopbackReply;
import io.jvppmux.binapi.interfaces.DeleteLoopback;
import io.jvppmux.binapi.interfaces.DeleteLoopbackReply;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlagsReply;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGet;
import io.jvppmux.binapi.interfaces.SwInterfaceTxPlacementGetReply;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import io.jvppmux.binapi.interfaces.WantInterfaceEventsReply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Built-in behaviour of the interface messages, over {@link InterfaceModel}. */
final class InterfaceHandlers {
    /** VNET_API_ERROR_INVALID_SW_IF_INDEX. */
    static final int INVALID_SW_IF_INDEX = -2;
    /** VNET_API_ERROR_INVALID_REGISTRATION. */
    static final int INVALID_REGISTRATION = -31;
    /** VNET_API_ERROR_EAGAIN: "retry stream call with cursor". */
    static final int EAGAIN = -165;
    /** VNET_API_ERROR_NO_SUCH_ENTRY. */
    static final int NO_SUCH_ENTRY = -6;
    private static final long ALL = 0xffffffffL;

    private InterfaceHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("sw_interface_dump", InterfaceHandlers::dump);
        handlers.put("create_loopback", InterfaceHandlers::createLoopback);
        handlers.put("delete_loopback", InterfaceHandlers::deleteLoopback);
        handlers.put("sw_interface_set_flags", InterfaceHandlers::setFlags);
        handlers.put("want_interface_events", InterfaceHandlers::wantEvents);
        handlers.put("sw_interface_tx_placement_get", InterfaceHandlers::txPlacement);
    }

    /** Details of the selected interfaces, no terminator; sw_if_index 0 or ~0 means all (as VPP). */
    private static void dump(Call call) {
        SwInterfaceDump req = call.request(SwInterfaceDump.class);
        InterfaceModel model = call.engine.interfaces;
        long wanted = req.swIfIndex();
        for (MockInterface i : model.all()) {
            boolean selected = req.nameFilterValid() ? i.name().contains(req.nameFilter())
                    : wanted == ALL || wanted == 0 || wanted == i.swIfIndex();
            if (selected) {
                call.reply(details(i));
            }
        }
    }

    /** {@code sw_interface_details} of {@code i}, laid out as VPP fills it. */
    static SwInterfaceDetails details(MockInterface i) {
        return new SwInterfaceDetails()
                .swIfIndex(i.swIfIndex())
                .supSwIfIndex(i.swIfIndex())
                .l2Address(new MacAddress(i.mac()))
                .flagsValue(i.flags())
                .linkMtu(i.mtu())
                .mtu(new long[] {i.mtu(), 0, 0, 0})
                .interfaceName(i.name())
                .interfaceDevType(i.devType())
                .tag("");
    }

    private static void createLoopback(Call call) {
        InterfaceModel model = call.engine.interfaces;
        byte[] mac = call.request(CreateLoopback.class).macAddress().bytes();
        int instance = model.freeLoopbackInstance();
        if (isZero(mac)) {
            mac = new byte[] {(byte) 0xde, (byte) 0xad, 0, 0, 0, (byte) instance};
        }
        int index = model.freeIndex();
        model.put(MockInterface.loopback(index, instance, mac));
        call.reply(new CreateLoopbackReply().retval(0).swIfIndex(index));
        model.notifySubscribers(index, 0, false);
    }

    private static void deleteLoopback(Call call) {
        InterfaceModel model = call.engine.interfaces;
        long index = call.request(DeleteLoopback.class).swIfIndex();
        MockInterface i = model.get(index);
        if (i == null || !i.isLoopback()) {
            call.reply(new DeleteLoopbackReply().retval(INVALID_SW_IF_INDEX));
            return;
        }
        model.remove(i.swIfIndex());
        call.engine.addresses.deleteAll(i.swIfIndex());
        call.engine.acls.forgetInterface(i.swIfIndex());
        call.reply(new DeleteLoopbackReply().retval(0));
        model.notifySubscribers(i.swIfIndex(), 0, true);
    }

    /** Admin up/down; the link follows the admin state, as on a loopback. */
    private static void setFlags(Call call) {
        InterfaceModel model = call.engine.interfaces;
        SwInterfaceSetFlags req = call.request(SwInterfaceSetFlags.class);
        MockInterface i = model.get(req.swIfIndex());
        if (i == null) {
            call.reply(new SwInterfaceSetFlagsReply().retval(INVALID_SW_IF_INDEX));
            return;
        }
        boolean up = (req.flagsValue() & 1) != 0;
        MockInterface changed = i.withState(up, up);
        model.put(changed);
        call.reply(new SwInterfaceSetFlagsReply().retval(0));
        if (!changed.equals(i)) {
            model.notifySubscribers(changed.swIfIndex(), changed.flags(), false);
        }
    }

    private static void wantEvents(Call call) {
        InterfaceModel model = call.engine.interfaces;
        WantInterfaceEvents req = call.request(WantInterfaceEvents.class);
        boolean ok = req.enableDisable() != 0 ? model.subscribe(call.link, req.pid()) : model.unsubscribe(call.link);
        call.reply(new WantInterfaceEventsReply().retval(ok ? 0 : INVALID_REGISTRATION));
    }

    /**
     * The cursor stream over every interface's tx queues ({@link MockInterface#txQueues()}), as VPP 26.10
     * answers it: retval -6 (NO_SUCH_ENTRY), cursor 0 and no details while no interface has a tx queue (local0
     * and loopbacks have none), whatever the index; then -2 for an unknown index. A request answers at most
     * half of the queues (at least one) and then, if some remain, yields with retval -165 and the cursor to
     * continue from (VPP yields after about 1 ms of work); the last batch ends with retval 0 and cursor ~0.
     */
    private static void txPlacement(Call call) {
        InterfaceModel model = call.engine.interfaces;
        SwInterfaceTxPlacementGet req = call.request(SwInterfaceTxPlacementGet.class);
        if (model.all().stream().allMatch(i -> i.txQueues() == 0)) {
            call.reply(new SwInterfaceTxPlacementGetReply().retval(NO_SUCH_ENTRY).cursor(0));
            return;
        }
        List<long[]> queues = new ArrayList<>();
        for (MockInterface i : model.all()) {
            if (req.swIfIndex() == ALL || req.swIfIndex() == i.swIfIndex()) {
                for (int q = 0; q < i.txQueues(); q++) {
                    queues.add(new long[] {i.swIfIndex(), q});
                }
            }
        }
        if (req.swIfIndex() != ALL && model.get(req.swIfIndex()) == null) {
            call.reply(new SwInterfaceTxPlacementGetReply().retval(INVALID_SW_IF_INDEX).cursor(0));
            return;
        }
        int total = queues.size();
        int batch = Math.max(1, (total + 1) / 2);
        long start = Math.min(req.cursor(), total);
        long end = Math.min(total, start + batch);
        for (long e = start; e < end; e++) {
            long[] q = queues.get((int) e);
            call.reply(new SwInterfaceTxPlacementDetails()
                    .swIfIndex(q[0])
                    .queueId(q[1])
                    .shared(0)
                    .threads(new long[] {0}));
        }
        boolean more = end < total;
        call.reply(new SwInterfaceTxPlacementGetReply().retval(more ? EAGAIN : 0).cursor(more ? end : ALL));
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
