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

    private IpfixHandlers() {
    }

    static void register(Map<String, Handler> handlers) {
        handlers.put("ipfix_all_exporter_get", IpfixHandlers::allExporters);
    }

    private static void allExporters(Call call) {
        if (call.request(IpfixAllExporterGet.class).cursor() == 0) {
            call.reply(new IpfixAllExporterDetails().vrfId(ALL));
        }
        call.reply(new IpfixAllExporterGetReply().retval(0).cursor(ALL));
    }
}
