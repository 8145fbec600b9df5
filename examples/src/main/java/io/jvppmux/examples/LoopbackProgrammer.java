package io.jvppmux.examples;

import io.jvppmux.api.ApiChannel;
import io.jvppmux.api.ListenerRegistration;
import io.jvppmux.api.VppException;
import io.jvppmux.api.VppMux;
import io.jvppmux.binapi.ethernet_types.MacAddress;
import io.jvppmux.binapi.interface_types.IfStatusFlags;
import io.jvppmux.binapi.interfaces.CreateLoopback;
import io.jvppmux.binapi.interfaces.SwInterfaceAddDelAddress;
import io.jvppmux.binapi.interfaces.SwInterfaceDetails;
import io.jvppmux.binapi.interfaces.SwInterfaceDump;
import io.jvppmux.binapi.interfaces.SwInterfaceSetFlags;
import io.jvppmux.binapi.ip.IpAddressDetails;
import io.jvppmux.binapi.ip.IpAddressDump;
import io.jvppmux.binapi.ip_types.Address;
import io.jvppmux.binapi.ip_types.AddressFamily;
import io.jvppmux.binapi.ip_types.AddressUnion;
import io.jvppmux.binapi.ip_types.Ip4Address;
import io.jvppmux.binapi.ip_types.Prefix;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugin 2: keeps a set of loopbacks in VPP, each with its IPv4 address and administratively up, on a channel of
 * its own. {@link #reconcile()} reads what VPP has and does only what is missing, so it is safe to run at any
 * time; it runs at start and, through {@link VppMux#onReconnect}, after every reconnect: a restarted VPP has
 * lost every loopback, and they come back by themselves.
 */
public final class LoopbackProgrammer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoopbackProgrammer.class);
    private static final long ALL = 0xFFFF_FFFFL;

    private final ApiChannel channel;
    private final List<DesiredLoopback> desired;
    private final Map<DesiredLoopback, Long> programmed = new LinkedHashMap<>();
    private final AtomicLong reconciles = new AtomicLong();
    private final ListenerRegistration onReconnect;

    /** Opens its channel and programs {@code desired} now. */
    public LoopbackProgrammer(VppMux mux, List<DesiredLoopback> desired) {
        this.desired = List.copyOf(desired);
        this.channel = mux.newApiChannel();
        try {
            reconcile();
        } catch (RuntimeException e) {
            channel.close();
            throw e;
        }
        onReconnect = mux.onReconnect(this::reconcileAfterReconnect);
    }

    /** Makes VPP hold every desired loopback, address and up state; returns the sw_if_index of each. */
    public synchronized Map<DesiredLoopback, Long> reconcile() {
        Map<String, SwInterfaceDetails> byMac = new HashMap<>();
        for (SwInterfaceDetails d : channel.dump(new SwInterfaceDump().swIfIndex(ALL))) {
            byMac.put(Arrays.toString(d.l2Address().bytes()), d);
        }
        programmed.clear();
        for (DesiredLoopback want : desired) {
            SwInterfaceDetails have = byMac.get(Arrays.toString(want.mac()));
            long index = have != null ? have.swIfIndex() : create(want);
            ensureAddress(index, want);
            if (have == null || (have.flagsValue() & IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP.value()) == 0) {
                channel.call(new SwInterfaceSetFlags().swIfIndex(index)
                        .flagsValue(IfStatusFlags.IF_STATUS_API_FLAG_ADMIN_UP.value()));
                LOG.info("loopback-programmer: sw_if_index {} set up", index);
            }
            programmed.put(want, index);
        }
        reconciles.incrementAndGet();
        return Collections.unmodifiableMap(new LinkedHashMap<>(programmed));
    }

    /** The sw_if_index of each loopback as of the last reconcile. */
    public synchronized Map<DesiredLoopback, Long> programmed() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(programmed));
    }

    /** How many times {@link #reconcile()} ran to the end. */
    public long reconciles() {
        return reconciles.get();
    }

    private long create(DesiredLoopback want) {
        long index = channel.call(new CreateLoopback().macAddress(new MacAddress(want.mac()))).swIfIndex();
        LOG.info("loopback-programmer: created {} as sw_if_index {}", want, index);
        return index;
    }

    private void ensureAddress(long index, DesiredLoopback want) {
        for (IpAddressDetails a : channel.dump(new IpAddressDump().swIfIndex(index).isIpv6(false))) {
            if (a.prefix().len() == want.prefixLen() && Arrays.equals(a.prefix().address().un().ip4().bytes(), want.ip4())) {
                return;
            }
        }
        Prefix p = new Prefix().len(want.prefixLen()).address(new Address().af(AddressFamily.ADDRESS_IP4)
                .un(new AddressUnion().ip4(new Ip4Address(want.ip4()))));
        channel.call(new SwInterfaceAddDelAddress().swIfIndex(index).isAdd(true).prefix(p));
        LOG.info("loopback-programmer: {} on sw_if_index {}", want.prefixText(), index);
    }

    private void reconcileAfterReconnect() {
        try {
            Map<DesiredLoopback, Long> now = reconcile();
            LOG.info("loopback-programmer: VPP reconnected, {} loopbacks reconciled", now.size());
        } catch (VppException e) {
            LOG.warn("loopback-programmer: reconcile after the reconnect failed: {}", e.getMessage());
        }
    }

    /** Stops reconciling and closes the channel; the loopbacks stay in VPP. */
    @Override
    public void close() {
        onReconnect.close();
        channel.close();
    }
}
