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
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The seed's example: dump VPP's interfaces and print one line each (or one JSON array). */
@Command(name = "interfaces", mixinStandardHelpOptions = true,
        description = "List VPP's interfaces: sw_if_index, name, admin and link state, MAC, MTU.")
final class InterfacesCommand implements Callable<Integer> {
    private static final String FORMAT = "%-11s  %-24s  %-5s  %-4s  %-17s  %s%n";

    @Mixin
    private TargetOptions target;
    @Option(names = "--json", description = "print a JSON array of objects")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Json doc = new Json().beginArray();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            if (!json) {
                out.printf(FORMAT, "sw_if_index", "name", "admin", "link", "mac", "mtu");
            }
            MultiRequestContext ctx = ch.sendMultiRequest(new SwInterfaceDump());
            while (true) {
                SwInterfaceDetails d = new SwInterfaceDetails();
                if (ctx.receiveReply(d)) {
                    break;
                }
                boolean admin = up(d, IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP);
                boolean link = up(d, IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP);
                String mac = mac(d.l2Address().bytes());
                long mtu = d.mtu()[0] != 0 ? d.mtu()[0] : d.linkMtu();
                if (json) {
                    doc.beginObject().field("sw_if_index", d.swIfIndex()).field("name", d.interfaceName())
                            .field("admin_up", admin).field("link_up", link).field("mac", mac).field("mtu", mtu).end();
                } else {
                    out.printf(FORMAT, d.swIfIndex(), d.interfaceName(), admin ? "up" : "down", link ? "up" : "down",
                            mac, mtu);
                }
            }
        }
        if (json) {
            out.println(doc.end());
        }
        out.flush();
        return 0;
    }

    private static boolean up(SwInterfaceDetails d, IfStatusFlags flag) {
        return (d.flagsValue() & flag.value()) != 0;
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
