package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.MultiRequestContext;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The seed's example: dump VPP's interfaces and print one line each. */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "List VPP's interfaces: sw_if_index, name, admin and link state, MAC, MTU.")
final class InterfacesCommand implements Callable<Integer> {
    private static final String FORMAT = "%-11s  %-24s  %-5s  %-4s  %-17s  %s%n";

    @Mixin
    private TargetOptions target;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            out.printf(FORMAT, "sw_if_index", "name", "admin", "link", "mac", "mtu");
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            while (true) {
                SwInterfaceDetails d = new SwInterfaceDetails();
                if (ctx.receiveReply(d)) {
                    break;
                }
                out.printf(FORMAT, d.swIfIndex(), d.interfaceName(),
                        state(d, IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP),
                        state(d, IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP), mac(d.l2Address().bytes()),
                        d.mtu()[0] != 0 ? d.mtu()[0] : d.linkMtu());
            }
        }
        out.flush();
        return 0;
    }

    private static String state(SwInterfaceDetails d, IfStatusFlags flag) {
        return (d.flagsValue() & flag.value()) != 0 ? "up" : "down";
    }

    static String mac(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
