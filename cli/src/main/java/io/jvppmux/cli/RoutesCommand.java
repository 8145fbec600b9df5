package io.jvppmux.cli;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip.IpRouteDetails;
import io.jvppmux.binapi.ip.IpRouteDump;
import io.jvppmux.binapi.ip.IpTable;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Dumps one routing table ({@code ip_route_dump}) and prints a line per route, sorted by prefix (or one JSON array). */
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = "List the routes of one of VPP's IP tables: prefix, then each path (type, interface, next hop).")
final class RoutesCommand implements Callable<Integer> {
    private static final long NO_INTERFACE = 0xffffffffL;

    @Mixin
    private TargetOptions target;
    @Option(names = "--table", paramLabel = "ID", description = "the table id (default: 0)")
    private long table;
    @Option(names = "--ip6", description = "the IPv6 table of that id (default: IPv4)")
    private boolean ip6;
    @Option(names = "--json", description = "print a JSON array of objects")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (table < 0 || table > 0xffffffffL) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--table " + table + ": a table id is 0..4294967295");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<IpRoute> routes;
        Map<Long, String> names = new HashMap<>();
        try (Target t = Target.open(target); ApiChannel ch = t.mux().newApiChannel()) {
            for (SwInterfaceDetails d : ch.dump(new SwInterfaceDump())) {
                names.put(d.swIfIndex(), d.interfaceName());
            }
            routes = ch.dump(new IpRouteDump().table(new IpTable().tableId(table).isIp6(ip6))).stream()
                    .map(IpRouteDetails::route).sorted(Comparator.comparing(RoutesCommand::sortKey)).toList();
        }
        if (json) {
            Json doc = new Json().beginArray();
            for (IpRoute r : routes) {
                doc.beginObject().field("prefix", prefix(r)).unsignedField("table", r.tableId()).name("paths").beginArray();
                for (FibPath p : r.paths()) {
                    doc.beginObject().field("type", type(p)).unsignedField("sw_if_index", p.swIfIndex())
                            .field("interface", names.getOrDefault(p.swIfIndex(), "")).field("next_hop", nextHop(p))
                            .field("weight", p.weight()).field("preference", p.preference()).end();
                }
                doc.end().end();
            }
            out.println(doc.end());
        } else {
            out.printf("%-43s  %s%n", "prefix", "paths");
            for (IpRoute r : routes) {
                StringBuilder paths = new StringBuilder();
                for (FibPath p : r.paths()) {
                    paths.append(paths.length() == 0 ? "" : "; ").append(describe(p, names));
                }
                out.printf("%-43s  %s%n", prefix(r), paths);
            }
            out.printf(routes.isEmpty() ? "no routes in %2$s table %3$d (VPP dumps a table it does not have as empty)%n"
                    : "%d routes in %s table %d%n", routes.size(), ip6 ? "IPv6" : "IPv4", table);
        }
        out.flush();
        return 0;
    }

    /** "normal via 10.0.0.2 loop0 (1)", "drop", "local loop0 (1) 10.0.0.1". */
    private String describe(FibPath p, Map<Long, String> names) {
        StringBuilder b = new StringBuilder(type(p));
        String nh = nextHop(p);
        if (!nh.isEmpty()) {
            b.append(" via ").append(nh);
        }
        if (p.swIfIndex() != NO_INTERFACE) {
            b.append(' ').append(names.getOrDefault(p.swIfIndex(), "?")).append(" (").append(p.swIfIndex()).append(')');
        }
        if (p.weight() > 1) {
            b.append(" weight ").append(p.weight());
        }
        return b.toString();
    }

    private static String type(FibPath p) {
        String name = p.type().name();
        return name.startsWith("FIB_API_PATH_TYPE_") ? name.substring(18).toLowerCase(Locale.ROOT)
                : "type-" + p.typeValue();
    }

    /** The next hop as text, or "" when it is all zeros (none). */
    private String nextHop(FibPath p) {
        byte[] a = ip6 ? p.nh().address().ip6().bytes() : p.nh().address().ip4().bytes();
        return Arrays.equals(a, new byte[a.length]) ? "" : text(a);
    }

    private String prefix(IpRoute r) {
        byte[] a = ip6 ? r.prefix().address().un().ip6().bytes() : r.prefix().address().un().ip4().bytes();
        return text(a) + "/" + r.prefix().len();
    }

    /** Address bytes, then length, as a hex string that sorts as the prefixes should. */
    private static String sortKey(IpRoute r) {
        byte[] a = r.prefix().address().un().raw();
        StringBuilder b = new StringBuilder();
        for (byte x : a) {
            b.append(String.format("%02x", x & 0xFF));
        }
        return b.append(String.format("%03d", r.prefix().len())).toString();
    }

    /** Dotted IPv4, or IPv6 with its longest run of two or more zero groups written "::" (RFC 5952). */
    static String text(byte[] a) {
        String full;
        try {
            full = InetAddress.getByAddress(a).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of " + a.length + " bytes", e);
        }
        if (a.length != 16) {
            return full;
        }
        String[] groups = full.split(":");
        int best = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; ) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                best = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        if (best < 0) {
            return full;
        }
        return String.join(":", Arrays.copyOfRange(groups, 0, best)) + "::"
                + String.join(":", Arrays.copyOfRange(groups, best + bestLen, groups.length));
    }
}
