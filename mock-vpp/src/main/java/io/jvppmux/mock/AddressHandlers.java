package io.jvppmux.mock;

import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddressReply;
import io.jvppmux.binapi.ip.IpAddressDetails;
import io.jvppmux.binapi.ip.IpAddressDump;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.Map;

/**
 * Built-in behaviour of interface addresses, over {@link AddressModel}, with VPP 26.10's answers (checked by the
 * live differential test): an unknown interface is refused with -2, an address the interface has with -105, the
 * delete of one it has not with -60; {@code del_all} empties the interface; the dump lists one interface's
 * addresses of one family in the order they were added (none for an unknown interface).
 */
final class AddressHandlers {
    /** VNET_API_ERROR_ADDRESS_IN_USE. */
    static final int ADDRESS_IN_USE = -105;
    /** VNET_API_ERROR_ADDRESS_NOT_FOUND_FOR_INTERFACE. */
    static final int ADDRESS_NOT_FOUND = -60;

    private AddressHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("sw_interface_add_del_address", AddressHandlers::addDel);
        handlers.put("ip_address_dump", AddressHandlers::dump);
    }

    private static void addDel(Call call) {
        SwInterfaceAddDelAddress req = call.request(SwInterfaceAddDelAddress.class);
        AddressModel addresses = call.engine.addresses;
        int retval;
        if (call.engine.interfaces.get(req.swIfIndex()) == null) {
            retval = InterfaceHandlers.INVALID_SW_IF_INDEX;
        } else if (req.delAll()) {
            addresses.deleteAll(req.swIfIndex());
            retval = 0;
        } else if (req.isAdd()) {
            retval = addresses.add(req.swIfIndex(), req.prefix()) ? 0 : ADDRESS_IN_USE;
        } else {
            retval = addresses.delete(req.swIfIndex(), req.prefix()) ? 0 : ADDRESS_NOT_FOUND;
        }
        call.reply(new SwInterfaceAddDelAddressReply().retval(retval));
    }

    private static void dump(Call call) {
        IpAddressDump req = call.request(IpAddressDump.class);
        for (Prefix p : call.engine.addresses.of(req.swIfIndex())) {
            if (RouteModel.isIp6(p) == req.isIpv6()) {
                call.reply(new IpAddressDetails().swIfIndex(req.swIfIndex()).prefix(p));
            }
        }
    }
}
