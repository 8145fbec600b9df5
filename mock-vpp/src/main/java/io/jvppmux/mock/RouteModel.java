package io.jvppmux.mock;

import io.jvppmux.binapi.fib_types.FibPath;
import io.jvppmux.binapi.fib_types.FibPathNh;
import io.jvppmux.binapi.fib_types.FibPathNhProto;
import io.jvppmux.binapi.fib_types.FibPathType;
import io.jvppmux.binapi.ip.IpRoute;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IP routing tables of mock-vpp, as VPP 26.10 keeps them seen through its API (engine thread only): table 0 of
 * each family from the start, others made by {@code ip_table_add_del}; each table holds the routes VPP itself puts
 * in a new table (IPv4: 0.0.0.0/0, 240.0.0.0/4, 224.0.0.0/4, 0.0.0.0/32 and 255.255.255.255/32, all dropping; IPv6:
 * ::/0 dropping and fe80::/10) and the routes added through the API. A route is found by its prefix with the host
 * bits cleared, but keeps the address it was first added with (VPP dumps 20.0.2.9/24 as it was given).
 */
final class RouteModel {
    /** sw_if_index ~0: no interface. */
    static final long NO_INTERFACE = 0xffffffffL;

    private final Map<Long, Map<String, IpRoute>> ip4 = new HashMap<>();
    private final Map<Long, Map<String, IpRoute>> ip6 = new HashMap<>();

    RouteModel() {
        createTable(false, 0);
        createTable(true, 0);
    }

    private Map<Long, Map<String, IpRoute>> family(boolean isIp6) {
        return isIp6 ? ip6 : ip4;
    }

    /** The routes of a table in the order they were added (VPP's own first), or null when there is no such table. */
    Collection<IpRoute> routes(boolean isIp6, long tableId) {
        Map<String, IpRoute> t = family(isIp6).get(tableId);
        return t == null ? null : t.values();
    }

    boolean hasTable(boolean isIp6, long tableId) {
        return family(isIp6).containsKey(tableId);
    }

    /** Makes the table, with VPP's own routes, unless it exists. */
    void createTable(boolean isIp6, long tableId) {
        family(isIp6).computeIfAbsent(tableId, id -> {
            Map<String, IpRoute> t = new LinkedHashMap<>();
            if (isIp6) {
                put(t, own(id, true, new byte[16], 0, FibPathType.FIB_API_PATH_TYPE_DROP));
                put(t, own(id, true, new byte[] {(byte) 0xfe, (byte) 0x80}, 10, FibPathType.FIB_API_PATH_TYPE_NORMAL));
            } else {
                put(t, own(id, false, new byte[4], 0, FibPathType.FIB_API_PATH_TYPE_DROP));
                put(t, own(id, false, new byte[] {(byte) 240, 0, 0, 0}, 4, FibPathType.FIB_API_PATH_TYPE_DROP));
                put(t, own(id, false, new byte[] {(byte) 224, 0, 0, 0}, 4, FibPathType.FIB_API_PATH_TYPE_DROP));
                put(t, own(id, false, new byte[4], 32, FibPathType.FIB_API_PATH_TYPE_DROP));
                put(t, own(id, false, new byte[] {(byte) 255, (byte) 255, (byte) 255, (byte) 255}, 32,
                        FibPathType.FIB_API_PATH_TYPE_DROP));
            }
            return t;
        });
    }

    /** Removes a table and its routes; table 0 stays (VPP's own sources hold it). */
    void deleteTable(boolean isIp6, long tableId) {
        if (tableId != 0) {
            family(isIp6).remove(tableId);
        }
    }

    /**
     * Adds {@code route} to its table (which must exist): a new prefix is added; an existing one gets these paths
     * instead of its own, or, {@code multipath}, those of them it does not have yet.
     */
    void add(IpRoute route, boolean multipath) {
        Map<String, IpRoute> t = table(route);
        String key = key(route.prefix());
        IpRoute old = t.get(key);
        List<FibPath> paths = normalized(route.paths());
        if (old == null) {
            t.put(key, new IpRoute().tableId(route.tableId()).prefix(route.prefix()).paths(paths));
        } else if (!multipath) {
            old.paths(paths);
        } else {
            List<FibPath> merged = new ArrayList<>(old.paths());
            paths.stream().filter(p -> !merged.contains(p)).forEach(merged::add);
            old.paths(merged);
        }
    }

    /** Removes the route, or, {@code multipath}, these paths of it (the route with its last path); absent is no error. */
    void delete(IpRoute route, boolean multipath) {
        Map<String, IpRoute> t = table(route);
        String key = key(route.prefix());
        IpRoute old = t.get(key);
        if (old == null) {
            return;
        }
        if (!multipath) {
            t.remove(key);
            return;
        }
        List<FibPath> left = new ArrayList<>(old.paths());
        left.removeAll(normalized(route.paths()));
        if (left.isEmpty()) {
            t.remove(key);
        } else {
            old.paths(left);
        }
    }

    private Map<String, IpRoute> table(IpRoute route) {
        Map<String, IpRoute> t = family(isIp6(route.prefix())).get(route.tableId());
        if (t == null) {
            throw new IllegalStateException("no table " + route.tableId() + ": check hasTable first");
        }
        return t;
    }

    static boolean isIp6(Prefix p) {
        return p.address().af() == AddressFamily.ADDRESS_IP6;
    }

    /** A weight of 0 is a weight of 1, as VPP makes it. */
    private static List<FibPath> normalized(List<FibPath> paths) {
        List<FibPath> out = new ArrayList<>(paths.size());
        for (FibPath p : paths) {
            out.add(p.weight() == 0 ? p.weight(1) : p);
        }
        return out;
    }

    /** The prefix with its host bits cleared, as text: the identity of a route in its table. */
    static String key(Prefix p) {
        StringBuilder b = new StringBuilder();
        for (byte x : masked(address(p), p.len())) {
            b.append(String.format("%02x", x & 0xFF));
        }
        return b.append('/').append(p.len()).toString();
    }

    /** The prefix's address bytes: 4 for IPv4, 16 for IPv6. */
    static byte[] address(Prefix p) {
        return isIp6(p) ? p.address().un().ip6().bytes() : p.address().un().ip4().bytes();
    }

    /** {@code a} with the bits past the first {@code len} cleared. */
    static byte[] masked(byte[] a, int len) {
        byte[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, len - 8 * i));
            out[i] = (byte) (out[i] & (0xFF << (8 - keep)));
        }
        return out;
    }

    /** A prefix of {@code address} (4 bytes: IPv4, 16: IPv6). */
    static Prefix prefix(byte[] address, int len) {
        return new Prefix().address(new Address()
                .af(address.length == 16 ? AddressFamily.ADDRESS_IP6 : AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().raw(address))).len(len);
    }

    /** A route of table {@code tableId} with one path of {@code type} over {@code swIfIndex} via {@code nextHop}. */
    static IpRoute route(long tableId, Prefix p, FibPathType type, long swIfIndex, byte[] nextHop) {
        FibPath path = new FibPath().swIfIndex(swIfIndex).weight(1).type(type)
                .proto(isIp6(p) ? FibPathNhProto.FIB_API_PATH_NH_PROTO_IP6 : FibPathNhProto.FIB_API_PATH_NH_PROTO_IP4)
                .nh(new FibPathNh().address(new AddressUnion().raw(nextHop)));
        return new IpRoute().tableId(tableId).prefix(p).paths(List.of(path));
    }

    private static void put(Map<String, IpRoute> t, IpRoute r) {
        t.put(key(r.prefix()), r);
    }

    /** One of the routes VPP puts into a new table: one path of {@code type}, no interface, no next hop. */
    private static IpRoute own(long tableId, boolean isIp6, byte[] address, int len, FibPathType type) {
        byte[] full = new byte[isIp6 ? 16 : 4];
        System.arraycopy(address, 0, full, 0, address.length);
        return route(tableId, prefix(full, len), type, NO_INTERFACE, new byte[full.length]);
    }
}
