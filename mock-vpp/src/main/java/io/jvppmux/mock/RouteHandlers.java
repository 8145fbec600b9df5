package io.jvppmux.mock;

import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteAddDel;
import io.jvppmux.binapi.ip.IpRouteAddDelReply;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTableAddDel;
import io.jvppmux.binapi.ip.IpTableAddDelReply;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Built-in behaviour of the IP routing messages, over {@link RouteModel}, with VPP 26.10's answers (checked by the
 * live differential test): a route in a table that was not made is refused with -3, a prefix longer than its
 * family's address with -171, a path over an interface that does not exist with -54; deleting what is not
 * there, and adding or deleting a table twice, succeed; a dump of a table that does not exist is empty. A dump of
 * table 0 also holds the routes of the addresses of interfaces that are up ({@link AddressModel}).
 */
final class RouteHandlers {
    /** VNET_API_ERROR_NO_SUCH_FIB. */
    static final int NO_SUCH_FIB = -3;
    /** VNET_API_ERROR_NO_MATCHING_INTERFACE. */
    static final int NO_MATCHING_INTERFACE = -54;
    /** VNET_API_ERROR_INVALID_PREFIX_LENGTH. */
    static final int INVALID_PREFIX_LENGTH = -171;

    private RouteHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("ip_route_add_del", RouteHandlers::addDel);
        handlers.put("ip_route_dump", RouteHandlers::dump);
        handlers.put("ip_table_add_del", RouteHandlers::tableAddDel);
    }

    private static void addDel(Call call) {
        IpRouteAddDel req = call.request(IpRouteAddDel.class);
        RouteModel routes = call.engine.routes;
        int retval = check(call, req.route());
        if (retval == 0) {
            if (req.isAdd()) {
                routes.add(req.route(), req.isMultipath());
            } else {
                routes.delete(req.route(), req.isMultipath());
            }
        }
        call.reply(new IpRouteAddDelReply().retval(retval).statsIndex(0));
    }

    /** 0, or why VPP refuses the route: in its order, the table, the prefix length, then each path's interface. */
    private static int check(Call call, IpRoute route) {
        boolean isIp6 = RouteModel.isIp6(route.prefix());
        if (!call.engine.routes.hasTable(isIp6, route.tableId())) {
            return NO_SUCH_FIB;
        }
        if (route.prefix().len() > (isIp6 ? 128 : 32)) {
            return INVALID_PREFIX_LENGTH;
        }
        for (FibPath p : route.paths()) {
            if (p.swIfIndex() != RouteModel.NO_INTERFACE && call.engine.interfaces.get(p.swIfIndex()) == null) {
                return NO_MATCHING_INTERFACE;
            }
        }
        return 0;
    }

    /** Every route of the table, no terminator (the mux's control_ping ends the dump). */
    private static void dump(Call call) {
        IpRouteDump req = call.request(IpRouteDump.class);
        Collection<IpRoute> table = call.engine.routes.routes(req.table().isIp6(), req.table().tableId());
        if (table == null) {
            return;
        }
        Map<String, IpRoute> connected = new LinkedHashMap<>();
        if (req.table().tableId() == 0) {
            List<MockInterface> up = call.engine.interfaces.all().stream().filter(MockInterface::adminUp).toList();
            for (IpRoute r : call.engine.addresses.connectedRoutes(up, req.table().isIp6())) {
                connected.put(RouteModel.key(r.prefix()), r);
            }
        }
        for (IpRoute r : table) {
            if (!connected.containsKey(RouteModel.key(r.prefix()))) {  // an interface's route outranks the API's
                call.reply(new IpRouteDetails().route(r));
            }
        }
        connected.values().forEach(r -> call.reply(new IpRouteDetails().route(r)));
    }

    private static void tableAddDel(Call call) {
        IpTableAddDel req = call.request(IpTableAddDel.class);
        if (req.isAdd()) {
            call.engine.routes.createTable(req.table().isIp6(), req.table().tableId());
        } else {
            call.engine.routes.deleteTable(req.table().isIp6(), req.table().tableId());
        }
        call.reply(new IpTableAddDelReply().retval(0));
    }
}
