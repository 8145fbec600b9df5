package io.jvppmux.mock;

import io.jvppmux.binapi.ipfix_export.IpfixAllExporterDetails;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGet;
import io.jvppmux.binapi.ipfix_export.IpfixAllExporterGetReply;
import java.util.Map;

/**
 * {@code ipfix_all_exporter_get}, a cursor stream every VPP answers with at least one detail: exporter 0
 * exists from the start, unconfigured (collector 0.0.0.0 port 0, VRF ~0, MTU 0, template interval 0).
 */
final class IpfixHandlers {
    private static final long ALL = 0xffffffffL;
    /** VNET_API_ERROR_INVALID_VALUE. */
    private static final int INVALID_VALUE = -7;

    private IpfixHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("ipfix_all_exporter_get", IpfixHandlers::allExporters);
    }

    /** Exporter 0, then retval 0 and cursor ~0; a cursor past the one exporter is -7 (INVALID_VALUE), as in VPP. */
    private static void allExporters(Call call) {
        if (call.request(IpfixAllExporterGet.class).cursor() != 0) {
            call.reply(new IpfixAllExporterGetReply().retval(INVALID_VALUE).cursor(0));
            return;
        }
        call.reply(new IpfixAllExporterDetails().vrfId(ALL));
        call.reply(new IpfixAllExporterGetReply().retval(0).cursor(ALL));
    }
}
