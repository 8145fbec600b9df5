package io.jvppmux.mock;

import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mock's interface table and the {@code want_interface_events} subscriptions. Engine thread only.
 */
final class InterfaceModel {
    private final Engine engine;
    private final List<MockInterface> initial;
    private final TreeMap<Integer, MockInterface> table = new TreeMap<>();
    /** Subscribers and the pid each registered with. */
    private final Map<ClientLink, Long> subscribers = new LinkedHashMap<>();

    InterfaceModel(Engine engine, List<MockInterface> initial) {
        this.engine = engine;
        this.initial = List.copyOf(initial);
        reset();
    }

    /** Back to the initial table, no subscribers (a VPP restart). */
    void reset() {
        table.clear();
        for (MockInterface i : initial) {
            table.put(i.swIfIndex(), i);
        }
        subscribers.clear();
    }

    List<MockInterface> all() {
        return new ArrayList<>(table.values());
    }

    MockInterface get(long swIfIndex) {
        return swIfIndex < 0 || swIfIndex > Integer.MAX_VALUE ? null : table.get((int) swIfIndex);
    }

    void put(MockInterface i) {
        table.put(i.swIfIndex(), i);
    }

    void remove(int swIfIndex) {
        table.remove(swIfIndex);
    }

    /** The lowest sw_if_index not in use. */
    int freeIndex() {
        int i = 0;
        while (table.containsKey(i)) {
            i++;
        }
        return i;
    }

    /** The lowest loopback instance N with no {@code loopN}. */
    int freeLoopbackInstance() {
        int n = 0;
        while (true) {
            String name = "loop" + n;
            if (table.values().stream().noneMatch(i -> i.name().equals(name))) {
                return n;
            }
            n++;
        }
    }

    /** Registers {@code link}; false when it is registered already. */
    boolean subscribe(ClientLink link, long pid) {
        return subscribers.putIfAbsent(link, pid) == null;
    }

    /** Unregisters {@code link}; false when it was not registered. */
    boolean unsubscribe(ClientLink link) {
        return subscribers.remove(link) != null;
    }

    /** Drops the subscriptions of a client that went away. */
    void forget(ClientLink link) {
        subscribers.remove(link);
    }

    int subscriberCount() {
        return subscribers.size();
    }

    /** Sends {@code sw_interface_event} to every subscriber: client_index and pid echoed from its registration. */
    void notifySubscribers(int swIfIndex, int flags, boolean deleted) {
        subscribers.forEach((link, pid) -> {
            SwInterfaceEvent e = new SwInterfaceEvent()
                    .pid(pid)
                    .swIfIndex(Integer.toUnsignedLong(swIfIndex))
                    .flagsValue(flags)
                    .deleted(deleted);
            engine.sendTo(link, e, link.clientIndex(), 0);
        });
    }
}
