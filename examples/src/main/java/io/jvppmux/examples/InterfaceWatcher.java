package io.jvppmux.examples;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.Subscription;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceEvent;
import io.jvppmux.binapi.interfaces.WantInterfaceEvents;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin 1: keeps a view of VPP's interfaces and their state, on a channel of its own. It reads the whole table
 * once ({@code sw_interface_dump}), then follows {@code sw_interface_event}s on its own thread; an event for an
 * interface it does not know yet (just created) makes it ask VPP for that interface's name. After a reconnect
 * the mux restores the event registration by itself; the watcher reads the table again
 * ({@link VppMux#onReconnect}), because events sent while the connection was down are lost.
 */
public final class InterfaceWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InterfaceWatcher.class);
    private static final long ALL = 0xFFFF_FFFFL;

    private final ApiChannel channel;
    private final Subscription<SwInterfaceEvent> events;
    private final Map<Long, InterfaceState> view = new TreeMap<>();
    private final AtomicLong eventsSeen = new AtomicLong();
    private final AtomicLong resyncs = new AtomicLong();
    private final ListenerRegistration onReconnect;
    private final Thread reader;
    private volatile boolean closed;

    /** Opens its channel, reads the table, subscribes and starts following events. */
    public InterfaceWatcher(VppMux mux) {
        channel = mux.newApiChannel();
        try {
            events = channel.subscribeNotification(SwInterfaceEvent.DESCRIPTOR, 1024);
            channel.call(new WantInterfaceEvents().enableDisable(1).pid(ProcessHandle.current().pid()));
            resync();
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        onReconnect = mux.onReconnect(this::resyncAfterReconnect);
        reader = new Thread(this::follow, "interface-watcher");
        reader.setDaemon(true);
        reader.start();
    }

    /** The view now, by sw_if_index. */
    public synchronized Map<Long, InterfaceState> view() {
        return Map.copyOf(view);
    }

    /** The interface called {@code name}, or null. */
    public synchronized InterfaceState byName(String name) {
        return view.values().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null);
    }

    /** Events applied so far. */
    public long eventsSeen() {
        return eventsSeen.get();
    }

    /** Times the whole table was read again after a reconnect. */
    public long resyncs() {
        return resyncs.get();
    }

    private void resync() {
        Map<Long, InterfaceState> now = new TreeMap<>();
        for (SwInterfaceDetails d : channel.dump(new SwInterfaceDump().swIfIndex(ALL))) {
            now.put(d.swIfIndex(), state(d.swIfIndex(), d.interfaceName(), d.flagsValue()));
        }
        synchronized (this) {
            view.clear();
            view.putAll(now);
        }
    }

    private void resyncAfterReconnect() {
        try {
            resync();
            resyncs.incrementAndGet();
            LOG.info("interface-watcher: VPP reconnected, {} interfaces read again", view().size());
        } catch (VppException e) {
            LOG.warn("interface-watcher: cannot read the interfaces after the reconnect: {}", e.getMessage());
        }
    }

    private void follow() {
        while (!closed) {
            try {
                SwInterfaceEvent e = events.poll(Duration.ofMillis(200));
                if (e != null) {
                    apply(e);
                }
            } catch (VppException e) {
                LOG.warn("interface-watcher: {}", e.getMessage());
            }
        }
    }

    private void apply(SwInterfaceEvent e) {
        long index = e.swIfIndex();
        InterfaceState before;
        synchronized (this) {
            before = view.get(index);
        }
        InterfaceState after = null;
        if (!e.deleted()) {
            String name = before != null ? before.name() : nameOf(index);
            after = state(index, name, e.flagsValue());
        }
        synchronized (this) {
            if (after == null) {
                view.remove(index);
            } else {
                view.put(index, after);
            }
        }
        eventsSeen.incrementAndGet();
        LOG.info("interface-watcher: {}", after != null ? after : index + " deleted");
    }

    private String nameOf(long index) {
        for (SwInterfaceDetails d : channel.dump(new SwInterfaceDump().swIfIndex(index))) {
            if (d.swIfIndex() == index) {
                return d.interfaceName();
            }
        }
        return "sw_if_index " + index;
    }

    private static InterfaceState state(long index, String name, int flags) {
        return new InterfaceState(index, name, (flags & IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP.value()) != 0,
                (flags & IfStatusFlags.IF_STATUS_API_FLAG_LINK_UP.value()) != 0);
    }

    /** Stops following, tells VPP (when connected) and closes the channel. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        onReconnect.close();
        reader.join(2_000);
        try {
            channel.call(new WantInterfaceEvents().enableDisable(0).pid(ProcessHandle.current().pid()));
        } catch (VppException e) {
            LOG.debug("interface-watcher: events not disabled: {}", e.getMessage());
        }
        events.close();
        channel.close();
    }
}
